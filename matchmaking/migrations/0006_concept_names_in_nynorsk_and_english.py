"""The concepts' names into the bokmål column, and the seed's nynorsk and English names where a
translation is still empty (matchmaking/concept_seed.py NAMES). A curator's text is never replaced;
going back clears only the names this filled."""

from django.db import migrations

from matchmaking.concept_seed import NAMES, fill_translations


def translate(apps, schema_editor):
    Concept = apps.get_model("matchmaking", "Concept")
    for concept in Concept.objects.all():
        if changed := fill_translations(concept, concept.name):
            concept.save(update_fields=changed)


def untranslate(apps, schema_editor):
    Concept = apps.get_model("matchmaking", "Concept")
    for slug, (nynorsk, english) in NAMES.items():
        Concept.objects.filter(slug=slug, name_nn=nynorsk).update(name_nn=None)
        Concept.objects.filter(slug=slug, name_en=english).update(name_en=None)


class Migration(migrations.Migration):
    dependencies = [("matchmaking", "0005_concept_name_translations")]

    operations = [migrations.RunPython(translate, untranslate)]
