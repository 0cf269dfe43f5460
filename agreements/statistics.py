"""Public figures for the whole portal (/statistikk/ and its CSV), by county and service area.

Every figure comes from one aggregate query, so the page costs the same number of queries whatever
the number of rows. Counts from 1 to 4 are published as "under 5" (agreements.rules.small_count), so
that no single collaboration can be picked out; the median and people reached are left out when
fewer than five needs or agreements stand behind them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import BodyMembership
from agreements.models import Agreement, EffectPlan
from agreements.rules import SMALL_COUNT, VALUE_BAND_EDGES, median, small_count, value_band
from directory.models import CollaborationForm, County, PublicBody, ServiceArea, SocialEntrepreneur
from matchmaking.models import Interest, Need

CONFIRMED = Q(body_confirmed_at__isnull=False, entrepreneur_confirmed_at__isnull=False)

MEASURES = {
    "entrepreneurs": _("Sosiale entreprenører"),
    "bodies": _("Offentlige virksomheter med medlemmer"),
    "needs": _("Behov meldt inn"),
    "needs_answered": _("Behov med svar"),
    "dialogues": _("Dialoger"),
    "agreements": _("Avtaler"),
}


def band_labels() -> list[str]:
    low, middle, high = (f"{edge:,}".replace(",", "\u00a0") for edge in VALUE_BAND_EDGES)
    return [
        _("Under %(amount)s kr") % {"amount": low},
        _("%(low)s til %(high)s kr") % {"low": low, "high": middle},
        _("%(low)s til %(high)s kr") % {"low": middle, "high": high},
        _("%(amount)s kr eller mer") % {"amount": high},
    ]


@dataclass
class Figures:
    computed_at: datetime
    totals: dict[str, int | None]
    median_days_to_answer: float | None
    people_reached: int | None
    life_changing: int | None
    life_improving: int | None
    by_county: list[tuple[str, dict[str, int | None]]] = field(default_factory=list)
    by_area: list[tuple[str, dict[str, int | None]]] = field(default_factory=list)
    by_form: list[tuple[str, int]] = field(default_factory=list)
    by_band: list[tuple[str, int]] = field(default_factory=list)


def _hide(counts: dict[str, int]) -> dict[str, int | None]:
    return {name: small_count(counts.get(name, 0)) for name in MEASURES}


def _first_answer_days() -> list[float]:
    """Days from publishing each answered need to its first answer."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT EXTRACT(EPOCH FROM MIN(i.created) - n.published_at) / 86400.0
            FROM matchmaking_need n JOIN matchmaking_interest i ON i.need_id = n.id
            WHERE i.kind = 'answer' AND n.published_at IS NOT NULL AND i.created >= n.published_at
            GROUP BY n.id, n.published_at
            """
        )
        return [float(row[0]) for row in cursor.fetchall()]


def _entrepreneurs_by_county() -> dict[int, int]:
    # Coverage codes "c:<county>" and "mc:<county>" (a municipality in the county); nationwide
    # entrepreneurs are counted once in the total, not in every county.
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT substring(code FROM '^m?c:([0-9]+)$')::bigint AS county, COUNT(DISTINCT e.id)
            FROM directory_socialentrepreneur e, unnest(e.facet_coverage) AS code
            WHERE e.status = 'published' AND code ~ '^m?c:[0-9]+$'
            GROUP BY 1
            """
        )
        return dict(cursor.fetchall())


