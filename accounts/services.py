"""Account changes that touch several models or send e-mail.

None of these tell the caller whether an address has an account: the views show the same page
whatever happens here, and the owner of the address learns the rest by e-mail.
"""

from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from accounts import emails, throttle
from accounts.models import BodyMembership, EntrepreneurMembership, User
from directory.models import PublicationStatus, SocialEntrepreneur
from veier.after_response import after_response


def _user_with_email(email: str) -> User | None:
    return User.objects.filter(email__iexact=email.strip()).first()


def user_signup(*, name: str, email: str, password: str) -> None:
    """Create an inactive account and mail its confirmation link; for a known address, mail its owner.

    An existing account is never changed here: a second sign-up for an address that waits for
    confirmation sends the confirmation link again, and the account keeps the name and password of
    the first sign-up (otherwise anyone could set the password of an account its owner is about to
    confirm). Whoever forgot that password sets a new one through "Glemt passord", which also confirms.
    """
    email = User.objects.normalize_email(email.strip()).lower()
    existing = _user_with_email(email)
    if existing is None:
        try:
            with transaction.atomic():
                user = User.objects.create_user(email, password, name=name, is_active=False)
        except IntegrityError:  # someone signed up with the same address a moment ago
            existing = _user_with_email(email)
        else:
            after_response(lambda: emails.confirm_signup(user))
            return
    # Hash the password anyway, so that a known address answers as slowly as a new one.
    make_password(password)
    if existing is None:
        return
    if existing.awaits_confirmation:
        after_response(lambda: emails.confirm_signup(existing))
    elif existing.is_active:
        after_response(lambda: emails.already_registered(existing))
    # A curator has deactivated the account: say nothing.


def confirmation_resend(*, email: str) -> None:
    """Send the confirmation link again to an account that waits for it; other accounts get a reminder."""
    user = _user_with_email(email)
    if user is None:
        return
    if user.awaits_confirmation:
        after_response(lambda: emails.confirm_signup(user))
    elif user.is_active:
        after_response(lambda: emails.already_registered(user))


def password_reset_request(*, email: str) -> None:
    """Mail a password-reset link to an active account, or to one that waits for confirmation.

    For the latter the link is the confirmation: setting a password through it proves that the person
    reads the address's mail, so the account is confirmed then (see `password_reset_done`), and only then.
    """
    user = _user_with_email(email)
    if user is None:
        return
    if user.is_active or user.awaits_confirmation:
        after_response(lambda: emails.password_reset(user, emails.password_reset_link(user)))


def password_reset_done(*, user: User) -> None:
    """A new password was set through a reset link: the address is proven, so confirm a waiting account
    and end the log-in lock of the address (the lock never closes this way in)."""
    if user.awaits_confirmation:
        user_confirm(user=user)
    throttle.forget("login", user.email)


def user_confirm(*, user: User) -> User:
    user.is_active = True
    user.confirmed_at = timezone.now()
    user.save(update_fields=["is_active", "confirmed_at"])
    return user


def export_user_data(user: User) -> dict:
    """The user's own account data and memberships, for the JSON download (no password hash)."""

    def membership(item, organisation) -> dict:
        return {
            "organisation": organisation.name,
            "slug": organisation.slug,
            "status": item.status,
            "message": item.message,
            "requested": item.created.isoformat(),
            "decided": item.decided_at.isoformat() if item.decided_at else None,
        }

    entrepreneur_memberships = EntrepreneurMembership.objects.filter(user=user).select_related("entrepreneur")
    body_memberships = BodyMembership.objects.filter(user=user).select_related("public_body")
    return {
        "user": {
            "email": user.email,
            "name": user.name,
            "date_joined": user.date_joined.isoformat(),
            "confirmed_at": user.confirmed_at.isoformat() if user.confirmed_at else None,
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "is_curator": user.is_staff,
        },
        "entrepreneur_memberships": [
            membership(item, item.entrepreneur) for item in entrepreneur_memberships.order_by("created")
        ],
        "public_body_memberships": [
            membership(item, item.public_body) for item in body_memberships.order_by("created")
        ],
    }


def entrepreneurs_deleted_with(user: User):
    """Unpublished entrepreneurs whose only approved member is this user: they go when the account goes."""
    approved = EntrepreneurMembership.objects.approved()
    return (
        SocialEntrepreneur.objects.filter(Exists(approved.filter(entrepreneur=OuterRef("pk"), user=user)))
        .exclude(status=PublicationStatus.PUBLISHED)
        .exclude(Exists(approved.filter(entrepreneur=OuterRef("pk")).exclude(user=user)))
    )


@transaction.atomic
def user_delete(*, user: User) -> list[str]:
    """Delete the account and its memberships, and the unpublished entrepreneurs only this user kept.

    Published entrepreneurs, and those with another approved member, stay. Returns the names of the
    entrepreneurs that were deleted.
    """
    orphans = entrepreneurs_deleted_with(user)
    names = list(orphans.order_by("name").values_list("name", flat=True))
    orphans.delete()
    throttle.forget_address(user.email)
    user.delete()
    return names
