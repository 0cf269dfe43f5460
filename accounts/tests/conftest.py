"""Personas for the accounts tests.

owner: approved member of «Grønn Start» (a draft only they keep) and of «Lys Vei» (published, shared),
with a pending request to join «Testkommune»; colleague: another approved member of «Lys Vei»;
outsider: the only member of another draft; curator: staff; anonymous: the plain test client.
"""

import pytest

from accounts.models import BodyMembership
from accounts.tests.helpers import SITE_URL, approve, make_user
from directory.models import PublicationStatus
from directory.tests import factories


@pytest.fixture(autouse=True)
def account_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.SITE_URL = SITE_URL


@pytest.fixture
def draft_entrepreneur(db):
    return factories.entrepreneur("Grønn Start", status=PublicationStatus.DRAFT)


@pytest.fixture
def shared_entrepreneur(db):
    return factories.entrepreneur("Lys Vei", status=PublicationStatus.PUBLISHED)


@pytest.fixture
def body(db):
    return factories.public_body("Testkommune")


@pytest.fixture
def owner(draft_entrepreneur, shared_entrepreneur, body):
    user = make_user("eier@example.no", "Eva Eier")
    approve(user, draft_entrepreneur)
    approve(user, shared_entrepreneur)
    BodyMembership.objects.create(user=user, public_body=body)  # waiting for approval
    return user


@pytest.fixture
def colleague(shared_entrepreneur):
    user = make_user("kollega@example.no", "Kari Kollega")
    approve(user, shared_entrepreneur)
    return user


@pytest.fixture
def outsider(db):
    user = make_user("utenfor@example.no", "Ola Utenfor")
    approve(user, factories.entrepreneur("Annen Virksomhet", status=PublicationStatus.DRAFT))
    return user


@pytest.fixture
def curator(db):
    return make_user("kurator@example.no", "Kim Kurator", is_staff=True)
