"""Changing the password when signed in, and choosing a new one through an e-mailed link."""

from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user
from django.core import mail
from django.urls import reverse

from accounts import throttle
from accounts.models import Attempt
from accounts.tests.helpers import (
    NEW_PASSWORD,
    PASSWORD,
    assert_error_beside_field_and_in_summary,
    assert_kept,
    assert_password_not_echoed,
    make_user,
    site_paths,
)

pytestmark = pytest.mark.django_db

CHANGE = reverse("accounts:password-change")
RESET = reverse("accounts:password-reset")
SENT = reverse("accounts:password-reset-sent")


class TestChange:
    def test_anonymous_users_are_sent_to_log_in(self, client):
        response = client.get(CHANGE)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('accounts:login')}?next={CHANGE}"

    @pytest.mark.parametrize("persona", ["owner", "colleague", "outsider", "curator"])
    def test_every_signed_in_user_changes_only_their_own_password(self, client, request, persona, owner):
        user = request.getfixturevalue(persona)
        client.force_login(user)
        assert client.get(CHANGE).status_code == 200
        response = client.post(
            CHANGE, {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
        )
        assert response["Location"] == reverse("accounts:dashboard")
        user.refresh_from_db()
        assert user.check_password(NEW_PASSWORD)
        assert get_user(client) == user  # still signed in here
        if user != owner:
            owner.refresh_from_db()
            assert owner.check_password(PASSWORD)

    @pytest.mark.parametrize(
        "data, field, message",
        [
            ({"old_password": ""}, "old_password", "Skriv passordet du logger inn med nå."),
            ({"old_password": "feil passord her"}, "old_password", "Passordet er feil."),
            ({"new_password1": "", "new_password2": ""}, "new_password1", "Skriv et nytt passord."),
            ({"new_password2": ""}, "new_password2", "Skriv det nye passordet en gang til."),
            ({"new_password1": "kZ7q", "new_password2": "kZ7q"}, "new_password1", "Bruk minst 10 tegn."),
            ({"new_password2": "noe helt annet her"}, "new_password2", "Passordene er ikke like."),
        ],
    )
    def test_bad_input_is_explained_beside_the_field_and_no_password_is_echoed(
        self, client, owner, data, field, message
    ):
        client.force_login(owner)
        typed = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD, **data}
        response = client.post(CHANGE, typed)
        assert response.status_code == 200
        assert_error_beside_field_and_in_summary(response, field, message)
        for password in set(typed.values()) - {""}:
            assert_password_not_echoed(response, password)
        owner.refresh_from_db()
        assert owner.check_password(PASSWORD)


def reset_path() -> str:
    return next(path for path in site_paths(mail.outbox[-1].body) if path.startswith(RESET))


