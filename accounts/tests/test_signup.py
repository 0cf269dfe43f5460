"""Sign-up, the confirmation link, and getting a new link. No answer tells whether an address is registered."""

from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.tests.helpers import (
    PASSWORD,
    assert_error_beside_field_and_in_summary,
    assert_kept,
    assert_password_not_echoed,
    field_error,
    make_user,
    site_paths,
)
from accounts.tokens import confirmation_token

pytestmark = pytest.mark.django_db

SIGNUP = reverse("accounts:signup")
DONE = reverse("accounts:signup-done")


def form(**overrides) -> dict:
    return {
        "name": "Nora Ny",
        "email": "nora@example.no",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "nettside": "",
        **overrides,
    }


def confirmation_path(message) -> str:
    return next(path for path in site_paths(message.body) if path.startswith("/konto/bekreft/"))


def test_the_signup_page_has_the_fields_and_a_hidden_honeypot(client):
    response = client.get(SIGNUP)
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("name", "email", "password1", "password2"):
        assert f'name="{name}"' in html
    assert 'name="nettside"' in html
    assert 'aria-hidden="true"' in html and 'tabindex="-1"' in html


def test_signing_up_creates_an_inactive_user_and_mails_a_confirmation_link(client):
    response = client.post(SIGNUP, form(email="Nora@Example.no"))

    assert response.status_code == 302 and response["Location"] == DONE
    user = User.objects.get()
    assert user.email == "nora@example.no"
    assert user.name == "Nora Ny"
    assert not user.is_active and user.confirmed_at is None
    assert user.check_password(PASSWORD)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nora@example.no"]
    assert message.subject == "Bekreft e-postadressen din – Veier til samarbeid"
    assert "Hei, Nora Ny!" in message.body
    assert "3 dager" in message.body
    assert confirmation_path(message) in message.alternatives[0][0]


def test_the_check_your_email_page_explains_what_to_do(client):
    response = client.get(DONE)
    assert "Sjekk e-posten din" in response.content.decode()
    assert reverse("accounts:confirm-resend") in response.content.decode()


def test_the_confirmation_link_shows_a_button_and_posting_it_activates_and_logs_in(client):
    client.post(SIGNUP, form())
    path = confirmation_path(mail.outbox[0])

    page = client.get(path)
    assert page.status_code == 200
    assert "Bekreft og logg inn" in page.content.decode()
    assert not User.objects.get().is_active  # opening the link alone changes nothing

    response = client.post(path)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:dashboard")
    user = User.objects.get()
    assert user.is_active and user.confirmed_at is not None
    assert get_user(client) == user
    assert "E-postadressen er bekreftet" in client.get(response["Location"]).content.decode()


def test_a_used_link_says_the_account_is_already_confirmed_and_does_not_log_in(client):
    client.post(SIGNUP, form())
    path = confirmation_path(mail.outbox[0])
    client.post(path)
    client.post(reverse("accounts:logout"))

    response = client.post(path)
    assert response.status_code == 200
    assert "Kontoen er allerede bekreftet" in response.content.decode()
    assert not get_user(client).is_authenticated


def test_an_expired_link_says_so_and_offers_a_new_one(client):
    client.post(SIGNUP, form())
    path = confirmation_path(mail.outbox[0])
    later = timezone.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)
    with mock.patch("time.time", return_value=later.timestamp()):
        response = client.post(path)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Lenken er for gammel" in html
    assert reverse("accounts:confirm-resend") in html
    assert not User.objects.get().is_active


def test_a_link_just_inside_three_days_still_works(client):
    client.post(SIGNUP, form())
    path = confirmation_path(mail.outbox[0])
    later = timezone.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT - 60)
    with mock.patch("time.time", return_value=later.timestamp()):
        response = client.post(path)
    assert response.status_code == 302
    assert User.objects.get().is_active


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-3] + ("abc" if not token.endswith("abc") else "xyz"),
        lambda token: token[:10],
        lambda token: "x" + token,
    ],
)
def test_a_tampered_link_says_it_does_not_work_and_offers_a_new_one(client, mangle):
    client.post(SIGNUP, form())
    token = confirmation_path(mail.outbox[0]).split("/")[3]
    response = client.post(reverse("accounts:confirm", args=[mangle(token)]))
    assert response.status_code == 400
    assert "Lenken virker ikke" in response.content.decode()
    assert reverse("accounts:confirm-resend") in response.content.decode()
    assert not User.objects.get().is_active


def deactivated(email: str) -> User:
    """An account a curator has closed: it was confirmed once, and is inactive now."""
    user = make_user(email)
    user.is_active = False
    user.save()
    return user


def test_a_confirmation_token_cannot_confirm_a_deactivated_account(client):
    user = deactivated("stengt@example.no")
    response = client.post(reverse("accounts:confirm", args=[confirmation_token(user)]))
    assert response.status_code == 400
    user.refresh_from_db()
    assert not user.is_active


def test_the_honeypot_pretends_success_and_creates_nothing(client):
    response = client.post(SIGNUP, form(nettside="https://spam.example"))
    assert response.status_code == 302 and response["Location"] == DONE
    assert not User.objects.exists()
    assert mail.outbox == []


