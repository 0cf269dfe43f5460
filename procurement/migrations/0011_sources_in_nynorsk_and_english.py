"""The threshold periods' sources into the bokmål column, and nynorsk and English for the seeded
sources (0002 and 0006). As in 0009, each text is matched by its bokmål wording, so a source a curator
has rewritten is left alone, and a translation is only filled where none is stored. Web addresses,
regulation numbers and the titles of the pages cited stay as they are."""

from django.db import migrations

# (bokmål, nynorsk, English)
TEXTS = [
    (
        "Heftet «Veier til samarbeid» (2017): 100 000 og 1 100 000 kr.\n"
        "labnorge.no: «Nye terskelverdier».\n"
        "byggejuss.no.\n"
        "regjeringen.no id2582864 (6 300 000 kr for særlige tjenester).",
        "Heftet «Veier til samarbeid» (2017): 100 000 og 1 100 000 kr.\n"
        "labnorge.no: «Nye terskelverdier».\n"
        "byggejuss.no.\n"
        "regjeringen.no id2582864 (6 300 000 kr for særlege tenester).",
        "The booklet “Veier til samarbeid” (2017): NOK 100,000 and 1,100,000.\n"
        "labnorge.no: “Nye terskelverdier” (new thresholds).\n"
        "byggejuss.no.\n"
        "regjeringen.no id2582864 (NOK 6,300,000 for special services).",
    ),
    (
        "FOR-2018-04-04-533.\nprosjektanskaffelser.no.\nmercell.com: terskelverdier.",
        "FOR-2018-04-04-533.\nprosjektanskaffelser.no.\nmercell.com: terskelverdiar.",
        "FOR-2018-04-04-533.\nprosjektanskaffelser.no.\nmercell.com: thresholds.",
    ),
    (
        "FOR-2020-02-12-128.\nanskaffelser.no: nyhet februar 2020.\nvaar.law.",
        "FOR-2020-02-12-128.\nanskaffelser.no: nyheit februar 2020.\nvaar.law.",
        "FOR-2020-02-12-128.\nanskaffelser.no: news item, February 2020.\nvaar.law.",
    ),
    (
        "ks.no (2 200 000 kr for andre oppdragsgivere).\ngmco.no.\nEn kilde fra 2024 om særlige tjenester.",
        "ks.no (2 200 000 kr for andre oppdragsgivarar).\ngmco.no.\nEi kjelde frå 2024 om særlege tenester.",
        "ks.no (NOK 2,200,000 for other contracting authorities).\ngmco.no.\nA 2024 source on special services.",
    ),
    (
        "regjeringen.no id3030686.\nks.no: «Nye EØS-terskelverdier for 2024–2026».\n"
        "En sekundærkilde (7 800 000 kr for særlige tjenester).",
        "regjeringen.no id3030686.\nks.no: «Nye EØS-terskelverdier for 2024–2026».\n"
        "Ei sekundærkjelde (7 800 000 kr for særlege tenester).",
        "regjeringen.no id3030686.\nks.no: “Nye EØS-terskelverdier for 2024–2026” (new EEA thresholds for 2024–2026).\n"
        "A secondary source (NOK 7,800,000 for special services).",
    ),
    (
        "EØS-terskelverdiene for 2026–2027: én sekundærkilde (endringsloggen til et norsk anskaffelsesverktøy, "
        "som viser til departementets oversikt på regjeringen.no, «gjelder fra 21.04.2026»).\n"
        "EUs terskelverdier i euro: delegert forordning (EU) 2025/2152 (140 000, 216 000 og 5 404 000 euro; "
        "særlige tjenester 750 000 euro).\n"
        "Nedre grense og nasjonal terskelverdi: uendret fra perioden 14. mars 2024.",
        "EØS-terskelverdiane for 2026–2027: éi sekundærkjelde (endringsloggen til eit norsk anskaffingsverktøy, "
        "som viser til oversikta til departementet på regjeringen.no, «gjelder fra 21.04.2026»).\n"
        "Terskelverdiane til EU i euro: delegert forordning (EU) 2025/2152 (140 000, 216 000 og 5 404 000 euro; "
        "særlege tenester 750 000 euro).\n"
        "Nedre grense og nasjonal terskelverdi: uendra frå perioden 14. mars 2024.",
        "The EEA thresholds for 2026–2027: one secondary source (the change log of a Norwegian procurement tool, "
        "citing the ministry's overview on regjeringen.no, “gjelder fra 21.04.2026”, in force from 21 April 2026).\n"
        "The EU's thresholds in euro: Delegated Regulation (EU) 2025/2152 (EUR 140,000, 216,000 and 5,404,000; "
        "special services EUR 750,000).\n"
        "Lower limit and national threshold: unchanged from the period starting 14 March 2024.",
    ),
    (
        "Nedre grense: Stortingets vedtak 5. februar 2026 om endringer i anskaffelsesloven (Prop. 147 L "
        "(2024–2025), Innst. 38 L (2025–2026)), i kraft 1. juli 2026. Kilder: cobrief.com «New Norwegian "
        "procurement rules from July 1, 2026»; Wikborg Rein i Chambers Public Procurement 2026.\n"
        "Nasjonal terskelverdi: uendret fra 2024.\n"
        "EØS-terskelverdiene: som fra 21. april 2026 (usikre, se den perioden).",
        "Nedre grense: vedtaket i Stortinget 5. februar 2026 om endringar i anskaffingslova (Prop. 147 L "
        "(2024–2025), Innst. 38 L (2025–2026)), i kraft 1. juli 2026. Kjelder: cobrief.com «New Norwegian "
        "procurement rules from July 1, 2026»; Wikborg Rein i Chambers Public Procurement 2026.\n"
        "Nasjonal terskelverdi: uendra frå 2024.\n"
        "EØS-terskelverdiane: som frå 21. april 2026 (usikre, sjå den perioden).",
        "Lower limit: the Storting's decision of 5 February 2026 amending the Public Procurement Act (Prop. 147 L "
        "(2024–2025), Innst. 38 L (2025–2026)), in force from 1 July 2026. Sources: cobrief.com “New Norwegian "
        "procurement rules from July 1, 2026”; Wikborg Rein in Chambers Public Procurement 2026.\n"
        "National threshold: unchanged since 2024.\n"
        "EEA thresholds: as from 21 April 2026 (uncertain, see that period).",
    ),
]


def translate(apps, schema_editor):
    ThresholdPeriod = apps.get_model("procurement", "ThresholdPeriod")
    by_bokmal = {nb: (nn, en) for nb, nn, en in TEXTS}
    for period in ThresholdPeriod.objects.all():
        changed = []
        if not period.sources_nb:
            period.sources_nb = period.sources
            changed.append("sources_nb")
        for language, text in zip(("nn", "en"), by_bokmal.get(period.sources_nb, ()), strict=False):
            if not getattr(period, f"sources_{language}"):
                setattr(period, f"sources_{language}", text)
                changed.append(f"sources_{language}")
        if changed:
            period.save(update_fields=changed)


def untranslate(apps, schema_editor):
    ThresholdPeriod = apps.get_model("procurement", "ThresholdPeriod")
    for _bokmal, nynorsk, english in TEXTS:
        ThresholdPeriod.objects.filter(sources_nn=nynorsk).update(sources_nn=None)
        ThresholdPeriod.objects.filter(sources_en=english).update(sources_en=None)


class Migration(migrations.Migration):
    dependencies = [("procurement", "0010_sources_translations")]

    operations = [migrations.RunPython(translate, untranslate)]
