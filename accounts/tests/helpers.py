"""Helpers for the accounts tests: users, links in e-mails, and reading form errors from a page."""

import re
from html import unescape

from django.utils.html import escape

from accounts.models import BodyMembership, EntrepreneurMembership, User

PASSWORD = "sommerfugl i vinden"
NEW_PASSWORD = "lange turer langs elva"
SITE_URL = "https://veier.test"
_LINK = re.compile(r"https?://[^\s\"<>]+")


def make_user(email: str, name: str = "", **fields) -> User:
    return User.objects.create_user(email, PASSWORD, name=name, **fields)


def approve(user: User, entrepreneur=None, body=None):
    if entrepreneur is not None:
        return EntrepreneurMembership.objects.create(
            user=user, entrepreneur=entrepreneur, status=EntrepreneurMembership.Status.APPROVED
        )
    return BodyMembership.objects.create(user=user, public_body=body, status=BodyMembership.Status.APPROVED)


def links_in(text: str) -> list[str]:
    return [unescape(link) for link in _LINK.findall(text)]


def site_paths(text: str) -> list[str]:
    """The paths of the links to this site in an e-mail's text, in order."""
    return [link[len(SITE_URL) :] for link in links_in(text) if link.startswith(SITE_URL + "/")]


def html_of(response) -> str:
    return response.content.decode()


def field_error(response, field: str) -> str:
    """The error message(s) shown beside a field, as text ('' if none)."""
    match = re.search(rf'<(p|div)[^>]*id="id_{field}_error"[^>]*>(.*?)</\1>', html_of(response), re.S)
    return unescape(re.sub(r"<[^>]+>", " ", match.group(2))).strip() if match else ""


def error_summary(response) -> str:
    match = re.search(r'<div class="ds-error-summary".*?</ul>', html_of(response), re.S)
    return unescape(re.sub(r"<[^>]+>", " ", match.group(0))) if match else ""


def assert_error_beside_field_and_in_summary(response, field: str, message: str) -> None:
    assert message in field_error(response, field), (field, field_error(response, field))
    assert message in error_summary(response)
    # The summary links to the field.
    assert f'href="#id_{field}"' in html_of(response)


def input_value(response, name: str) -> str | None:
    """The value attribute of the input with this name, or None when it has none."""
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html_of(response))
    assert tag, f"no input named {name}"
    value = re.search(r'value="([^"]*)"', tag.group(0))
    return unescape(value.group(1)) if value else None


def assert_kept(response, name: str, typed: str) -> None:
    assert (input_value(response, name) or "") == typed
    assert escape(typed) in html_of(response)


def assert_password_not_echoed(response, typed: str) -> None:
    for tag in re.findall(r'<input[^>]*type="password"[^>]*>', html_of(response)):
        assert "value=" not in tag
    assert typed not in html_of(response)
