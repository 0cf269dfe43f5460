"""Contact through the portal, requests to be told when a listing gets members, and claiming a listing.

The pages never show a member's address: the portal passes messages on by e-mail (directory/contact.py).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import EntrepreneurMembership, Membership
from accounts.throttle import wait_minutes
from directory import contact, services
from directory.contact_forms import ClaimForm, ContactMessageForm
from directory.models import PublicBody, SocialEntrepreneur


def get_contactable_entrepreneur(slug: str) -> SocialEntrepreneur:
    """A published entrepreneur; drafts and profiles under review cannot be contacted (404)."""
    return get_object_or_404(SocialEntrepreneur.objects.published(), slug=slug)


def get_contactable_body(slug: str) -> PublicBody:
    return get_object_or_404(PublicBody.objects.published(), slug=slug)


def _contact(request: HttpRequest, organisation, *, is_entrepreneur: bool) -> HttpResponse:
    reachable = contact.has_members(organisation)
    form = ContactMessageForm(request.POST if request.method == "POST" and reachable else None)
    status = 200
    if request.method == "POST" and reachable and form.is_valid():
        if form.is_spam():
            # Say nothing that teaches a robot it was caught; nothing is stored or sent.
            messages.success(request, _("Meldingen er sendt til %(name)s.") % {"name": organisation.name})
            return redirect(organisation)
        try:
            contact.send_message(
                sender=request.user,
                organisation=organisation,
                subject=form.cleaned_data["subject"],
                text=form.cleaned_data["text"],
            )
        except contact.RateLimited as limited:
            form.add_error(
                None,
                _(
                    "Du har sendt mange meldinger på kort tid. Vent %(minutes)d minutter før du sender en ny. "
                    "Teksten din er tatt vare på under."
                )
                % {"minutes": wait_minutes(limited.wait)},
            )
            status = 429
        else:
            messages.success(
                request,
                _(
                    "Meldingen er sendt til %(name)s. Svar kommer til e-postadressen din, og du finner en kopi "
                    "på Min side."
                )
                % {"name": organisation.name},
            )
            return redirect(organisation)
    context = {
        "organisation": organisation,
        "is_entrepreneur": is_entrepreneur,
        "reachable": reachable,
        "form": form,
        "watching": contact.is_watching(request.user, organisation),
        "watch_url": reverse(
            "directory:entrepreneur-watch" if is_entrepreneur else "directory:body-watch", args=[organisation.slug]
        ),
    }
    return render(request, "directory/contact_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def entrepreneur_contact(request: HttpRequest, slug: str) -> HttpResponse:
    return _contact(request, get_contactable_entrepreneur(slug), is_entrepreneur=True)


@login_required
@require_http_methods(["GET", "POST"])
def body_contact(request: HttpRequest, slug: str) -> HttpResponse:
    return _contact(request, get_contactable_body(slug), is_entrepreneur=False)


def _watch(request: HttpRequest, organisation) -> HttpResponse:
    if contact.has_members(organisation):
        return redirect(contact.contact_path(organisation))
    contact.watch(user=request.user, organisation=organisation)
    messages.success(
        request,
        _("Vi sender deg en e-post når noen fra %(name)s er med på portalen og kan nås her.")
        % {"name": organisation.name},
    )
    return redirect(organisation)


@login_required
@require_POST
def entrepreneur_watch(request: HttpRequest, slug: str) -> HttpResponse:
    return _watch(request, get_contactable_entrepreneur(slug))


@login_required
@require_POST
def body_watch(request: HttpRequest, slug: str) -> HttpResponse:
    return _watch(request, get_contactable_body(slug))


# Claiming a listing («Er dette din virksomhet?»)


@login_required
@require_http_methods(["GET", "POST"])
def entrepreneur_claim(request: HttpRequest, slug: str) -> HttpResponse:
    """Claim a published listing nobody is a member of: a curator approves, or it is approved at once
    when the user's confirmed address is at the organisation's own website domain."""
    entrepreneur = get_contactable_entrepreneur(slug)
    if contact.has_members(entrepreneur):
        # Claimed already: ask its members instead.
        return redirect("members:entrepreneur-join", entrepreneur.slug)
    membership = EntrepreneurMembership.objects.filter(user=request.user, entrepreneur=entrepreneur).first()
    if membership is not None and membership.status == Membership.Status.PENDING:
        messages.info(
            request,
            _("Du har allerede gjort krav på %(name)s. Redaksjonen i portalen ser på kravet.")
            % {"name": entrepreneur.name},
        )
        return redirect(entrepreneur)
    form = ClaimForm(request.POST or None, entrepreneur=entrepreneur)
    status = 200
    if request.method == "POST" and form.is_valid() and (wait := contact.wait_before_claiming(request.user)):
        form.add_error(
            None,
            _("Du har gjort krav på mange profiler på kort tid. Vent %(hours)d timer, eller skriv til redaksjonen.")
            % {"hours": max(1, round(wait.total_seconds() / 3600))},
        )
        status = 429
    if request.method == "POST" and form.is_valid():
        membership = services.entrepreneur_claim(
            user=request.user,
            entrepreneur=entrepreneur,
            orgnr=form.cleaned_data["orgnr"],
            message=form.cleaned_data["message"],
        )
        if membership.is_approved:
            messages.success(
                request,
                _("Du er nå med i %(name)s. E-postadressen din er på virksomhetens eget domene.")
                % {"name": entrepreneur.name},
            )
            return redirect("members:entrepreneur-detail", entrepreneur.slug)
        messages.success(
            request,
            _("Kravet er sendt. Redaksjonen i portalen sjekker det, og du får e-post når det er avgjort."),
        )
        return redirect(entrepreneur)
    return render(request, "directory/claim_form.html", {"entrepreneur": entrepreneur, "form": form}, status=status)
