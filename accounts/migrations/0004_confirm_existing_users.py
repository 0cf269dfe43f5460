"""Users that existed before sign-up by e-mail was added were created by curators: count them as confirmed."""

from django.db import migrations
from django.db.models import F


def confirm_existing_users(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    User.objects.filter(confirmed_at__isnull=True).update(confirmed_at=F("date_joined"))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_user_confirmed_at_login_failure"),
    ]

    operations = [
        # Nothing to undo: going back removes the column in 0003.
        migrations.RunPython(confirm_existing_users, migrations.RunPython.noop),
    ]
