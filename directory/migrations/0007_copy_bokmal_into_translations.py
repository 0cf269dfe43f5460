"""The texts written so far are bokmål: copy them into the bokmål columns of the translations."""

from django.db import migrations
from django.db.models import F

FIELDS = {
    "ServiceArea": ["name", "description"],
    "TargetGroup": ["name", "description"],
    "CollaborationForm": ["name", "description"],
    "OrganisationForm": ["name", "description"],
    "Case": ["title", "summary"],
}


def copy_to_bokmal(apps, schema_editor):
    for model_name, fields in FIELDS.items():
        model = apps.get_model("directory", model_name)
        model.objects.update(**{f"{field}_nb": F(field) for field in fields})


def copy_from_bokmal(apps, schema_editor):
    # The original columns keep their bokmål text; going back only has to put edits made in the
    # bokmål columns since then into them.
    for model_name, fields in FIELDS.items():
        model = apps.get_model("directory", model_name)
        for field in fields:
            model.objects.exclude(**{f"{field}_nb": None}).update(**{field: F(f"{field}_nb")})


class Migration(migrations.Migration):
    dependencies = [("directory", "0006_content_translations")]

    operations = [migrations.RunPython(copy_to_bokmal, copy_from_bokmal)]
