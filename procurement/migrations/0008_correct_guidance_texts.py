"""Corrections from the legal review of 30 November 2026 (procurement-facts.md, "Corrections to the
portal's texts"), in the seeded guidance and myths.

Each change replaces a text only while it is still the seeded one, so a curator's own edit is never
overwritten; the reverse puts the seeded text back on the same condition. The pages the review
covered get that date as "last verified"; the others keep no date and a doubt, so that
`check_guidance` asks a curator to check them.
"""

import datetime

from django.db import migrations

REVIEWED = datetime.date(2026, 11, 30)
REVIEWED_PAGES = ("samarbeidsformer", "myter")
NOT_CHECKED = (
    "Teksten er fra heftet «Veier til samarbeid» (2017) og er ikke kontrollert mot dagens regler, ordninger "
    "og navn på etater."
)

# (page slug, item title, field, seeded text, corrected text)
ITEMS = [
    (
        "samarbeidsformer",
        "Abonnement",
        "text",
        "Kommuner kan abonnere på BUAs utlånstjeneste for sports- og fritidsutstyr for 5 000 kroner i året. "
        "Avtaler av denne størrelsen er under terskelverdien i regelverket.",
        "Kommuner kan abonnere på BUAs utlånstjeneste for sports- og fritidsutstyr for 5 000 kroner i året. "
        "Avtaler av denne størrelsen er under nedre grense i regelverket, så kommunen kan kjøpe direkte.",
    ),
    (
        "samarbeidsformer",
        "Løpende driftsavtale",
        "text",
        "Kjør for livet AS har løpende driftsavtaler med kommuner om fritidstilbud for barn og unge. Resultatene "
        "avgjør om avtalene fortsetter, og de må lyses ut med jevne mellomrom.",
        "Kjør for livet AS har løpende driftsavtaler med kommuner om fritidstilbud for barn og unge. Resultatene "
        "avgjør om avtalene fortsetter. Når en avtale går ut, må kommunen konkurranseutsette den på nytt; "
        "kunngjøring i Doffin kreves bare over den nasjonale terskelverdien.",
    ),
    (
        "samarbeidsformer",
        "Årlig støtte og faglig samarbeid",
        "text",
        "Småjobbsentralen Jobb1 (Kirkens Bymisjon i Bodø) har faglig samarbeid med Bodø kommune og har fått "
        "støtte fra kommunen og fylkesmannen.",
        "Småjobbsentralen Jobb1 (Kirkens Bymisjon i Bodø) har faglig samarbeid med Bodø kommune og har fått "
        "støtte fra kommunen og fylkesmannen (nå Statsforvalteren).",
    ),
    (
        "samarbeidsformer",
        "Samskaping",
        "text",
        "NAV Nordstrand utvikler nye løsninger sammen med sosiale entreprenører. Samarbeidet starter ofte uten "
        "midler, så søker de eksterne midler sammen, og til slutt kjøper bydelen tjenester direkte. Det "
        "forutsetter at den samlede verdien er innenfor terskelverdiene.",
        "NAV Nordstrand utvikler nye løsninger sammen med sosiale entreprenører. Samarbeidet starter ofte uten "
        "midler, så søker de eksterne midler sammen, og til slutt kjøper bydelen tjenester. Bydelen kan bare "
        "kjøpe direkte når den samlede verdien er under nedre grense i regelverket (100 000 kroner, 500 000 "
        "kroner fra 1. juli 2026). Over den må kjøpet konkurranseutsettes. Et direkte kjøp over den nasjonale "
        "terskelverdien er en ulovlig direkte anskaffelse og kan gi gebyr.",
    ),
    (
        "finansiering",
        "Skjønnsmidler",
        "text",
        "Fylkesmannsembetene har skjønnsmidler som kan gå til innovasjonsprosjekter i kommunene.",
        "Statsforvalteren (før 2021 fylkesmannen) har skjønnsmidler som kan gå til innovasjonsprosjekter i "
        "kommunene.",
    ),
]

# (page slug, seeded heading, field, seeded text, corrected text)
SECTIONS = [
    (
        "samarbeidsformer",
        "Innovative anskaffelser",
        "heading",
        "Innovative anskaffelser",
        "Beskriv behovet, ikke løsningen",
    ),
    (
        "samarbeidsformer",
        "Innovative anskaffelser",
        "body",
        "I en innovativ anskaffelse inviterer innkjøperen leverandører og brukere til å beskrive behovet før "
        "anskaffelsen lyses ut. Det gir bedre kunnskap om markedet, også om sosiale entreprenører.\n\n"
        "Konkurransegrunnlaget skal beskrive behovet og hvilke resultater og effekter dere vil oppnå, ikke "
        "løsningen. Er løsningen beskrevet i detalj, er det ikke lenger rom for innovasjon.\n\n"
        "Ender samarbeidet i en anskaffelse, må dere følge lov og forskrift og sørge for likebehandling, "
        "gjennomsiktighet og etterprøvbarhet for alle mulige leverandører.",
        "I en innovativ anskaffelse inviterer innkjøperen leverandører og brukere til å beskrive behovet før "
        "anskaffelsen lyses ut. Det gir bedre kunnskap om markedet, også om sosiale entreprenører.\n\n"
        "Beskriv i konkurransegrunnlaget behovet og hvilke resultater og effekter dere vil oppnå, ikke "
        "løsningen. Det er et råd for innovative anskaffelser, ikke et krav i regelverket: er løsningen beskrevet "
        "i detalj, er det ikke lenger rom for innovasjon.\n\n"
        "Ender samarbeidet i en anskaffelse, må dere følge lov og forskrift og sørge for likebehandling, "
        "gjennomsiktighet og etterprøvbarhet for alle mulige leverandører.",
    ),
]

