"""The people and organisations the self-service tests use.

owner and colleague are approved members of `entrepreneur` and `body`; outsider is an approved member of
other organisations; curator is staff; anonymous is not signed in.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import BodyMembership, EntrepreneurMembership, Membership
from directory.models import ContactPerson, PublicationStatus, PublicBody, SocialEntrepreneur
from directory.tests import factories

PERSONAS = ["owner", "colleague", "outsider", "curator", "anonymous"]


def make_user(email: str, *, password: str | None = None, **fields):
    """A confirmed user. Without a password (tests sign in with force_login), to skip the slow hashing."""
    fields.setdefault("confirmed_at", timezone.now())
    return get_user_model().objects.create_user(email, password, **fields)


def join(user, organisation, status=Membership.Status.APPROVED):
    if isinstance(organisation, PublicBody):
        return BodyMembership.objects.create(user=user, public_body=organisation, status=status)
    return EntrepreneurMembership.objects.create(user=user, entrepreneur=organisation, status=status)


def complete_entrepreneur(name: str, *, status=PublicationStatus.PUBLISHED, **fields) -> SocialEntrepreneur:
    """An entrepreneur with everything a curator needs to approve it."""
    fields.setdefault("summary", "Vi hjelper eldre ut på tur.")
    fields.setdefault("description", "Frivillige sykler med eldre i rickshaw.")
    fields.setdefault("nationwide", True)
    fields.setdefault("service_areas", [factories.service_area("Eldreomsorg")])
    return factories.entrepreneur(name, status=status, **fields)


@dataclass
class World:
    entrepreneur: SocialEntrepreneur
    other_entrepreneur: SocialEntrepreneur
    body: PublicBody
    other_body: PublicBody
    owner: object
    colleague: object
    outsider: object
    curator: object

    def persona(self, name: str):
        return None if name == "anonymous" else getattr(self, name)


def make_world(*, entrepreneur_status=PublicationStatus.PUBLISHED, body_status=PublicationStatus.PUBLISHED) -> World:
    entrepreneur = complete_entrepreneur("Sykkel for alle", status=entrepreneur_status, orgnr="923609016")
    other_entrepreneur = complete_entrepreneur("Annen virksomhet")
    body = factories.public_body("Trondheim kommune", status=body_status, email_domains=["trondheim.kommune.no"])
    other_body = factories.public_body("Bergen kommune")
    owner = make_user("eier@sykkel.no", name="Eva Eier")
    colleague = make_user("kollega@sykkel.no", name="Kari Kollega")
    outsider = make_user("utenfor@annen.no", name="Ola Utenfor")
    curator = make_user("kurator@veier.no", name="Kurt Kurator", is_staff=True, is_superuser=True)
    for user in (owner, colleague):
        join(user, entrepreneur)
        join(user, body)
    join(outsider, other_entrepreneur)
    join(outsider, other_body)
    return World(entrepreneur, other_entrepreneur, body, other_body, owner, colleague, outsider, curator)


def contact(body: PublicBody, name: str = "Per Kontakt", *, consent_public=True) -> ContactPerson:
    return ContactPerson.objects.create(
        public_body=body, name=name, email="per@trondheim.kommune.no", consent_public=consent_public
    )
