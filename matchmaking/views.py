"""Pages for needs, their matches, the dialogue about them and e-mail alerts; and the matchmaking
part of /min-side/ (dashboard_context and templates/matchmaking/dashboard.html).

Access goes through matchmaking/access.py only: anonymous users are sent to log in, outsiders get
404 for what they may not see and 403 for what they may see but not change.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, F, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import throttle
from accounts.access import has_permission, may_view
from agreements import services as agreements_services
from directory.models import PublicBody, SocialEntrepreneur
from directory.views import active_filters, paginate, query_without_page
from matchmaking import services
from matchmaking.access import (
    bodies_for_drafting,
    bodies_for_member,
    entrepreneurs_for_member,
    get_interest_for_participant,
    get_need_for_member,
    get_need_for_user,
    is_waiting_author,
    may_decide,
    member_body_ids,
    member_entrepreneur_ids,
    pending_body_ids,
)
from matchmaking.candidates import NeedSpec, find_matches, needs_for_entrepreneurs
from matchmaking.filters import NeedFilterSet
from matchmaking.forms import (
    AlertForm,
    AnswerForm,
    InterestStateForm,
    InvitationForm,
    MessageForm,
    NeedForm,
    NeedStatusForm,
)
from matchmaking.models import AlertSubscription, Interest, Message, Need
from procurement import rules
from procurement.models import ThresholdPeriod
from veier import fragments

MATCH_LIMIT = 20
DASHBOARD_MATCHES = 10
# The newest needs an entrepreneur's dashboard looks through for ones that fit.
DASHBOARD_NEED_POOL = 300
DASHBOARD_DIALOGUES = 20
DASHBOARD_BODY_NEEDS = 20
EQUAL_TREATMENT_URL = "/anskaffelser/veiledning/myter/#myte-3"


def _with_choices(needs):
    return needs.select_related("public_body", "municipality", "county").prefetch_related(
        "service_areas", "target_groups", "collaboration_forms"
    )


# --- The procurement rules for a need ------------------------------------------------------------


def buyer_for(body: PublicBody) -> rules.Buyer:
    return rules.Buyer.STATLIG if body.kind == PublicBody.Kind.STATE_AGENCY else rules.Buyer.KOMMUNAL


def regime_hint(body: PublicBody, value: int | None, category: str) -> dict | None:
    """Which procurement rules apply to a purchase of this value today, with a link to the guide."""
    if value is None:
        return None
    params = {"verdi": value, "oppdragsgiver": buyer_for(body).value, "kategori": category}
    try:
        assessment = rules.assess(
            value, buyer_for(body), rules.Category(category), timezone.localdate(), ThresholdPeriod.objects.as_rules()
        )
    except (rules.DateNotCovered, ValueError):
        return None
    # A doubt on the threshold the value reached or the next one (the 500 000 lower limit from
    # 1 July 2026 rests on secondary sources) is shown with the hint, as everywhere it is used.
    nearest = [assessment.floor_threshold, assessment.next_threshold]
    return {
        "regime": assessment.regime_label,
        "announcement": assessment.announcement_label,
        "guide_url": reverse("procurement:guide") + "?" + urlencode(params),
        "doubts": [f"{used.label}: {used.uncertain}" for used in nearest if used is not None and used.uncertain],
    }


# --- Needs -----------------------------------------------------------------------------------------


# Deadlines pass with the date («Svarfristen er ute»), so the page is kept per day.
@require_GET
@fragments.cached_for_visitors("needs", "directory", "taxonomy", "places", by_date=True)
def need_list(request: HttpRequest) -> HttpResponse:
    filterset = NeedFilterSet(request.GET, queryset=Need.objects.visible_in_lists(request.user))
    form = filterset.form
    matching = filterset.qs
    # active() again outside the filters' subquery: it lets PostgreSQL walk need_active_newest.
    needs = _with_choices(Need.objects.active().filter(pk__in=matching.values("pk"))).order_by("-published_at", "-pk")
    context = {
        "form": form,
        "page": paginate(request, needs),
        "active_filters": active_filters(request, form),
        "query_without_page": query_without_page(request),
        # Those waiting for approval may draft (matchmaking.access.bodies_for_drafting).
        "may_post": bool(member_body_ids(request.user) or pending_body_ids(request.user)),
    }
    return render(request, "matchmaking/need_list.html", context)


def _no_membership(request: HttpRequest, kind: str) -> HttpResponse:
    return render(request, "matchmaking/no_membership.html", {"kind": kind}, status=403)


def _hint_from(form: NeedForm, body: PublicBody) -> dict | None:
    """The rules for the value typed, as soon as the value and the kind of purchase are valid."""
    data = getattr(form, "cleaned_data", {})
    if data.get("estimated_value") is None or "procurement_category" not in data:
        return None
    return regime_hint(body, data["estimated_value"], data["procurement_category"])


@login_required
@require_http_methods(["GET", "POST"])
def need_create(request: HttpRequest) -> HttpResponse:
    bodies = bodies_for_drafting(request.user)
    if not bodies:
        return _no_membership(request, "body")
    approved_ids = member_body_ids(request.user)
    initial = {"visibility": Need.Visibility.PUBLIC, "procurement_category": rules.Category.HELSE_SOSIAL.value}
    if request.method == "GET":
        initial["place"] = NeedForm.base_fields["place"].value_for(bodies[0].municipality_id, bodies[0].county_id)
    form = NeedForm(request.POST if request.method == "POST" else None, bodies=bodies, initial=initial)
    hint = None
    if request.method == "POST":
        valid = form.is_valid()
        body = form.cleaned_data.get("public_body") or bodies[0]
        hint = _hint_from(form, body)
        if valid and "sjekk" not in request.POST:
            publish = request.POST.get("handling") == "publiser"
            waiting = body.pk not in approved_ids
            need = services.need_create(
                body=body, author=request.user, data=form.cleaned_data, publish=publish and not waiting
            )
            if waiting:
                messages.success(
                    request,
                    _(
                        "Behovet er lagret som utkast. Du kan publisere det når redaksjonen i portalen har godkjent "
                        "at du er med i %(body)s."
                    )
                    % {"body": body.name},
                )
            elif publish:
                messages.success(request, _("Behovet er publisert."))
            else:
                messages.success(request, _("Behovet er lagret som utkast. Bare dere ser det."))
            return redirect(need)
    waiting_for = [body for body in bodies if body.pk not in approved_ids]
    context = {
        "form": form,
        "need": None,
        "regime": hint,
        "buyer": buyer_for(bodies[0]).value,
        "may_publish": len(waiting_for) < len(bodies),
        "waiting_for": waiting_for,
    }
    return render(request, "matchmaking/need_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def need_edit(request: HttpRequest, pk: int) -> HttpResponse:
    need = get_need_for_member(request.user, pk, drafting=True)
    form = NeedForm(request.POST if request.method == "POST" else None, need=need)
    hint = regime_hint(need.public_body, need.estimated_value, need.procurement_category)
    if request.method == "POST":
        valid = form.is_valid()
        hint = _hint_from(form, need.public_body)
        if valid and "sjekk" not in request.POST:
            services.need_update(need=need, data=form.cleaned_data)
            messages.success(request, _("Endringene er lagret."))
            return redirect(need)
    context = {"form": form, "need": need, "regime": hint, "buyer": buyer_for(need.public_body).value}
    return render(request, "matchmaking/need_form.html", context)


def _dialogues(need: Need, user) -> list[Interest]:
    """The dialogues about this need the user takes part in (all of them for the body's members)."""
    interests = need.interests.select_related("entrepreneur").prefetch_related(
        Prefetch("messages", queryset=Message.objects.select_related("author"))
    )
    if not (may_view(user, Interest) or need.public_body_id in member_body_ids(user)):
        interests = interests.filter(entrepreneur_id__in=member_entrepreneur_ids(user))
    return list(interests.order_by("-updated", "-pk"))


def _detail_context(request: HttpRequest, need: Need, **forms) -> dict[str, Any]:
    user = request.user
    body_ids, entrepreneur_ids = member_body_ids(user), member_entrepreneur_ids(user)
    is_member = need.public_body_id in body_ids or has_permission(user, Need, "change")
    dialogues = _dialogues(need, user) if user.is_authenticated else []
    bound = forms.get("dialogue_forms", {})
    agreements = agreements_services.agreements_by_interest([interest.pk for interest in dialogues])
    for interest in dialogues:
        interest.agreement_of = agreements.get(interest.pk)
        if need.public_body_id in body_ids:
            side = Message.Side.BODY
        elif interest.entrepreneur_id in entrepreneur_ids:
            side = Message.Side.ENTREPRENEUR
        else:
            side = None
        interest.may_write = side is not None
        interest.may_decide = side is not None and may_decide(interest, side)
        interest.message_form = bound.get(interest.pk) or MessageForm(auto_id=f"id_dialog{interest.pk}_%s")
        interest.state_form = InterestStateForm(auto_id=f"id_status{interest.pk}_%s")
    answer_form = forms.get("answer_form")
    if answer_form is None and need.accepts_answers and entrepreneur_ids:
        talking = {interest.entrepreneur_id for interest in dialogues}
        entrepreneurs = entrepreneurs_for_member(user).exclude(pk__in=talking)
        if entrepreneurs:
            answer_form = AnswerForm(entrepreneurs=entrepreneurs)
    return {
        "need": need,
        "is_member": is_member,
        "is_waiting_author": not is_member and is_waiting_author(user, need),
        "dialogues": dialogues,
        "has_agreement": agreements_services.need_has_agreement(need),
        "answer_form": answer_form,
        "is_entrepreneur_member": bool(entrepreneur_ids),
        "service_areas": need.service_areas.all(),
        "target_groups": need.target_groups.all(),
        "collaboration_forms": need.collaboration_forms.all(),
        "regime": regime_hint(need.public_body, need.estimated_value, need.procurement_category) if is_member else None,
        "equal_treatment_url": EQUAL_TREATMENT_URL,
        "transitions": [Need.Status(status) for status in services.NEED_TRANSITIONS[need.status]] if is_member else [],
    }


@require_GET
def need_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        need = get_need_for_user(request.user, pk)
    except Http404:
        # Anonymous visitors are asked to log in whether or not the need exists, so that the answer
        # does not tell which ids are hidden needs (members follow e-mailed links to drafts).
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise
    return render(request, "matchmaking/need_detail.html", _detail_context(request, need))


@login_required
@require_POST
def need_status(request: HttpRequest, pk: int) -> HttpResponse:
    need = get_need_for_member(request.user, pk)
    form = NeedStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Velg en status fra listen."))
        return redirect(need)
    try:
        services.need_set_status(need=need, status=form.cleaned_data["status"])
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, _("Behovet har nå status «%(status)s».") % {"status": need.get_status_display().lower()}
        )
    return redirect(need)


