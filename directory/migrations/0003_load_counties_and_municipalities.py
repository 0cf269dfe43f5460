"""Load the 15 counties and 357 municipalities of 2024 and the booklet's older place names.

Source: fixtures/kommuner-2024.csv (SSB Klass 131/104 as published in NAV's open-source code, see
fixtures/README.md). Reference data that every environment needs, so it is a data migration.
"""

import csv
from pathlib import Path

from django.db import migrations

from directory.text import norwegian_slugify

CSV_PATH = Path(__file__).resolve().parent.parent.parent / "fixtures" / "kommuner-2024.csv"

# Places the booklet (2017) names that have since merged into another municipality (data/README.md).
FORMER_NAMES = [
    ("Oppegård", "3207", "Slått sammen med Ski til Nordre Follo i 2020."),
    ("Ski", "3207", "Slått sammen med Oppegård til Nordre Follo i 2020."),
    ("Songdalen", "4204", "Slått sammen med Kristiansand i 2020."),
    ("Eidsberg", "3118", "Del av Indre Østfold siden 2020."),
    ("Hokksund", "3314", "Tettsted i Øvre Eiker."),
    ("Hønefoss", "3305", "Tettsted i Ringerike."),
    ("Mo i Rana", "1833", "Tettsted i Rana."),
]


def load(apps, schema_editor):
    County = apps.get_model("directory", "County")
    Municipality = apps.get_model("directory", "Municipality")
    FormerMunicipalityName = apps.get_model("directory", "FormerMunicipalityName")
    with CSV_PATH.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    counties = {}
    for row in rows:
        number = row["fylkesnummer"]
        if number not in counties:
            counties[number], _ = County.objects.update_or_create(
                number=number, defaults={"name": row["fylke"], "slug": norwegian_slugify(row["fylke"])}
            )
    for row in rows:
        Municipality.objects.update_or_create(
            number=row["kommunenummer"],
            defaults={
                "name": row["navn"],
                "slug": norwegian_slugify(row["navn"]),
                "county": counties[row["fylkesnummer"]],
            },
        )
    for name, number, note in FORMER_NAMES:
        FormerMunicipalityName.objects.update_or_create(
            name=name, defaults={"municipality": Municipality.objects.get(number=number), "note": note}
        )


def unload(apps, schema_editor):
    apps.get_model("directory", "FormerMunicipalityName").objects.all().delete()
    apps.get_model("directory", "Municipality").objects.all().delete()
    apps.get_model("directory", "County").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_search_document_triggers")]

    operations = [migrations.RunPython(load, unload)]
