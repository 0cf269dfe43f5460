"""Personas and data for the matchmaking tests.

A public body (Trondheim kommune) with two approved members, the owner and a colleague; an outsider
who is a member of another body; an entrepreneur member whose entrepreneur offers care for people
with dementia in Trondheim; another entrepreneur member; a curator.
"""

import re
from html import unescape

import pytest

from accounts.models import BodyMembership, EntrepreneurMembership, User
from directory.tests import factories
from matchmaking import services
from matchmaking.models import Need
from veier.testing import grant

PASSWORD = "sommerfugl i vinden"
SITE_URL = "https://veier.test"


def make_user(email: str, name: str = "", **fields) -> User:
    return User.objects.create_user(email, PASSWORD, name=name, **fields)


def join_body(user, body, status=BodyMembership.Status.APPROVED):
    return BodyMembership.objects.create(user=user, public_body=body, status=status)


def join_entrepreneur(user, entrepreneur, status=EntrepreneurMembership.Status.APPROVED):
    return EntrepreneurMembership.objects.create(user=user, entrepreneur=entrepreneur, status=status)


def need_data(**overrides) -> dict:
    """Cleaned data for a need about dementia care in Trondheim."""
    trondheim = factories.municipality("5001")
    data = {
        "title": "Tryggere pårørende i demensomsorgen",
        "challenge": "Pårørende til beboere med demens ringer sykehjemmet mange ganger om dagen.",
        "effects": "Pårørende føler seg informert, og de ansatte bruker mindre tid i telefonen.",
        "service_areas": [factories.service_area("Eldreomsorg")],
        "target_groups": [factories.target_group("Personer med demens")],
        "collaboration_forms": [factories.collaboration_form("Pilotavtale")],
        "municipality": trondheim,
        "county": trondheim.county,
        "estimated_value": 450_000,
        "procurement_category": "helse-sosial",
        "contract_months": 12,
        "answer_deadline": None,
        "visibility": Need.Visibility.PUBLIC,
    }
    data.update(overrides)
    return data


def make_need(body, author=None, *, status=Need.Status.OPEN, **overrides) -> Need:
    need = services.need_create(body=body, author=author, data=need_data(**overrides), publish=status != "draft")
    if status not in (Need.Status.DRAFT, Need.Status.OPEN):
        Need.objects.filter(pk=need.pk).update(status=status)
        need.refresh_from_db()
    return need


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE_URL


@pytest.fixture
def body(db):
    return factories.public_body("Trondheim kommune", municipality=factories.municipality("5001"))


@pytest.fixture
def other_body(db):
    return factories.public_body("Bodø kommune", municipality=factories.municipality("1804"))


@pytest.fixture
def owner(body):
    user = make_user("kari@trondheim.kommune.no", "Kari Kommune")
    join_body(user, body)
    return user


@pytest.fixture
def colleague(body):
    user = make_user("ola@trondheim.kommune.no", "Ola Kollega")
    join_body(user, body)
    return user


@pytest.fixture
def outsider(other_body):
    user = make_user("per@bodo.kommune.no", "Per Utenfor")
    join_body(user, other_body)
    return user


@pytest.fixture
def curator(db):
    # A curator of needs: sees and changes any need and reads dialogues (but never writes in them).
    curator = make_user("kurator@veier.test", "Kari Kurator", is_staff=True)
    return grant(curator, "matchmaking.view_need", "matchmaking.change_need", "matchmaking.view_interest")


@pytest.fixture
def entrepreneur(db):
    """A published entrepreneur with an offer for families of people with dementia in Trondheim."""
    obj = factories.entrepreneur(
        "Omsorgsappen AS",
        summary="Digital kontakt mellom sykehjem og pårørende.",
        municipalities=[factories.municipality("5001")],
        service_areas=[factories.service_area("Eldreomsorg")],
        target_groups=[factories.target_group("Personer med demens")],
    )
    offer = factories.offer(
        obj,
        "Kontakt med pårørende til personer med demens",
        description="En løsning som gir pårørende beskjed fra sykehjemmet.",
        collaboration_forms=[factories.collaboration_form("Pilotavtale")],
    )
    offer.service_areas.set([factories.service_area("Eldreomsorg")])
    offer.target_groups.set([factories.target_group("Personer med demens")])
    return obj


@pytest.fixture
def other_entrepreneur(db):
    return factories.entrepreneur(
        "Ungdomsløftet",
        summary="Arbeidstrening for unge.",
        nationwide=True,
        service_areas=[factories.service_area("Arbeidsinkludering")],
    )


@pytest.fixture
def entrepreneur_member(entrepreneur):
    user = make_user("siri@omsorgsappen.no", "Siri Gründer")
    join_entrepreneur(user, entrepreneur)
    return user


@pytest.fixture
def other_entrepreneur_member(other_entrepreneur):
    user = make_user("jon@ungdomsloftet.no", "Jon Ung")
    join_entrepreneur(user, other_entrepreneur)
    return user


@pytest.fixture
def need(body, owner):
    return make_need(body, owner)


# --- Reading pages ----------------------------------------------------------------------------------


def html_of(response) -> str:
    return response.content.decode()


def field_error(response, field_id: str) -> str:
    """The error message shown beside the field with this id, as text ('' if none)."""
    match = re.search(rf'<(p|div)[^>]*id="{field_id}_error"[^>]*>(.*?)</\1>', html_of(response), re.S)
    return unescape(re.sub(r"<[^>]+>", " ", match.group(2))).strip() if match else ""


def error_summary(response) -> str:
    match = re.search(r'<div class="ds-error-summary".*?</ul>', html_of(response), re.S)
    return unescape(re.sub(r"<[^>]+>", " ", match.group(0))) if match else ""


def assert_error_shown(response, field_id: str, message: str) -> None:
    """The message is beside the field and in the summary at the top, which links to the field."""
    assert response.status_code == 200
    assert message in field_error(response, field_id), (field_id, field_error(response, field_id))
    assert message in error_summary(response), error_summary(response)
    assert f'href="#{field_id}' in html_of(response)


def site_paths(text: str) -> list[str]:
    """The paths of the links to this site in an e-mail's text."""
    return [link[len(SITE_URL) :] for link in re.findall(r"https?://[^\s\"<>]+", text) if link.startswith(SITE_URL)]
