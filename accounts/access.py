"""Object-level access: one helper per kind of thing a signed-in user may change.

Each returns the object when the user may change it. Otherwise it raises Http404 when the user may
not even see the object (a draft of someone else's), and PermissionDenied (403) when they may see it
but not change it (a published profile of another organisation). Views call these and nothing else
to decide access; anonymous users are sent to log in by @login_required before that.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.models import BodyMembership, EntrepreneurMembership
from directory.models import PublicBody, SocialEntrepreneur


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
