"""E-mails are written in the recipient's language: the one they last chose on the site."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from veier.mail import recipient_languages, send_templated_mail

PASSWORD = "sommerfugl i vinden"


@pytest.fixture
def users(db):
    return {
        language: User.objects.create_user(f"{language}@example.no", PASSWORD, language=language)
        for language in ("nb", "nn", "en")
    }


def test_each_account_gets_its_own_language_and_others_the_active_one(users):
    with translation.override("nn"):
        languages = recipient_languages(["nb@example.no", "en@example.no", "ukjent@example.no"])
    assert languages == {"nb@example.no": "nb", "en@example.no": "en", "ukjent@example.no": "nn"}


def test_one_message_per_recipient_each_in_their_language(users):
    with translation.override("nb"):
        sent = send_templated_mail(
            "accounts/emails/already_registered",
            ["nb@example.no", "nn@example.no", "en@example.no"],
            {"user": users["nb"], "login_link": "/", "reset_link": "/", "valid_days": 3},
        )
    assert sent == 3
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    expected = {}
    for language in ("nb", "nn", "en"):
        with translation.override(language):
            expected[f"{language}@example.no"] = translation.gettext("Du har allerede en konto – Veier til samarbeid")
    assert subjects == expected
    assert len(set(expected.values())) == 3  # the catalogues really differ
    assert all(len(message.to) == 1 for message in mail.outbox)


class TestTheLanguageIsRemembered:
    def test_switching_language_while_signed_in(self, client, users):
        client.force_login(users["nb"])
        response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
        assert response.status_code == 302
        users["nb"].refresh_from_db()
        assert users["nb"].language == "en"

    def test_switching_language_signed_out_still_sets_the_cookie(self, client, db, settings):
        response = client.post(reverse("set_language"), {"language": "nn", "next": "/"})
        assert response.status_code == 302
        assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "nn"

    def test_an_unknown_language_changes_nothing(self, client, users):
        client.force_login(users["nn"])
        client.post(reverse("set_language"), {"language": "xx", "next": "/"})
        users["nn"].refresh_from_db()
        assert users["nn"].language == "nn"

    def test_switching_needs_post(self, client, db):
        assert client.get(reverse("set_language")).status_code == 405

    def test_logging_in_keeps_the_language_the_site_is_read_in(self, client, users, settings):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        response = client.post(reverse("accounts:login"), {"email": "nn@example.no", "password": PASSWORD})
        assert response.status_code == 302
        users["nn"].refresh_from_db()
        assert users["nn"].language == "en"

    def test_signing_up_keeps_the_language(self, client, db, settings):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nn"
        client.post(
            reverse("accounts:signup"),
            {"name": "Kari", "email": "kari@example.no", "password1": PASSWORD, "password2": PASSWORD},
        )
        assert User.objects.get(email="kari@example.no").language == "nn"
        assert mail.outbox and mail.outbox[0].to == ["kari@example.no"]
