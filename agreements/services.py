"""Changes to agreements, follow-ups and effect plans, each inside one transaction; and the parts
of other apps' pages that come from agreements (Min side, the need page, the entrepreneur profile)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Q, Sum
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from agreements import emails
from agreements.access import may_keep_plans
from agreements.models import (
    Agreement,
    BodyAgreement,
    CaseProposal,
    EffectPlan,
    FollowUp,
    Indicator,
    Measurement,
    PlannedProcurement,
    Side,
)
from agreements.rules import FOLLOW_UP_WEEKS, add_months, change_against_baseline, follow_up_due, line_chart
from directory.models import Case, PublicBody, SocialEntrepreneur
from matchmaking.access import member_body_ids, member_entrepreneur_ids
from matchmaking.models import Interest
from procurement import rules as procurement
from procurement.services import threshold_periods

AGREEMENT_FIELDS = (
    "collaboration_form",
    "summary",
    "value",
    "procurement_category",
    "agreed_on",
    "starts_on",
    "ends_on",
    "reserved",
)
PLAN_FIELDS = (
    "situation",
    "goals",
    "target_group",
    "target_group_size",
    "people_reached",
    "life_changing",
    "life_improving",
    "story",
)
# Dialogues older than this are not followed up any more, so that the job reads a bounded set
# (twelve weeks plus four of grace for a job that did not run).
FOLLOW_UP_HORIZON = timedelta(weeks=max(FOLLOW_UP_WEEKS) + 4)
# At most one e-mail about changes to the same agreement in this period, so that a party saving
# many small changes cannot flood the other side; Min side always shows what waits for them.
CONFIRM_MAIL_INTERVAL = timedelta(minutes=10)
SETTLED_STATES = (Interest.State.DECLINED, Interest.State.AGREED)
SETTLING_ANSWERS = (FollowUp.Answer.AGREED, FollowUp.Answer.STOPPED)


# --- The procurement regime ----------------------------------------------------------------------


def buyer_for(body: PublicBody) -> procurement.Buyer:
    return procurement.Buyer.STATLIG if body.kind == PublicBody.Kind.STATE_AGENCY else procurement.Buyer.KOMMUNAL


def regime_on(body: PublicBody, value: int | None, category: str, on, periods=None) -> procurement.Regime | None:
    """The regime for a purchase of `value` by `body` on the date `on`; None without a value or
    before the first threshold period the guide knows."""
    if value is None or on is None:
        return None
    periods = threshold_periods() if periods is None else periods
    try:
        period = procurement.period_in_force(periods, on)
    except procurement.DateNotCovered:
        return None
    return procurement.regime_for(value, buyer_for(body), procurement.Category(category), period)


# --- Agreements ----------------------------------------------------------------------------------


def _apply(agreement: Agreement, data: dict) -> bool:
    changed = False
    for name in AGREEMENT_FIELDS:
        if name not in data:
            continue
        # The form's collaboration form is an object; compare ids, so an unsaved agreement needs none.
        if name == "collaboration_form":
            same = agreement.collaboration_form_id == data[name].pk
        else:
            same = getattr(agreement, name) == data[name]
        if not same:
            setattr(agreement, name, data[name])
            changed = True
    regime = regime_on(
        agreement.interest.need.public_body, agreement.value, agreement.procurement_category, agreement.agreed_on
    )
    agreement.regime = regime.value if regime else ""
    return changed


def _confirm(agreement: Agreement, side: str, now: datetime) -> None:
    if side == Side.BODY:
        agreement.body_confirmed_at = now
    else:
        agreement.entrepreneur_confirmed_at = now


@transaction.atomic
def agreement_record(*, interest: Interest, side: str, user, data: dict) -> Agreement:
    """One side records what the dialogue ended in; that side has confirmed, the other is asked to."""
    if Agreement.objects.filter(interest=interest).exists():
        raise ValidationError(_("Denne dialogen har allerede en avtale."))
    agreement = Agreement(interest=interest, recorded_by=user)
    _apply(agreement, data)
    _confirm(agreement, side, timezone.now())
    agreement.full_clean(exclude=["interest"])
    agreement.save()
    emails.agreement_to_confirm(agreement, side)
    return agreement


@transaction.atomic
def agreement_update(*, agreement: Agreement, side: str, data: dict) -> Agreement:
    """A party changes the agreement. A real change needs the other side's confirmation again."""
    if _apply(agreement, data):
        previous = agreement.updated
        agreement.body_confirmed_at = agreement.entrepreneur_confirmed_at = None
        _confirm(agreement, side, timezone.now())
        agreement.full_clean(exclude=["interest"])
        agreement.save()
        if previous is None or agreement.updated - previous >= CONFIRM_MAIL_INTERVAL:
            emails.agreement_to_confirm(agreement, side)
    return agreement


