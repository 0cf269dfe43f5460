"""The first entries of the concept thesaurus (matchmaking.models.Concept), and how they are loaded.

Every service area and target group of fixtures/taxonomies.json is reached by at least one concept.
The words come from the booklet's own vocabulary and from the ordinary words municipal staff use
for the same things. Words that nearly every need uses («effekt», «ansatte», «økonomi», «aktivitet»)
are left out on purpose: a concept that every text reaches says nothing.
Loaded by the data migration 0003 and again by `manage.py load_booklet` (which first creates the
service areas and target groups the concepts link to); a curator's later changes are kept: a concept
that exists is never overwritten, and links are only added.
"""

from __future__ import annotations

# slug, name, terms (one word or phrase each), service area slugs, target group slugs.
SEED: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "demens",
        "demens",
        (
            "dement", "demente", "demenssykdom", "hukommelsessykdom", "hukommelsesproblemer", "hukommelsestap",
            "hukommelse", "Alzheimer", "glemsk", "glemsomhet", "kognitiv svikt", "minnesvikt", "demensomsorg",
        ),
        ("eldreomsorg", "helse"),
        ("personer-med-demens",),
    ),
    (
        "parorende",
        "pårørende",
        ("pårørende", "de nærmeste", "familiemedlemmer", "omsorgsbyrde", "avlastning", "etterlatte"),
        (),
        ("parorende",),
    ),
    (
        "sykehjem",
        "sykehjem og hjemmetjenester",
        (
            "sykehjem", "beboere", "beboerne", "omsorgsbolig", "hjemmetjeneste",
            "hjemmesykepleie", "hjemmeboende", "langtidsplass", "bo- og behandlingssenter", "omsorgssenter",
        ),
        ("eldreomsorg", "helse"),
        ("eldre",),
    ),
    (
        "eldre",
        "eldre",
        ("eldre", "pensjonister", "seniorer", "alderdom", "besteforeldre", "gamle", "eldreomsorg", "de eldste"),
        ("eldreomsorg",),
        ("eldre",),
    ),
    (
        "ensomhet",
        "ensomhet",
        (
            "ensom", "ensomme", "isolasjon", "isolert", "sosial kontakt", "besøk", "besøksvenn", "selskap",
            "lange dager", "dagene blir lange", "sosialt nettverk",
        ),
        (),
        (),
    ),
    (
        "generasjoner",
        "møter mellom generasjoner",
        ("generasjoner", "generasjonsmøter", "unge og gamle", "på tvers av generasjonene", "besteforeldre"),
        (),
        (),
    ),
    (
        "straffedomte",
        "straffedømte",
        (
            "straffedømt", "tidligere straffedømte", "innsatte", "løslatte", "løslatelse", "løslates", "sonet dom",
            "soning", "soner", "fengsel", "fengselet", "kriminalomsorg", "friomsorg", "tilbakefall", "kriminalitet",
            "lovbrudd", "domfelte", "straff",
        ),
        ("kriminalomsorg", "arbeidsinkludering"),
        ("tidligere-straffedomte",),
    ),
    (
        "rus",
        "rus",
        (
            "rusavhengighet", "rusavhengige", "avhengighet", "rusmisbruk", "rusmisbrukere", "rusproblemer",
            "rusutfordringer", "rusfri", "rusfeltet", "døgnopphold", "døgnbehandling", "rusbehandling",
            "behandlingssted", "behandlingsinstitusjon", "avrusning", "LAR", "substitusjonsbehandling",
            "narkotika", "alkohol", "rusmidler", "rusmiddelbruk",
        ),
        ("psykisk-helse-og-rus",),
        ("personer-med-rusutfordringer",),
    ),
    (
        "psykisk-helse",
        "psykisk helse",
        (
            "psykiske plager", "psykiske lidelser", "psykisk syke", "psykisk uhelse", "psykiatri", "angst",
            "depresjon", "psykososial", "brukermedvirkning",
        ),
        ("psykisk-helse-og-rus", "helse"),
        (),
    ),
    (
        "friluftsliv",
        "friluftsliv",
        (
            "tur", "turer", "på tur", "ut på tur", "ute", "natur", "naturen", "utendørs", "skog", "fjell",
            "ski", "skøyter", "sykkel", "telt", "padling", "friluft",
        ),
        ("kultur-og-fritid",),
        (),
    ),
    (
        "fritidsutstyr",
        "fritidsutstyr",
        (
            "utstyr", "sportsutstyr", "idrettsutstyr", "turutstyr", "utlån", "låne", "utlånsordning",
            "utlånstjeneste", "utstyrssentral", "utstyrsbod", "gjenbruk av utstyr",
        ),
        ("kultur-og-fritid",),
        (),
    ),
    (
        "fritid",
        "fritid",
        (
            "fritidsaktiviteter", "fritidstilbud", "idrett", "idrettslag", "fritidsklubb", "ungdomsklubb",
            "hobby", "organiserte aktiviteter", "kultur", "meningsfull fritid",
        ),
        ("kultur-og-fritid",),
        (),
    ),
    (
        "fattigdom",
        "fattigdom",
        (
            "fattig", "lavinntekt", "lav inntekt", "dårlig råd", "ikke råd", "trang økonomi", "sosialhjelp",
            "økonomisk sosialhjelp", "levekår", "utsatte barnefamilier", "utsatte familier", "sosial eksklusjon",
            "utenforskap",
        ),
        ("levekar-og-fattigdom",),
        ("barnefamilier-med-lav-inntekt",),
    ),
    (
        "barn-og-unge",
        "barn og unge",
        (
            "barn", "unge", "ungdom", "ungdommer", "ungdommen", "tenåringer", "elever", "oppvekst",
            "ungdomsskole", "barneskole", "skolebarn",
        ),
        ("skole-og-oppvekst",),
        ("barn-og-unge",),
    ),
    (
        "frafall",
        "frafall fra skole og arbeid",
        (
            "frafall", "droppet ut", "dropout", "drop-outs", "utenfor skole", "hjemmesittere", "skolevegring",
            "slutter på skolen", "fullfører ikke", "fullføre videregående", "verken i skole eller jobb", "NEET",
            "unge utenfor",
        ),
        ("arbeidsinkludering", "skole-og-oppvekst"),
        ("unge-utenfor-skole-og-arbeid",),
    ),
    (
        "realfag",
        "realfag og naturfag",
        (
            "naturfag", "matematikk", "matte", "teknologi", "forsøk", "eksperimenter", "naturvitenskap",
            "fysikk", "kjemi", "programmering", "forskning for barn",
        ),
        ("skole-og-oppvekst",),
        ("barn-og-unge",),
    ),
    (
        "skole",
        "skole",
        ("skole", "skolen", "undervisning", "lærere", "klasse", "klassen", "skolelokaler", "SFO"),
        ("skole-og-oppvekst",),
        ("barn-og-unge",),
    ),
    (
        "barnehage",
        "barnehage",
        (
            "barnehager", "barnehagen", "småbarn", "førskolebarn", "styrere", "pedagogiske ledere",
            "helsesøster", "helsesykepleier", "familiesenter",
        ),
        ("barnehage",),
        ("barn-og-unge",),
    ),
    (
        "arbeid",
        "arbeid og jobb",
        (
            "jobb", "arbeid", "arbeidsplass", "arbeidstrening", "arbeidspraksis", "praksisplass", "ansettelse",
            "lønnet arbeid", "sysselsetting", "arbeidslivet", "arbeidsgiver", "lavterskel jobb",
            "småjobber", "arbeidskraft", "rekruttering", "markedslønn",
        ),
        ("arbeidsinkludering",),
        ("personer-utenfor-arbeidslivet",),
    ),
    (
        "arbeidsledighet",
        "arbeidsledighet",
        (
            "arbeidsledig", "arbeidsledige", "langtidsledig", "langtidsledige", "ledige", "uten jobb",
            "utenfor arbeidslivet", "står utenfor", "trygdet", "AAP", "arbeidsavklaringspenger", "NAV",
        ),
        ("arbeidsinkludering",),
        ("langtidsledige", "personer-utenfor-arbeidslivet"),
    ),
    (
        "flyktninger",
        "flyktninger og integrering",
        (
            "flyktning", "flyktninger", "nyankomne", "nyankomne flyktninger", "innvandrere", "bosatte",
            "introduksjonsprogram", "introduksjonsprogrammet", "norskopplæring", "asylsøkere",
            "minoritetsspråklige", "enslige mindreårige", "integrering", "refugee",
        ),
        ("integrering", "arbeidsinkludering"),
        ("nyankomne-flyktninger",),
    ),
    (
        "bolig",
        "bolig",
        (
            "boliger", "bostedsløs", "bostedsløse", "hjemløs", "hjemløse", "husleie", "leilighet",
            "flytte hjemmefra", "egen bolig", "startlån", "boligsosialt", "bo selv", "botrening",
        ),
        ("boligsosialt-arbeid",),
        (),
    ),
    (
        "privatokonomi",
        "personlig økonomi",
        (
            "privatøkonomi", "personlig økonomi", "gjeld", "regninger", "styre økonomien",
            "økonomisk rådgivning", "pengebruk", "sjef i eget liv",
        ),
        ("boligsosialt-arbeid", "levekar-og-fattigdom"),
        (),
    ),
    (
        "barnevern",
        "barnevern",
        (
            "barnevernet", "barnevernstjenesten", "fosterhjem", "omsorgsovertakelse", "barnevernsbarn",
            "barnevernsinstitusjon", "utsatte barn", "risikoutsatt ungdom", "ungdom i risiko",
        ),
        ("barnevern",),
        ("barn-og-unge",),
    ),
    (
        "rehabilitering",
        "rehabilitering",
        (
            "opptrening", "hverdagsrehabilitering", "habilitering", "etter sykdom", "etter skade",
            "funksjonsnivå", "mestring", "tilbake i hverdagen",
        ),
        ("rehabilitering", "helse"),
        (),
    ),
    (
        "folkehelse",
        "folkehelse og friskliv",
        (
            "frisklivssentral", "frisklivssentralen", "friskliv", "folkehelse", "livsstil", "levevaner",
            "fysisk aktivitet", "trening", "kosthold", "forebygging", "forebyggende",
        ),
        ("helse",),
        (),
    ),
    (
        "helsetjenester",
        "helsetjenester",
        (
            "helse", "helsetjenesten", "helsepersonell", "sykepleiere", "sykepleierne", "pasienter",
            "pasienten", "omsorg", "pleie", "legekontor",
        ),
        ("helse",),
        (),
    ),
    (
        "kommunikasjon-parorende",
        "kommunikasjon med pårørende",
        (
            "kommunikasjonsløsning", "telefonen", "ringer", "beskjeder", "informasjon til pårørende",
            "digital kommunikasjon", "app", "meldinger",
        ),
        ("eldreomsorg", "helse"),
        ("parorende", "ansatte-i-offentlig-sektor"),
    ),
    (
        "innovasjon",
        "innovasjon og gründere",
        (
            "innovasjon", "gründer", "gründere", "ildsjel", "ildsjeler", "etablerer", "etablerertjeneste",
            "nyskaping", "næringsutvikling", "næringshage", "innovasjonsfond", "oppstart", "sosial innovasjon",
            "nye ideer", "idéer",
        ),
        ("innovasjon-og-naeringsutvikling",),
        (),
    ),
    (
        "naermiljo",
        "nærmiljø og møteplasser",
        (
            "nærmiljø", "nabolag", "nabolaget", "sentrum", "park", "byrom", "uteområde", "møteplass",
            "møteplasser", "lokalsamfunn", "bydel", "liv i sentrum", "stedsutvikling",
        ),
        ("kultur-og-fritid",),
        (),
    ),
    (
        "miljo",
        "miljø",
        (
            "miljøet", "gjenbruk", "ombruk", "resirkulering", "klima", "avfall", "sirkulær økonomi",
            "bærekraft", "miljøvennlig",
        ),
        ("miljo",),
        (),
    ),
    (
        "tjenesteutvikling",
        "tjenesteutvikling og ansatte",
        (
            "saksbehandlere", "fagutvikling", "tjenesteutvikling", "kompetanse",
            "kompetanseløft", "samskaping", "arbeidsform", "veiledning", "mentor",
        ),
        ("innovasjon-og-naeringsutvikling",),
        ("ansatte-i-offentlig-sektor",),
    ),
    (
        "veiviser",
        "hjelp til å finne fram i hjelpeapparatet",
        (
            "finne fram", "finne frem", "velferdssystemet", "hjelpeapparatet", "hjelpesystem", "tillitsperson",
            "los", "koordinator", "kontaktperson", "mange kontorer", "byråkrati",
        ),
        ("levekar-og-fattigdom",),
        ("personer-utenfor-arbeidslivet",),
    ),
    (
        "effektmaling",
        "effektmåling",
        (
            "effektmåling", "måle", "måling", "målinger", "evaluering", "dokumentere", "indikatorer",
            "SROI", "gevinstrealisering",
        ),
        ("innovasjon-og-naeringsutvikling",),
        (),
    ),
    (
        "synliggjoring",
        "synliggjøring av tilbud",
        (
            "synliggjøre", "film", "foto", "markedsføring", "kampanje", "formidling", "nettside",
            "gjøre kjent",
        ),
        ("helse",),
        (),
    ),
)


def load_concepts(concept_model, area_model, group_model) -> int:
    """Create the concepts that are missing and add their links to the areas and groups that exist.

    Takes the model classes so that the data migration can pass its historical models. Returns how
    many concepts were created.
    """
    areas = {area.slug: area for area in area_model.objects.all()}
    groups = {group.slug: group for group in group_model.objects.all()}
    created = 0
    for slug, name, terms, area_slugs, group_slugs in SEED:
        concept, was_created = concept_model.objects.get_or_create(
            slug=slug, defaults={"name": name, "terms": "\n".join(terms)}
        )
        created += was_created
        concept.service_areas.add(*(areas[s] for s in area_slugs if s in areas))
        concept.target_groups.add(*(groups[s] for s in group_slugs if s in groups))
    return created
