"""Self-service pages under /min-side/: members keep their entrepreneur or public body up to date.

Access goes through the helpers in accounts/access.py only: anonymous users are sent to log in,
outsiders get 404 for what they may not see and 403 for what they may see but not change.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import throttle
from accounts.access import (
    get_body_for_member,
    get_contact_for_member,
    get_entrepreneur_for_member,
    get_entrepreneur_to_join,
    get_offer_for_member,
    may_decide_join_requests,
)
from accounts.models import BodyMembership, EntrepreneurMembership, Membership
from directory import contact, register_sync, registers, services
from directory.member_forms import (
    BodyForm,
    BodySearchForm,
    ContactForm,
    EntrepreneurForm,
    JoinBodyForm,
    JoinEntrepreneurForm,
    MembershipDecisionForm,
    OfferForm,
    OrgnrForm,
)
from directory.models import Municipality, Offer, OrganisationForm, PublicationStatus, PublicBody, SocialEntrepreneur

DASHBOARD_URL = settings.LOGIN_REDIRECT_URL
SEARCH_LIMIT = 20
EDITABLE_FOR_REVIEW = (PublicationStatus.DRAFT, PublicationStatus.REJECTED)


def _find_by_name(queryset, text: str, limit: int = SEARCH_LIMIT):
    """Up to `limit` rows whose name contains the text or is close to it (typos), by name."""
    text = text.strip()
    if not text or "\x00" in text:  # no name holds a NUL, and PostgreSQL cannot be asked for one
        return queryset.none()
    ids = queryset.filter(Q(name__icontains=text) | Q(name__trigram_similar=text)).order_by("name")
    return queryset.filter(pk__in=list(ids.values_list("pk", flat=True)[:limit])).order_by("name")


# Social entrepreneurs


@login_required
@require_http_methods(["GET", "POST"])
def entrepreneur_register(request: HttpRequest) -> HttpResponse:
    """Register a social entrepreneur: first the organisation number, then the profile."""
    context: dict = {"orgnr_form": OrgnrForm(), "existing": None, "form": None}
    name_query = request.GET.get("navn", "")[:200]
    context["name_query"] = name_query
    context["name_matches"] = _find_by_name(SocialEntrepreneur.objects.published(), name_query, limit=10)

    if request.method == "POST":
        submit = request.POST.get("action") == "submit"
        form = EntrepreneurForm(request.POST, require_complete=submit)
        if form.is_valid():
            entrepreneur = services.entrepreneur_register(user=request.user, values=form.cleaned_data)
            _check_new_profile(request, entrepreneur)
            if submit:
                services.entrepreneur_submit(entrepreneur=entrepreneur, user=request.user)
                messages.success(request, _("Profilen er lagret og sendt til godkjenning."))
            else:
                messages.success(
                    request, _("Profilen er lagret som utkast. Du kan sende den til godkjenning når den er klar.")
                )
            return redirect("members:entrepreneur-detail", entrepreneur.slug)
        context["form"] = form
    elif "orgnr" in request.GET:
        orgnr_form = OrgnrForm(request.GET)
        context["orgnr_form"] = orgnr_form
        if orgnr_form.is_valid():
            orgnr = orgnr_form.cleaned_data["orgnr"]
            existing = SocialEntrepreneur.objects.filter(orgnr=orgnr).first()
            if existing is not None:
                context["existing"] = existing
                context["existing_membership"] = EntrepreneurMembership.objects.filter(
                    user=request.user, entrepreneur=existing
                ).first()
                context["join_form"] = JoinEntrepreneurForm()
            else:
                context.update(_from_register(orgnr_form, orgnr))
    return render(request, "directory/member/entrepreneur_register.html", context)


def _from_register(orgnr_form: OrgnrForm, orgnr: str) -> dict:
    """The profile form filled from Enhetsregisteret, for the member to confirm; or the number's
    problem by the field; or, when the register does not answer, the form to fill in by hand."""
    try:
        unit = registers.lookup(orgnr)
    except registers.NotFound:
        orgnr_form.add_error(
            "orgnr",
            _(
                "Enhetsregisteret har ingen enhet med dette organisasjonsnummeret. Sjekk at du har skrevet av "
                "riktig nummer."
            ),
        )
        return {}
    except registers.Removed:
        orgnr_form.add_error(
            "orgnr",
            _(
                "Enheten med dette organisasjonsnummeret er fjernet fra Enhetsregisteret. En virksomhet som er "
                "slettet, kan ikke registreres."
            ),
        )
        return {}
    except registers.Unavailable:
        return {"form": EntrepreneurForm(initial={"orgnr": orgnr}), "register_unavailable": True}
    initial = {"orgnr": orgnr, "name": unit.name, "website": unit.website_url}
    form_slug = unit.organisation_form_slug
    organisation_form = OrganisationForm.objects.filter(slug=form_slug).first() if form_slug else None
    if organisation_form is not None:
        initial["organisation_form"] = organisation_form.pk
    municipality = Municipality.objects.filter(number=unit.municipality_number).first()
    if municipality is not None:
        initial["municipalities"] = [municipality.pk]
    return {"form": EntrepreneurForm(initial=initial), "unit": unit, "unit_municipality": municipality}


@login_required
@require_http_methods(["GET", "POST"])
def entrepreneur_join(request: HttpRequest, slug: str) -> HttpResponse:
    """Ask to join an entrepreneur that is already in the directory."""
    orgnr = request.POST.get("orgnr") or request.GET.get("orgnr") or ""
    entrepreneur = get_entrepreneur_to_join(request.user, slug, orgnr)
    membership = EntrepreneurMembership.objects.filter(user=request.user, entrepreneur=entrepreneur).first()
    if membership is not None and membership.is_approved:
        messages.info(request, _("Du er allerede med i %(name)s.") % {"name": entrepreneur.name})
        return redirect("members:entrepreneur-detail", entrepreneur.slug)
    if request.method == "POST" and not (membership and membership.status == Membership.Status.PENDING):
        form = JoinEntrepreneurForm(request.POST)
        if form.is_valid() and throttle.allow(request, "join", form=form, address=request.user.email):
            services.membership_request(
                user=request.user, entrepreneur=entrepreneur, message=form.cleaned_data["message"]
            )
            messages.success(
                request,
                _(
                    "Forespørselen om å bli med i %(name)s er sendt. Medlemmene eller en kurator godkjenner den, "
                    "og du får e-post når det er gjort."
                )
                % {"name": entrepreneur.name},
            )
            return redirect(DASHBOARD_URL)
    else:
        form = JoinEntrepreneurForm()
    context = {"entrepreneur": entrepreneur, "membership": membership, "form": form, "orgnr": orgnr}
    return render(request, "directory/member/entrepreneur_join.html", context)


def _check_new_profile(request: HttpRequest, entrepreneur: SocialEntrepreneur) -> None:
    """Check a new profile's number against the register (the answer is cached from the first step).
    If the register does not answer, the profile stays "not yet checked" and sync_registers checks it."""
    if not entrepreneur.orgnr:
        return
    try:
        register_sync.check(entrepreneur)
    except registers.Unavailable:
        messages.info(
            request,
            _(
                "Vi fikk ikke kontakt med Enhetsregisteret. Profilen er merket «ikke sjekket mot Enhetsregisteret "
                "ennå», og vi sjekker den automatisk senere."
            ),
        )


def _review_form(entrepreneur: SocialEntrepreneur) -> EntrepreneurForm:
    """The saved profile checked as if it were sent for review: its errors are what is missing."""
    return EntrepreneurForm(
        EntrepreneurForm.initial_for(entrepreneur), entrepreneur=entrepreneur, require_complete=True
    )


@login_required
@require_GET
def entrepreneur_detail(request: HttpRequest, slug: str) -> HttpResponse:
    entrepreneur = get_entrepreneur_for_member(request.user, slug)
    missing = []
    if entrepreneur.status in EDITABLE_FOR_REVIEW:
        review = _review_form(entrepreneur)
        if not review.is_valid():
            missing = [(review[name], errors) for name, errors in review.errors.items()]
    context = {
        "entrepreneur": entrepreneur,
        "offers": entrepreneur.offers.order_by("title"),
        "members": entrepreneur.memberships.approved().select_related("user").order_by("user__name", "user__email"),
        "pending_count": entrepreneur.memberships.pending().count(),
        "missing": missing,
        "can_submit": entrepreneur.status in EDITABLE_FOR_REVIEW,
    }
    return render(request, "directory/member/entrepreneur_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def entrepreneur_edit(request: HttpRequest, slug: str) -> HttpResponse:
    entrepreneur = get_entrepreneur_for_member(request.user, slug)
    can_submit = entrepreneur.status in EDITABLE_FOR_REVIEW
    if request.method == "POST":
        submit = can_submit and request.POST.get("action") == "submit"
        # A profile that is public or under review must stay complete.
        form = EntrepreneurForm(request.POST, entrepreneur=entrepreneur, require_complete=submit or not can_submit)
        if form.is_valid():
            was_published = entrepreneur.is_published
            services.entrepreneur_update(entrepreneur=entrepreneur, user=request.user, values=form.cleaned_data)
            if submit:
                services.entrepreneur_submit(entrepreneur=entrepreneur, user=request.user)
                messages.success(request, _("Profilen er lagret og sendt til godkjenning."))
            elif was_published:
                messages.success(request, _("Endringene er lagret og vises på den offentlige profilen nå."))
            else:
                messages.success(request, _("Endringene er lagret."))
            return redirect("members:entrepreneur-detail", entrepreneur.slug)
    else:
        form = EntrepreneurForm(initial=EntrepreneurForm.initial_for(entrepreneur), entrepreneur=entrepreneur)
    return render(
        request,
        "directory/member/entrepreneur_edit.html",
        {"entrepreneur": entrepreneur, "form": form, "can_submit": can_submit},
    )


@login_required
@require_POST
def entrepreneur_submit(request: HttpRequest, slug: str) -> HttpResponse:
    """Send the saved profile for review; if something is missing, show it on the edit form."""
    entrepreneur = get_entrepreneur_for_member(request.user, slug)
    if entrepreneur.status not in EDITABLE_FOR_REVIEW:
        messages.info(request, _("Profilen er allerede sendt til godkjenning eller publisert."))
        return redirect("members:entrepreneur-detail", entrepreneur.slug)
    form = _review_form(entrepreneur)
    if not form.is_valid():
        messages.error(
            request, _("Profilen mangler noe før den kan sendes til godkjenning. Fyll ut feltene som er merket.")
        )
        return render(
            request,
            "directory/member/entrepreneur_edit.html",
            {"entrepreneur": entrepreneur, "form": form, "can_submit": True},
        )
    services.entrepreneur_submit(entrepreneur=entrepreneur, user=request.user)
    messages.success(request, _("Profilen er sendt til godkjenning. Du får e-post når en kurator har sett på den."))
    return redirect("members:entrepreneur-detail", entrepreneur.slug)


@login_required
@require_http_methods(["GET", "POST"])
def entrepreneur_members(request: HttpRequest, slug: str) -> HttpResponse:
    """The members, and the join requests existing members approve or turn down."""
    entrepreneur = get_entrepreneur_for_member(request.user, slug)
    may_decide = may_decide_join_requests(request.user, entrepreneur)
    if request.method == "POST":
        if not may_decide:
            raise PermissionDenied
        form = MembershipDecisionForm(request.POST, entrepreneur=entrepreneur)
        if form.is_valid():
            membership = form.cleaned_data["membership"]
            approve = form.cleaned_data["decision"] == MembershipDecisionForm.APPROVE
            services.membership_decide(membership=membership, decided_by=request.user, approve=approve)
            person = membership.user.name or membership.user.email
            if approve:
                messages.success(
                    request, _("%(person)s er nå med i %(name)s.") % {"person": person, "name": entrepreneur.name}
                )
            else:
                messages.success(request, _("Forespørselen fra %(person)s er avslått.") % {"person": person})
        else:
            for errors in form.errors.values():
                messages.error(request, errors[0])
        return redirect("members:entrepreneur-members", entrepreneur.slug)
    context = {
        "entrepreneur": entrepreneur,
        "members": entrepreneur.memberships.approved().select_related("user").order_by("user__name", "user__email"),
        "requests": entrepreneur.memberships.pending().select_related("user").order_by("created"),
        "approve": MembershipDecisionForm.APPROVE,
        "reject": MembershipDecisionForm.REJECT,
        "may_decide": may_decide,
    }
    return render(request, "directory/member/entrepreneur_members.html", context)


@login_required
@require_POST
def entrepreneur_register_proposal(request: HttpRequest, slug: str) -> HttpResponse:
    """Take or dismiss what Enhetsregisteret has that the profile does not (its name, its website)."""
    entrepreneur = get_entrepreneur_for_member(request.user, slug)
    if entrepreneur.register_proposal:
        accept = request.POST.get("action") == "accept"
        register_sync.take_proposal(organisation=entrepreneur, user=request.user, accept=accept)
        if accept:
            messages.success(request, _("Opplysningene fra Enhetsregisteret er tatt i bruk."))
        else:
            messages.success(request, _("Profilen står som den var."))
    return redirect("members:entrepreneur-detail", entrepreneur.slug)


# Offers


@login_required
@require_http_methods(["GET", "POST"])
def offer_create(request: HttpRequest, slug: str) -> HttpResponse:
    entrepreneur = get_entrepreneur_for_member(request.user, slug)
    if request.method == "POST":
        form = OfferForm(request.POST)
        if form.is_valid():
            publish = request.POST.get("action") == "publish"
            values = {**form.cleaned_data, "status": Offer.Status.PUBLISHED if publish else Offer.Status.DRAFT}
            services.offer_save(entrepreneur=entrepreneur, values=values)
            if publish:
                messages.success(request, _("Tilbudet er lagret og publisert."))
            else:
                messages.success(request, _("Tilbudet er lagret som utkast."))
            return redirect("members:entrepreneur-detail", entrepreneur.slug)
    else:
        form = OfferForm()
    return render(request, "directory/member/offer_form.html", {"entrepreneur": entrepreneur, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def offer_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    offer = get_offer_for_member(request.user, slug, pk)
    if request.method == "POST":
        form = OfferForm(request.POST)
        if form.is_valid():
            services.offer_save(entrepreneur=offer.entrepreneur, offer=offer, values=form.cleaned_data)
            messages.success(request, _("Endringene i tilbudet er lagret."))
            return redirect("members:entrepreneur-detail", offer.entrepreneur.slug)
    else:
        form = OfferForm(initial=OfferForm.initial_for(offer))
    return render(
        request, "directory/member/offer_form.html", {"entrepreneur": offer.entrepreneur, "offer": offer, "form": form}
    )


@login_required
@require_POST
def offer_publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    offer = get_offer_for_member(request.user, slug, pk)
    services.offer_set_status(offer=offer, status=Offer.Status.PUBLISHED)
    if offer.entrepreneur.is_published:
        messages.success(request, _("«%(title)s» er publisert.") % {"title": offer.title})
    else:
        messages.success(
            request,
            _("«%(title)s» er publisert og vises når profilen er godkjent.") % {"title": offer.title},
        )
    return redirect("members:entrepreneur-detail", offer.entrepreneur.slug)


@login_required
@require_POST
def offer_unpublish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    offer = get_offer_for_member(request.user, slug, pk)
    services.offer_set_status(offer=offer, status=Offer.Status.DRAFT)
    messages.success(request, _("«%(title)s» er ikke lenger publisert.") % {"title": offer.title})
    return redirect("members:entrepreneur-detail", offer.entrepreneur.slug)


@login_required
@require_http_methods(["GET", "POST"])
def offer_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Deleting asks first: GET shows what will be deleted, POST deletes."""
    offer = get_offer_for_member(request.user, slug, pk)
    if request.method == "POST":
        offer.delete()
        messages.success(request, _("«%(title)s» er slettet.") % {"title": offer.title})
        return redirect("members:entrepreneur-detail", offer.entrepreneur.slug)
    return render(request, "directory/member/offer_delete.html", {"entrepreneur": offer.entrepreneur, "offer": offer})