@transaction.atomic
def agreement_confirm(*, agreement: Agreement, side: str) -> Agreement:
    """A party confirms the agreement. Once both have, the dialogue is marked agreed."""
    if agreement.confirmed_by(side):
        return agreement
    _confirm(agreement, side, timezone.now())
    agreement.save(update_fields=["body_confirmed_at", "entrepreneur_confirmed_at", "updated"])
    if agreement.is_confirmed:
        Interest.objects.filter(pk=agreement.interest_id).update(state=Interest.State.AGREED, updated=timezone.now())
    return agreement


def agreements_by_interest(interest_ids) -> dict[int, Agreement]:
    """The agreements of these dialogues, by dialogue id (for the need page), in one query."""
    return {agreement.interest_id: agreement for agreement in Agreement.objects.filter(interest_id__in=interest_ids)}


def need_has_agreement(need) -> bool:
    """Whether a dialogue about the need ended in an agreement both sides confirmed."""
    return Agreement.objects.filter(
        interest__need=need, body_confirmed_at__isnull=False, entrepreneur_confirmed_at__isnull=False
    ).exists()


# --- Follow-up -----------------------------------------------------------------------------------


def _follow_up_candidates(now: datetime):
    return (
        Interest.objects.filter(created__lte=now - timedelta(weeks=min(FOLLOW_UP_WEEKS)))
        .filter(created__gte=now - FOLLOW_UP_HORIZON)
        .exclude(state__in=SETTLED_STATES)
        .filter(agreement__isnull=True)
        .exclude(follow_ups__answer__in=SETTLING_ANSWERS)
        .select_related("need__public_body", "entrepreneur")
        .prefetch_related("follow_ups")
        .order_by("pk")
    )


def follow_ups_send(*, now: datetime | None = None) -> int:
    """Ask both sides of every dialogue that is four or twelve weeks old how it went, once per
    stage, never after the dialogue was settled. Returns how many questions were sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = 0
    for interest in _follow_up_candidates(now):
        for side in (Side.BODY, Side.ENTREPRENEUR):
            asked = {follow_up.stage for follow_up in interest.follow_ups.all() if follow_up.side == side}
            stage = follow_up_due(timezone.localdate(interest.created), today, asked, settled=False)
            if stage is None:
                continue
            try:
                with transaction.atomic():
                    follow_up = FollowUp.objects.create(interest=interest, side=side, stage=stage, sent_at=now)
            except IntegrityError:
                # Another run asked the same question a moment ago.
                continue
            emails.follow_up_question(follow_up)
            sent += 1
    return sent


@transaction.atomic
def follow_up_answer(*, follow_up: FollowUp, user, answer: str, reason: str, comment: str) -> FollowUp:
    """Record one side's answer. An answer cannot be changed: the statistics count it once."""
    if follow_up.answered_at is not None:
        raise ValidationError(_("Dette spørsmålet er allerede besvart."))
    follow_up.answer, follow_up.reason, follow_up.comment = answer, reason, comment
    follow_up.answered_at, follow_up.answered_by = timezone.now(), user
    follow_up.save()
    return follow_up


def open_follow_ups_for(user):
    """The unanswered follow-up questions sent to the user's sides."""
    body_ids, entrepreneur_ids = member_body_ids(user), member_entrepreneur_ids(user)
    if not (body_ids or entrepreneur_ids):
        return FollowUp.objects.none()
    return (
        FollowUp.objects.filter(answered_at__isnull=True)
        .filter(
            Q(side=Side.BODY, interest__need__public_body_id__in=body_ids)
            | Q(side=Side.ENTREPRENEUR, interest__entrepreneur_id__in=entrepreneur_ids)
        )
        .exclude(interest__agreement__isnull=False)
        .select_related("interest__need__public_body", "interest__entrepreneur")
        .order_by("-sent_at", "-pk")
    )


# --- Effect plan and measurements ----------------------------------------------------------------


