"""The first concepts of the thesaurus (matchmaking/concept_seed.py), linked to the service areas and
target groups that exist; `manage.py load_booklet` adds the links for taxonomies loaded later."""

from django.db import migrations

from matchmaking.concept_seed import SEED, load_concepts


def seed(apps, schema_editor):
    load_concepts(
        apps.get_model("matchmaking", "Concept"),
        apps.get_model("directory", "ServiceArea"),
        apps.get_model("directory", "TargetGroup"),
    )


def unseed(apps, schema_editor):
    apps.get_model("matchmaking", "Concept").objects.filter(slug__in=[item[0] for item in SEED]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("matchmaking", "0003_concept"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
