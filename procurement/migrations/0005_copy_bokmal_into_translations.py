"""The guidance written so far is bokmål: copy it into the bokmål columns of the translations."""

from django.db import migrations
from django.db.models import F

FIELDS = {
    "GuidancePage": ["title", "summary", "intro"],
    "GuidanceSection": ["heading", "body", "link_text"],
    "GuidanceItem": ["title", "text", "when", "highlight", "link_text"],
    "Myth": ["claim", "answer"],
    "ThresholdPeriod": ["notes"],
    "ThresholdUncertainty": ["explanation"],
}


def copy_to_bokmal(apps, schema_editor):
    for model_name, fields in FIELDS.items():
        model = apps.get_model("procurement", model_name)
        model.objects.update(**{f"{field}_nb": F(field) for field in fields})


def copy_from_bokmal(apps, schema_editor):
    for model_name, fields in FIELDS.items():
        model = apps.get_model("procurement", model_name)
        for field in fields:
            model.objects.exclude(**{f"{field}_nb": None}).update(**{field: F(f"{field}_nb")})


class Migration(migrations.Migration):
    dependencies = [("procurement", "0004_guidance_translations")]

    operations = [migrations.RunPython(copy_to_bokmal, copy_from_bokmal)]
