"""Object-level access: one helper per kind of thing a signed-in user may change.

Each returns the object when the user may change it. Otherwise it raises Http404 when the user may
not even see the object (a draft of someone else's), and PermissionDenied (403) when they may see it
but not change it (a published profile of another organisation). Views call these and nothing else
to decide access; anonymous users are sent to log in by @login_required before that.

Who may: the approved members of the organisation, or a curator whose Django permissions name the
action (`directory.change_offer` to change an offer, `directory.view_offer` to see a draft one,
`directory.approve_entrepreneurjoinrequest` to decide join requests …). Being staff alone gives
nothing: a curator may do exactly what their permissions say.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.models import BodyMembership, EntrepreneurMembership
from directory.models import ContactPerson, Offer, PublicBody, SocialEntrepreneur


def is_entrepreneur_member(user, entrepreneur: SocialEntrepreneur) -> bool:
    return (
        user.is_authenticated
        and EntrepreneurMembership.objects.approved().filter(user=user, entrepreneur=entrepreneur).exists()
    )


def is_body_member(user, body: PublicBody) -> bool:
    return user.is_authenticated and BodyMembership.objects.approved().filter(user=user, public_body=body).exists()


def has_permission(user, model, action: str) -> bool:
    """Whether the user's Django permissions allow `action` ("view", "change", "approve" …) on `model`."""
    if not user.is_authenticated:
        return False
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")


def may_view(user, model) -> bool:
    """View or change permission: Django admin's rule too (change implies seeing)."""
    return has_permission(user, model, "view") or has_permission(user, model, "change")


def get_entrepreneur_for_member(user, slug: str) -> SocialEntrepreneur:
    """The entrepreneur with this slug, if the user is an approved member (or may change entrepreneurs)."""
    entrepreneur = SocialEntrepreneur.objects.filter(slug=slug).select_related("organisation_form").first()
    if entrepreneur is None:
        raise Http404
    if is_entrepreneur_member(user, entrepreneur) or has_permission(user, SocialEntrepreneur, "change"):
        return entrepreneur
    if entrepreneur.is_published or may_view(user, SocialEntrepreneur):
        raise PermissionDenied
    raise Http404


def may_decide_join_requests(user, organisation) -> bool:
    """Approved members decide who joins their organisation; curators only with the approve permission."""
    from directory.member_models import BodyJoinRequest, EntrepreneurJoinRequest

    if isinstance(organisation, SocialEntrepreneur):
        return is_entrepreneur_member(user, organisation) or has_permission(user, EntrepreneurJoinRequest, "approve")
    return is_body_member(user, organisation) or has_permission(user, BodyJoinRequest, "approve")


def get_body_for_member(user, slug: str) -> PublicBody:
    """The public body with this slug, if the user is an approved member (or may change public bodies)."""
    body = PublicBody.objects.filter(slug=slug).first()
    if body is None:
        raise Http404
    if is_body_member(user, body) or has_permission(user, PublicBody, "change"):
        return body
    if body.status == "published" or may_view(user, PublicBody):
        raise PermissionDenied
    raise Http404


def get_offer_for_member(user, slug: str, pk: int) -> Offer:
    """An offer of the entrepreneur with this slug, if the user is an approved member (or may change offers).

    Outsiders get 404 for offers they cannot see (a draft, or any offer of an unpublished profile)
    and 403 for published offers of a published profile.
    """
    offer = Offer.objects.filter(pk=pk, entrepreneur__slug=slug).select_related("entrepreneur").first()
    if offer is None:
        raise Http404
    if is_entrepreneur_member(user, offer.entrepreneur) or has_permission(user, Offer, "change"):
        return offer
    if (offer.entrepreneur.is_published and offer.status == Offer.Status.PUBLISHED) or may_view(user, Offer):
        raise PermissionDenied
    raise Http404


def get_contact_for_member(user, slug: str, pk: int) -> ContactPerson:
    """A contact person of the public body with this slug, if the user is an approved member (or may change them).

    Outsiders get 404 for contact persons who are not shown publicly and 403 for those who are.
    """
    contact = ContactPerson.objects.filter(pk=pk, public_body__slug=slug).select_related("public_body").first()
    if contact is None:
        raise Http404
    if is_body_member(user, contact.public_body) or has_permission(user, ContactPerson, "change"):
        return contact
    if (contact.public_body.status == "published" and contact.consent_public) or may_view(user, ContactPerson):
        raise PermissionDenied
    raise Http404


def get_entrepreneur_to_join(user, slug: str, orgnr: str = "") -> SocialEntrepreneur:
    """The entrepreneur with this slug, if the user may ask to join it.

    Anyone signed in may ask to join a published profile. An unpublished one (a draft someone else
    started) is found only by its organisation number, which a person who works there knows, or by
    users who already have a membership or may view entrepreneurs; others get 404.
    """
    entrepreneur = SocialEntrepreneur.objects.filter(slug=slug).first()
    if entrepreneur is None:
        raise Http404
    if entrepreneur.is_published or may_view(user, SocialEntrepreneur):
        return entrepreneur
    if entrepreneur.orgnr and "".join(orgnr.split()) == entrepreneur.orgnr:
        return entrepreneur
    if EntrepreneurMembership.objects.filter(user=user, entrepreneur=entrepreneur).exists():
        return entrepreneur
    raise Http404
