from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Kontoer")

    def ready(self):
        from accounts.models import BodyMembership, EntrepreneurMembership, User
        from veier.fragments import invalidate_on_change

        # Profiles say whether anyone can be reached through the portal (approved, active members).
        # A log-in saves only last_login, which no page shows.
        invalidate_on_change([EntrepreneurMembership, BodyMembership], "members")
        invalidate_on_change([User], "members", ignore_fields=["last_login"])
