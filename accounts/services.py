"""Account changes that touch several models or send e-mail.

None of these tell the caller whether an address has an account: the views show the same page
whatever happens here, and the owner of the address learns the rest by e-mail.
"""

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation

from accounts import emails
from accounts.models import BodyMembership, EntrepreneurMembership, LoginFailure, User
from directory.models import PublicationStatus, SocialEntrepreneur


def _user_with_email(email: str) -> User | None:
    return User.objects.filter(email__iexact=email.strip()).first()


def user_signup(*, name: str, email: str, password: str) -> None:
    """Create an inactive account and mail its confirmation link; for a known address, mail its owner."""
    email = User.objects.normalize_email(email.strip()).lower()
    existing = _user_with_email(email)
    if existing is None:
        try:
            with transaction.atomic():
                user = User.objects.create_user(
                    email, password, name=name, is_active=False, language=translation.get_language()
                )
        except IntegrityError:  # someone signed up with the same address a moment ago
            existing = _user_with_email(email)
        else:
            emails.confirm_signup(user)
            return
    if existing is None:
        return
    if existing.awaits_confirmation:
        # Signed up before without confirming: the latest sign-up counts, and only its link works.
        existing.name = name
        existing.set_password(password)
        existing.save(update_fields=["name", "password"])
        emails.confirm_signup(existing)
    elif existing.is_active:
        emails.already_registered(existing)
    # A curator has deactivated the account: say nothing.


def confirmation_resend(*, email: str) -> None:
    """Send the confirmation link again to an account that waits for it; other accounts get a reminder."""
    user = _user_with_email(email)
    if user is None:
        return
    if user.awaits_confirmation:
        emails.confirm_signup(user)
    elif user.is_active:
        emails.already_registered(user)


def password_reset_request(*, email: str) -> None:
    """Mail a password-reset link to an active account; an unconfirmed one gets its confirmation link."""
    user = _user_with_email(email)
    if user is None:
        return
    if user.awaits_confirmation:
        emails.confirm_signup(user)
    elif user.is_active:
        emails.password_reset(user, emails.password_reset_link(user))


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
    LoginFailure.objects.filter(email=user.email).delete()
    user.delete()
    return names


def user_remember_language(*, user: User, language: str) -> None:
    """Keep the language the user reads the site in, so that e-mails to them are written in it."""
    if user.is_authenticated and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
