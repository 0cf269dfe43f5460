"""The JSON API's text follows the reader's language: Accept-Language (programs have no cookie)."""

import pytest
from django.conf import settings

URL = "/api/v1/anskaffelser/regime?verdi=300000&oppdragsgiver=kommune&kategori=helse-sosial"

pytestmark = pytest.mark.django_db


def message(client, **headers) -> str:
    response = client.get(URL, **headers)
    assert response.status_code == 400
    return response.json()["feil"]["oppdragsgiver"][0]["melding"]


def test_the_api_answers_in_the_language_the_program_asks_for(client):
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")
    assert response.headers["Content-Language"] == "en"
    assert "Accept-Language" in response.headers["Vary"]
    assert "is not a known type of contracting authority" in message(client, HTTP_ACCEPT_LANGUAGE="en")
    assert message(client, HTTP_ACCEPT_LANGUAGE="nn") != message(client, HTTP_ACCEPT_LANGUAGE="nb")


def test_without_a_choice_the_api_answers_in_bokmal(client):
    assert message(client).startswith("«kommune» er ikke en kjent oppdragsgiver")


def test_the_language_cookie_wins_over_the_header(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nb"
    assert message(client, HTTP_ACCEPT_LANGUAGE="en").startswith("«kommune» er ikke")


def test_pages_ignore_the_browser_s_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.headers["Content-Language"] == "nb"
    assert '<html lang="nb"' in response.content.decode()
