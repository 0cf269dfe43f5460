"""What is rendered once is renewed when its data changes: taxonomies, places, entrepreneurs."""

import pytest

from directory.models import Municipality, ServiceArea, SocialEntrepreneur
from directory.tests import factories

pytestmark = pytest.mark.django_db


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def elderly_care():
    area = factories.service_area("Eldreomsorg")
    factories.entrepreneur("Besøksvenner AS", service_areas=[area])
    return area


class TestStartPage:
    def test_counts_are_computed_once(self, client, elderly_care, django_assert_max_num_queries):
        page(client, "/")
        with django_assert_max_num_queries(0):  # the counts come from the cache
            page(client, "/")

    def test_a_renamed_service_area_shows_at_once(self, client, elderly_care):
        assert "Eldreomsorg</a> (1)" in page(client, "/")
        # A change that bypasses save() is not seen: the page really is cached …
        ServiceArea.objects.filter(pk=elderly_care.pk).update(name="Omsorg for eldre")
        assert "Eldreomsorg</a> (1)" in page(client, "/")
        # … and a save renews it.
        elderly_care.refresh_from_db()
        elderly_care.name = "Eldreomsorg og demens"
        elderly_care.save()
        assert "Eldreomsorg og demens</a> (1)" in page(client, "/")

    def test_a_new_or_unpublished_entrepreneur_changes_the_counts(self, client, elderly_care):
        assert "Eldreomsorg</a> (1)" in page(client, "/")
        factories.entrepreneur("Nabohjelp SA", service_areas=[elderly_care])
        assert "Eldreomsorg</a> (2)" in page(client, "/")
        SocialEntrepreneur.objects.get(name="Nabohjelp SA").delete()
        assert "Eldreomsorg</a> (1)" in page(client, "/")

    def test_linking_an_area_to_an_entrepreneur_counts(self, client, elderly_care):
        other = factories.service_area("Kultur og fritid")
        assert "Kultur og fritid</a>" not in page(client, "/")
        SocialEntrepreneur.objects.get(name="Besøksvenner AS").service_areas.add(other)  # m2m_changed
        assert "Kultur og fritid</a> (1)" in page(client, "/")


class TestPlaces:
    def test_a_renamed_municipality_shows_in_the_filter(self, client):
        assert ">Trondheim<" in page(client, "/entreprenorer/")
        trondheim = Municipality.objects.get(number="5001")
        Municipality.objects.filter(pk=trondheim.pk).update(name="Tråante")
        assert ">Tråante<" not in page(client, "/entreprenorer/")  # cached
        trondheim.name = "Trondheim – Tråante"
        trondheim.save()
        assert ">Trondheim – Tråante<" in page(client, "/entreprenorer/")


def panel(client, url: str) -> str:
    """The list page's filter form."""
    html = page(client, url)
    start = html.index('<form method="get"')
    return html[start : html.index("</form>", start)]


class TestFilterPanel:
    def test_the_panel_is_rendered_once_per_selection_and_renewed_when_a_taxonomy_changes(self, client, elderly_care):
        assert ">Eldreomsorg<" in panel(client, "/entreprenorer/")
        ServiceArea.objects.filter(pk=elderly_care.pk).update(name="Endret utenom")
        assert ">Endret utenom<" not in panel(client, "/entreprenorer/")  # the panel is cached
        assert ">Endret utenom<" not in panel(client, "/entreprenorer/?q=besøk&side=2")  # same panel for any words
        elderly_care.refresh_from_db()
        elderly_care.name = "Eldreomsorg og demens"
        elderly_care.save()
        assert ">Eldreomsorg og demens<" in panel(client, "/entreprenorer/")

    def test_each_selection_shows_its_own_choices_and_errors(self, client, elderly_care):
        plain = panel(client, "/entreprenorer/")
        chosen = panel(client, "/entreprenorer/?omrade=eldreomsorg")
        wrong = panel(client, "/entreprenorer/?omrade=finnes-ikke")
        assert 'value="eldreomsorg" checked' not in plain.replace("\n", " ")
        assert "checked" in chosen.split('value="eldreomsorg"')[1][:80]
        assert "Vi kjenner ikke tjenesteområdet «finnes-ikke»" in wrong
        assert "Vi kjenner ikke tjenesteområdet" not in panel(client, "/entreprenorer/")

    @pytest.mark.parametrize("url", ["/virksomheter/", "/eksempler/", "/behov/"])
    def test_other_lists_renew_their_panel_too(self, client, elderly_care, url):
        assert ">Eldreomsorg<" in panel(client, url)
        elderly_care.name = "Omsorg for eldre"
        elderly_care.save()
        assert ">Omsorg for eldre<" in panel(client, url)


class TestWholeListPagesForVisitors:
    """The directory's lists are kept whole for anonymous visitors, renewed when their data change."""

    @pytest.mark.parametrize("url", ["/entreprenorer/", "/entreprenorer/?q=besøk", "/virksomheter/", "/eksempler/"])
    def test_a_second_visit_asks_the_database_nothing(self, client, elderly_care, url, django_assert_num_queries):
        first = page(client, url)
        with django_assert_num_queries(0):
            assert page(client, url) == first

    def test_a_new_entrepreneur_is_listed_at_once(self, client, elderly_care):
        assert "Nabohjelp SA" not in page(client, "/entreprenorer/")
        factories.entrepreneur("Nabohjelp SA", service_areas=[elderly_care])
        assert "Nabohjelp SA" in page(client, "/entreprenorer/")

    def test_each_address_and_language_is_kept_apart(self, client, elderly_care):
        assert "Besøksvenner AS" in page(client, "/entreprenorer/?q=besøk")
        assert "Besøksvenner AS" not in page(client, "/entreprenorer/?q=fotball")
        assert '<html lang="nb"' in page(client, "/entreprenorer/")
        client.cookies["sprak"] = "en"
        assert '<html lang="en"' in page(client, "/entreprenorer/")

    def test_a_signed_in_member_is_never_served_a_kept_page(self, client, elderly_care):
        from matchmaking.tests.conftest import make_user

        page(client, "/entreprenorer/")
        user = make_user("kari@example.no", "Kari Nordmann")
        client.force_login(user)
        assert "Kari Nordmann" in page(client, "/entreprenorer/") or "Min side" in page(client, "/entreprenorer/")
        # … and her page is not kept for the next visitor.
        client.logout()
        client.cookies.pop("sessionid", None)
        assert "Kari Nordmann" not in page(client, "/entreprenorer/")

    def test_a_visitor_with_a_message_waiting_gets_the_page_made_for_them(self, client, elderly_care):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        page(client, "/entreprenorer/")
        client.cookies["messages"] = "anything"
        with CaptureQueriesContext(connection) as queries:
            page(client, "/entreprenorer/")
        assert len(queries) > 0