# Public bodies


@login_required
@require_http_methods(["GET", "POST"])
def body_join(request: HttpRequest) -> HttpResponse:
    """Find the public body you work in and ask to join it."""
    data = request.POST if request.method == "POST" else request.GET
    search_form = BodySearchForm(data)
    query = search_form.cleaned_data["q"] if search_form.is_valid() else ""
    published = PublicBody.objects.published().select_related("municipality", "county")
    if query:
        bodies = _find_by_name(published, query)
    else:
        # Before any search: the bodies the user's address joins at once (trondheim.kommune.no).
        bodies = published.filter(pk__in=[body.pk for body in services.bodies_for_address(request.user)])
        bodies = bodies.order_by("name")
    if request.method == "POST":
        form = JoinBodyForm(request.POST, bodies=bodies)
        if form.is_valid() and throttle.allow(request, "join", form=form, address=request.user.email):
            body = form.cleaned_data["body"]
            membership = services.body_join(user=request.user, body=body, message=form.cleaned_data["message"])
            if membership.is_approved:
                messages.success(request, _("Du er nå med i %(name)s.") % {"name": body.name})
                return redirect("members:body-detail", body.slug)
            if membership.status == Membership.Status.PENDING:
                messages.success(
                    request,
                    _(
                        "Forespørselen om å bli med i %(name)s er sendt. En kurator sjekker at du jobber der, "
                        "og du får e-post når det er gjort."
                    )
                    % {"name": body.name},
                )
            return redirect(DASHBOARD_URL)
    else:
        form = JoinBodyForm(bodies=bodies)
    context = {"search_form": search_form, "query": query, "bodies": bodies, "form": form}
    return render(request, "directory/member/body_join.html", context)