class TestReset:
    def test_a_known_address_gets_a_link_that_sets_a_new_password(self, client, owner):
        response = client.post(RESET, {"email": "EIER@example.no"})
        assert response["Location"] == SENT
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [owner.email]
        assert message.subject == "Lag et nytt passord – Veier til samarbeid"
        path = reset_path()
        assert path in message.alternatives[0][0]

        form_page = client.get(path, follow=True)
        assert "Lag et nytt passord" in form_page.content.decode()
        set_password_url = form_page.redirect_chain[-1][0]
        assert set_password_url.endswith("/nytt-passord/")  # the token is out of the address bar

        done = client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
        assert done["Location"] == reverse("accounts:password-reset-complete")
        owner.refresh_from_db()
        assert owner.check_password(NEW_PASSWORD)
        assert "Passordet er endret" in client.get(done["Location"]).content.decode()
        assert (
            client.post(reverse("accounts:login"), {"email": owner.email, "password": NEW_PASSWORD}).status_code == 302
        )

    def test_a_link_works_only_once(self, client, owner):
        client.post(RESET, {"email": owner.email})
        path = reset_path()
        set_password_url = client.get(path, follow=True).redirect_chain[-1][0]
        client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
        again = client.get(path, follow=True)
        assert "Lenken virker ikke" in again.content.decode()
        assert RESET in again.content.decode()

    def test_an_expired_or_tampered_link_offers_a_new_one(self, client, owner):
        client.post(RESET, {"email": owner.email})
        path = reset_path()
        tampered = path[:-3] + "zzz/"
        assert "Lenken virker ikke" in client.get(tampered, follow=True).content.decode()
        later = datetime.now() + timedelta(days=3, minutes=1)  # the token generator's clock is naive
        with mock.patch("django.contrib.auth.tokens.PasswordResetTokenGenerator._now", return_value=later):
            assert "Lenken virker ikke" in client.get(path, follow=True).content.decode()

    def test_setting_a_new_password_ends_the_throttling_of_the_address(self, client, owner):
        for _ in range(throttle.MAX_FAILURES_PER_EMAIL):
            client.post(reverse("accounts:login"), {"email": owner.email, "password": "feil passord her"})
        client.post(RESET, {"email": owner.email})
        set_password_url = client.get(reset_path(), follow=True).redirect_chain[-1][0]
        client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
        assert not Attempt.objects.filter(scope="login", key=f"e-post:{owner.email}").exists()
        login = client.post(reverse("accounts:login"), {"email": owner.email, "password": NEW_PASSWORD})
        assert login.status_code == 302

    @pytest.mark.parametrize(
        "data, field, message",
        [
            ({"new_password1": "kZ7q", "new_password2": "kZ7q"}, "new_password1", "Bruk minst 10 tegn."),
            ({"new_password1": "1234567890123", "new_password2": "1234567890123"}, "new_password1", "bare være tall"),
            ({"new_password2": "noe helt annet her"}, "new_password2", "Passordene er ikke like."),
            ({"new_password1": ""}, "new_password1", "Skriv et nytt passord."),
        ],
    )
    def test_bad_new_passwords_are_explained_beside_the_field(self, client, owner, data, field, message):
        client.post(RESET, {"email": owner.email})
        set_password_url = client.get(reset_path(), follow=True).redirect_chain[-1][0]
        typed = {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD, **data}
        response = client.post(set_password_url, typed)
        assert response.status_code == 200
        assert_error_beside_field_and_in_summary(response, field, message)
        for password in set(typed.values()) - {""}:
            assert_password_not_echoed(response, password)
        owner.refresh_from_db()
        assert owner.check_password(PASSWORD)

    def test_an_unknown_address_gets_the_same_page_and_no_mail(self, client, owner):
        known = client.post(RESET, {"email": owner.email})
        unknown = client.post(RESET, {"email": "ukjent@example.no"})
        assert known["Location"] == unknown["Location"] == SENT
        assert len(mail.outbox) == 1
        html = client.get(SENT).content.decode()
        assert "Hvis adressen har en konto hos oss" in html

    def test_an_unconfirmed_account_is_confirmed_only_by_setting_a_password_through_the_link(self, client):
        """Finding 2: the reset link proves the address; the password someone else chose stops working."""
        waiting = make_user("ny@example.no", is_active=False)
        assert client.post(RESET, {"email": "ny@example.no"})["Location"] == SENT
        assert mail.outbox[0].subject == "Lag et nytt passord – Veier til samarbeid"
        waiting.refresh_from_db()
        assert waiting.awaits_confirmation  # asking is not enough
        set_password_url = client.get(reset_path(), follow=True).redirect_chain[-1][0]
        client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
        waiting.refresh_from_db()
        assert waiting.is_active and waiting.confirmed_at is not None
        login = reverse("accounts:login")
        assert client.post(login, {"email": "ny@example.no", "password": PASSWORD}).status_code == 200
        assert client.post(login, {"email": "ny@example.no", "password": NEW_PASSWORD}).status_code == 302

    def test_a_deactivated_account_gets_no_mail(self, client, owner):
        owner.is_active = False
        owner.save()
        assert client.post(RESET, {"email": owner.email})["Location"] == SENT
        assert mail.outbox == []

    @pytest.mark.parametrize(
        "email, message",
        [
            ("", "Skriv e-postadressen din."),
            ("eier.example.no", "Skriv e-postadressen på formen navn@eksempel.no."),
            ("e" * 250 + "@example.no", "Skriv høyst 254 tegn."),
        ],
    )
    def test_bad_input_is_explained_and_kept(self, client, email, message):
        response = client.post(RESET, {"email": email})
        assert response.status_code == 200
        assert_error_beside_field_and_in_summary(response, "email", message)
        assert_kept(response, "email", email)
        assert mail.outbox == []
