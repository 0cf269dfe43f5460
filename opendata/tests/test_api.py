"""The read API: each endpoint with filters, pages, 304, 429, bad parameters, CORS, privacy and
query counts."""

import json
from email.utils import format_datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.models import SocialEntrepreneur
from directory.tests import factories
from opendata.tests.conftest import SECRETS

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/entreprenorer",
    "/api/v1/tilbud",
    "/api/v1/virksomheter",
    "/api/v1/eksempler",
    "/api/v1/behov",
    "/api/v1/terskelverdier",
]


def _results(client, url, **params) -> list[dict]:
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()["resultater"]


def _names(client, url, key="navn", **params) -> list[str]:
    return [row[key] for row in _results(client, url, **params)]


class TestEndpoints:
    def test_only_published_entrepreneurs_with_their_public_fields(self, client, open_data):
        rows = _results(client, "/api/v1/entreprenorer")
        assert [row["navn"] for row in rows] == ["Demensvenn", "Ungdomsløftet"]
        demens = rows[0]
        assert demens["kortnavn"] == "demensvenn"
        assert demens["organisasjonsnummer"] == "123456785"
        assert demens["organisasjonsform"] == {"kortnavn": "stiftelse", "navn": "Stiftelse"}
        assert demens["kommuner"] == [{"nummer": "5001", "navn": "Trondheim"}]
        assert demens["tjenesteomrader"] == [{"kortnavn": "eldreomsorg", "navn": "Eldreomsorg"}]
        assert demens["lenke"] == "http://testserver/entreprenorer/demensvenn/"
        assert "e_post" not in demens and "email" not in demens

    def test_one_entrepreneur_with_published_offers_and_cases(self, client, open_data):
        data = client.get("/api/v1/entreprenorer/demensvenn").json()
        assert [offer["tittel"] for offer in data["tilbud"]] == ["Dagtilbud for personer med demens"]
        assert data["tilbud"][0]["samarbeidsformer"] == [{"kortnavn": "pilotavtale", "navn": "Pilotavtale"}]
        assert data["eksempler"] == [{"kortnavn": "demens-i-trondheim", "tittel": "Demens i Trondheim"}]

    @pytest.mark.parametrize("slug", ["utkastbedriften", "ventende-vekst", "finnes-ikke"])
    def test_unpublished_or_unknown_entrepreneurs_are_404(self, client, open_data, slug):
        response = client.get(f"/api/v1/entreprenorer/{slug}")
        assert response.status_code == 404
        assert response["Content-Type"].startswith("application/json")

    def test_offers_bodies_cases_needs_and_thresholds(self, client, open_data):
        assert _names(client, "/api/v1/tilbud", key="tittel") == ["Dagtilbud for personer med demens"]
        bodies = _results(client, "/api/v1/virksomheter")
        assert [body["navn"] for body in bodies] == ["Trondheim kommune"]
        assert bodies[0]["kontaktpersoner"] == [
            {
                "navn": "Synlig Rådgiver",
                "stilling": "",
                "e_post": "synlig@trondheim.kommune.no",
                "telefon": "",
                "tjenesteomrader": [{"kortnavn": "eldreomsorg", "navn": "Eldreomsorg"}],
            }
        ]
        assert _names(client, "/api/v1/eksempler", key="tittel") == ["Demens i Trondheim"]
        needs = _results(client, "/api/v1/behov")
        assert [need["tittel"] for need in needs] == ["Tryggere pårørende"]
        assert needs[0]["virksomhet"] == {"kortnavn": "trondheim-kommune", "navn": "Trondheim kommune"}
        periods = _results(client, "/api/v1/terskelverdier")
        assert periods[0]["gjelder_fra"] == "2017-01-01"
        assert {"nedre_grense", "nasjonal_terskelverdi", "eos_helse_sosial"} <= set(periods[0])

    def test_the_procurement_regime_endpoint_still_answers(self, client):
        response = client.get(
            "/api/v1/anskaffelser/regime",
            {"verdi": "1 300 000", "oppdragsgiver": "kommunal", "kategori": "varer-tjenester", "dato": "2024-05-01"},
        )
        assert response.status_code == 200
        assert response.json()["regime"] == "del-2"


