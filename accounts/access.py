"""Object-level access: one helper per kind of thing a signed-in user may change.

Each returns the object when the user may change it. Otherwise it raises Http404 when the user may
not even see the object (a draft of someone else's), and PermissionDenied (403) when they may see it
but not change it (a published profile of another organisation). Views call these and nothing else
to decide access; anonymous users are sent to log in by @login_required before that.
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


def get_entrepreneur_for_member(user, slug: str) -> SocialEntrepreneur:
    """The entrepreneur with this slug, if the user is an approved member (or a curator)."""
    entrepreneur = SocialEntrepreneur.objects.filter(slug=slug).select_related("organisation_form").first()
    if entrepreneur is None:
        raise Http404
    if user.is_staff or is_entrepreneur_member(user, entrepreneur):
        return entrepreneur
    if entrepreneur.is_published:
        raise PermissionDenied
    raise Http404


def get_body_for_member(user, slug: str) -> PublicBody:
    """The public body with this slug, if the user is an approved member (or a curator)."""
    body = PublicBody.objects.filter(slug=slug).first()
    if body is None:
        raise Http404
    if user.is_staff or is_body_member(user, body):
        return body
    if body.status == "published":
        raise PermissionDenied
    raise Http404


def get_offer_for_member(user, slug: str, pk: int) -> Offer:
    """An offer of the entrepreneur with this slug, if the user is an approved member (or a curator).

    Outsiders get 404 for offers they cannot see (a draft, or any offer of an unpublished profile)
    and 403 for published offers of a published profile.
    """
    offer = Offer.objects.filter(pk=pk, entrepreneur__slug=slug).select_related("entrepreneur").first()
    if offer is None:
        raise Http404
    if user.is_staff or is_entrepreneur_member(user, offer.entrepreneur):
        return offer
    if offer.entrepreneur.is_published and offer.status == Offer.Status.PUBLISHED:
        raise PermissionDenied
    raise Http404


def get_contact_for_member(user, slug: str, pk: int) -> ContactPerson:
    """A contact person of the public body with this slug, if the user is an approved member (or a curator).

    Outsiders get 404 for contact persons who are not shown publicly and 403 for those who are.
    """
    contact = ContactPerson.objects.filter(pk=pk, public_body__slug=slug).select_related("public_body").first()
    if contact is None:
        raise Http404
    if user.is_staff or is_body_member(user, contact.public_body):
        return contact
    if contact.public_body.status == "published" and contact.consent_public:
        raise PermissionDenied
    raise Http404


def get_entrepreneur_to_join(user, slug: str, orgnr: str = "") -> SocialEntrepreneur:
    """The entrepreneur with this slug, if the user may ask to join it.

    Anyone signed in may ask to join a published profile. An unpublished one (a draft someone else
    started) is found only by its organisation number, which a person who works there knows, or by
    users who already have a membership or are curators; others get 404.
    """
    entrepreneur = SocialEntrepreneur.objects.filter(slug=slug).first()
    if entrepreneur is None:
        raise Http404
    if entrepreneur.is_published or user.is_staff:
        return entrepreneur
    if entrepreneur.orgnr and "".join(orgnr.split()) == entrepreneur.orgnr:
        return entrepreneur
    if EntrepreneurMembership.objects.filter(user=user, entrepreneur=entrepreneur).exists():
        return entrepreneur
    raise Http404
