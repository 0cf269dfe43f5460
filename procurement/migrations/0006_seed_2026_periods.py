"""The two periods of 2026 from procurement-facts.md (updated November 2026), and the 2024 period's
notes brought up to date with them.

- 2026-04-21: the EEA values for 2026–27, from one secondary source; all four are marked uncertain.
- 2026-07-01: the lower limit rises to 500 000 kr (the Storting's decision of 5 February 2026,
  secondary sources); the other values carry over. The lower limit and the EEA values are marked
  uncertain until checked on Lovdata.

Curators correct values, sources and doubts in admin afterwards. The texts are written to both the
plain columns and the bokmål columns of django-modeltranslation (0004/0005), which pages read.
"""

import datetime

from django.db import migrations

LAST_VERIFIED = datetime.date(2026, 11, 30)
CHECK = (
    "Verdiene ble samlet fra offentlige kilder i november 2026 og må kontrolleres mot Lovdata "
    "(anskaffelsesforskriften § 5-3) og anskaffelser.no før de regnes som sikre."
)
FIELDS = (
    "lower_limit",
    "national_threshold",
    "eea_central_government",
    "eea_other_buyers",
    "eea_works",
    "eea_special_services",
)

EEA_2026_DOUBT = (
    "Fra én sekundærkilde: endringsloggen til et norsk anskaffelsesverktøy, som viser til departementets "
    "oversikt på regjeringen.no («gjelder fra 21.04.2026»). Beløpet tilsvarer EUs terskelverdi for 2026–2027 "
    "omregnet med omtrent 11,64 kroner per euro. Ikke kontrollert i anskaffelsesforskriften § 5-3 på Lovdata."
)
EEA_2026 = {name: EEA_2026_DOUBT for name in FIELDS[2:]}

LOWER_LIMIT_DOUBT = (
    "Sekundærkilder: cobrief.com («New Norwegian procurement rules from July 1, 2026») og Wikborg Rein i "
    "Chambers Public Procurement 2026. Sjekk anskaffelsesloven § 2 og anskaffelsesforskriften på Lovdata."
)

PERIODS = [
    {
        "valid_from": datetime.date(2026, 4, 21),
        "values": (100_000, 1_300_000, 1_630_000, 2_500_000, 62_900_000, 8_700_000),
        "sources": (
            "EØS-terskelverdiene for 2026–2027: én sekundærkilde (endringsloggen til et norsk anskaffelsesverktøy, "
            "som viser til departementets oversikt på regjeringen.no, «gjelder fra 21.04.2026»).\n"
            "EUs terskelverdier i euro: delegert forordning (EU) 2025/2152 (140 000, 216 000 og 5 404 000 euro; "
            "særlige tjenester 750 000 euro).\n"
            "Nedre grense og nasjonal terskelverdi: uendret fra perioden 14. mars 2024."
        ),
        "notes": CHECK
        + " Beløpene tilsvarer EUs terskelverdier i euro for 2026–2027, slik beløpene fra 2024 tilsvarte "
        "EUs verdier for 2024–2025.",
        "uncertain": {
            **EEA_2026,
            "valid_from": "Startdatoen 21. april 2026 er hentet fra den samme sekundærkilden.",
        },
    },
    {
        "valid_from": datetime.date(2026, 7, 1),
        "values": (500_000, 1_300_000, 1_630_000, 2_500_000, 62_900_000, 8_700_000),
        "sources": (
            "Nedre grense: Stortingets vedtak 5. februar 2026 om endringer i anskaffelsesloven (Prop. 147 L "
            "(2024–2025), Innst. 38 L (2025–2026)), i kraft 1. juli 2026. Kilder: cobrief.com «New Norwegian "
            "procurement rules from July 1, 2026»; Wikborg Rein i Chambers Public Procurement 2026.\n"
            "Nasjonal terskelverdi: uendret fra 2024.\n"
            "EØS-terskelverdiene: som fra 21. april 2026 (usikre, se den perioden)."
        ),
        "notes": CHECK
        + "\n\nRegjeringen foreslo 300 000 kr; Stortinget vedtok 500 000 kr og ba om en modell for å justere "
        "grensen hvert tredje år. Kjøp under 500 000 kr er utenfor loven og forskriften.\n\n"
        "Ikke bekreftet: om de grunnleggende prinsippene i anskaffelsesloven § 4 ble opphevet eller snevret inn "
        "under EØS-terskelverdiene, om del II eller den nasjonale terskelverdien ble endret, og om det finnes "
        "overgangsregler for konkurranser som startet før 1. juli 2026.",
        "uncertain": {**EEA_2026, "lower_limit": LOWER_LIMIT_DOUBT},
    },
]

