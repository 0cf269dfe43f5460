"""Browser journeys through the account pages, with an axe-core scan of every page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from accounts.models import User
from accounts.tests.helpers import NEW_PASSWORD, PASSWORD, approve, make_user, site_paths
from directory.models import PublicationStatus
from directory.tests import factories
from veier.testing import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def checked(page) -> None:
    assert page.locator("h1").count() == 1, page.url
    assert_accessible(page)


def link_in_last_mail(starts_with: str) -> str:
    return next(path for path in site_paths(mail.outbox[-1].body) if path.startswith(starts_with))


def test_sign_up_confirm_see_min_side_log_out_and_log_in_again(browser_page):
    page = browser_page
    page.goto(page.base_url + "/")
    page.get_by_role("navigation", name="Konto").get_by_role("link", name="Registrer deg").click()
    page.wait_for_url("**/konto/registrer/")
    checked(page)

    # Bad input first: the summary and the messages beside the fields are accessible too.
    page.get_by_label("Navn").fill("Nora Nettleser")
    page.get_by_label("E-post").fill("nora.example.no")
    page.get_by_role("button", name="Registrer deg").click()
    expect(page.get_by_role("group", name="Skjemaet har feil")).to_be_visible()
    assert page.get_by_label("Navn").input_value() == "Nora Nettleser"
    checked(page)

    page.get_by_label("E-post").fill("nora@example.no")
    page.get_by_label("Passord", exact=False).first.fill(PASSWORD)
    page.get_by_label("Gjenta passordet").fill(PASSWORD)
    page.get_by_role("button", name="Registrer deg").click()
    page.wait_for_url("**/konto/registrer/sendt/")
    assert page.get_by_role("heading", name="Sjekk e-posten din").is_visible()
    checked(page)

    page.goto(page.base_url + link_in_last_mail("/konto/bekreft/"))
    checked(page)
    page.get_by_role("button", name="Bekreft og logg inn").click()
    page.wait_for_url("**/min-side/")
    assert page.get_by_text("E-postadressen er bekreftet").is_visible()
    assert page.get_by_text("nora@example.no").first.is_visible()
    checked(page)

    page.get_by_role("button", name="Logg ut").click()
    page.wait_for_url(page.base_url + "/")
    assert page.get_by_text("Du er logget ut.").is_visible()

    page.get_by_role("navigation", name="Konto").get_by_role("link", name="Logg inn").click()
    page.wait_for_url("**/konto/logg-inn/")
    checked(page)
    page.get_by_label("E-post").fill("nora@example.no")
    page.get_by_label("Passord").fill("feil passord her")
    page.get_by_role("button", name="Logg inn").click()
    assert page.get_by_text("E-post eller passord er feil.").first.is_visible()
    assert page.get_by_label("E-post").input_value() == "nora@example.no"
    assert page.get_by_label("Passord").input_value() == ""
    checked(page)
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url("**/min-side/")
    assert User.objects.get(email="nora@example.no").is_active


def test_forgotten_password_from_request_to_new_password(browser_page):
    make_user("glemsk@example.no", "Glenn Glemsk")
    page = browser_page
    page.goto(page.base_url + "/konto/logg-inn/")
    page.get_by_role("link", name="Glemt passordet?").click()
    page.wait_for_url("**/konto/glemt-passord/")
    checked(page)
    page.get_by_role("button", name="Send lenken").click()  # empty: an error
    checked(page)
    page.get_by_label("E-post").fill("glemsk@example.no")
    page.get_by_role("button", name="Send lenken").click()
    page.wait_for_url("**/konto/glemt-passord/sendt/")
    checked(page)

    page.goto(page.base_url + link_in_last_mail("/konto/glemt-passord/"))
    page.wait_for_url(re.compile(r".*/nytt-passord/$"))
    checked(page)
    page.get_by_label("Nytt passord").fill("kort")
    page.get_by_label("Gjenta det nye passordet").fill("kort")
    page.get_by_role("button", name="Lagre det nye passordet").click()
    assert page.get_by_text("Passordet er for kort. Bruk minst 10 tegn.").first.is_visible()
    checked(page)
    page.get_by_label("Nytt passord").fill(NEW_PASSWORD)
    page.get_by_label("Gjenta det nye passordet").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Lagre det nye passordet").click()
    page.wait_for_url("**/konto/glemt-passord/ferdig/")
    checked(page)

    page.goto(page.base_url + "/konto/glemt-passord/MQ/feil-lenke/")
    assert page.get_by_role("heading", name="Lenken virker ikke").is_visible()
    checked(page)


def log_in(page, email: str) -> None:
    page.goto(page.base_url + "/konto/logg-inn/")
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url("**/min-side/")


def test_the_signed_in_account_pages_are_accessible(browser_page):
    user = make_user("eier@example.no", "Eva Eier")
    approve(user, factories.entrepreneur("Grønn Start", status=PublicationStatus.DRAFT))
    approve(user, factories.entrepreneur("Lys Vei"))
    page = browser_page
    log_in(page, user.email)
    checked(page)

    page.get_by_role("link", name="Bytt passord").click()
    page.wait_for_url("**/konto/passord/")
    checked(page)
    page.get_by_role("button", name="Bytt passord").click()
    expect(page.get_by_role("group", name="Skjemaet har feil")).to_be_visible()
    checked(page)

    page.goto(page.base_url + "/min-side/")
    page.get_by_role("link", name="Slett kontoen").click()
    page.wait_for_url("**/konto/slett/")
    checked(page)
    page.get_by_label("Passordet ditt").fill("feil passord her")
    page.get_by_role("button", name="Slett kontoen for godt").click()
    expect(page.get_by_text("Passordet er feil.").first).to_be_visible()
    checked(page)
    page.get_by_label("Passordet ditt").fill(PASSWORD)
    page.get_by_role("button", name="Slett kontoen for godt").click()
    page.wait_for_url(page.base_url + "/")
    expect(page.get_by_text("Kontoen din er slettet")).to_be_visible()
    assert not User.objects.filter(email="eier@example.no").exists()


def test_the_confirmation_pages_for_bad_links_and_new_links_are_accessible(browser_page):
    page = browser_page
    page.goto(page.base_url + "/konto/bekreft/ikke-en-lenke/")
    assert page.get_by_role("heading", name="Lenken virker ikke").is_visible()
    checked(page)
    page.get_by_role("link", name="Få en ny lenke").click()
    page.wait_for_url("**/konto/ny-bekreftelse/")
    checked(page)
    page.get_by_label("E-post").fill("ukjent")
    page.get_by_role("button", name="Send lenken").click()
    checked(page)
    page.get_by_label("E-post").fill("ukjent@example.no")
    page.get_by_role("button", name="Send lenken").click()
    page.wait_for_url("**/konto/ny-bekreftelse/sendt/")
    checked(page)
