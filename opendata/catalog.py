"""The DCAT-AP-NO catalogue of the open data (/data/katalog.ttl and /data/katalog.jsonld).

It describes the catalogue, each dataset (opendata/datasets.py) with its downloads as
distributions, and the read API as a data service, with the mandatory properties of DCAT-AP-NO:
title and description in bokmål and English, the publisher as an organisation URI, a contact point,
a theme from the EU data-theme list, access URLs, the licence (NLOD 2.0) and formats.
opendata/tests/test_catalog.py validates it against the DCAT-AP-NO SHACL shapes (opendata/shapes/).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from opendata.datasets import DATASETS

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
# EU vocabularies (publications.europa.eu authority tables) that DCAT-AP-NO uses.
EU_AUTHORITY = "http://publications.europa.eu/resource/authority/"
NLOD = URIRef(EU_AUTHORITY + "licence/NLOD_2_0")
NLOD_TEXT = URIRef("https://data.norge.no/nlod/no/2.0")
EU_THEME = Namespace("http://publications.europa.eu/resource/authority/data-theme/")
EU_FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
EU_LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")
EU_ACCESS_RIGHT = Namespace("http://publications.europa.eu/resource/authority/access-right/")
ORGANISATION_CATALOGUE = "https://organization-catalog.fellesdatakatalog.digdir.no/organizations/"
MEDIA_TYPES = {
    "csv": URIRef("https://www.iana.org/assignments/media-types/text/csv"),
    "json": URIRef("https://www.iana.org/assignments/media-types/application/json"),
}
FILE_TYPES = {"csv": EU_FILE_TYPE.CSV, "json": EU_FILE_TYPE.JSON}
# Society (SOCI) for who does what for whom; government (GOVE) for public bodies, needs, thresholds.
THEMES = {
    "entreprenorer": [EU_THEME.SOCI],
    "tilbud": [EU_THEME.SOCI],
    "virksomheter": [EU_THEME.GOVE],
    "eksempler": [EU_THEME.SOCI, EU_THEME.GOVE],
    "behov": [EU_THEME.GOVE],
    "terskelverdier": [EU_THEME.GOVE, EU_THEME.ECON],
}


def _both(text) -> list[Literal]:
    """The text in bokmål and in English, as language-tagged literals."""
    literals = []
    for language, tag in (("nb", "nb"), ("en", "en")):
        with translation.override(language):
            literals.append(Literal(str(text), lang=tag))
    return literals


def _in_scheme(graph: Graph, concept: URIRef) -> URIRef:
    """State which EU authority table a concept belongs to (the DCAT-AP-NO shapes check it, and
    harvesters need not look it up)."""
    scheme = URIRef(str(concept).rsplit("/", 1)[0])
    graph.add((concept, SKOS.inScheme, scheme))
    return concept


def publisher_uri(base: str) -> URIRef:
    """The organisation that publishes the data: its entry in the national organisation catalogue
    when OPEN_DATA_PUBLISHER_ORGNR is set, otherwise the portal itself."""
    orgnr = settings.OPEN_DATA_PUBLISHER_ORGNR
    return URIRef(ORGANISATION_CATALOGUE + orgnr) if orgnr else URIRef(base + "/#utgiver")


def build_catalogue(base: str) -> Graph:
    """The catalogue as an RDF graph; `base` is the site's address without a trailing slash."""
    from django.utils.translation import gettext_lazy as _

    graph = Graph()
    graph.bind("dcat", DCAT)
    graph.bind("dct", DCTERMS)
    graph.bind("foaf", FOAF)
    graph.bind("vcard", VCARD)
    for concept in (NLOD, EU_ACCESS_RIGHT.PUBLIC, EU_LANGUAGE.NOB, *FILE_TYPES.values()):
        _in_scheme(graph, concept)
    for themes in THEMES.values():
        for theme in themes:
            _in_scheme(graph, theme)
    graph.add((NLOD, RDFS.seeAlso, NLOD_TEXT))

    catalogue = URIRef(base + reverse("opendata:catalogue-ttl"))
    publisher = publisher_uri(base)
    contact = URIRef(base + reverse("opendata:data") + "#kontakt")
    api = URIRef(base + reverse("opendata:api"))

    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal(settings.OPEN_DATA_PUBLISHER_NAME, lang="nb")))
    if settings.OPEN_DATA_PUBLISHER_ORGNR:
        graph.add((publisher, DCTERMS.identifier, Literal(settings.OPEN_DATA_PUBLISHER_ORGNR)))

    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD["organization-name"], Literal(settings.OPEN_DATA_PUBLISHER_NAME, lang="nb")))
    graph.add((contact, VCARD.hasURL, URIRef(base + reverse("opendata:data"))))
    if settings.OPEN_DATA_CONTACT_EMAIL:
        graph.add((contact, VCARD.hasEmail, URIRef("mailto:" + settings.OPEN_DATA_CONTACT_EMAIL)))

    graph.add((catalogue, RDF.type, DCAT.Catalog))
    graph.add((catalogue, DCTERMS.identifier, Literal(str(catalogue))))
    for literal in _both(_("Veier til samarbeid – åpne data")):
        graph.add((catalogue, DCTERMS.title, literal))
    for literal in _both(
        _(
            "Sosiale entreprenører, deres tilbud, offentlige virksomheter og kontaktpersoner, samarbeidseksempler, "
            "åpne behov og terskelverdier for offentlige anskaffelser, fra portalen Veier til samarbeid."
        )
    ):
        graph.add((catalogue, DCTERMS.description, literal))
    graph.add((catalogue, DCTERMS.publisher, publisher))
    graph.add((catalogue, DCTERMS.license, NLOD))
    graph.add((catalogue, DCTERMS.language, EU_LANGUAGE.NOB))
    graph.add((catalogue, FOAF.homepage, URIRef(base + "/")))

    # The read API as a data service.
    graph.add((api, RDF.type, DCAT.DataService))
    graph.add((api, DCTERMS.identifier, Literal(str(api))))
    for literal in _both(_("Lese-API for åpne data fra Veier til samarbeid")):
        graph.add((api, DCTERMS.title, literal))
    for literal in _both(_("JSON med filtre, sider, ETag og OpenAPI 3.1-beskrivelse.")):
        graph.add((api, DCTERMS.description, literal))
    graph.add((api, DCAT.endpointURL, URIRef(base + "/api/v1/")))
    graph.add((api, DCAT.endpointDescription, URIRef(base + reverse("opendata:openapi"))))
    graph.add((api, DCTERMS.publisher, publisher))
    graph.add((api, DCAT.contactPoint, contact))
    graph.add((api, DCTERMS.license, NLOD))
    graph.add((api, DCTERMS["format"], FILE_TYPES["json"]))
    graph.add((catalogue, DCAT.service, api))

    for dataset in DATASETS:
        node = URIRef(base + reverse("opendata:data") + "#" + dataset.slug)
        graph.add((catalogue, DCAT.dataset, node))
        graph.add((node, RDF.type, DCAT.Dataset))
        graph.add((node, DCTERMS.identifier, Literal(str(node))))
        for literal in _both(dataset.title):
            graph.add((node, DCTERMS.title, literal))
        for literal in _both(dataset.description):
            graph.add((node, DCTERMS.description, literal))
        for keyword in dataset.keywords:
            for literal in _both(keyword):
                graph.add((node, DCAT.keyword, literal))
        for theme in THEMES[dataset.slug]:
            graph.add((node, DCAT.theme, theme))
        graph.add((node, DCTERMS.publisher, publisher))
        graph.add((node, DCAT.contactPoint, contact))
        graph.add((node, DCTERMS.accessRights, EU_ACCESS_RIGHT.PUBLIC))
        graph.add((node, DCTERMS.language, EU_LANGUAGE.NOB))
        graph.add((node, DCAT.landingPage, URIRef(base + reverse("opendata:data") + "#" + dataset.slug)))
        graph.add((api, DCAT.servesDataset, node))
        modified = dataset.last_modified()
        if modified:
            graph.add((node, DCTERMS.modified, Literal(modified.date().isoformat(), datatype=XSD.date)))
        for extension, label, media in (
            ("csv", _("CSV, semikolondelt (UTF-8)"), "csv"),
            ("komma.csv", _("CSV, kommadelt (UTF-8)"), "csv"),
            ("json", _("JSON med feltbeskrivelser"), "json"),
        ):
            url = URIRef(base + reverse("opendata:download", args=[dataset.slug, extension]))
            distribution = BNode()
            graph.add((node, DCAT.distribution, distribution))
            graph.add((distribution, RDF.type, DCAT.Distribution))
            for literal in _both(label):
                graph.add((distribution, DCTERMS.title, literal))
                graph.add((distribution, DCTERMS.description, literal))
            graph.add((distribution, DCAT.accessURL, url))
            graph.add((distribution, DCAT.downloadURL, url))
            graph.add((distribution, DCTERMS.license, NLOD))
            graph.add((distribution, DCTERMS["format"], FILE_TYPES[media]))
            graph.add((distribution, DCAT.mediaType, MEDIA_TYPES[media]))
        api_distribution = BNode()
        graph.add((node, DCAT.distribution, api_distribution))
        graph.add((api_distribution, RDF.type, DCAT.Distribution))
        for literal in _both(_("Lese-API (JSON)")):
            graph.add((api_distribution, DCTERMS.title, literal))
        graph.add((api_distribution, DCAT.accessURL, URIRef(base + "/api/v1/" + dataset.slug)))
        graph.add((api_distribution, DCAT.accessService, api))
        graph.add((api_distribution, DCTERMS.license, NLOD))
        graph.add((api_distribution, DCTERMS["format"], FILE_TYPES["json"]))
    return graph
