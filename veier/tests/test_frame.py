"""The frame of a public service on every page: footer with the operator's contact, the privacy and
accessibility statements, the language choice, a favicon and the site name in the title."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.core.checks import run_checks
from django.urls import reverse

from accounts.models import User

PAGES = [
    "/",
    "/entreprenorer/",
    "/virksomheter/",
    "/eksempler/",
    "/behov/",
    "/anskaffelser/",
    "/anskaffelser/terskelverdier/",
    "/anskaffelser/veiledning/",
    "/personvern/",
    "/tilgjengelighet/",
    "/konto/logg-inn/",
    "/konto/registrer/",
    "/finnes-ikke/",
]
TITLE = re.compile(r"<title>(.+?) – Veier til samarbeid</title>", re.S)


@pytest.fixture
def operator(settings):
    settings.OPERATOR_NAME = "Digitaliseringsenheten i Eksempel kommune"
    settings.OPERATOR_EMAIL = "postmottak@kommune.example"
    settings.OPERATOR_PHONE = "12 34 56 78"
    settings.OPERATOR_ADDRESS = "Postboks 1, 0001 Eksempel"
    return settings


def pages_as(client, user=None):
    if user:
        client.force_login(user)
        yield "/min-side/", client.get("/min-side/")
        client.logout()  # the log-in and sign-up pages send a signed-in user on
    for path in PAGES:
        yield path, client.get(path)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_every_page_has_the_footer_statements_language_choice_favicon_and_site_name(client, operator, language):
    client.cookies[operator.LANGUAGE_COOKIE_NAME] = language
    user = User.objects.create_user("kari@example.no", "sommerfugl i vinden")
    for path, response in pages_as(client, user):
        html = response.content.decode()
        assert response.status_code in (200, 404), path
        footer = html[html.index('<footer class="site-footer">') :]
        assert "Digitaliseringsenheten i Eksempel kommune" in footer, path
        assert 'href="mailto:postmottak@kommune.example"' in footer, path
        assert 'href="tel:12345678"' in footer and "Postboks 1, 0001 Eksempel" in footer, path
        assert f'href="{reverse("privacy")}"' in footer and f'href="{reverse("accessibility")}"' in footer, path
        # The two other languages, as buttons named in their own language.
        assert footer.count('name="language"') == 2, path
        assert 'rel="icon" href="/static/favicon.svg"' in html, path
        assert TITLE.search(html), path


@pytest.mark.django_db
def test_an_operator_without_phone_or_address_shows_only_what_is_set(client, settings):
    settings.OPERATOR_NAME = "Drift AS"
    settings.OPERATOR_EMAIL = "drift@example.no"
    settings.OPERATOR_PHONE = ""
    settings.OPERATOR_ADDRESS = ""
    footer = client.get("/").content.decode().split('<footer class="site-footer">')[1]
    assert "Drift AS" in footer and "drift@example.no" in footer
    assert "tel:" not in footer and "Adresse:" not in footer


@pytest.mark.django_db
class TestPrivacyStatement:
    def test_it_says_what_is_kept_why_how_long_and_how_to_get_it(self, client, operator):
        html = client.get("/personvern/").content.decode()
        assert "<h1" in html and "Personvernerklæring" in html
        for kept in ["Kontoen din", "Medlemskap", "Kontaktpersoner", "Meldinger", "Mislykkede innlogginger"]:
            assert kept in html, kept
        assert html.count('data-label="Hvor lenge"') == 6  # every row says for how long
        assert "laste ned alt vi har lagret om deg" in html and "slette kontoen din" in html
        assert "Digitaliseringsenheten i Eksempel kommune driver portalen" in html
        assert 'href="mailto:postmottak@kommune.example"' in html

    def test_a_signed_in_user_is_sent_to_min_side(self, client):
        client.force_login(User.objects.create_user("kari@example.no", "sommerfugl i vinden"))
        assert f'href="{reverse("accounts:dashboard")}">Gå til Min side' in client.get("/personvern/").content.decode()

    def test_the_table_is_a_labelled_region_that_stacks_on_narrow_screens(self, client):
        html = client.get("/personvern/").content.decode()
        assert 'role="region" aria-labelledby="privacy-table-caption" tabindex="0"' in html
        assert 'class="ds-table stack-on-narrow"' in html


@pytest.mark.django_db
class TestAccessibilityStatement:
    def test_it_follows_the_uustatus_structure(self, client, operator, settings):
        settings.ACCESSIBILITY_CHECKED = "2026-11-30"
        html = client.get("/tilgjengelighet/").content.decode()
        headings = re.findall(r'<h2 class="ds-heading" data-size="sm" id="([a-z]+)">', html)
        assert headings == ["status", "avvik", "testing", "melde", "tilsyn"]
        assert "WCAG 2.1" in html and "oppfyller kravene delvis" in html
        assert "3.1.2" in html  # a known deviation, named by its success criterion
        assert 'href="mailto:postmottak@kommune.example"' in html  # where to report a barrier
        assert "Sist kontrollert 30. november 2026." in html

    def test_it_is_translated(self, client, settings):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        html = client.get("/tilgjengelighet/").content.decode()
        assert "Accessibility statement" in html and "Report a barrier" in html


@pytest.mark.django_db
def test_the_favicon_exists_and_favicon_ico_leads_to_it(client):
    assert finders.find("favicon.svg")
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/favicon.svg"


def test_a_deployment_without_the_operator_s_contact_is_warned(settings):
    settings.OPERATOR_NAME = ""
    settings.OPERATOR_EMAIL = ""
    ids = [message.id for message in run_checks(include_deployment_checks=True)]
    assert "veier.W001" in ids
    settings.OPERATOR_NAME = "Drift AS"
    settings.OPERATOR_EMAIL = "drift@example.no"
    assert "veier.W001" not in [message.id for message in run_checks(include_deployment_checks=True)]