def _entrepreneurs_by_area() -> dict[int, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT area, COUNT(*) FROM directory_socialentrepreneur e, unnest(e.facet_service_areas) AS area
            WHERE e.status = 'published' GROUP BY area
            """
        )
        return dict(cursor.fetchall())


def _grouped(queryset, key: str) -> dict[int, int]:
    return {row[key]: row["n"] for row in queryset.values(key).annotate(n=Count("pk", distinct=True)).order_by()}


def compute(now: datetime | None = None) -> Figures:
    """Every figure of the statistics page, in a fixed number of queries."""
    posted = Need.objects.exclude(status=Need.Status.DRAFT)
    answered = posted.filter(interests__kind=Interest.Kind.ANSWER)
    agreements = Agreement.objects.filter(CONFIRMED)
    bodies = PublicBody.objects.published().filter(pk__in=BodyMembership.objects.approved().values("public_body_id"))
    totals = {
        "entrepreneurs": SocialEntrepreneur.objects.published().count(),
        "bodies": bodies.count(),
        "needs": posted.count(),
        "needs_answered": answered.values("pk").distinct().count(),
        "dialogues": Interest.objects.filter(need__in=posted).count(),
        "agreements": agreements.count(),
    }
    reach = EffectPlan.objects.filter(agreement__in=agreements, people_reached__isnull=False).aggregate(
        plans=Count("pk"), reached=Sum("people_reached"), changing=Sum("life_changing"), improving=Sum("life_improving")
    )
    enough_reach = reach["plans"] >= SMALL_COUNT

    counties = list(County.objects.order_by("number"))
    # A body's county is its own or its municipality's.
    body_county = {
        row["pk"]: row["county_id"] or row["municipality__county_id"]
        for row in bodies.values("pk", "county_id", "municipality__county_id")
    }
    county_counts: dict[int, dict[str, int]] = defaultdict(dict)
    for county_id, count in _entrepreneurs_by_county().items():
        county_counts[county_id]["entrepreneurs"] = count
    for county_id in body_county.values():
        if county_id:
            county_counts[county_id]["bodies"] = county_counts[county_id].get("bodies", 0) + 1
    for name, queryset, key in (
        ("needs", posted, "county_id"),
        ("needs_answered", answered, "county_id"),
        ("dialogues", Interest.objects.filter(need__in=posted), "need__county_id"),
        ("agreements", agreements, "interest__need__county_id"),
    ):
        for county_id, count in _grouped(queryset, key).items():
            if county_id:
                county_counts[county_id][name] = count

    areas = list(ServiceArea.objects.order_by("position", "name"))
    area_counts: dict[int, dict[str, int]] = defaultdict(dict)
    for area_id, count in _entrepreneurs_by_area().items():
        area_counts[area_id]["entrepreneurs"] = count
    for name, queryset, key in (
        ("bodies", bodies, "service_areas"),
        ("needs", posted, "service_areas"),
        ("needs_answered", answered, "service_areas"),
        ("dialogues", Interest.objects.filter(need__in=posted), "need__service_areas"),
        ("agreements", agreements, "interest__need__service_areas"),
    ):
        for area_id, count in _grouped(queryset, key).items():
            if area_id:
                area_counts[area_id][name] = count

    forms = {
        row["collaboration_form_id"]: row["n"]
        for row in agreements.values("collaboration_form_id").annotate(n=Count("pk")).order_by()
    }
    bands = [0] * (len(VALUE_BAND_EDGES) + 1)
    unknown_value = 0
    for value in agreements.values_list("value", flat=True):
        band = value_band(value)
        if band is None:
            unknown_value += 1
        else:
            bands[band] += 1

    return Figures(
        computed_at=now or timezone.now(),
        totals={name: small_count(count) for name, count in totals.items()},
        median_days_to_answer=median(_first_answer_days()),
        people_reached=reach["reached"] if enough_reach else None,
        life_changing=reach["changing"] if enough_reach else None,
        life_improving=reach["improving"] if enough_reach else None,
        by_county=[(county.name, _hide(county_counts.get(county.pk, {}))) for county in counties],
        by_area=[(area.name, _hide(area_counts.get(area.pk, {}))) for area in areas],
        by_form=[(form.name, forms.get(form.pk, 0)) for form in CollaborationForm.objects.order_by("position", "name")],
        by_band=[*zip(band_labels(), bands, strict=True), (str(_("Verdi ikke oppgitt")), unknown_value)],
    )


def csv_rows(figures: Figures) -> list[list[str]]:
    """The same numbers as the page, one figure a row, with "under 5" for small counts."""

    def shown(value) -> str:
        return str(_("under 5")) if value is None else str(value)

    rows = [["del", "gruppe", "mål", "verdi"], ["beregnet", "", "", figures.computed_at.isoformat()]]
    for name, label in MEASURES.items():
        rows.append(["totalt", "", str(label), shown(figures.totals[name])])
    rows.append(
        [
            "totalt",
            "",
            str(_("Median antall dager til første svar")),
            "" if figures.median_days_to_answer is None else f"{figures.median_days_to_answer:.1f}",
        ]
    )
    # People reached is left out (not "under 5") when fewer than five agreements stand behind it.
    reached = "" if figures.people_reached is None else str(figures.people_reached)
    rows.append(["totalt", "", str(_("Personer nådd")), reached])
    for section, groups in (("fylke", figures.by_county), ("tjenesteområde", figures.by_area)):
        for group, counts in groups:
            for name, label in MEASURES.items():
                rows.append([section, group, str(label), shown(counts[name])])
    for section, groups in (("samarbeidsform", figures.by_form), ("verdi", figures.by_band)):
        for group, count in groups:
            rows.append([section, group, str(MEASURES["agreements"]), shown(small_count(count))])
    return rows