def plan_for(agreement: Agreement) -> EffectPlan:
    """The agreement's effect plan; a fresh (unsaved) one if nobody started it."""
    return EffectPlan.objects.filter(agreement=agreement).first() or EffectPlan(agreement=agreement)


@transaction.atomic
def plan_save(*, agreement: Agreement, data: dict) -> EffectPlan:
    plan, _created = EffectPlan.objects.select_for_update().get_or_create(agreement=agreement)
    for name in PLAN_FIELDS:
        if name in data:
            setattr(plan, name, data[name])
    plan.full_clean(exclude=["agreement"])
    plan.save()
    return plan


@transaction.atomic
def indicator_add(*, agreement: Agreement, data: dict) -> Indicator:
    plan, _created = EffectPlan.objects.get_or_create(agreement=agreement)
    return Indicator.objects.create(plan=plan, **data)


@transaction.atomic
def measurement_add(*, indicator: Indicator, side: str, user, data: dict) -> Measurement:
    if data["measured_on"] < indicator.baseline_on:
        raise ValidationError(_("En måling kan ikke være fra før nullpunktet ble målt."))
    return Measurement.objects.create(indicator=indicator, side=side, recorded_by=user, **data)


def indicators_with_charts(plan: EffectPlan) -> list[Indicator]:
    """The plan's indicators, each with its measurements, a chart laid out for SVG, and the change of
    the latest value against the baseline. Two queries whatever the number of measurements."""
    if plan.pk is None:
        return []
    indicators = list(
        plan.indicators.prefetch_related(
            Prefetch("measurements", queryset=Measurement.objects.select_related("recorded_by"))
        )
    )
    for indicator in indicators:
        rows = list(indicator.measurements.all())
        series = [(indicator.baseline_on, indicator.baseline_value)] + [(row.measured_on, row.value) for row in rows]
        indicator.rows = rows
        indicator.chart = line_chart(series, indicator.baseline_value, indicator.target_value)
        indicator.change = change_against_baseline(indicator.baseline_value, rows[-1].value if rows else None)
    return indicators


def reach_of(entrepreneur) -> dict | None:
    """People reached across the entrepreneur's confirmed agreements (Ferd's model), or None."""
    totals = EffectPlan.objects.filter(
        agreement__interest__entrepreneur=entrepreneur,
        agreement__body_confirmed_at__isnull=False,
        agreement__entrepreneur_confirmed_at__isnull=False,
        people_reached__isnull=False,
    ).aggregate(reached=Sum("people_reached"), changing=Sum("life_changing"), improving=Sum("life_improving"))
    return totals if totals["reached"] else None


# --- /min-side/ ----------------------------------------------------------------------------------


def dashboard_context(user) -> dict:
    """The agreements section of /min-side/, under the key "agreements": follow-up questions
    waiting for an answer, and the agreements of the user's organisations."""
    body_ids, entrepreneur_ids = member_body_ids(user), member_entrepreneur_ids(user)
    if not (body_ids or entrepreneur_ids):
        return {"agreements": None}
    agreements = list(
        Agreement.objects.filter(
            Q(interest__need__public_body_id__in=body_ids) | Q(interest__entrepreneur_id__in=entrepreneur_ids)
        )
        .select_related("interest__need__public_body", "interest__entrepreneur", "collaboration_form")
        .order_by("-agreed_on", "-pk")[:20]
    )
    for agreement in agreements:
        side = Side.BODY if agreement.interest.need.public_body_id in body_ids else Side.ENTREPRENEUR
        agreement.waiting_for_me = not agreement.confirmed_by(side)
    return {"agreements": {"follow_ups": list(open_follow_ups_for(user)[:20]), "agreements": agreements}}


# --- Public bodies' agreements and planned procurements (booklet ch. 4) --------------------------

BODY_AGREEMENT_FIELDS = ("title", "service_area", "supplier_kind", "starts_on", "ends_on", "extension_possible")
PLANNED_FIELDS = (
    "title",
    "description",
    "service_area",
    "estimated_value",
    "procurement_category",
    "preparation_starts",
    "competition_expected",
)


def with_regimes(planned, periods=None) -> list[PlannedProcurement]:
    """The planned procurements, each with the regime on its expected date (`regime_label`), reading
    the threshold periods once."""
    planned = list(planned)
    if planned:
        periods = threshold_periods() if periods is None else periods
    for item in planned:
        regime = regime_on(
            item.public_body, item.estimated_value, item.procurement_category, item.competition_expected, periods
        )
        item.regime_label = procurement.REGIME_LABELS[regime] if regime else ""
    return planned


