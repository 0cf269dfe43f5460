from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Avtaler og effekt")

    def ready(self):
        from agreements.models import Agreement, BodyAgreement, EffectPlan, PlannedProcurement
        from veier.fragments import invalidate_on_change

        # Profiles show the people reached through confirmed agreements; a body's page its plans.
        invalidate_on_change([Agreement, EffectPlan, BodyAgreement, PlannedProcurement], "plans")