@login_required
@require_POST
def need_answer(request: HttpRequest, pk: int) -> HttpResponse:
    need = get_need_for_user(request.user, pk)
    entrepreneurs = entrepreneurs_for_member(request.user)
    if not entrepreneurs:
        return _no_membership(request, "entrepreneur")
    if not need.accepts_answers:
        messages.error(request, _("Behovet tar ikke imot svar lenger."))
        return redirect(need)
    form = AnswerForm(request.POST, entrepreneurs=entrepreneurs)
    if not (form.is_valid() and throttle.allow(request, "message", form=form, address=request.user.email)):
        return render(request, "matchmaking/need_detail.html", _detail_context(request, need, answer_form=form))
    interest = services.interest_send(
        need=need, entrepreneur=form.cleaned_data["entrepreneur"], user=request.user, text=form.cleaned_data["text"]
    )
    messages.success(request, _("Svaret er sendt. Virksomheten får beskjed på e-post."))
    return redirect(interest)


@login_required
@require_GET
def need_matches(request: HttpRequest, pk: int) -> HttpResponse:
    need = get_need_for_member(request.user, pk)
    need = _with_choices(Need.objects.filter(pk=need.pk)).get()
    matches = find_matches(NeedSpec.from_need(need), limit=MATCH_LIMIT)
    interests = {interest.entrepreneur_id: interest for interest in need.interests.all()}
    for match in matches:
        match.interest = interests.get(match.entrepreneur.pk)
    context = {
        "need": need,
        "matches": matches,
        "equal_treatment_url": EQUAL_TREATMENT_URL,
        "service_areas": need.service_areas.all(),
        "target_groups": need.target_groups.all(),
    }
    return render(request, "matchmaking/need_matches.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def need_invite(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    need = get_need_for_member(request.user, pk)
    if need.public_body_id not in member_body_ids(request.user):
        # Curators may see and change needs, but only the body's own members speak for it.
        raise PermissionDenied
    entrepreneur = get_object_or_404(SocialEntrepreneur.objects.published(), slug=slug)
    existing = Interest.objects.filter(need=need, entrepreneur=entrepreneur).first()
    if need.is_draft or not need.is_active:
        messages.error(request, _("Publiser eller gjenåpne behovet før dere inviterer noen."))
        return redirect(need)
    initial = {
        "text": _(
            "Hei! Vi i %(body)s har beskrevet behovet «%(need)s» på Veier til samarbeid, og tror dere kan bidra. "
            "Vil dere fortelle oss hvordan dere arbeider?"
        )
        % {"body": need.public_body.name, "need": need.title}
    }
    form = InvitationForm(request.POST if request.method == "POST" else None, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and throttle.allow(request, "message", form=form, address=request.user.email)
    ):
        interest = services.interest_invite(
            need=need, entrepreneur=entrepreneur, user=request.user, text=form.cleaned_data["text"]
        )
        if interest.awaits_claim:
            messages.info(
                request,
                _(
                    "Invitasjonen er lagret, men ikke sendt: ingen kan nås hos %(name)s ennå. Den sendes når noen "
                    "gjør krav på profilen, så lenge behovet er åpent."
                )
                % {"name": entrepreneur.name},
            )
        else:
            messages.success(request, _("Invitasjonen er sendt til %(name)s.") % {"name": entrepreneur.name})
        return redirect(interest)
    context = {
        # Said before sending: an entrepreneur nobody can be reached at gets the invitation later.
        "reaches_someone": services.invitation_reaches_someone(entrepreneur),
        "need": need,
        "entrepreneur": entrepreneur,
        "form": form,
        "existing": existing,
        "equal_treatment_url": EQUAL_TREATMENT_URL,
    }
    return render(request, "matchmaking/invite_form.html", context)


# --- Dialogue --------------------------------------------------------------------------------------


@login_required
@require_POST
def interest_message(request: HttpRequest, pk: int, interest_pk: int) -> HttpResponse:
    interest, side = get_interest_for_participant(request.user, pk, interest_pk)
    form = MessageForm(request.POST, auto_id=f"id_dialog{interest.pk}_%s")
    if not (form.is_valid() and throttle.allow(request, "message", form=form, address=request.user.email)):
        need = get_need_for_user(request.user, pk)
        context = _detail_context(request, need, dialogue_forms={interest.pk: form})
        return render(request, "matchmaking/need_detail.html", context)
    services.interest_reply(interest=interest, side=side, user=request.user, text=form.cleaned_data["text"])
    messages.success(request, _("Meldingen er sendt."))
    return redirect(interest)


@login_required
@require_POST
def interest_state(request: HttpRequest, pk: int, interest_pk: int) -> HttpResponse:
    interest, side = get_interest_for_participant(request.user, pk, interest_pk)
    if not may_decide(interest, side):
        message = (
            _("Det er virksomheten som endrer status på svar fra entreprenører.")
            if interest.decided_by_body
            else _("Det er entreprenøren som endrer status på invitasjoner.")
        )
        context = {"message": message, "back_url": interest.get_absolute_url()}
        return render(request, "matchmaking/forbidden.html", context, status=403)
    form = InterestStateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Velg lest, i dialog, avslått eller enige."))
        return redirect(interest)
    services.interest_set_state(interest=interest, side=side, state=form.cleaned_data["state"])
    messages.success(
        request, _("Dialogen har nå status «%(state)s».") % {"state": interest.get_state_display().lower()}
    )
    return redirect(interest)


# --- Alerts ----------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def alert_settings(request: HttpRequest) -> HttpResponse:
    if not member_entrepreneur_ids(request.user):
        return _no_membership(request, "entrepreneur")
    subscription = services.alert_subscription_for(request.user)
    form = AlertForm(request.POST if request.method == "POST" else None, initial={"frequency": subscription.frequency})
    if request.method == "POST" and form.is_valid():
        services.alert_set_frequency(user=request.user, frequency=form.cleaned_data["frequency"])
        messages.success(request, _("Varslene er lagret."))
        return redirect("matchmaking:alert-settings")
    return render(request, "matchmaking/alert_settings.html", {"form": form, "subscription": subscription})


@require_http_methods(["GET", "POST"])
def alert_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """From the link in a digest, without logging in: GET asks, POST turns the alerts off."""
    subscription = AlertSubscription.objects.filter(unsubscribe_token=token).select_related("user").first()
    if subscription is None:
        return render(request, "matchmaking/unsubscribe.html", {"invalid": True}, status=404)
    done = False
    if request.method == "POST":
        services.alert_unsubscribe(subscription=subscription)
        done = True
    context = {"subscription": subscription, "done": done}
    return render(request, "matchmaking/unsubscribe.html", context)


# --- /min-side/ ------------------------------------------------------------------------------------


def dashboard_context(user, page_number=None) -> dict:
    """What the matchmaking section of /min-side/ needs, under the key "matchmaking".

    For entrepreneur members: open needs that fit their offers, best first with reasons, their
    dialogues and their alert setting. For public-body members: their bodies' needs with status and
    the answers waiting for them, a page (`page_number`) at a time.
    """
    context: dict[str, Any] = {}
    entrepreneurs = list(entrepreneurs_for_member(user))
    if entrepreneurs:
        ids = [entrepreneur.pk for entrepreneur in entrepreneurs]
        # Needs they already talk about are listed with the dialogues, not here.
        fresh = Need.objects.visible_in_lists(user).accepting_answers().exclude(interests__entrepreneur_id__in=ids)
        pool = _with_choices(fresh).order_by("-published_at", "-pk")[:DASHBOARD_NEED_POOL]
        dialogues = (
            Interest.objects.filter(entrepreneur_id__in=ids)
            .select_related("need__public_body", "entrepreneur")
            .order_by("-updated", "-pk")[:DASHBOARD_DIALOGUES]
        )
        context["entrepreneur"] = {
            "entrepreneurs": entrepreneurs,
            "matches": needs_for_entrepreneurs(ids, pool, limit=DASHBOARD_MATCHES),
            "dialogues": list(dialogues),
            "alerts": services.alert_subscription_for(user),
        }
    bodies = list(bodies_for_member(user))
    if bodies:
        waiting = Q(interests__kind=Interest.Kind.ANSWER, interests__state=Interest.State.SENT)
        # One page at a time: a body that has posted thousands of needs got them all on every visit
        # (0.3 s at 4 000). Needs with answers waiting come first, so the alert above leads to them.
        needs = (
            Need.objects.filter(public_body__in=bodies)
            .select_related("public_body")
            .annotate(dialogue_count=Count("interests"), answers_waiting=Count("interests", filter=waiting))
            .order_by(F("answers_waiting").desc(), "-updated", "-pk")
        )
        answers_waiting = Interest.objects.filter(
            need__public_body__in=bodies, kind=Interest.Kind.ANSWER, state=Interest.State.SENT
        ).count()
        context["body"] = {
            "bodies": bodies,
            "needs_page": Paginator(needs, DASHBOARD_BODY_NEEDS).get_page(page_number),
            "answers_waiting": answers_waiting,
        }
    return {"matchmaking": context}
