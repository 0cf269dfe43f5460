"""The member part of /min-side/, and the query counts of the member pages' lists."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Membership
from directory.member_views import dashboard_context
from directory.models import PublicationStatus
from directory.tests import factories
from directory.tests.member_personas import complete_entrepreneur, contact, join, make_user, make_world


@pytest.fixture
def world(db):
    return make_world()


def render_dashboard(user) -> str:
    return render_to_string("directory/member/dashboard.html", dashboard_context(user))


@pytest.mark.django_db
class TestDashboard:
    def test_it_lists_the_users_organisations_with_their_state(self, world):
        draft = factories.entrepreneur("Halvferdig", status=PublicationStatus.DRAFT)
        rejected = factories.entrepreneur(
            "Avvist AS", status=PublicationStatus.REJECTED, rejection_reason="Mangler beskrivelse av effekt."
        )
        waiting = factories.entrepreneur("Til vurdering", status=PublicationStatus.PENDING)
        for entrepreneur in (draft, rejected, waiting):
            join(world.owner, entrepreneur)
        html = render_dashboard(world.owner)
        for text in ["Sykkel for alle", "Publisert", "Halvferdig", "Utkast", "Til vurdering", "Venter på godkjenning"]:
            assert text in html
        assert "Avvist" in html and "Mangler beskrivelse av effekt." in html
        assert "Trondheim kommune" in html
        assert reverse("members:entrepreneur-detail", args=["halvferdig"]) in html
        assert reverse("members:body-detail", args=[world.body.slug]) in html

    def test_it_says_what_waits_for_the_user(self, world):
        draft = factories.entrepreneur("Halvferdig", status=PublicationStatus.DRAFT)
        join(world.owner, draft)
        applicant = make_user("ny@sykkel.no", name="Nils Ny")
        join(applicant, world.entrepreneur, status=Membership.Status.PENDING)
        context = dashboard_context(world.owner)
        assert [m.user for m in context["member_join_requests"]] == [applicant]
        assert context["member_drafts"] == [draft]
        html = render_dashboard(world.owner)
        assert "Dette venter på deg" in html
        assert "Nils Ny ber om å bli med i Sykkel for alle" in html
        assert reverse("members:entrepreneur-members", args=[world.entrepreneur.slug]) in html
        assert "Gjør ferdig profilen til Halvferdig" in html

    def test_join_requests_to_other_organisations_are_not_shown(self, world):
        join(make_user("ny@annen.no"), world.other_entrepreneur, status=Membership.Status.PENDING)
        assert dashboard_context(world.owner)["member_join_requests"] == []

    def test_the_users_own_pending_and_rejected_requests_are_shown(self, world):
        join(world.outsider, world.entrepreneur, status=Membership.Status.PENDING)
        join(world.outsider, world.body, status=Membership.Status.REJECTED)
        html = render_dashboard(world.outsider)
        assert "Du har bedt om å bli med" in html
        assert "Forespørselen ble avslått" in html
        # Not a member yet: no link to the organisation's member page.
        assert reverse("members:entrepreneur-detail", args=[world.entrepreneur.slug]) not in html

    def test_a_newcomer_is_shown_where_to_start(self, world):
        html = render_dashboard(make_user("ny@example.no"))
        assert reverse("members:entrepreneur-register") in html
        assert reverse("members:body-join") in html

    def test_it_is_part_of_min_side(self, client, world):
        client.force_login(world.owner)
        response = client.get("/min-side/")
        assert response.status_code == 200
        assert "Virksomhetene dine" in response.content.decode()
        assert reverse("members:entrepreneur-detail", args=[world.entrepreneur.slug]) in response.content.decode()


def count_queries(function) -> int:
    with CaptureQueriesContext(connection) as queries:
        function()
    return len(queries)


@pytest.mark.django_db
class TestQueryCounts:
    """The lists cost the same number of queries with 1 row as with 3."""

    def _add_organisations(self, user, count: int, start: int) -> None:
        for number in range(start, start + count):
            entrepreneur = complete_entrepreneur(f"Virksomhet {number}", status=PublicationStatus.DRAFT)
            join(user, entrepreneur)
            join(make_user(f"ny{number}@example.no"), entrepreneur, status=Membership.Status.PENDING)
            join(user, factories.public_body(f"Etat {number}"))

    def test_the_dashboard(self, world):
        user = make_user("mange@example.no")
        self._add_organisations(user, 1, 0)
        one = count_queries(lambda: render_dashboard(user))
        self._add_organisations(user, 2, 1)
        assert count_queries(lambda: render_dashboard(user)) == one

    def test_the_members_page(self, client, world):
        url = reverse("members:entrepreneur-members", args=[world.entrepreneur.slug])
        client.force_login(world.owner)
        join(make_user("a0@example.no"), world.entrepreneur, status=Membership.Status.PENDING)
        one = count_queries(lambda: client.get(url))
        for number in range(1, 3):
            join(make_user(f"a{number}@example.no"), world.entrepreneur, status=Membership.Status.PENDING)
            join(make_user(f"m{number}@example.no"), world.entrepreneur)
        assert count_queries(lambda: client.get(url)) == one

    def test_the_organisation_page(self, client, world):
        url = reverse("members:entrepreneur-detail", args=[world.entrepreneur.slug])
        client.force_login(world.owner)
        factories.offer(world.entrepreneur, "Tilbud 0")
        one = count_queries(lambda: client.get(url))
        for number in range(1, 3):
            factories.offer(world.entrepreneur, f"Tilbud {number}")
            join(make_user(f"m{number}@example.no"), world.entrepreneur)
        assert count_queries(lambda: client.get(url)) == one

    def test_the_body_page(self, client, world):
        url = reverse("members:body-detail", args=[world.body.slug])
        client.force_login(world.owner)
        area = factories.service_area("Eldreomsorg")
        contact(world.body, "Kontakt 0").service_areas.add(area)
        one = count_queries(lambda: client.get(url))
        for number in range(1, 3):
            contact(world.body, f"Kontakt {number}").service_areas.add(area)
            join(make_user(f"m{number}@example.no"), world.body)
        assert count_queries(lambda: client.get(url)) == one
