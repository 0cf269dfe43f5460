"""Pages for agreements recorded from dialogues, their effect plans and measurements, and the
answers to follow-up questions. Access goes through agreements/access.py only."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from agreements import services
from agreements.access import (
    get_agreement_for_party,
    get_agreement_for_user,
    get_follow_up_for_party,
    get_interest_for_party,
)
from agreements.forms import (
    AgreementForm,
    CaseProposalForm,
    EffectPlanForm,
    FollowUpForm,
    IndicatorForm,
    MeasurementForm,
)
from agreements.models import Agreement, CaseProposal, FollowUp, Indicator, Side
from procurement.rules import REGIME_LABELS, Regime


def _initial_from(interest) -> dict:
    need = interest.need
    today = timezone.localdate()
    return {
        "collaboration_form": need.collaboration_forms.order_by("position", "name").first(),
        "value": need.estimated_value,
        "procurement_category": need.procurement_category,
        "agreed_on": today,
        "starts_on": today,
    }


@login_required
@require_http_methods(["GET", "POST"])
def agreement_create(request: HttpRequest, pk: int, interest_pk: int) -> HttpResponse:
    interest, side = get_interest_for_party(request.user, pk, interest_pk)
    if Agreement.objects.filter(interest=interest).exists():
        return redirect("agreements:detail", pk, interest_pk)
    form = AgreementForm(request.POST or None, initial=_initial_from(interest))
    if request.method == "POST" and form.is_valid():
        try:
            agreement = services.agreement_record(
                interest=interest, side=side, user=request.user, data=form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Avtalen er registrert. Den andre parten får beskjed og blir bedt om å bekrefte.")
            )
            return redirect(agreement)
    context = {"form": form, "interest": interest, "need": interest.need, "agreement": None}
    return render(request, "agreements/agreement_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request: HttpRequest, pk: int, interest_pk: int) -> HttpResponse:
    agreement, side = get_agreement_for_party(request.user, pk, interest_pk)
    initial = {name: getattr(agreement, name) for name in services.AGREEMENT_FIELDS}
    form = AgreementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.agreement_update(agreement=agreement, side=side, data=form.cleaned_data)
        messages.success(request, _("Avtalen er lagret."))
        return redirect(agreement)
    context = {"form": form, "interest": agreement.interest, "need": agreement.interest.need, "agreement": agreement}
    return render(request, "agreements/agreement_form.html", context)


def _detail_context(agreement: Agreement, side: str | None, **forms) -> dict:
    plan = services.plan_for(agreement)
    indicators = services.indicators_with_charts(plan)
    bound = forms.get("measurement_forms", {})
    for indicator in indicators:
        indicator.form = bound.get(indicator.pk) or MeasurementForm(indicator=indicator)
    return {
        "agreement": agreement,
        "interest": agreement.interest,
        "need": agreement.interest.need,
        "side": side,
        "is_party": side is not None,
        "confirmed_by_me": side is not None and agreement.confirmed_by(side),
        "regime_label": REGIME_LABELS[Regime(agreement.regime)] if agreement.regime else "",
        "plan": plan,
        "indicators": indicators,
        "indicator_form": forms.get("indicator_form") or IndicatorForm(),
        **_case_context(agreement, side, forms.get("case_form")),
    }


def _case_context(agreement: Agreement, side: str | None, form: CaseProposalForm | None) -> dict:
    proposal = CaseProposal.objects.filter(agreement=agreement).first()
    if side is None or not (proposal or services.may_propose_case(agreement)):
        return {"proposal": proposal, "case_form": None}
    if form is None:
        if proposal:
            initial = {"title": proposal.title, "summary": proposal.summary}
        else:
            initial = {"title": agreement.interest.need.title, "summary": agreement.summary[:400]}
        form = CaseProposalForm(initial=initial)
    consented = proposal is not None and (
        proposal.body_consent_at if side == Side.BODY else proposal.entrepreneur_consent_at
    )
    return {"proposal": proposal, "case_form": form, "case_consented": bool(consented)}


@login_required
@require_GET
def agreement_detail(request: HttpRequest, pk: int, interest_pk: int) -> HttpResponse:
    agreement, side = get_agreement_for_user(request.user, pk, interest_pk)
    return render(request, "agreements/agreement_detail.html", _detail_context(agreement, side))


@login_required
@require_POST
def agreement_confirm(request: HttpRequest, pk: int, interest_pk: int) -> HttpResponse:
    agreement, side = get_agreement_for_party(request.user, pk, interest_pk)
    services.agreement_confirm(agreement=agreement, side=side)
    if agreement.is_confirmed:
        messages.success(request, _("Avtalen er bekreftet av begge parter."))
    else:
        messages.success(request, _("Dere har bekreftet avtalen. Den andre parten må også bekrefte."))
    return redirect(agreement)


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, pk: int, interest_pk: int) -> HttpResponse:
    agreement, _side = get_agreement_for_party(request.user, pk, interest_pk)
    plan = services.plan_for(agreement)
    initial = {name: getattr(plan, name) for name in services.PLAN_FIELDS}
    form = EffectPlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.plan_save(agreement=agreement, data=form.cleaned_data)
        messages.success(request, _("Effektplanen er lagret."))
        return redirect(reverse("agreements:detail", args=[pk, interest_pk]) + "#effekt")
    return render(
        request, "agreements/plan_form.html", {"form": form, "agreement": agreement, "need": agreement.interest.need}
    )


@login_required
@require_POST
def indicator_add(request: HttpRequest, pk: int, interest_pk: int) -> HttpResponse:
    agreement, side = get_agreement_for_party(request.user, pk, interest_pk)
    form = IndicatorForm(request.POST)
    if not form.is_valid():
        context = _detail_context(agreement, side, indicator_form=form)
        return render(request, "agreements/agreement_detail.html", context)
    indicator = services.indicator_add(agreement=agreement, data=form.cleaned_data)
    messages.success(request, _("Indikatoren «%(name)s» er lagt til.") % {"name": indicator.name})
    return redirect(reverse("agreements:detail", args=[pk, interest_pk]) + f"#indikator-{indicator.pk}")


@login_required
@require_POST
def measurement_add(request: HttpRequest, pk: int, interest_pk: int, indicator_pk: int) -> HttpResponse:
    agreement, side = get_agreement_for_party(request.user, pk, interest_pk)
    indicator = get_object_or_404(Indicator, pk=indicator_pk, plan__agreement=agreement)
    form = MeasurementForm(request.POST, indicator=indicator)
    if not form.is_valid():
        context = _detail_context(agreement, side, measurement_forms={indicator.pk: form})
        return render(request, "agreements/agreement_detail.html", context)
    services.measurement_add(indicator=indicator, side=side, user=request.user, data=form.cleaned_data)
    messages.success(request, _("Målingen er lagret."))
    return redirect(reverse("agreements:detail", args=[pk, interest_pk]) + f"#indikator-{indicator.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def follow_up_answer(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = get_follow_up_for_party(request.user, pk)
    interest = follow_up.interest
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and follow_up.answered_at is None and form.is_valid():
        data = form.cleaned_data
        services.follow_up_answer(
            follow_up=follow_up,
            user=request.user,
            answer=data["answer"],
            reason=data["reason"],
            comment=data["comment"],
        )
        if data["answer"] == FollowUp.Answer.AGREED and not Agreement.objects.filter(interest=interest).exists():
            messages.success(request, _("Takk! Registrer gjerne avtalen, så kan dere følge effekten sammen."))
            return redirect("agreements:create", interest.need_id, interest.pk)
        messages.success(request, _("Takk for svaret."))
        return redirect("accounts:dashboard")
    context = {
        "follow_up": follow_up,
        "interest": interest,
        "need": interest.need,
        "form": form,
        "side_body": follow_up.side == Side.BODY,
    }
    return render(request, "agreements/follow_up.html", context)


@login_required
@require_POST
def case_propose(request: HttpRequest, pk: int, interest_pk: int) -> HttpResponse:
    agreement, side = get_agreement_for_party(request.user, pk, interest_pk)
    form = CaseProposalForm(request.POST)
    if form.is_valid():
        try:
            proposal = services.case_propose(agreement=agreement, side=side, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if proposal.has_both_consents:
                messages.success(
                    request, _("Begge har samtykket. Redaksjonen i portalen ser på forslaget før det publiseres.")
                )
            else:
                messages.success(
                    request, _("Takk! Den andre parten må også samtykke før redaksjonen ser på forslaget.")
                )
            return redirect(reverse("agreements:detail", args=[pk, interest_pk]) + "#eksempel")
    context = _detail_context(agreement, side, case_form=form)
    return render(request, "agreements/agreement_detail.html", context)
