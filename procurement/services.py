"""The procurement app's part of pages and commands that gather from several places."""

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from procurement import rules
from procurement.freshness import Fact
from procurement.models import GuidancePage, ThresholdPeriod
from veier import fragments


def threshold_periods() -> list[rules.Thresholds]:
    """Every threshold period as the rules engine reads it (`ThresholdPeriod.objects.as_rules()`),
    kept in the cache per language: curators change them a few times a year, the guide reads them
    on every answer. A change to a period or its uncertain values renews it (the "thresholds"
    generation, procurement/apps.py)."""
    return fragments.get_or_build(
        "threshold-periods", [get_language()], ThresholdPeriod.objects.as_rules, depends_on=["thresholds"]
    )


def guidance_facts() -> list[Fact]:
    """Every threshold period and guidance page with its last check and open doubts (three queries)."""
    facts = []
    for period in ThresholdPeriod.objects.prefetch_related("uncertainties"):
        doubts = tuple(f"{note.get_field_display()}: {note.explanation}" for note in period.uncertainties.all())
        facts.append(
            Fact(
                kind=str(_("Terskelverdiperiode")),
                label=str(period),
                last_verified=period.last_verified,
                doubts=doubts,
                admin_url=reverse("admin:procurement_thresholdperiod_change", args=[period.pk]),
            )
        )
    for page in GuidancePage.objects.only("pk", "title", "last_verified", "doubt"):
        facts.append(
            Fact(
                kind=str(_("Veiledningsside")),
                label=page.title,
                last_verified=page.last_verified,
                doubts=(page.doubt.strip(),) if page.doubt.strip() else (),
                admin_url=reverse("admin:procurement_guidancepage_change", args=[page.pk]),
            )
        )
    return facts
