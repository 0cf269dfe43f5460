"""Logging in and out, and the throttling of failed log-ins."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user
from django.urls import reverse
from django.utils import timezone

from accounts import throttle
from accounts.models import Attempt
from accounts.tests.helpers import (
    PASSWORD,
    assert_error_beside_field_and_in_summary,
    assert_kept,
    assert_password_not_echoed,
    error_summary,
    make_user,
)

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
LOGOUT = reverse("accounts:logout")
DASHBOARD = reverse("accounts:dashboard")
WRONG = "E-post eller passord er feil."


def log_in(client, email, password=PASSWORD, ip="10.0.0.1", **extra):
    return client.post(LOGIN, {"email": email, "password": password, **extra}, REMOTE_ADDR=ip)


def test_the_login_page_offers_reset_and_a_new_confirmation_link(client):
    html = client.get(LOGIN).content.decode()
    assert reverse("accounts:password-reset") in html
    assert "Fikk du ikke bekreftelsen?" in html
    assert reverse("accounts:confirm-resend") in html
    assert 'autocomplete="current-password"' in html


def test_the_right_password_logs_in_and_goes_to_min_side(client, owner):
    response = log_in(client, "Eier@Example.no")
    assert response.status_code == 302 and response["Location"] == DASHBOARD
    assert get_user(client) == owner
    owner.refresh_from_db()
    assert owner.last_login is not None


def test_logging_in_returns_to_a_next_page_on_this_site_only(client, owner):
    assert log_in(client, owner.email, next="/entreprenorer/")["Location"] == "/entreprenorer/"
    client.logout()
    assert log_in(client, owner.email, next="https://evil.example/")["Location"] == DASHBOARD


def test_the_login_page_keeps_next_from_the_query_string(client):
    html = client.get(LOGIN + "?next=/min-side/")
    assert 'name="next" value="/min-side/"' in html.content.decode()


def test_a_signed_in_user_opening_the_login_page_goes_to_min_side(client, owner):
    client.force_login(owner)
    assert client.get(LOGIN)["Location"] == DASHBOARD


@pytest.mark.parametrize(
    "email, password",
    [("eier@example.no", "feil passord her"), ("ukjent@example.no", PASSWORD), ("ukjent@example.no", "hva som helst")],
)
def test_a_wrong_password_and_an_unknown_address_get_the_same_message(client, owner, email, password):
    response = log_in(client, email, password)
    assert response.status_code == 200
    assert WRONG in error_summary(response)
    assert_kept(response, "email", email)
    assert_password_not_echoed(response, password)
    assert not get_user(client).is_authenticated


def test_an_unconfirmed_account_gets_the_same_message_and_the_offer_of_a_new_link(client):
    make_user("ny@example.no", is_active=False)
    response = log_in(client, "ny@example.no")
    assert WRONG in error_summary(response)
    assert reverse("accounts:confirm-resend") in response.content.decode()
    assert not get_user(client).is_authenticated


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"email": "", "password": PASSWORD}, "email", "Skriv e-postadressen din."),
        ({"email": "eier.example.no", "password": PASSWORD}, "email", "Skriv e-postadressen på formen"),
        ({"email": "eier@example.no", "password": ""}, "password", "Skriv passordet ditt."),
        ({"email": "e" * 250 + "@example.no", "password": PASSWORD}, "email", "Skriv høyst 254 tegn."),
    ],
)
def test_bad_input_is_explained_beside_the_field_and_kept(client, owner, data, field, message):
    response = client.post(LOGIN, data)
    assert response.status_code == 200
    assert_error_beside_field_and_in_summary(response, field, message)
    assert_kept(response, "email", data["email"])
    assert not Attempt.objects.exists()  # not a failed log-in: nothing was checked


class TestThrottling:
    def test_five_failures_for_an_address_stop_the_sixth_attempt_even_with_the_right_password(self, client, owner):
        for _ in range(throttle.MAX_FAILURES_PER_EMAIL):
            assert WRONG in error_summary(log_in(client, owner.email, "feil passord her"))

        with mock.patch("accounts.forms.authenticate") as authenticate:
            response = log_in(client, owner.email, PASSWORD, ip="10.9.9.9")
        authenticate.assert_not_called()  # the password is not even checked
        assert "Du har prøvd å logge inn for mange ganger. Vent 15 minutter, og prøv igjen." in error_summary(response)
        assert_kept(response, "email", owner.email)
        assert not get_user(client).is_authenticated

    def test_the_address_is_counted_whatever_its_case(self, client, owner):
        for email in ["eier@example.no", "EIER@example.no", "Eier@Example.NO", "eier@EXAMPLE.no", " eier@example.no"]:
            log_in(client, email, "feil passord her")
        assert "for mange ganger" in error_summary(log_in(client, owner.email))

    def test_an_unknown_address_is_throttled_with_the_same_message(self, client, owner):
        for _ in range(throttle.MAX_FAILURES_PER_EMAIL):
            log_in(client, "ukjent@example.no", "feil passord her")
        response = log_in(client, "ukjent@example.no", "feil passord her")
        assert "Du har prøvd å logge inn for mange ganger. Vent 15 minutter, og prøv igjen." in error_summary(response)

    def test_other_addresses_from_other_places_may_still_log_in(self, client, owner, colleague):
        for _ in range(throttle.MAX_FAILURES_PER_EMAIL):
            log_in(client, owner.email, "feil passord her")
        assert log_in(client, colleague.email, ip="10.0.0.2").status_code == 302

    def test_twenty_failures_from_one_ip_stop_every_address_from_that_ip(self, client, colleague):
        for number in range(throttle.MAX_FAILURES_PER_IP):
            log_in(client, f"person{number}@example.no", "feil passord her", ip="192.0.2.7")
        response = log_in(client, colleague.email, ip="192.0.2.7")
        assert "for mange ganger" in error_summary(response)
        assert log_in(client, colleague.email, ip="192.0.2.8").status_code == 302

    def test_throttled_attempts_are_not_counted(self, client, owner):
        for _ in range(throttle.MAX_FAILURES_PER_EMAIL + 3):
            log_in(client, owner.email, "feil passord her")
        assert Attempt.objects.filter(key=f"e-post:{owner.email}").count() == throttle.MAX_FAILURES_PER_EMAIL

    def test_the_window_slides_so_waiting_is_enough(self, client, owner):
        start = timezone.now()
        with mock.patch("django.utils.timezone.now", return_value=start):
            for _ in range(throttle.MAX_FAILURES_PER_EMAIL):
                log_in(client, owner.email, "feil passord her")
        with mock.patch("django.utils.timezone.now", return_value=start + timedelta(minutes=10)):
            assert "Vent 5 minutter" in error_summary(log_in(client, owner.email))
        with mock.patch("django.utils.timezone.now", return_value=start + timedelta(minutes=14, seconds=30)):
            assert "Vent 1 minutt," in error_summary(log_in(client, owner.email))
        with mock.patch("django.utils.timezone.now", return_value=start + timedelta(minutes=15, seconds=1)):
            assert log_in(client, owner.email).status_code == 302

    def test_the_oldest_failure_leaving_the_window_lets_in_one_more_attempt(self, rf, owner):
        start = timezone.now()
        key = f"e-post:{owner.email}"
        for minute in range(throttle.MAX_FAILURES_PER_EMAIL):
            Attempt.objects.create(scope="login", key=key, created=start + timedelta(minutes=minute))
        request = rf.post(LOGIN, REMOTE_ADDR="10.0.0.9")
        now = start + timedelta(minutes=throttle.MAX_FAILURES_PER_EMAIL)
        with mock.patch("django.utils.timezone.now", return_value=now):
            assert throttle.check(request, "login", address=owner.email).wait == timedelta(minutes=10)
        with mock.patch("django.utils.timezone.now", return_value=start + timedelta(minutes=15, seconds=1)):
            assert not throttle.check(request, "login", address=owner.email).refused

    def test_old_failures_are_deleted_as_new_ones_come(self, client, owner):
        Attempt.objects.create(
            scope="login", key="e-post:gammel@example.no", created=timezone.now() - timedelta(hours=1)
        )
        log_in(client, owner.email, "feil passord her")
        assert sorted(Attempt.objects.values_list("key", flat=True)) == [f"e-post:{owner.email}", "ip:10.0.0.1"]

    def test_a_successful_login_forgets_the_failures_of_that_address(self, client, owner):
        for _ in range(throttle.MAX_FAILURES_PER_EMAIL - 1):
            log_in(client, owner.email, "feil passord her")
        assert log_in(client, owner.email).status_code == 302
        assert not Attempt.objects.filter(key=f"e-post:{owner.email}").exists()

    def test_the_client_ip_is_only_taken_from_remote_addr(self, client, owner):
        client.post(
            LOGIN, {"email": owner.email, "password": "feil"}, REMOTE_ADDR="10.1.1.1", HTTP_X_FORWARDED_FOR="1.2.3.4"
        )
        assert sorted(Attempt.objects.values_list("key", flat=True)) == [f"e-post:{owner.email}", "ip:10.1.1.1"]


class TestLogout:
    def test_logging_out_is_a_post_and_says_so_on_the_start_page(self, client, owner):
        client.force_login(owner)
        response = client.post(LOGOUT, follow=True)
        assert response.redirect_chain[-1][0] == "/"
        assert "Du er logget ut." in response.content.decode()
        assert not get_user(client).is_authenticated

    def test_a_get_does_not_log_out(self, client, owner):
        client.force_login(owner)
        assert client.get(LOGOUT).status_code == 405
        assert get_user(client) == owner

    def test_the_logout_form_carries_a_csrf_token(self, owner):
        from django.test import Client

        strict = Client(enforce_csrf_checks=True)
        strict.force_login(owner)
        assert strict.post(LOGOUT).status_code == 403
        assert get_user(strict) == owner


class TestHeader:
    def test_signed_out_visitors_see_log_in_and_sign_up(self, client, db):
        html = client.get("/").content.decode()
        assert f'href="{LOGIN}"' in html and ">Logg inn<" in html
        assert f'href="{reverse("accounts:signup")}"' in html and ">Registrer deg<" in html
        assert "Logg ut" not in html

    def test_signed_in_users_see_min_side_and_a_logout_button(self, client, owner):
        client.force_login(owner)
        html = client.get("/").content.decode()
        assert f'href="{DASHBOARD}"' in html and ">Min side<" in html
        assert f'action="{LOGOUT}" method="post"' in html
        assert ">Logg inn<" not in html
        assert 'aria-label="Konto"' in html and 'aria-label="Hovedmeny"' in html
        assert 'action="/i18n/setlang/"' in html


@pytest.mark.parametrize(
    "next_url, location",
    [
        ("minside", DASHBOARD),  # a bare word: redirect() would take it for a view name (500 before)
        ("dashboard", DASHBOARD),
        ("//evil.example/", DASHBOARD),
        ("https://evil.example/", DASHBOARD),
        ("javascript:alert(1)", DASHBOARD),
        ("\\\\evil.example", DASHBOARD),
        ("/\\evil.example", DASHBOARD),
        ("entreprenorer/", DASHBOARD),
        ("", DASHBOARD),
        ("/entreprenorer/?q=eldre", "/entreprenorer/?q=eldre"),
        ("/behov/1/", "/behov/1/"),
    ],
)
def test_next_is_a_path_on_this_site_or_min_side(client, owner, next_url, location):
    """Issue 11, finding 5: every `next` logs the user in and goes somewhere safe."""
    response = log_in(client, owner.email, next=next_url)
    assert response.status_code == 302
    assert response["Location"] == location
    assert get_user(client) == owner
    # The same for a signed-in user opening the log-in page with it.
    assert client.get(LOGIN, {"next": next_url})["Location"] == location
