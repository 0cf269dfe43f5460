"""Signed links for confirming a sign-up.

The token is signed with its own salt (so it is useless anywhere else) and carries the user's id and
a fingerprint of the account's state. The fingerprint changes when the account is confirmed or when
the person signs up again with a new password, so only the latest link works, and only once.
Links expire after PASSWORD_RESET_TIMEOUT (three days), like password-reset links.
"""

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

from accounts.models import User

SALT = "accounts.signup-confirmation"


class LinkInvalid(Exception):
    """The link was changed, cut short or has been replaced by a newer one."""


class LinkExpired(LinkInvalid):
    """The link is genuine but older than the time it is valid for."""


class AlreadyConfirmed(LinkInvalid):
    """The link is genuine but the account has already been confirmed."""


def _fingerprint(user: User) -> str:
    state = f"{user.pk}|{user.email}|{user.password}|{user.is_active}|{user.confirmed_at}"
    return salted_hmac(SALT, state).hexdigest()[:24]


def confirmation_token(user: User) -> str:
    return signing.dumps({"user": user.pk, "state": _fingerprint(user)}, salt=SALT)


def user_for_confirmation_token(token: str) -> User:
    """The user waiting for this link; raises LinkInvalid (or a subclass) otherwise."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.PASSWORD_RESET_TIMEOUT)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
    user = User.objects.filter(pk=data.get("user")).first() if isinstance(data, dict) else None
    if user is None:
        raise LinkInvalid
    if user.is_active and user.confirmed_at is not None:
        raise AlreadyConfirmed
    if not user.awaits_confirmation or not constant_time_compare(str(data.get("state")), _fingerprint(user)):
        raise LinkInvalid
    return user
