"""Downloads at /data/: CSV (semicolon and comma) and JSON with field descriptions, licence and date."""

import csv
import io
import json

import pytest

from opendata.datasets import DATASETS
from opendata.tests.conftest import SECRETS
from opendata.views import csv_row

pytestmark = pytest.mark.django_db


def _download(client, path: str, **params):
    response = client.get(path, params)
    assert response.status_code == 200, path
    return b"".join(response.streaming_content).decode("utf-8"), response


def _api_rows(client, slug: str, **params) -> list[dict]:
    return client.get(f"/api/v1/{slug}", {"per_side": 500, **params}).json()["resultater"]


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda dataset: dataset.slug)
@pytest.mark.parametrize(("extension", "delimiter"), [("csv", ";"), ("komma.csv", ",")])
def test_the_csv_reads_back_as_the_same_rows_as_the_api(client, open_data, dataset, extension, delimiter):
    text, response = _download(client, f"/data/{dataset.slug}.{extension}")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert text.startswith("\ufeff")  # so that spreadsheets read UTF-8
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=delimiter))
    names = [field.name for field in dataset.fields]
    assert rows[0] == names
    expected = [csv_row(row, names) for row in _api_rows(client, dataset.slug)]
    assert rows[1:] == expected
    assert expected, "the fixture has a public row in every dataset"


def test_multi_line_text_and_separators_survive_the_round_trip(client, open_data):
    demens = open_data["demens"]
    demens.description = 'Linje én; med "anførselstegn", komma\nog linje to'
    demens.save()
    text, _response = _download(client, "/data/entreprenorer.csv")
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";")
    by_slug = {row["kortnavn"]: row for row in reader}
    assert by_slug["demensvenn"]["beskrivelse"] == demens.description
    assert by_slug["demensvenn"]["kommuner"] == "5001"
    assert by_slug["demensvenn"]["tjenesteomrader"] == "eldreomsorg"


def test_the_json_carries_fields_licence_date_and_the_rows(client, open_data):
    text, response = _download(client, "/data/entreprenorer.json")
    data = json.loads(text)
    assert data["lisens"]["lenke"] == "https://data.norge.no/nlod/no/2.0"
    assert data["dato"][:4].isdigit()
    assert {field["navn"] for field in data["felter"]} >= {"kortnavn", "navn", "tjenesteomrader"}
    assert all(field["type"] and field["betydning"] for field in data["felter"])
    assert data["rader"] == _api_rows(client, "entreprenorer")
    assert response["Last-Modified"]
    assert 'rel="license"' in response["Link"]


def test_downloads_filter_like_the_pages_and_refuse_bad_filters(client, open_data):
    text, _response = _download(client, "/data/entreprenorer.json", omrade="eldreomsorg")
    assert [row["navn"] for row in json.loads(text)["rader"]] == ["Demensvenn"]
    response = client.get("/data/entreprenorer.csv", {"omrade": "ukjent"})
    assert response.status_code == 400
    assert list(response.json()["feil"]) == ["omrade"]


@pytest.mark.parametrize("path", ["/data/finnes-ikke.csv", "/data/entreprenorer.xlsx"])
def test_unknown_datasets_and_formats_are_404(client, path):
    assert client.get(path).status_code == 404


def test_nothing_private_appears_in_any_download(client, open_data):
    texts = []
    for dataset in DATASETS:
        for extension in ("csv", "komma.csv", "json"):
            texts.append(_download(client, f"/data/{dataset.slug}.{extension}")[0])
    text = "\n".join(texts)
    assert "Demensvenn" in text and "Synlig Rådgiver" in text
    for secret in SECRETS:
        assert secret not in text, secret


def test_the_data_page_describes_every_dataset_and_its_fields(client, open_data):
    response = client.get("/data/")
    assert response.status_code == 200
    content = response.content.decode()
    for dataset in DATASETS:
        assert f'id="{dataset.slug}"' in content
        assert f"/data/{dataset.slug}.csv" in content
        for field in dataset.fields:
            assert f"<code>{field.name}</code>" in content
    assert "NLOD" in content
    assert "/data/katalog.ttl" in content


def test_the_api_page_has_examples(client):
    response = client.get("/api/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "curl" in content and "/api/v1/openapi.json" in content
    assert "Retry-After" in content
