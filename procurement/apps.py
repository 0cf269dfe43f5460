from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcurementConfig(AppConfig):
    name = "procurement"
    verbose_name = _("Anskaffelser")

    def ready(self):
        from procurement.models import (
            GuidanceItem,
            GuidancePage,
            GuidanceSection,
            Myth,
            ThresholdPeriod,
            ThresholdUncertainty,
        )
        from veier.fragments import invalidate_on_change

        # The guide, the threshold table and planned purchases' regimes read the periods; the guide
        # links the guidance and its myths.
        invalidate_on_change([ThresholdPeriod, ThresholdUncertainty], "thresholds")
        invalidate_on_change([GuidancePage, GuidanceSection, GuidanceItem, Myth], "guidance")
