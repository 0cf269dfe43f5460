"""Admin actions say exactly what they did and what they left alone, with counts in bokmål."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from accounts.models import EntrepreneurMembership
from directory.models import Offer, PublicationStatus
from directory.tests import factories
from directory.tests.member_personas import complete_entrepreneur, join, make_user

ENTREPRENEURS = reverse("admin:directory_socialentrepreneur_changelist")
OFFERS = reverse("admin:directory_offer_changelist")
JOIN_REQUESTS = reverse("admin:directory_entrepreneurjoinrequest_changelist")


@pytest.fixture
def curator_client(client, db):
    client.force_login(make_user("kurator@veier.no", is_staff=True, is_superuser=True))
    return client


def act(client, url, action, objects, query=""):
    response = client.post(
        url + query, {"index": 0, "action": action, ACTION_CHECKBOX_NAME: [obj.pk for obj in objects]}, follow=True
    )
    return [str(message) for message in response.context["messages"]]


def profiles(*statuses):
    return [complete_entrepreneur(f"Profil {n}", status=status) for n, status in enumerate(statuses)]


@pytest.mark.django_db
class TestApproving:
    def test_none_selected_says_so(self, curator_client):
        profiles(PublicationStatus.PENDING)
        messages = act(curator_client, ENTREPRENEURS, "approve_entrepreneurs", [])
        assert messages == ["Du må velge objekter for å utføre handlinger på dem. Ingen objekter har blitt endret."]

    def test_one_pending_in_a_list_filtered_on_pending(self, curator_client):
        # The bug the issue found: the filtered list reported «-1 av de valgte …».
        selected = profiles(PublicationStatus.PENDING)
        messages = act(curator_client, ENTREPRENEURS, "approve_entrepreneurs", selected, "?status__exact=pending")
        assert messages == ["1 profil ble godkjent og publisert."]

    def test_many_pending(self, curator_client):
        selected = profiles(*[PublicationStatus.PENDING] * 3)
        assert act(curator_client, ENTREPRENEURS, "approve_entrepreneurs", selected) == [
            "3 profiler ble godkjent og publisert."
        ]

    def test_mixed_states(self, curator_client):
        selected = profiles(PublicationStatus.PENDING, PublicationStatus.PENDING, PublicationStatus.DRAFT)
        assert act(curator_client, ENTREPRENEURS, "approve_entrepreneurs", selected) == [
            "2 profiler ble godkjent og publisert.",
            "1 av de valgte venter ikke på godkjenning og ble ikke endret.",
        ]

    def test_nothing_pending(self, curator_client):
        selected = profiles(PublicationStatus.DRAFT, PublicationStatus.PUBLISHED)
        assert act(curator_client, ENTREPRENEURS, "approve_entrepreneurs", selected) == [
            "2 av de valgte venter ikke på godkjenning og ble ikke endret."
        ]


@pytest.mark.django_db
class TestPublishing:
    def test_one(self, curator_client):
        selected = profiles(PublicationStatus.DRAFT)
        assert act(curator_client, ENTREPRENEURS, "publish", selected) == ["1 valgt ble publisert."]

    def test_mixed(self, curator_client):
        selected = profiles(PublicationStatus.DRAFT, PublicationStatus.DRAFT, PublicationStatus.PUBLISHED)
        assert act(curator_client, ENTREPRENEURS, "publish", selected) == [
            "2 valgte ble publisert.",
            "1 valgt var allerede publisert og ble ikke endret.",
        ]

    def test_unpublish_many_already_drafts(self, curator_client):
        selected = profiles(PublicationStatus.DRAFT, PublicationStatus.DRAFT)
        assert act(curator_client, ENTREPRENEURS, "unpublish", selected) == [
            "2 valgte var allerede utkast og ble ikke endret."
        ]

    def test_offers(self, curator_client):
        entrepreneur = factories.entrepreneur("Sykkel")
        offers = [
            factories.offer(entrepreneur, "A", status=Offer.Status.DRAFT),
            factories.offer(entrepreneur, "B", status=Offer.Status.PUBLISHED),
        ]
        assert act(curator_client, OFFERS, "publish_offers", offers) == [
            "1 tilbud ble publisert.",
            "1 tilbud var allerede publisert og ble ikke endret.",
        ]


@pytest.mark.django_db
def test_join_requests_many(curator_client):
    entrepreneur = factories.entrepreneur("Sykkel")
    requests = [join(make_user(f"{n}@sykkel.no"), entrepreneur, status="pending") for n in range(2)]
    assert act(curator_client, JOIN_REQUESTS, "approve_join_requests", requests) == ["2 forespørsler ble godkjent."]
    assert EntrepreneurMembership.objects.approved().count() == 2


@pytest.mark.django_db
class TestHistory:
    def test_each_decision_is_logged_with_who_and_what(self, curator_client):
        selected = profiles(PublicationStatus.PENDING, PublicationStatus.DRAFT)
        act(curator_client, ENTREPRENEURS, "approve_entrepreneurs", selected[:1])
        act(curator_client, ENTREPRENEURS, "publish", selected[1:])
        act(curator_client, ENTREPRENEURS, "unpublish", selected[1:])
        entries = LogEntry.objects.order_by("pk")
        assert [(e.object_id, e.user.email, e.get_change_message()) for e in entries] == [
            (str(selected[0].pk), "kurator@veier.no", "Godkjent og publisert"),
            (str(selected[1].pk), "kurator@veier.no", "Publisert"),
            (str(selected[1].pk), "kurator@veier.no", "Avpublisert"),
        ]

    def test_a_skipped_row_is_not_logged(self, curator_client):
        act(curator_client, ENTREPRENEURS, "publish", profiles(PublicationStatus.PUBLISHED))
        assert not LogEntry.objects.exists()