def upcoming_planned(today=None):
    """Planned procurements of published bodies whose competition is still to come."""
    today = today or timezone.localdate()
    return (
        PlannedProcurement.objects.public()
        .filter(competition_expected__gte=today)
        .select_related("public_body__municipality__county", "public_body__county", "service_area")
        .order_by("competition_expected", "pk")
    )


def running_agreements(today=None):
    """Current agreements of published bodies that have not run out."""
    today = today or timezone.localdate()
    return (
        BodyAgreement.objects.public()
        .filter(ends_on__gte=today)
        .select_related("public_body__municipality__county", "public_body__county", "service_area")
        .order_by("ends_on", "pk")
    )


def filter_plans(planned, agreements, values: dict, today=None):
    """Apply /planer/'s filters: service areas, county, and "expires or starts within N months"."""
    today = today or timezone.localdate()
    if "omrade" in values:
        planned = planned.filter(service_area__in=values["omrade"])
        agreements = agreements.filter(service_area__in=values["omrade"])
    if "fylke" in values:
        county = values["fylke"]
        in_county = Q(public_body__county=county) | Q(public_body__municipality__county=county)
        planned, agreements = planned.filter(in_county), agreements.filter(in_county)
    if "innen_maneder" in values:
        horizon = add_months(today, values["innen_maneder"])
        planned = planned.filter(Q(preparation_starts__lte=horizon) | Q(competition_expected__lte=horizon))
        agreements = agreements.filter(ends_on__lte=horizon)
    return planned, agreements


def body_plans_context(body: PublicBody, user) -> dict:
    """A body's page: its current agreements and planned procurements (under "plans")."""
    return {
        "plans": {
            "planned": with_regimes(upcoming_planned().filter(public_body=body)),
            "agreements": list(running_agreements().filter(public_body=body)),
            "may_keep": may_keep_plans(user, body),
        }
    }


def _save(obj, fields, data):
    for name in fields:
        if name in data:
            setattr(obj, name, data[name])
    obj.full_clean()
    obj.save()
    return obj


@transaction.atomic
def body_agreement_save(*, body: PublicBody, data: dict, item: BodyAgreement | None = None) -> BodyAgreement:
    return _save(item or BodyAgreement(public_body=body), BODY_AGREEMENT_FIELDS, data)


@transaction.atomic
def planned_save(*, body: PublicBody, data: dict, item: PlannedProcurement | None = None) -> PlannedProcurement:
    return _save(item or PlannedProcurement(public_body=body), PLANNED_FIELDS, data)


# --- From agreement to case ----------------------------------------------------------------------


def may_propose_case(agreement: Agreement, today=None) -> bool:
    """Only a finished agreement becomes a case: both sides confirmed it and its period is over."""
    today = today or timezone.localdate()
    return agreement.is_confirmed and agreement.ends_on is not None and agreement.ends_on <= today


def _consent(proposal: CaseProposal, side: str, now) -> None:
    if side == Side.BODY:
        proposal.body_consent_at = now
    else:
        proposal.entrepreneur_consent_at = now
    if proposal.has_both_consents and proposal.status == CaseProposal.Status.WAITING:
        proposal.status = CaseProposal.Status.PENDING


@transaction.atomic
def case_propose(*, agreement: Agreement, side: str, title: str, summary: str) -> CaseProposal:
    """A party offers the agreement to the case library and gives its consent; the other side's
    consent is still needed. A changed text needs the other side's consent again."""
    if not may_propose_case(agreement):
        raise ValidationError(_("Bare en avtale som begge har bekreftet, og som er avsluttet, kan bli et eksempel."))
    proposal = CaseProposal.objects.select_for_update().filter(agreement=agreement).first()
    if proposal is not None and proposal.status not in (CaseProposal.Status.WAITING, CaseProposal.Status.PENDING):
        raise ValidationError(_("Forslaget er allerede behandlet av redaksjonen."))
    if proposal is None:
        proposal = CaseProposal(agreement=agreement)
    if (proposal.title, proposal.summary) != (title, summary):
        proposal.title, proposal.summary = title, summary
        proposal.body_consent_at = proposal.entrepreneur_consent_at = None
        proposal.status = CaseProposal.Status.WAITING
    _consent(proposal, side, timezone.now())
    proposal.save()
    return proposal


