"""Personas for the agreement tests: the matchmaking personas (a body with its owner and colleague,
an outsider from another body, the entrepreneur and its member, another entrepreneur's member, a
curator with no permissions), a dialogue between the body and the entrepreneur, and a curator who
may view agreements."""

import pytest
from django.contrib.auth.models import Permission

from agreements import services as agreement_services
from agreements.models import Side
from matchmaking import services as matchmaking_services
from matchmaking.tests.conftest import *  # noqa: F403 (the shared personas are fixtures)
from matchmaking.tests.conftest import make_user

AGREEMENT_DATA = {
    "summary": "En pilot på to sykehjem i ett år.",
    "value": 600_000,  # above the 500 000 kr lower limit in force from 1 July 2026
    "procurement_category": "helse-sosial",
    "reserved": False,
    "ends_on": None,
}


@pytest.fixture
def interest(need, entrepreneur, entrepreneur_member):
    return matchmaking_services.interest_send(
        need=need, entrepreneur=entrepreneur, user=entrepreneur_member, text="Vi har gjort dette i Asker."
    )


@pytest.fixture
def pilot(db):
    from directory.tests import factories

    return factories.collaboration_form("Pilotavtale")


def agreement_data(pilot, **overrides) -> dict:
    import datetime

    data = {
        **AGREEMENT_DATA,
        "collaboration_form": pilot,
        "agreed_on": datetime.date(2026, 9, 1),
        "starts_on": datetime.date(2026, 10, 1),
    }
    data.update(overrides)
    return data


@pytest.fixture
def agreement(interest, owner, pilot):
    return agreement_services.agreement_record(
        interest=interest, side=Side.BODY, user=owner, data=agreement_data(pilot)
    )


@pytest.fixture
def viewing_curator(db):
    user = make_user("se@veier.test", "Siv Seer", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_agreement", content_type__app_label="agreements"))
    return user
