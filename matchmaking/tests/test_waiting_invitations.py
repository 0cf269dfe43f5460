"""Invitations to an entrepreneur nobody can be reached at are kept and delivered when it is claimed."""

import pytest
from django.core import mail

from accounts.models import Membership
from directory import services as directory_services
from directory.tests import factories
from matchmaking.models import Interest, Need
from matchmaking.tests.conftest import html_of, join_entrepreneur, make_user


@pytest.fixture
def listing(db):
    """A booklet listing: no members, no contact address."""
    return factories.entrepreneur("Hogst AS", summary="Arbeid for tidligere straffedømte.")


def _invite(client, need, entrepreneur, text="Vil dere snakke med oss?"):
    return client.post(f"/behov/{need.pk}/inviter/{entrepreneur.slug}/", {"text": text})


def _claim(listing, email="eva@hogst.no"):
    user = make_user(email)
    membership = join_entrepreneur(user, listing, status=Membership.Status.PENDING)
    curator = make_user(f"kurator.{email}", is_staff=True)
    directory_services.membership_decide(membership=membership, decided_by=curator, approve=True)
    return user


def test_the_inviter_is_told_before_sending(client, need, owner, listing):
    client.force_login(owner)
    html = html_of(client.get(f"/behov/{need.pk}/inviter/{listing.slug}/"))
    assert "Ingen kan nås hos Hogst AS ennå" in html


def test_the_invitation_is_kept_and_the_need_page_says_so(client, need, owner, listing):
    client.force_login(owner)
    response = _invite(client, need, listing)
    interest = Interest.objects.get()
    assert interest.delivered_at is None and interest.awaits_claim
    assert mail.outbox == []
    page = client.get(response["Location"])
    html = html_of(page)
    assert "venter på at noen gjør krav på profilen" in html
    assert "Invitasjonen er sendt" not in html
    assert "Invitasjonen er lagret, men ikke sendt" in html


def test_it_is_delivered_when_the_listing_is_claimed(client, need, owner, listing):
    client.force_login(owner)
    _invite(client, need, listing, "Vil dere snakke med oss om arbeidstrening?")
    member = _claim(listing)
    invitations = [
        message for message in mail.outbox if message.to == [member.email] and "inviterer" in message.subject
    ]  # noqa: E501
    assert len(invitations) == 1
    assert "Vil dere snakke med oss om arbeidstrening?" in invitations[0].body
    interest = Interest.objects.get()
    assert interest.delivered_at is not None and not interest.awaits_claim
    assert "venter på at noen gjør krav på profilen" not in html_of(client.get(need.get_absolute_url()))


def test_not_when_the_need_has_closed_meanwhile(client, need, owner, listing):
    client.force_login(owner)
    _invite(client, need, listing)
    Need.objects.filter(pk=need.pk).update(status=Need.Status.CLOSED)
    member = _claim(listing)
    assert not [message for message in mail.outbox if message.to == [member.email] and "inviterer" in message.subject]
    assert Interest.objects.get().delivered_at is None


def test_delivered_only_once(client, need, owner, listing):
    client.force_login(owner)
    _invite(client, need, listing)
    _claim(listing)
    _claim(listing, "kari@hogst.no")
    assert len([message for message in mail.outbox if "inviterer" in message.subject]) == 1


def test_an_invitation_to_a_claimed_listing_is_delivered_at_once(client, need, owner, entrepreneur,
                                                                  entrepreneur_member):  # fmt: skip
    client.force_login(owner)
    assert "Ingen kan nås" not in html_of(client.get(f"/behov/{need.pk}/inviter/{entrepreneur.slug}/"))
    _invite(client, need, entrepreneur)
    assert Interest.objects.get().delivered_at is not None
    assert [message.to for message in mail.outbox] == [[entrepreneur_member.email]]