# (number, field, seeded text, corrected text)
MYTHS = [
    (
        1,
        "answer",
        "Det er ikke riktig. Verdien på anskaffelsen avgjør hvilke deler av regelverket som gjelder. Kjøp under "
        "100 000 kroner er unntatt kravene.\n\n"
        "For alle kjøp gjelder likevel at den som kjøper, skal sørge for effektiv ressursbruk og for at folk kan ha "
        "tillit til at offentlige anskaffelser skjer på en samfunnstjenlig måte. Den som kjøper, skal følge "
        "prinsippene om konkurranse, likebehandling, forutberegnelighet, etterprøvbarhet og forholdsmessighet, og "
        "vinneren av en konkurranse skal velges etter objektive og ikke-diskriminerende kriterier.",
        "Det er ikke riktig. Verdien på anskaffelsen avgjør hvilke deler av regelverket som gjelder. Kjøp under "
        "nedre grense er unntatt: 100 000 kroner da heftet kom ut, og 500 000 kroner fra 1. juli 2026. Under "
        "grensen gjelder god forvaltning og virksomhetens egne innkjøpsregler.\n\n"
        "For kjøp som loven gjelder for, skal den som kjøper, sørge for effektiv ressursbruk og for at folk kan ha "
        "tillit til at offentlige anskaffelser skjer på en samfunnstjenlig måte. Den som kjøper, skal følge "
        "prinsippene om konkurranse, likebehandling, forutberegnelighet, etterprøvbarhet og forholdsmessighet, og "
        "vinneren av en konkurranse skal velges etter objektive og ikke-diskriminerende kriterier. Om prinsippene "
        "fortsatt gjelder under EØS-terskelverdiene etter lovendringen 1. juli 2026, er ikke bekreftet.",
    ),
    (
        2,
        "answer",
        "Det er ikke riktig. Da ny lov og forskrift trådte i kraft 1. januar 2017, ble den nasjonale "
        "terskelverdien hevet fra 500 000 til 1 100 000 kroner. Fra 6. april 2018 er den 1 300 000 kroner. Under "
        "den nasjonale terskelverdien er det ingen plikt til å kunngjøre.\n\n"
        "Del I i anskaffelsesforskriften gjelder likevel: den som kjøper, må for eksempel føre protokoll og følge "
        "reglene om taushetsplikt og habilitet. Heftet sier at det normalt betyr å henvende seg til minst tre "
        "leverandører; det er et råd, ikke et krav i loven.",
        "Det er ikke riktig. Da ny lov og forskrift trådte i kraft 1. januar 2017, ble den nasjonale "
        "terskelverdien hevet fra 500 000 til 1 100 000 kroner. Fra 6. april 2018 er den 1 300 000 kroner. Under "
        "den nasjonale terskelverdien har dere ikke plikt til å kunngjøre, men dere kan kunngjøre frivillig i "
        "Doffin.\n\n"
        "Del I i anskaffelsesforskriften gjelder likevel: den som kjøper, må for eksempel skrive protokoll, sørge "
        "for reell konkurranse og følge reglene om taushetsplikt og habilitet. Heftet sier at det normalt betyr å "
        "henvende seg til minst tre leverandører; det er et råd, ikke et krav i loven. Å spørre bare én leverandør "
        "uten en saklig grunn er ikke nok.",
    ),
    (
        3,
        "answer",
        "Det er feil. Før en konkurranse er kunngjort, er det ingen begrensninger på kontakt med leverandører, og "
        "kontakten kan være svært nyttig. Dere får vite mer om mulighetene og om markedet.\n\n"
        "Husk hele tiden å sikre likebehandling, gjennomsiktighet og etterprøvbarhet, ikke fortelle andre om "
        "leverandørenes forretningshemmeligheter, og sørge for at leverandører som har gitt råd, ikke får en "
        "urimelig fordel i konkurransen.",
        "Det er feil. Før en konkurranse er kunngjort, er kontakt med leverandører lov, og den kan være svært "
        "nyttig. Dere får vite mer om mulighetene og om markedet.\n\n"
        "Kontakten har noen grenser: behandle leverandørene likt, ikke gi noen en urimelig fordel, ikke fortell "
        "andre om leverandørenes forretningshemmeligheter, og pass på at ingen er inhabil. Har en leverandør hjulpet "
        "til med å forberede konkurransen, gi alle den samme informasjonen og rimelig lange frister. Skriv kontakten "
        "i protokollen.",
    ),
    (
        5,
        "answer",
        "Jo. Dere kan inngå kontrakter om midlertidig utviklingssamarbeid med sosiale entreprenører, med en kontrakt "
        "som bare gjelder i en testperiode. Vurder hvordan kravene i regelverket skal oppfylles. Skal tjenesten "
        "senere settes i drift i større skala, kan det bli en egen anskaffelse.",
        "Jo. Dere kan inngå en kontrakt om et midlertidig utviklingssamarbeid med en sosial entreprenør, som bare "
        "gjelder i en testperiode. Piloten er selv en anskaffelse når verdien når nedre grense.\n\n"
        "Skal tjenesten senere settes i drift i større skala, kan den ikke gis direkte til den som hadde piloten, "
        "med mindre utrullingen var med i konkurransen (for eksempel som en kunngjort opsjon) eller et unntak "
        "gjelder. Planlegger dere pilot og utrulling sammen, regnes verdien samlet (anskaffelsesforskriften § 5-4).",
    ),
    (
        6,
        "answer",
        "Dere kan følge opp tips og ideer fra leverandører, for eksempel med en leverandørkonferanse eller andre "
        "møteplasser, eller samle innspillene og gå i dialog når det er aktuelt å planlegge en konkurranse.\n\n"
        "Ingenting hindrer at en konkurranse starter etter initiativ fra en leverandør. Men den som tok "
        "initiativet, må ikke få en urimelig fordel; da må leverandøren avvises. Alle som vil levere tilbud, skal "
        "behandles likt.",
        "Dere kan følge opp tips og ideer fra leverandører, for eksempel med en leverandørkonferanse eller andre "
        "møteplasser, eller samle innspillene og gå i dialog når det er aktuelt å planlegge en konkurranse.\n\n"
        "Ingenting hindrer at en konkurranse starter etter initiativ fra en leverandør. Men den som tok "
        "initiativet, må ikke få en urimelig fordel: gi alle den samme informasjonen og rimelige frister. "
        "Leverandøren avvises bare hvis fordelen ikke kan fjernes på andre måter, og etter at den har fått vise at "
        "konkurransen ikke blir skjev. Alle som vil levere tilbud, skal behandles likt.",
    ),
]


