"""The DCAT-AP-NO catalogue, validated against the official SHACL shapes (opendata/shapes/)."""

from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, RDF

pytestmark = pytest.mark.django_db

SHAPES = Path(__file__).resolve().parent.parent / "shapes" / "DCAT-AP-NO-shacl_shapes_2.00.ttl"


def _catalogue(client) -> Graph:
    response = client.get("/data/katalog.ttl")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/turtle; charset=utf-8"
    return Graph().parse(data=response.content.decode(), format="turtle")


def test_the_catalogue_passes_the_dcat_ap_no_shapes(client, open_data):
    shapes = Graph().parse(SHAPES, format="turtle")
    conforms, _report, text = pyshacl.validate(_catalogue(client), shacl_graph=shapes, inference="none")
    assert conforms, text


def test_a_catalogue_missing_a_mandatory_property_fails_the_same_shapes(client, open_data):
    graph = _catalogue(client)
    dataset = next(graph.subjects(RDF.type, DCAT.Dataset))
    graph.remove((dataset, DCAT.theme, None))
    shapes = Graph().parse(SHAPES, format="turtle")
    conforms, _report, text = pyshacl.validate(graph, shacl_graph=shapes, inference="none")
    assert not conforms
    assert "dcat:theme" in text


def test_every_dataset_is_described_in_bokmal_and_english_with_downloads_and_licence(client, open_data):
    graph = _catalogue(client)
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == 6
    for dataset in datasets:
        titles = {title.language: str(title) for title in graph.objects(dataset, DCTERMS.title)}
        assert set(titles) == {"nb", "en"} and titles["nb"] != titles["en"]
        distributions = list(graph.objects(dataset, DCAT.distribution))
        assert len(distributions) == 4
        for distribution in distributions:
            assert graph.value(distribution, DCTERMS.license) == URIRef(
                "http://publications.europa.eu/resource/authority/licence/NLOD_2_0"
            )
            assert graph.value(distribution, DCAT.accessURL) is not None
    service = next(graph.subjects(RDF.type, DCAT.DataService))
    assert str(graph.value(service, DCAT.endpointDescription)).endswith("/api/v1/openapi.json")


def test_the_publisher_is_the_organisation_catalogue_uri_when_the_orgnr_is_set(client, open_data, settings):
    settings.OPEN_DATA_PUBLISHER_ORGNR = "123456785"
    graph = _catalogue(client)
    catalogue = next(graph.subjects(RDF.type, DCAT.Catalog))
    assert graph.value(catalogue, DCTERMS.publisher) == URIRef(
        "https://organization-catalog.fellesdatakatalog.digdir.no/organizations/123456785"
    )


def test_the_json_ld_says_the_same(client, open_data):
    response = client.get("/data/katalog.jsonld")
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    assert isomorphic(Graph().parse(data=response.content.decode(), format="json-ld"), _catalogue(client))
