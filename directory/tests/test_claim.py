"""Claiming a listing nobody is a member of («Er dette din virksomhet?»)."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import EntrepreneurMembership, Membership
from directory import services
from directory.models import SharedEmailDomain
from directory.tests import factories
from directory.tests.member_personas import join, make_user
from matchmaking.tests.conftest import field_error

ORGNR = "923609016"  # a valid check digit (the personas' number)


@pytest.fixture
def listing(db):
    return factories.entrepreneur("Hogst AS", website="https://www.hogst.no/om-oss", source="Heftet, kapittel 3")


@pytest.fixture
def curator(db):
    return make_user("kurator@veier.no", is_staff=True)


def _url(entrepreneur) -> str:
    return reverse("members:entrepreneur-claim", args=[entrepreneur.slug])


@pytest.mark.django_db
class TestClaiming:
    def test_anonymous_visitors_log_in_first(self, client, listing):
        response = client.get(_url(listing))
        assert response.status_code == 302 and "/konto/logg-inn/" in response["Location"]

    def test_a_claim_waits_for_a_curator_who_is_told(self, client, listing, curator):
        user = make_user("ola@gmail.com")
        client.force_login(user)
        page = client.get(_url(listing))
        assert page.status_code == 200 and "Er dette din virksomhet?" in page.content.decode()
        response = client.post(_url(listing), {"orgnr": "923 609 016", "message": "Daglig leder"})
        assert response.status_code == 302
        membership = EntrepreneurMembership.objects.get(user=user)
        assert (membership.status, membership.orgnr, membership.message) == ("pending", ORGNR, "Daglig leder")
        assert [message.to for message in mail.outbox] == [[curator.email]]
        # Asking again while it waits changes nothing.
        client.get(_url(listing))
        assert EntrepreneurMembership.objects.count() == 1

    def test_approval_gives_the_listing_its_number(self, client, listing, curator):
        user = make_user("ola@gmail.com")
        membership = services.entrepreneur_claim(user=user, entrepreneur=listing, orgnr=ORGNR)
        services.membership_decide(membership=membership, decided_by=curator, approve=True)
        listing.refresh_from_db()
        assert listing.orgnr == ORGNR

    def test_an_address_at_the_website_s_domain_is_approved_at_once(self, client, listing):
        user = make_user("ola@hogst.no")
        client.force_login(user)
        response = client.post(_url(listing), {"orgnr": ORGNR, "message": ""})
        assert response["Location"] == reverse("members:entrepreneur-detail", args=[listing.slug])
        assert EntrepreneurMembership.objects.get(user=user).status == Membership.Status.APPROVED
        listing.refresh_from_db()
        assert listing.orgnr == ORGNR

    @pytest.mark.parametrize(
        ("email", "confirmed", "website"),
        [
            ("ola@hogst.no", False, "https://www.hogst.no/"),  # the address is not confirmed
            ("ola@ikkehogst.no", True, "https://www.hogst.no/"),
            ("ola@nav.no", True, "https://www.nav.no/tiltak"),  # a shared domain proves nothing
            ("ola@hogst.no", True, ""),
        ],
    )
    def test_otherwise_not_at_once(self, listing, email, confirmed, website):
        SharedEmailDomain.objects.get_or_create(domain="nav.no")
        listing.website = website
        listing.save()
        user = make_user(email)
        if not confirmed:
            user.confirmed_at = None
            user.save()
        membership = services.entrepreneur_claim(user=user, entrepreneur=listing, orgnr=ORGNR)
        assert membership.status == Membership.Status.PENDING

    @pytest.mark.parametrize(
        ("orgnr", "message"),
        [
            ("", "Skriv organisasjonsnummeret"),
            ("12345", "må ha 9 siffer"),
            ("923609017", "Kontrollsifferet stemmer ikke"),
        ],
    )
    def test_a_bad_number_is_explained_by_the_field(self, client, listing, orgnr, message):
        client.force_login(make_user("ola@gmail.com"))
        response = client.post(_url(listing), {"orgnr": orgnr, "message": "Daglig leder"})
        assert response.status_code == 200
        assert message in field_error(response, "id_orgnr")
        assert "Daglig leder" in response.content.decode()
        assert not EntrepreneurMembership.objects.exists()

    def test_the_number_must_be_the_listing_s_own(self, client, listing):
        listing.orgnr = "974760673"
        listing.save()
        client.force_login(make_user("ola@gmail.com"))
        response = client.post(_url(listing), {"orgnr": ORGNR})
        assert "stemmer ikke med det som står på profilen" in field_error(response, "id_orgnr")

    def test_the_number_must_not_belong_to_another_listing(self, client, listing):
        factories.entrepreneur("Annen AS", orgnr=ORGNR)
        client.force_login(make_user("ola@gmail.com"))
        response = client.post(_url(listing), {"orgnr": ORGNR})
        assert "hører til en annen profil" in field_error(response, "id_orgnr")

    def test_a_claimed_listing_sends_you_to_ask_its_members(self, client, listing):
        join(make_user("eva@hogst.no"), listing)
        client.force_login(make_user("ola@gmail.com"))
        response = client.get(_url(listing))
        assert response["Location"] == reverse("members:entrepreneur-join", args=[listing.slug])
        assert "Er dette din virksomhet?" not in client.get(listing.get_absolute_url()).content.decode()

    def test_drafts_cannot_be_claimed(self, client):
        draft = factories.entrepreneur("Utkast AS", status="draft")
        client.force_login(make_user("ola@gmail.com"))
        assert client.get(_url(draft)).status_code == 404


@pytest.mark.django_db
def test_claims_are_rate_limited_per_user(client, curator):
    from directory import contact

    user = make_user("ola@gmail.com")
    client.force_login(user)
    listings = [factories.entrepreneur(f"Oppføring {number}") for number in range(contact.CLAIM_LIMIT.count + 1)]
    numbers = ["923609016", "974760673", "991825827", "971524960", "985399077", "974761076"]
    for listing, number in zip(listings[:-1], numbers, strict=False):
        assert client.post(_url(listing), {"orgnr": number}).status_code == 302
    sent = len(mail.outbox)
    response = client.post(_url(listings[-1]), {"orgnr": numbers[-1], "message": "Daglig leder"})
    assert response.status_code == 429
    assert "Du har gjort krav på mange profiler på kort tid" in response.content.decode()
    assert "Daglig leder" in response.content.decode()
    assert len(mail.outbox) == sent
    assert not EntrepreneurMembership.objects.filter(entrepreneur=listings[-1]).exists()