# The 2024 period said no 2026 values had been found and that the lower limit's rise was unconfirmed;
# both are now answered by the periods above.
NOTES_2024_OLD_TAIL = (
    "\n\nVi har ikke funnet kronebeløp for en periode i 2026. EUs terskelverdier i euro for 2026–2027 "
    "(delegert forordning (EU) 2025/2152: 140 000, 216 000 og 5 404 000 euro; særlige tjenester 750 000 "
    "euro) er lavere enn for 2024–2025, så kronebeløpene kan endres når departementet endrer "
    "anskaffelsesforskriften § 5-3. Til en nyere periode er lagt inn, gjelder denne.\n\n"
    "Prop. 147 L (2024–2025) foreslo å heve nedre grense til 300 000 kr og andre forenklinger under "
    "EØS-terskelverdiene (NOU 2023:26, NOU 2024:9, Innst. 38 L (2025–2026)). Om og når endringen trådte i "
    "kraft, er ikke bekreftet."
)
NOTES_2024_NEW_TAIL = (
    "\n\nPerioden ble avløst 21. april 2026 av EØS-terskelverdiene for 2026–2027, og 1. juli 2026 ble nedre "
    "grense hevet til 500 000 kr. Begge deler bygger på sekundærkilder; se de periodene."
)


def seed(apps, schema_editor):
    ThresholdPeriod = apps.get_model("procurement", "ThresholdPeriod")
    ThresholdUncertainty = apps.get_model("procurement", "ThresholdUncertainty")
    for data in PERIODS:
        period = ThresholdPeriod.objects.create(
            valid_from=data["valid_from"],
            sources=data["sources"],
            notes=data["notes"],
            notes_nb=data["notes"],
            last_verified=LAST_VERIFIED,
            **dict(zip(FIELDS, data["values"], strict=True)),
        )
        for field, explanation in data["uncertain"].items():
            ThresholdUncertainty.objects.create(
                period=period, field=field, explanation=explanation, explanation_nb=explanation
            )
    _replace_2024_tail(ThresholdPeriod, NOTES_2024_OLD_TAIL, NOTES_2024_NEW_TAIL)


def unseed(apps, schema_editor):
    ThresholdPeriod = apps.get_model("procurement", "ThresholdPeriod")
    ThresholdPeriod.objects.filter(valid_from__in=[data["valid_from"] for data in PERIODS]).delete()
    _replace_2024_tail(ThresholdPeriod, NOTES_2024_NEW_TAIL, NOTES_2024_OLD_TAIL)


def _replace_2024_tail(ThresholdPeriod, old: str, new: str) -> None:
    # Only when a curator has not rewritten the notes meanwhile.
    period = ThresholdPeriod.objects.filter(valid_from=datetime.date(2024, 3, 14)).first()
    notes = period and (period.notes_nb or period.notes)
    if notes and notes.endswith(old):
        period.notes = period.notes_nb = notes[: -len(old)] + new
        period.save(update_fields=["notes", "notes_nb"])


class Migration(migrations.Migration):
    dependencies = [("procurement", "0005_copy_bokmal_into_translations")]

    operations = [migrations.RunPython(seed, unseed)]