@transaction.atomic
def case_consent(*, proposal: CaseProposal, side: str) -> CaseProposal:
    """The other party consents to the text as it stands."""
    if proposal.status not in (CaseProposal.Status.WAITING, CaseProposal.Status.PENDING):
        raise ValidationError(_("Forslaget er allerede behandlet av redaksjonen."))
    _consent(proposal, side, timezone.now())
    proposal.save()
    return proposal


def _unique_slug(title: str) -> str:
    base = slugify(title)[:180] or "eksempel"
    slug, number = base, 2
    while Case.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _effect_text(agreement: Agreement) -> str:
    plan = EffectPlan.objects.filter(agreement=agreement).first()
    if plan is None:
        return ""
    lines = []
    if plan.people_reached is not None:
        lines.append(_("Personer nådd: %(count)s.") % {"count": plan.people_reached})
    for indicator in indicators_with_charts(plan):
        if indicator.change is not None:
            lines.append(
                _("%(name)s: fra %(baseline)s til %(latest)s %(unit)s.")
                % {
                    "name": indicator.name,
                    "baseline": indicator.baseline_value.normalize(),
                    "latest": indicator.rows[-1].value.normalize(),
                    "unit": indicator.unit,
                }
            )
    return "\n".join(lines)


@transaction.atomic
def case_publish(*, proposal: CaseProposal) -> Case:
    """A curator publishes a proposal both sides consented to as a case in the library."""
    proposal = (
        CaseProposal.objects.select_for_update()
        .select_related(
            "agreement__interest__need__public_body",
            "agreement__interest__entrepreneur",
            "agreement__collaboration_form",
        )
        .get(pk=proposal.pk)
    )
    if not proposal.has_both_consents:
        raise ValidationError(_("Begge parter må samtykke før forslaget kan publiseres."))
    if proposal.case_id is not None:
        return proposal.case
    agreement = proposal.agreement
    need = agreement.interest.need
    case = Case.objects.create(
        title=proposal.title,
        slug=_unique_slug(proposal.title),
        summary=proposal.summary,
        body="\n\n".join(part for part in (agreement.summary, _effect_text(agreement)) if part),
        year=agreement.agreed_on.year,
        procurement_applied=bool(agreement.regime) and agreement.regime != procurement.Regime.UTENFOR,
        source=_("Registrert av partene på Veier til samarbeid"),
    )
    case.public_bodies.set([need.public_body])
    case.entrepreneurs.set([agreement.interest.entrepreneur])
    case.collaboration_forms.set([agreement.collaboration_form])
    case.service_areas.set(need.service_areas.all())
    proposal.case, proposal.status = case, CaseProposal.Status.PUBLISHED
    proposal.save(update_fields=["case", "status", "updated"])
    return case


@transaction.atomic
def case_reject(*, proposal: CaseProposal) -> CaseProposal:
    proposal.status = CaseProposal.Status.REJECTED
    proposal.save(update_fields=["status", "updated"])
    return proposal


def planned_for_alert(entrepreneur_ids, since, limit: int = 10) -> list[PlannedProcurement]:
    """Planned procurements added since `since`, with the competition still to come, in the
    entrepreneurs' service areas and where they work: for their e-mail alerts."""
    areas: set[int] = set()
    codes: set[str] = set()
    for service_areas, coverage in SocialEntrepreneur.objects.filter(pk__in=entrepreneur_ids).values_list(
        "facet_service_areas", "facet_coverage"
    ):
        areas.update(service_areas)
        codes.update(coverage)
    if not areas:
        return []
    planned = upcoming_planned().filter(created__gte=since, service_area_id__in=areas)
    if "*" not in codes:
        counties = {int(code.split(":")[1]) for code in codes if code.startswith("c:")}
        municipalities = {int(code.split(":")[1]) for code in codes if code.startswith("m:")}
        # A county-level body (a county municipality) buys for the whole county: it fits those who
        # work anywhere in it.
        any_in_county = counties | {int(code.split(":")[1]) for code in codes if code.startswith("mc:")}
        planned = planned.filter(
            Q(public_body__municipality_id__in=municipalities)
            | Q(public_body__municipality__county_id__in=counties)
            | Q(public_body__municipality__isnull=True, public_body__county_id__in=any_in_county)
        )
    return with_regimes(planned.order_by("competition_expected", "pk")[:limit])