@login_required
@require_GET
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_body_for_member(request.user, slug)
    context = {
        "body": body,
        "service_areas": body.service_areas.all(),
        "contacts": body.contact_persons.prefetch_related("service_areas").order_by("name"),
        "members": body.memberships.approved().select_related("user").order_by("user__name", "user__email"),
    }
    return render(request, "directory/member/body_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def body_edit(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_body_for_member(request.user, slug)
    if request.method == "POST":
        form = BodyForm(request.POST)
        if form.is_valid():
            services.body_update(body=body, values=form.cleaned_data)
            messages.success(request, _("Endringene er lagret."))
            return redirect("members:body-detail", body.slug)
    else:
        form = BodyForm(initial=BodyForm.initial_for(body))
    return render(request, "directory/member/body_edit.html", {"body": body, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def contact_create(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_body_for_member(request.user, slug)
    if request.method == "POST":
        form = ContactForm(request.POST)
        if form.is_valid():
            contact = services.contact_save(body=body, values=form.cleaned_data)
            messages.success(request, _("%(name)s er lagt til som kontaktperson.") % {"name": contact.name})
            return redirect("members:body-detail", body.slug)
    else:
        form = ContactForm()
    return render(request, "directory/member/contact_form.html", {"body": body, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def contact_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    contact = get_contact_for_member(request.user, slug, pk)
    if request.method == "POST":
        form = ContactForm(request.POST)
        if form.is_valid():
            services.contact_save(body=contact.public_body, contact=contact, values=form.cleaned_data)
            messages.success(request, _("Endringene er lagret."))
            return redirect("members:body-detail", contact.public_body.slug)
    else:
        form = ContactForm(initial=ContactForm.initial_for(contact))
    context = {"body": contact.public_body, "contact": contact, "form": form}
    return render(request, "directory/member/contact_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def contact_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    contact = get_contact_for_member(request.user, slug, pk)
    if request.method == "POST":
        contact.delete()
        messages.success(request, _("%(name)s er fjernet som kontaktperson.") % {"name": contact.name})
        return redirect("members:body-detail", contact.public_body.slug)
    return render(request, "directory/member/contact_delete.html", {"body": contact.public_body, "contact": contact})


# The member part of /min-side/


def dashboard_context(user) -> dict:
    """What the member section of /min-side/ shows: the user's organisations and what waits for them.

    A fixed number of queries, however many organisations and requests there are.
    """
    entrepreneur_memberships = list(
        EntrepreneurMembership.objects.filter(user=user)
        .select_related("entrepreneur")
        .order_by("entrepreneur__name", "pk")
    )
    body_memberships = list(
        BodyMembership.objects.filter(user=user).select_related("public_body").order_by("public_body__name", "pk")
    )
    is_member = EntrepreneurMembership.objects.approved().filter(user=user, entrepreneur=OuterRef("entrepreneur"))
    join_requests = list(
        EntrepreneurMembership.objects.pending()
        .filter(Exists(is_member))
        .select_related("user", "entrepreneur")
        .order_by("created", "pk")
    )
    drafts = [
        membership.entrepreneur
        for membership in entrepreneur_memberships
        if membership.is_approved and membership.entrepreneur.status in EDITABLE_FOR_REVIEW
    ]
    return {
        # The user's copies of the messages they sent through the portal (directory/contact.py).
        "sent_messages": contact.sent_messages(user),
        "member_entrepreneur_memberships": entrepreneur_memberships,
        "member_body_memberships": body_memberships,
        "member_join_requests": join_requests,
        "member_drafts": drafts,
    }