class TestFilters:
    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({"omrade": "eldreomsorg"}, ["Demensvenn"]),
            ({"malgruppe": "barn-og-unge"}, ["Ungdomsløftet"]),
            ({"samarbeidsform": "pilotavtale"}, ["Demensvenn"]),
            ({"organisasjonsform": "stiftelse"}, ["Demensvenn"]),
            ({"kommune": "5001"}, ["Demensvenn", "Ungdomsløftet"]),
            ({"kommune": "0301"}, ["Ungdomsløftet"]),
            ({"fylke": "50", "omrade": "eldreomsorg"}, ["Demensvenn"]),
            ({"q": "demens"}, ["Demensvenn"]),
        ],
    )
    def test_entrepreneur_filters_are_the_pages_filters(self, client, open_data, params, expected):
        assert _names(client, "/api/v1/entreprenorer", **params) == expected
        page = client.get("/entreprenorer/", params)
        assert [entrepreneur.name for entrepreneur in page.context["page"].object_list] == expected

    def test_other_lists_filter_like_their_pages(self, client, open_data):
        assert _names(client, "/api/v1/virksomheter", type="bydel") == []
        assert _names(client, "/api/v1/virksomheter", fylke="50") == ["Trondheim kommune"]
        assert _names(client, "/api/v1/eksempler", key="tittel", virksomhet="trondheim-kommune") == [
            "Demens i Trondheim"
        ]
        assert _names(client, "/api/v1/behov", key="tittel", kommune="oslo") == []
        assert _names(client, "/api/v1/behov", key="tittel", kommune="trondheim") == ["Tryggere pårørende"]
        assert _names(client, "/api/v1/tilbud", key="tittel", entreprenor=open_data["ungdom"].slug) == []
        assert _names(client, "/api/v1/tilbud", key="tittel", entreprenor="demensvenn") == [
            "Dagtilbud for personer med demens"
        ]

    @pytest.mark.parametrize(
        ("url", "params", "parameter", "text"),
        [
            ("/api/v1/entreprenorer", {"omrade": "ukjent"}, "omrade", "ukjent"),
            ("/api/v1/entreprenorer", {"kommune": "9999", "omrade": "eldreomsorg"}, "kommune", "9999"),
            ("/api/v1/entreprenorer", {"sortering": "pris"}, "sortering", "relevans eller navn"),
            ("/api/v1/virksomheter", {"type": "kongehus"}, "type", "kongehus"),
            ("/api/v1/eksempler", {"virksomhet": "finnes-ikke"}, "virksomhet", "finnes-ikke"),
            ("/api/v1/behov", {"fylke": "atlantis"}, "fylke", "atlantis"),
            ("/api/v1/tilbud", {"side": "0"}, "side", "helt tall"),
            ("/api/v1/terskelverdier", {"per_side": "mange"}, "per_side", "helt tall"),
        ],
    )
    def test_a_bad_parameter_is_answered_400_naming_it(self, client, open_data, url, params, parameter, text):
        response = client.get(url, params)
        assert response.status_code == 400
        errors = response.json()["feil"]
        assert list(errors) == [parameter]
        assert text in errors[parameter][0]["melding"]

    def test_nul_bytes_and_huge_input_never_fail(self, client, open_data):
        assert client.get("/api/v1/entreprenorer", {"q": "demens " + "x" * 20_000}).status_code == 200
        nul = client.get("/api/v1/entreprenorer", {"q": "demens\x00"})
        assert nul.status_code == 400
        assert list(nul.json()["feil"]) == ["q"]
        assert client.get("/api/v1/entreprenorer", {"omrade": "\x00"}).status_code == 400


class TestPages:
    def test_pages_follow_next_links_to_the_end(self, client, open_data):
        for number in range(3):
            factories.entrepreneur(f"Ekstra {number}", nationwide=True)
        seen, url, links = [], "/api/v1/entreprenorer?per_side=2", []
        while url:
            response = client.get(url)
            data = response.json()
            assert data["antall"] == 5
            seen += [row["navn"] for row in data["resultater"]]
            links.append(response["Link"])
            url = data["neste"]
        assert seen == ["Demensvenn", "Ekstra 0", "Ekstra 1", "Ekstra 2", "Ungdomsløftet"]
        assert 'rel="next"' in links[0] and 'rel="next"' not in links[-1]
        assert "side=2" in links[0]

    def test_a_page_past_the_end_is_404(self, client, open_data):
        assert client.get("/api/v1/entreprenorer", {"side": "99"}).status_code == 404