def test_an_existing_address_gets_the_same_page_and_a_different_mail_and_no_new_user(client):
    existing = make_user("nora@example.no", "Nora Gammel")
    response = client.post(SIGNUP, form(email="NORA@example.no", name="Noen Andre"))

    assert response.status_code == 302 and response["Location"] == DONE
    assert User.objects.count() == 1
    existing.refresh_from_db()
    assert existing.name == "Nora Gammel" and existing.check_password(PASSWORD)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nora@example.no"]
    assert message.subject == "Du har allerede en konto – Veier til samarbeid"
    paths = site_paths(message.body)
    assert reverse("accounts:login") in paths
    assert any(path.startswith("/konto/glemt-passord/") and path.count("/") == 5 for path in paths)


def test_signing_up_again_before_confirming_changes_nothing_and_resends_the_link(client):
    """Finding 2: a second sign-up (an attacker's) must not set the password its owner will confirm."""
    client.post(SIGNUP, form())
    first = confirmation_path(mail.outbox[0])
    response = client.post(
        SIGNUP, form(name="Angriper", password1="angriperens passord", password2="angriperens passord")
    )

    assert response["Location"] == DONE
    assert User.objects.count() == 1
    user = User.objects.get()
    assert user.name == "Nora Ny" and user.check_password(PASSWORD)
    assert not user.check_password("angriperens passord")
    assert confirmation_path(mail.outbox[1]) == first  # the same link again: the account did not change
    assert client.post(first).status_code == 302
    assert get_user(client) == user
    client.logout()
    login = reverse("accounts:login")
    assert client.post(login, {"email": "nora@example.no", "password": "angriperens passord"}).status_code == 200
    assert client.post(login, {"email": "nora@example.no", "password": PASSWORD}).status_code == 302


def test_a_deactivated_address_gets_the_same_page_and_no_mail(client):
    deactivated("stengt@example.no")
    response = client.post(SIGNUP, form(email="stengt@example.no"))
    assert response["Location"] == DONE
    assert mail.outbox == []


def test_a_signed_in_user_is_sent_to_min_side(client, owner):
    client.force_login(owner)
    assert client.get(SIGNUP)["Location"] == reverse("accounts:dashboard")


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"name": ""}, "name", "Skriv navnet ditt."),
        ({"name": "N" * 151}, "name", "Skriv høyst 150 tegn. Nå er det 151."),
        ({"email": ""}, "email", "Skriv e-postadressen din."),
        ({"email": "nora.example.no"}, "email", "Skriv e-postadressen på formen navn@eksempel.no."),
        ({"email": "n" * 250 + "@example.no"}, "email", "Skriv høyst 254 tegn."),
        ({"password1": "", "password2": ""}, "password1", "Velg et passord."),
        ({"password2": ""}, "password2", "Skriv passordet en gang til."),
        ({"password1": "kZ7q", "password2": "kZ7q"}, "password1", "Passordet er for kort. Bruk minst 10 tegn."),
        (
            {"password1": "1234567890123", "password2": "1234567890123"},
            "password1",
            "Passordet kan ikke bare være tall.",
        ),
        ({"password1": "password123", "password2": "password123"}, "password1", "Passordet er for vanlig"),
        (
            {"password1": "noraexample1", "password2": "noraexample1"},
            "password1",
            "Passordet ligner for mye på navnet eller e-postadressen din.",
        ),
        ({"password2": "noe helt annet her"}, "password2", "Passordene er ikke like."),
        ({"password1": "x" * 129, "password2": "x" * 129}, "password1", "Skriv høyst 128 tegn."),
    ],
)
def test_bad_input_is_explained_beside_the_field_and_in_the_summary_and_kept(client, overrides, field, message):
    data = form(**overrides)
    response = client.post(SIGNUP, data)

    assert response.status_code == 200
    assert_error_beside_field_and_in_summary(response, field, message)
    assert_kept(response, "name", data["name"])
    assert_kept(response, "email", data["email"])
    for password in {data["password1"], data["password2"]} - {""}:
        assert_password_not_echoed(response, password)
    assert not User.objects.exists()
    assert mail.outbox == []


def test_the_messages_of_other_fields_stay_empty(client):
    response = client.post(SIGNUP, form(name=""))
    assert field_error(response, "email") == ""


class TestNewConfirmationLink:
    URL = reverse("accounts:confirm-resend")

    def test_an_unconfirmed_account_gets_a_new_link_that_works(self, client):
        client.post(SIGNUP, form())
        mail.outbox.clear()
        response = client.post(self.URL, {"email": "NORA@example.no"})
        assert response["Location"] == reverse("accounts:confirm-resent")
        assert len(mail.outbox) == 1
        assert client.post(confirmation_path(mail.outbox[0])).status_code == 302

    def test_an_unknown_address_gets_the_same_page_and_no_mail(self, client):
        response = client.post(self.URL, {"email": "ukjent@example.no"})
        assert response["Location"] == reverse("accounts:confirm-resent")
        assert mail.outbox == []
        assert "Sjekk e-posten din" in client.get(response["Location"]).content.decode()

    def test_a_confirmed_account_gets_the_same_page_and_a_reminder_instead(self, client, owner):
        response = client.post(self.URL, {"email": owner.email})
        assert response["Location"] == reverse("accounts:confirm-resent")
        assert mail.outbox[0].subject == "Du har allerede en konto – Veier til samarbeid"

    @pytest.mark.parametrize(
        "email, message",
        [("", "Skriv e-postadressen din."), ("ikke-en-adresse", "Skriv e-postadressen på formen navn@eksempel.no.")],
    )
    def test_bad_input_is_explained_and_kept(self, client, email, message):
        response = client.post(self.URL, {"email": email})
        assert response.status_code == 200
        assert_error_beside_field_and_in_summary(response, "email", message)
        assert_kept(response, "email", email)
