"""Needs a municipal employee might post, written from the booklet's examples, with the entrepreneurs
a person who knows the booklet would expect to see first.

The texts are written as the municipality would describe its own problem and the effects it wants;
they deliberately do not repeat the words the entrepreneurs use about themselves (no «besøksvenn»,
«utlånstjeneste» or «Tillitsperson»). Service areas and target groups are those an employee would
tick in the form. Places are municipality numbers (four digits) or county numbers (two digits).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class EvaluationNeed:
    title: str
    challenge: str
    effects: str
    place: str
    service_areas: tuple[str, ...]
    target_groups: tuple[str, ...]
    expected: tuple[str, ...]
    source: str


EVALUATION_SET: tuple[EvaluationNeed, ...] = (
    EvaluationNeed(
        title="Tryggere pårørende og mindre tid i telefonen i demensomsorgen",
        challenge=(
            "På sykehjemmene og i hjemmetjenesten ringer pårørende mange ganger om dagen for å høre hvordan mor "
            "eller far har det. Sykepleierne bruker mye av vakta i telefonen, og beskjeder forsvinner mellom "
            "vaktene. Pårørende sier at de føler seg holdt utenfor."
        ),
        effects=(
            "Pårørende føler seg informert og trygge. De ansatte bruker mindre tid i telefonen og slipper "
            "unødvendige turer. Vi vil gjerne prøve noe i liten skala på ett eller to sykehjem først."
        ),
        place="5001",
        service_areas=("eldreomsorg",),
        target_groups=("parorende", "personer-med-demens"),
        expected=("jodacare",),
        source="kap. 3, «Inngikk pilotavtale»",
    ),
    EvaluationNeed(
        title="Bedre hverdag for hjemmeboende med demens",
        challenge=(
            "Stadig flere innbyggere lever med demens, og mange bor hjemme lenge. Tilbudet vårt er stykket opp "
            "mellom mange enheter, og vi vet for lite om hva som faktisk virker for dem og familiene deres."
        ),
        effects=(
            "Vi vil gå gjennom hvordan vi jobber i dag sammen med noen som kan demensfeltet, og finne konkrete "
            "områder der vi kan gjøre det bedre sammen."
        ),
        place="5006",
        service_areas=("eldreomsorg",),
        target_groups=("personer-med-demens",),
        expected=("noen", "jodacare"),
        source="kap. 3, «Identifiserte områder for videre samarbeid»",
    ),
    EvaluationNeed(
        title="Mindre ensomhet blant beboerne på sykehjemmet",
        challenge=(
            "Mange beboere på sykehjemmene våre får sjelden besøk. Dagene blir lange, og de ansatte rekker ikke "
            "å sette seg ned og prate."
        ),
        effects=(
            "Beboerne får mer selskap, flere gode samtaler og aktiviteter som gir glede i hverdagen. Gjerne "
            "møter mellom unge og gamle."
        ),
        place="3301",
        service_areas=("eldreomsorg",),
        target_groups=("eldre",),
        expected=("generasjonsmotet-m", "livsglede-for-eldre"),
        source="kap. 1 (Generasjonsmøtet M) og kap. 3 («Fra partnerskapsavtale til samarbeidsavtale»)",
    ),
    EvaluationNeed(
        title="Alle barn skal kunne være med på tur og idrett",
        challenge=(
            "Mange familier har ikke råd til ski, skøyter, sykkel eller telt. Barna blir hjemme når klassen "
            "drar på tur, mens utstyr som andre har vokst fra, blir liggende i boder og kjellere."
        ),
        effects=(
            "Flere barn og unge deltar i friluftsliv og idrett uansett hva foreldrene tjener, og det som finnes "
            "av utstyr i kommunen, blir brukt av flere."
        ),
        place="3909",
        service_areas=("kultur-og-fritid",),
        target_groups=("barnefamilier-med-lav-inntekt",),
        expected=("bua",),
        source="kap. 3, «Kommunene abonnerer på en utlånstjeneste fra entreprenøren»",
    ),
    EvaluationNeed(
        title="Ungdom som har droppet ut, tilbake til skole eller jobb",
        challenge=(
            "Hvert år slutter mange elever på videregående uten å fullføre. Etter et år hjemme er det vanskelig "
            "å komme tilbake, og vi har få tiltak som når dem."
        ),
        effects=(
            "Flere unge mellom 16 og 25 år er i utdanning, arbeid eller annen aktivitet ett år senere. De får "
            "mer selvtillit og tro på egen framtid."
        ),
        place="4204",
        service_areas=("arbeidsinkludering", "skole-og-oppvekst"),
        target_groups=("unge-utenfor-skole-og-arbeid",),
        expected=("lyk-z-og-dotre", "kjor-for-livet"),
        source="kap. 5 (lyk-z & døtre) og kap. 3 («Inngår løpende driftsavtaler»)",
    ),
    EvaluationNeed(
        title="Flere elever som liker matematikk og forsøk",
        challenge=(
            "Resultatene i realfag på ungdomstrinnet er svake, og få velger realfag videre. Lærerne vil ha mer "
            "praktisk og utforskende undervisning, men mangler tid og utstyr."
        ),
        effects=(
            "Barna opplever at forsøk og teknologi er spennende, og flere velger realfag på videregående. Det må "
            "være plass også til barn fra familier med dårlig råd."
        ),
        place="4202",
        service_areas=("skole-og-oppvekst",),
        target_groups=("barn-og-unge",),
        expected=("forskerfabrikken",),
        source="kap. 3, «Supplement til det offentlige tilbudet – kurs i naturfag»",
    ),
    EvaluationNeed(
        title="Arbeid etter soning",
        challenge=(
            "Mange som løslates fra fengsel, står uten jobb, og det øker faren for ny kriminalitet. "
            "Arbeidsgivere er skeptiske til å ansette noen med en dom bak seg."
        ),
        effects=(
            "Flere som har sonet, får fast jobb med vanlig lønn og blir værende i arbeidslivet. De får "
            "opplæring og tett oppfølging den første tiden."
        ),
        place="5001",
        service_areas=("arbeidsinkludering", "kriminalomsorg"),
        target_groups=("tidligere-straffedomte",),
        expected=("hogst", "diamondcare-norge"),
        source="kap. 3, «Inngikk avtale om rekruttering av arbeidsledige»; kap. 2 (DiamondCare)",
    ),
    EvaluationNeed(
        title="En lav dørterskel inn i arbeidslivet",
        challenge=(
            "En del innbyggere har stått utenfor arbeid i mange år, ofte med rus eller psykiske plager i "
            "bakgrunnen. De vanlige tiltakene krever for mye av dem."
        ),
        effects=(
            "De kan prøve seg med småjobber uten store krav, får arbeidserfaring og en grunn til å stå opp om "
            "morgenen. På sikt går flere over i ordinært arbeid."
        ),
        place="1804",
        service_areas=("arbeidsinkludering",),
        target_groups=("personer-utenfor-arbeidslivet", "langtidsledige"),
        expected=("jobb1", "medarbeiderne"),
        source="kap. 3, «Årlig støtte og faglig samarbeid»; kap. 2 (Medarbeiderne)",
    ),
    EvaluationNeed(
        title="Et rusfritt sted å være etter behandling",
        challenge=(
            "Mange som er ferdige med behandling, har ingen steder å gå på dagtid uten å møte det gamle miljøet. "
            "Ensomheten fører ofte til tilbakefall."
        ),
        effects="Et trygt og rusfritt fellesskap der brukerne selv er med og bestemmer, og færre tilbakefall.",
        place="5501",
        service_areas=("psykisk-helse-og-rus",),
        target_groups=("personer-med-rusutfordringer",),
        expected=("rio", "marborg"),
        source="kap. 3, «Driver kafé»",
    ),
    EvaluationNeed(
        title="Hjelp til å finne fram blant alle kontorene",
        challenge=(
            "Noen innbyggere har kontakt med NAV, helse og boligkontoret på en gang og faller mellom alle "
            "stolene. De gir opp før de får hjelpen de har krav på."
        ),
        effects=(
            "Hver av dem har én person de stoler på, som går sammen med dem gjennom systemet. Færre saker "
            "stopper opp, og de opplever å bli tatt på alvor."
        ),
        place="1103",
        service_areas=(),
        target_groups=(),
        expected=("bymisjonen-i-stavanger",),
        source="forordet («Tillitsperson»)",
    ),
    EvaluationNeed(
        title="Raskere i jobb for nyankomne flyktninger",
        challenge=(
            "Det tar lang tid før flyktninger som bosettes hos oss, får sin første jobb. Introduksjonsprogrammet "
            "alene er ikke nok, og vi vet lite om hvilke tiltak som virker best."
        ),
        effects=(
            "Flere deltakere er i arbeid eller utdanning etter programmet, og vi kan måle og sammenligne "
            "resultatene fra ulike tiltak."
        ),
        place="0301",
        service_areas=("integrering", "arbeidsinkludering"),
        target_groups=("nyankomne-flyktninger",),
        expected=("socentral",),
        source="kap. 5, «Boost Refugee»",
    ),
    EvaluationNeed(
        title="Unge som flytter hjemmefra, mister oversikten over pengene",
        challenge=(
            "Mange unge som flytter for seg selv, får raskt gjeld og betalingsanmerkninger, og noen mister "
            "leiligheten. Veilederne våre mangler gode hjelpemidler å bruke sammen med ungdommene."
        ),
        effects=(
            "Unge forstår hva det koster å bo, setter opp et budsjett og klarer å beholde boligen. Hjelpemiddelet "
            "bør være på nett og enkelt å bruke."
        ),
        place="3301",
        service_areas=("boligsosialt-arbeid",),
        target_groups=("barn-og-unge",),
        expected=("ungt-entreprenorskap",),
        source="kap. 3, «Utviklet digitalt læringsverktøy «Sjef i eget liv»»",
    ),
    EvaluationNeed(
        title="Sammenhengende hjelp til barnefamilier med dårlig råd",
        challenge=(
            "Familier med lav inntekt møter mange tjenester som ikke snakker sammen. Barna merker fattigdommen "
            "i hverdagen, på skolen og i fritiden."
        ),
        effects=(
            "Familiene får hjelp som henger sammen, og de ansatte prøver ut nye måter å jobbe på sammen med "
            "familiene selv. Barna kan delta på lik linje med andre."
        ),
        place="3901",
        service_areas=("levekar-og-fattigdom",),
        target_groups=("barnefamilier-med-lav-inntekt",),
        expected=("krem-norge",),
        source="kap. 3, «Skapte arena på tvers av sektorer for å finne nye løsninger» (Hortensia)",
    ),
    EvaluationNeed(
        title="Liv i sentrum for alle generasjoner",
        challenge=(
            "Torget og parken i sentrum står tomme store deler av dagen. Folk går gjennom, men ingen blir værende."
        ),
        effects=(
            "Et uteområde der barn, unge og eldre møtes, med kunst og aktiviteter som innbyggerne selv har vært "
            "med og skapt."
        ),
        place="3207",
        service_areas=("kultur-og-fritid",),
        target_groups=(),
        expected=("skaperstedet",),
        source="kap. 3, «Inngikk partnerskapsavtale om å utvikle et uteområde»",
    ),
    EvaluationNeed(
        title="Flere skal kjenne til frisklivssentralen",
        challenge=(
            "Frisklivssentralen har gode tilbud om trening, kosthold og røykeslutt, men få innbyggere vet at den "
            "finnes, og legene henviser sjelden."
        ),
        effects=(
            "Tilbudet blir kjent gjennom film, bilder og tekster som når fram, og flere tar kontakt på egen hånd."
        ),
        place="3314",
        service_areas=("helse",),
        target_groups=(),
        expected=("knack", "krem-norge"),
        source="kap. 1 og 2 (Frisklivssentralen Aktiv Eiker)",
    ),
    EvaluationNeed(
        title="Støtte til ildsjeler med ideer for nabolaget",
        challenge=(
            "Vi møter mange beboere med gode ideer til hvordan nabolaget kan bli bedre, men de vet ikke hvordan "
            "de skal komme i gang eller hvem de skal snakke med hos oss."
        ),
        effects=(
            "Flere lokale ideer blir til virksomheter som løser sosiale utfordringer, og bydelen får en bro til "
            "miljøene som kan hjelpe dem videre."
        ),
        place="0301",
        service_areas=("innovasjon-og-naeringsutvikling",),
        target_groups=(),
        expected=("toyen-unlimited",),
        source="kap. 1 og 2 (Tøyen Unlimited)",
    ),
    EvaluationNeed(
        title="Meningsfull fritid for ungdom i risiko",
        challenge=(
            "Ungdom som har falt ut av skolen og vennegjengen, blir gående alene eller havner i dårlige miljøer. "
            "Barnevernet ser dem, men har få tilbud å vise til."
        ),
        effects=(
            "Ungdommene får voksne å stole på og noe å gå til etter skoletid, og flere kommer tilbake til skole "
            "eller arbeid. Avtalen skal bare videreføres hvis vi ser resultater."
        ),
        place="50",
        service_areas=("kultur-og-fritid", "barnevern"),
        target_groups=("unge-utenfor-skole-og-arbeid",),
        expected=("kjor-for-livet",),
        source="kap. 3, «Inngår løpende driftsavtaler» og «Inviterte til samarbeid gjennom en innovativ anskaffelse»",
    ),
)