class TestConditionalRequests:
    def test_an_unchanged_answer_is_304_and_a_change_gives_200_again(self, client, open_data):
        first = client.get("/api/v1/entreprenorer")
        etag, modified = first["ETag"], first["Last-Modified"]
        assert etag and modified
        again = client.get("/api/v1/entreprenorer", HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304
        assert again.content == b""
        assert client.get("/api/v1/entreprenorer", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304

        SocialEntrepreneur.objects.filter(slug="demensvenn").update(
            summary="Nytt sammendrag", updated=timezone.now() + timezone.timedelta(seconds=5)
        )
        changed = client.get("/api/v1/entreprenorer", HTTP_IF_NONE_MATCH=etag)
        assert changed.status_code == 200
        assert changed["ETag"] != etag
        later = format_datetime(timezone.now() - timezone.timedelta(days=1), usegmt=True)
        assert client.get("/api/v1/entreprenorer", HTTP_IF_MODIFIED_SINCE=later).status_code == 200


class TestLimits:
    def test_each_client_gets_its_budget_then_429_with_retry_after(self, client, open_data, settings):
        settings.API_THROTTLE_RATE = "3/minute"
        for _ in range(3):
            assert client.get("/api/v1/terskelverdier").status_code == 200
        refused = client.get("/api/v1/terskelverdier")
        assert refused.status_code == 429
        assert 0 < int(refused["Retry-After"]) <= 60
        # Another client (IP address) still has its own budget; X-Forwarded-For cannot fake one.
        assert client.get("/api/v1/terskelverdier", REMOTE_ADDR="10.0.0.2").status_code == 200
        assert client.get("/api/v1/terskelverdier", HTTP_X_FORWARDED_FOR="10.9.9.9").status_code == 429


class TestCors:
    def test_other_sites_may_read_the_api_but_not_the_pages(self, client, open_data):
        response = client.get("/api/v1/entreprenorer", HTTP_ORIGIN="https://kommune.example")
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "ETag" in response["Access-Control-Expose-Headers"]
        preflight = client.options(
            "/api/v1/entreprenorer", HTTP_ORIGIN="https://kommune.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
        )
        assert "GET" in preflight["Access-Control-Allow-Methods"]
        assert "POST" not in preflight["Access-Control-Allow-Methods"]
        page = client.get("/entreprenorer/", HTTP_ORIGIN="https://kommune.example")
        assert "Access-Control-Allow-Origin" not in page

    def test_writing_is_not_allowed(self, client, open_data):
        assert client.post("/api/v1/entreprenorer", {}).status_code == 405


class TestLanguage:
    def test_accept_language_chooses_the_language_of_the_answer(self, client, open_data):
        assert client.get("/api/v1/terskelverdier", HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "en"
        response = client.get("/api/v1/entreprenorer", {"omrade": "ukjent"}, HTTP_ACCEPT_LANGUAGE="en")
        assert "service area" in response.json()["feil"]["omrade"][0]["melding"]
        assert client.get("/api/v1/terskelverdier")["Content-Language"] == "nb"


def test_nothing_private_appears_in_any_answer(client, open_data):
    bodies = [client.get(url, {"per_side": 500}).content.decode() for url in LISTS]
    bodies.append(client.get("/api/v1/entreprenorer/demensvenn").content.decode())
    text = "\n".join(bodies)
    assert "Demensvenn" in text and "Synlig Rådgiver" in text  # the public rows are there
    for secret in SECRETS:
        assert secret not in text, secret


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", [*LISTS, "/api/v1/entreprenorer?omrade=eldreomsorg&kommune=5001&q=demens"])
def test_list_queries_do_not_grow_with_rows(client, open_data, url):
    def more(count):
        for _ in range(count):
            demens = factories.entrepreneur(
                summary="demens", nationwide=True, service_areas=[factories.service_area("Eldreomsorg")]
            )
            factories.offer(demens, "Tilbud om demens", collaboration_forms=[factories.collaboration_form()])
            body = factories.public_body(municipality=factories.municipality("5001"))
            factories.case(public_bodies=[body], entrepreneurs=[demens])

    more(2)
    _queries(client, url)  # fills the cache of place options, as any earlier visitor would have
    few = _queries(client, url)
    more(6)
    assert _queries(client, url) == few


def test_the_openapi_document_is_valid_3_1_and_describes_every_endpoint(client):
    from openapi_spec_validator import validate

    spec = client.get("/api/v1/openapi.json").json()
    validate(spec)
    assert spec["openapi"].startswith("3.1")
    assert set(spec["paths"]) >= {f"{url}" for url in LISTS} | {"/api/v1/entreprenorer/{slug}"}
    parameters = {parameter["name"] for parameter in spec["paths"]["/api/v1/entreprenorer"]["get"]["parameters"]}
    assert parameters >= {"q", "omrade", "malgruppe", "fylke", "kommune", "samarbeidsform", "side", "per_side"}


@pytest.mark.parametrize("url", [*LISTS, "/api/v1/entreprenorer/demensvenn"])
def test_the_answers_match_the_openapi_document(client, open_data, url):
    from jsonschema import Draft202012Validator

    spec = client.get("/api/v1/openapi.json").json()
    template = url.replace("demensvenn", "{slug}")
    schema = spec["paths"][template]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    validator = Draft202012Validator({**schema, "components": spec["components"]})
    data = json.loads(client.get(url).content)
    errors = [error.message for error in validator.iter_errors(data)]
    assert errors == []

    # Every field of an answer is documented (nothing extra slips out unnoticed).
    def component(reference: str) -> dict:
        return spec["components"]["schemas"][reference.rsplit("/", 1)[1]]

    document = component(schema["$ref"]) if "$ref" in schema else schema
    if "resultater" in document["properties"]:
        document = component(document["properties"]["resultater"]["items"]["$ref"])
    rows = data.get("resultater", [data])
    documented = set(document["properties"])
    for row in rows:
        assert set(row) == documented