def _swap(obj, field: str, old: str, new: str) -> None:
    # Pages read the bokmål column of django-modeltranslation; the plain column is kept in step.
    if obj is not None and (getattr(obj, f"{field}_nb") or getattr(obj, field)) == old:
        setattr(obj, field, new)
        setattr(obj, f"{field}_nb", new)
        obj.save(update_fields=[field, f"{field}_nb"])


def _apply(apps, forward: bool) -> None:
    GuidancePage = apps.get_model("procurement", "GuidancePage")
    GuidanceSection = apps.get_model("procurement", "GuidanceSection")
    GuidanceItem = apps.get_model("procurement", "GuidanceItem")
    Myth = apps.get_model("procurement", "Myth")

    def pair(old, new):
        return (old, new) if forward else (new, old)

    for slug, title, field, old, new in ITEMS:
        item = GuidanceItem.objects.filter(section__page__slug=slug, title_nb=title).first()
        _swap(item, field, *pair(old, new))
    # The section is found by its heading, seeded or corrected, since the heading itself changes.
    headings = (SECTIONS[0][3], SECTIONS[0][4])
    for slug, _heading, field, old, new in SECTIONS:
        section = GuidanceSection.objects.filter(page__slug=slug, heading_nb__in=headings).first()
        _swap(section, field, *pair(old, new))
    for number, field, old, new in MYTHS:
        _swap(Myth.objects.filter(number=number).first(), field, *pair(old, new))

    if forward:
        GuidancePage.objects.filter(slug__in=REVIEWED_PAGES, last_verified__isnull=True).update(last_verified=REVIEWED)
        GuidancePage.objects.exclude(slug__in=REVIEWED_PAGES).filter(doubt="").update(doubt=NOT_CHECKED)
    else:
        GuidancePage.objects.filter(slug__in=REVIEWED_PAGES, last_verified=REVIEWED).update(last_verified=None)
        GuidancePage.objects.filter(doubt=NOT_CHECKED).update(doubt="")


def correct(apps, schema_editor):
    _apply(apps, forward=True)


def restore(apps, schema_editor):
    _apply(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [("procurement", "0007_guidance_last_verified")]

    operations = [migrations.RunPython(correct, restore)]
