"""The five threshold periods from procurement-facts.md (collected November 2026).

Every value must be checked against Lovdata (FOA § 5-3) before it is shown as fact; the notes and
the uncertain values say what the sources disagree on. Curators correct values in admin.
"""

import datetime

from django.db import migrations

LAST_VERIFIED = datetime.date(2026, 11, 1)
CHECK = (
    "Verdiene ble samlet fra offentlige kilder i november 2026 og må kontrolleres mot Lovdata "
    "(anskaffelsesforskriften § 5-3) og anskaffelser.no før de regnes som sikre."
)

PERIODS = [
    {
        "valid_from": datetime.date(2017, 1, 1),
        "values": (100_000, 1_100_000, 1_100_000, 1_750_000, 44_000_000, 6_300_000),
        "sources": (
            "Heftet «Veier til samarbeid» (2017): 100 000 og 1 100 000 kr.\n"
            "labnorge.no: «Nye terskelverdier».\n"
            "byggejuss.no.\n"
            "regjeringen.no id2582864 (6 300 000 kr for særlige tjenester)."
        ),
        "notes": CHECK + " Ny lov og forskrift trådte i kraft 1. januar 2017.",
        "uncertain": {},
    },
    {
        "valid_from": datetime.date(2018, 4, 6),
        "values": (100_000, 1_300_000, 1_300_000, 2_000_000, 51_000_000, 6_950_000),
        "sources": "FOR-2018-04-04-533.\nprosjektanskaffelser.no.\nmercell.com: terskelverdier.",
        "notes": CHECK,
        "uncertain": {},
    },
    {
        "valid_from": datetime.date(2020, 2, 12),
        "values": (100_000, 1_300_000, 1_300_000, 2_050_000, 51_500_000, 7_200_000),
        "sources": "FOR-2020-02-12-128.\nanskaffelser.no: nyhet februar 2020.\nvaar.law.",
        "notes": CHECK,
        "uncertain": {
            "valid_from": "Én kilde oppgir 13. februar 2020 som første dag. Veiviseren bruker 12. februar 2020, "
            "datoen på forskriften FOR-2020-02-12-128.",
        },
    },
    {
        "valid_from": datetime.date(2022, 3, 23),
        "values": (100_000, 1_300_000, 1_400_000, 2_200_000, 56_000_000, 7_800_000),
        "sources": "ks.no (2 200 000 kr for andre oppdragsgivere).\ngmco.no.\nEn kilde fra 2024 om særlige tjenester.",
        "notes": CHECK,
        "uncertain": {
            "eea_other_buyers": "KS oppgir 2 200 000 kr. gmco.no oppgir 2 400 000 kr, og en annen kilde "
            "2 210 000 kr. Veiviseren bruker tallet fra KS (ks.no).",
            "eea_special_services": "7 800 000 kr er utledet fra en kilde fra 2024 som sier at verdien da var "
            "uendret. Ikke bekreftet i forskriften.",
        },
    },
    {
        "valid_from": datetime.date(2024, 3, 14),
        "values": (100_000, 1_300_000, 1_490_000, 2_300_000, 57_800_000, 7_800_000),
        "sources": (
            "regjeringen.no id3030686.\nks.no: «Nye EØS-terskelverdier for 2024–2026».\n"
            "En sekundærkilde (7 800 000 kr for særlige tjenester)."
        ),
        "notes": CHECK
        + "\n\nVi har ikke funnet kronebeløp for en periode i 2026. EUs terskelverdier i euro for 2026–2027 "
        "(delegert forordning (EU) 2025/2152: 140 000, 216 000 og 5 404 000 euro; særlige tjenester 750 000 "
        "euro) er lavere enn for 2024–2025, så kronebeløpene kan endres når departementet endrer "
        "anskaffelsesforskriften § 5-3. Til en nyere periode er lagt inn, gjelder denne.\n\n"
        "Prop. 147 L (2024–2025) foreslo å heve nedre grense til 300 000 kr og andre forenklinger under "
        "EØS-terskelverdiene (NOU 2023:26, NOU 2024:9, Innst. 38 L (2025–2026)). Om og når endringen trådte i "
        "kraft, er ikke bekreftet.",
        "uncertain": {
            "eea_special_services": "7 800 000 kr er hentet fra én sekundærkilde.",
            "eea_works": "KS oppgir 57 800 000 kr. Ett nettsted oppgir 57 900 000 kr. Veiviseren bruker tallet "
            "fra KS (ks.no).",
        },
    },
]

FIELDS = (
    "lower_limit",
    "national_threshold",
    "eea_central_government",
    "eea_other_buyers",
    "eea_works",
    "eea_special_services",
)


def seed(apps, schema_editor):
    ThresholdPeriod = apps.get_model("procurement", "ThresholdPeriod")
    ThresholdUncertainty = apps.get_model("procurement", "ThresholdUncertainty")
    for data in PERIODS:
        period = ThresholdPeriod.objects.create(
            valid_from=data["valid_from"],
            sources=data["sources"],
            notes=data["notes"],
            last_verified=LAST_VERIFIED,
            **dict(zip(FIELDS, data["values"], strict=True)),
        )
        for field, explanation in data["uncertain"].items():
            ThresholdUncertainty.objects.create(period=period, field=field, explanation=explanation)


def unseed(apps, schema_editor):
    ThresholdPeriod = apps.get_model("procurement", "ThresholdPeriod")
    ThresholdPeriod.objects.filter(valid_from__in=[data["valid_from"] for data in PERIODS]).delete()


class Migration(migrations.Migration):
    dependencies = [("procurement", "0001_thresholds_and_guidance")]

    operations = [migrations.RunPython(seed, unseed)]
