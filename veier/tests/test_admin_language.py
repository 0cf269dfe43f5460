"""The admin speaks bokmål (and nynorsk): no English string of Django's admin or auth is left untranslated.

Django's own nb and nn catalogues lag behind its templates; veier/admin_locale fills the gaps (for
django.contrib.auth too: its password validator's message and the admin's user form).
"""

import json
from pathlib import Path

import django.contrib.admin
import django.contrib.auth
import polib
import pytest
from django.urls import reverse
from django.utils import translation
from django.views.i18n import JSONCatalog

from directory.tests import factories
from directory.tests.member_personas import make_user

ADMIN_LOCALE = Path(django.contrib.admin.__file__).parent / "locale" / "en" / "LC_MESSAGES"
# django.contrib.auth: the password validators' texts on the sign-up and password pages, the admin's user form.
AUTH_LOCALE = Path(django.contrib.auth.__file__).parent / "locale" / "en" / "LC_MESSAGES"
# Strings whose bokmål and nynorsk are the same as the English.
SAME_IN_NORWEGIAN = {"%(class_name)s %(instance)s", "salt", "hash"}


def english(domain: str, locale: Path = ADMIN_LOCALE):
    return [entry for entry in polib.pofile(str(locale / f"{domain}.po")) if not entry.obsolete]


@pytest.mark.parametrize("locale", [ADMIN_LOCALE, AUTH_LOCALE], ids=["admin", "auth"])
@pytest.mark.parametrize("language", ["nb", "nn"])
def test_every_admin_and_auth_string_has_a_translation(language, locale):
    untranslated = []
    with translation.override(language):
        for entry in english("django", locale):
            if entry.msgid_plural:
                text = (
                    translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 2)
                    if entry.msgctxt
                    else translation.ngettext(entry.msgid, entry.msgid_plural, 2)
                )
                if text == entry.msgid_plural:
                    untranslated.append(entry.msgid)
            else:
                text = (
                    translation.pgettext(entry.msgctxt, entry.msgid)
                    if entry.msgctxt
                    else translation.gettext(entry.msgid)
                )
                if text == entry.msgid and entry.msgid not in SAME_IN_NORWEGIAN:
                    untranslated.append(entry.msgid)
    assert untranslated == []


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_the_javascript_catalogue_is_complete(rf, language):
    # The same catalogue the admin's jsi18n view serves to the selector and calendar widgets.
    with translation.override(language):
        view = JSONCatalog.as_view(packages=["django.contrib.admin"])
        catalog = json.loads(view(rf.get("/")).content)["catalog"]
    missing = []
    for entry in english("djangojs"):
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if key not in catalog:
            missing.append(entry.msgid)
    assert missing == []


@pytest.mark.django_db
def test_the_pages_curators_use_show_no_english(client):
    client.force_login(make_user("kurator@veier.no", is_staff=True, is_superuser=True))
    entrepreneur = factories.entrepreneur("Sykkel")
    pages = [
        reverse("admin:index"),
        reverse("admin:directory_socialentrepreneur_changelist"),
        reverse("admin:directory_socialentrepreneur_change", args=[entrepreneur.pk]),
    ]
    for url in pages:
        page = client.get(url).content.decode()
        for english_text in (
            "Skip to main content",
            "Toggle theme",
            "Show counts",
            "Start typing to filter",
            "Sidebar",
        ):
            assert english_text not in page, (url, english_text)
        assert "Hopp til hovedinnholdet" in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "Passordet er for kort. Det må ha minst 10 tegn."),
        ("nn", "Passordet er for kort. Det må ha minst 10 teikn."),
    ],
)
def test_the_password_validators_own_message_is_norwegian(language, expected):
    from django.contrib.auth.password_validation import MinimumLengthValidator
    from django.core.exceptions import ValidationError

    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            MinimumLengthValidator(min_length=10).validate("kort")
        assert error.value.messages == [expected]
        label = "Password-based authentication"  # a variable: makemessages must not take it into our catalogue
        assert translation.gettext(label) == "Innlogging med passord"
