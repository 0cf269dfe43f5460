"""schema.org JSON-LD on entrepreneur and public-body pages."""

import json
import re

import pytest

from directory.tests import factories

pytestmark = pytest.mark.django_db


def _json_ld(response) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_an_entrepreneur_page_describes_the_organisation(client, open_data):
    data = _json_ld(client.get("/entreprenorer/demensvenn/"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Demensvenn"
    assert data["url"] == "http://testserver/entreprenorer/demensvenn/"
    assert data["iso6523Code"] == "0192:123456785"
    assert data["areaServed"] == [
        {"@type": "AdministrativeArea", "name": "Trondheim", "identifier": "5001", "additionalType": "kommune"}
    ]
    assert [offer["itemOffered"]["name"] for offer in data["makesOffer"]] == ["Dagtilbud for personer med demens"]


def test_nationwide_and_without_orgnr(client, open_data):
    data = _json_ld(client.get(open_data["ungdom"].get_absolute_url()))
    assert data["areaServed"] == [{"@type": "Country", "name": "Norge", "identifier": "NO"}]
    assert "iso6523Code" not in data
    assert data["makesOffer"] == []


def test_a_public_body_page_describes_the_body(client, open_data):
    data = _json_ld(client.get("/virksomheter/trondheim-kommune/"))
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Trondheim kommune"
    assert data["areaServed"][0]["identifier"] == "5001"


def test_text_typed_by_users_cannot_break_out_of_the_script(client, db):
    entrepreneur = factories.entrepreneur("Farlig </script><script>alert(1)</script>", nationwide=True)
    response = client.get(entrepreneur.get_absolute_url())
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()
    assert _json_ld(response)["name"] == "Farlig </script><script>alert(1)</script>"
