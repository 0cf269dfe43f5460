"""A fixture with public rows and private ones (drafts, hidden contacts, private needs, users'
e-mail addresses), and markers for everything that must never appear in the open data."""

import pytest
from django.core.cache import cache

from accounts.models import User
from directory.models import ContactPerson, OrganisationForm
from directory.tests import factories
from matchmaking import services
from matchmaking.models import Need

# Text that only private rows or fields carry. None of it may appear in an API answer or download.
SECRETS = [
    "Utkastbedriften",
    "Ventende Vekst",
    "Avvist Allianse",
    "utkast-tilbud-hemmelig",
    "Skjult Saksbehandler",
    "skjult@trondheim.kommune.no",
    "hemmelig.no",
    "forfatter@trondheim.kommune.no",
    "post@demensvenn.example",
    "Innloggede-behovet",
    "Utkast-behovet",
    "Lukket-behovet",
    "Upublisert bydel",
    "Hemmelig eksempel",
    "Avvist fordi",
]


@pytest.fixture(autouse=True)
def _empty_cache():
    # The throttle counts requests in the cache; each test starts with a full budget.
    cache.clear()
    yield
    cache.clear()


def _need(body, author, title, *, status=Need.Status.OPEN, visibility=Need.Visibility.PUBLIC):
    trondheim = factories.municipality("5001")
    data = {
        "title": title,
        "challenge": "Pårørende ringer mange ganger om dagen.",
        "effects": "Pårørende føler seg informert.",
        "service_areas": [factories.service_area("Eldreomsorg")],
        "target_groups": [],
        "collaboration_forms": [],
        "municipality": trondheim,
        "county": trondheim.county,
        "estimated_value": 450_000,
        "procurement_category": "helse-sosial",
        "contract_months": 12,
        "answer_deadline": None,
        "visibility": visibility,
    }
    need = services.need_create(body=body, author=author, data=data, publish=status != Need.Status.DRAFT)
    if status not in (Need.Status.DRAFT, Need.Status.OPEN):
        Need.objects.filter(pk=need.pk).update(status=status)
    return need


@pytest.fixture
def open_data(db):
    """Published rows with private neighbours. Returns the public objects by name."""
    elderly = factories.service_area("Eldreomsorg")
    youth = factories.target_group("Barn og unge")
    pilot = factories.collaboration_form("Pilotavtale")
    foundation, _ = OrganisationForm.objects.get_or_create(slug="stiftelse", defaults={"name": "Stiftelse"})
    trondheim = factories.municipality("5001")

    demens = factories.entrepreneur(
        "Demensvenn",
        orgnr="123456785",
        organisation_form=foundation,
        email="post@demensvenn.example",
        summary="Aktiviteter for personer med demens",
        rejection_reason="",
        municipalities=[trondheim],
        service_areas=[elderly],
    )
    factories.offer(demens, "Dagtilbud for personer med demens", collaboration_forms=[pilot], price="50 000 kr")
    factories.offer(demens, "utkast-tilbud-hemmelig", status="draft")
    ungdom = factories.entrepreneur("Ungdomsløftet", nationwide=True, target_groups=[youth])
    factories.entrepreneur("Utkastbedriften", status="draft", nationwide=True, service_areas=[elderly])
    factories.entrepreneur("Ventende Vekst", status="pending", nationwide=True)
    factories.entrepreneur("Avvist Allianse", status="rejected", rejection_reason="Avvist fordi", nationwide=True)

    body = factories.public_body("Trondheim kommune", municipality=trondheim, email_domains=["hemmelig.no"])
    factories.public_body("Upublisert bydel", status="draft", parent=body)
    visible = ContactPerson.objects.create(
        public_body=body, name="Synlig Rådgiver", email="synlig@trondheim.kommune.no", consent_public=True
    )
    visible.service_areas.set([elderly])
    ContactPerson.objects.create(
        public_body=body, name="Skjult Saksbehandler", email="skjult@trondheim.kommune.no", consent_public=False
    )
    factories.case("Demens i Trondheim", public_bodies=[body], entrepreneurs=[demens], service_areas=[elderly])
    factories.case("Hemmelig eksempel", status="draft", public_bodies=[body])

    author = User.objects.create_user("forfatter@trondheim.kommune.no", "sommerfugl i vinden", name="Forfatter")
    public_need = _need(body, author, "Tryggere pårørende")
    _need(body, author, "Innloggede-behovet", visibility=Need.Visibility.SIGNED_IN)
    _need(body, author, "Utkast-behovet", status=Need.Status.DRAFT)
    _need(body, author, "Lukket-behovet", status=Need.Status.CLOSED)
    return {"demens": demens, "ungdom": ungdom, "body": body, "need": public_need}
