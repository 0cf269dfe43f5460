"""The e-mails of the accounts app: one small function per e-mail, templates in templates/accounts/emails/."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import User
from accounts.tokens import confirmation_token
from veier.mail import absolute_url, send_templated_mail

VALID_DAYS = settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)


def password_reset_link(user: User) -> str:
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute_url(reverse("accounts:password-reset-confirm", kwargs={"uidb64": uidb64, "token": token}))


def confirm_signup(user: User) -> None:
    """The link that confirms a new account."""
    link = absolute_url(reverse("accounts:confirm", args=[confirmation_token(user)]))
    send_templated_mail(
        "accounts/emails/confirm_signup", [user.email], {"user": user, "link": link, "valid_days": VALID_DAYS}
    )


def already_registered(user: User) -> None:
    """Someone signed up with an address that has an account: tell its owner, and offer a new password."""
    context = {
        "user": user,
        "reset_link": password_reset_link(user),
        "login_link": absolute_url(reverse("accounts:login")),
        "valid_days": VALID_DAYS,
    }
    send_templated_mail("accounts/emails/already_registered", [user.email], context)


def password_reset(user: User, link: str) -> None:
    """The link that lets the owner of the address choose a new password."""
    send_templated_mail(
        "accounts/emails/password_reset", [user.email], {"user": user, "link": link, "valid_days": VALID_DAYS}
    )
