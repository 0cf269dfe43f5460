import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.tests import factories
from veier.testing import grant

LIST = "/entreprenorer/"


def _result_names(response) -> list[str]:
    return [entrepreneur.name for entrepreneur in response.context["page"].object_list]


@pytest.mark.django_db
class TestEntrepreneurFilters:
    @pytest.fixture
    def data(self):
        elderly = factories.service_area("Eldreomsorg")
        work = factories.service_area("Arbeidsinkludering")
        youth = factories.target_group("Barn og unge")
        pilot = factories.collaboration_form("Pilotavtale")
        nationwide = factories.entrepreneur("Landsdekkende", nationwide=True, service_areas=[elderly])
        trondelag = factories.entrepreneur("Trøndelagsfirma", counties=[factories.county("50")], target_groups=[youth])
        oslo = factories.entrepreneur(
            "Oslofirma", municipalities=[factories.municipality("0301")], service_areas=[work]
        )
        factories.offer(oslo, "Pilot", collaboration_forms=[pilot])
        factories.entrepreneur("Utkast", status="draft", nationwide=True, service_areas=[elderly])
        return {"nationwide": nationwide, "trondelag": trondelag, "oslo": oslo}

    def test_it_lists_published_entrepreneurs_by_name(self, client, data):
        response = client.get(LIST)
        assert response.status_code == 200
        assert _result_names(response) == ["Landsdekkende", "Oslofirma", "Trøndelagsfirma"]
        assert b"3 sosiale entrepren" in response.content

    def test_each_result_links_to_the_profile(self, client, data):
        response = client.get(LIST)
        assert b'href="/entreprenorer/oslofirma/"' in response.content

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("omrade=eldreomsorg", ["Landsdekkende"]),
            ("omrade=eldreomsorg&omrade=arbeidsinkludering", ["Landsdekkende", "Oslofirma"]),
            ("malgruppe=barn-og-unge", ["Trøndelagsfirma"]),
            ("samarbeidsform=pilotavtale", ["Oslofirma"]),
            ("kommune=5001", ["Landsdekkende", "Trøndelagsfirma"]),
            ("kommune=trondheim", ["Landsdekkende", "Trøndelagsfirma"]),
            ("kommune=0301", ["Landsdekkende", "Oslofirma"]),
            ("fylke=50", ["Landsdekkende", "Trøndelagsfirma"]),
            ("fylke=oslo", ["Landsdekkende", "Oslofirma"]),
            ("fylke=03&omrade=arbeidsinkludering", ["Oslofirma"]),
        ],
    )
    def test_each_filter_narrows_the_list(self, client, data, query, expected):
        response = client.get(f"{LIST}?{query}")
        assert response.status_code == 200
        assert _result_names(response) == expected

    def test_organisation_form_filter(self, client, data):
        from directory.models import OrganisationForm

        foundation = OrganisationForm.objects.create(name="Stiftelse", slug="stiftelse")
        data["oslo"].organisation_form = foundation
        data["oslo"].save()
        assert _result_names(client.get(f"{LIST}?organisasjonsform=stiftelse")) == ["Oslofirma"]

    def test_active_filters_are_shown_with_a_link_that_removes_each(self, client, data):
        response = client.get(f"{LIST}?omrade=eldreomsorg&kommune=5001")
        chips = response.context["active_filters"]
        assert [chip["label"] for chip in chips] == ["Eldreomsorg", "Trondheim"]
        assert chips[0]["remove_url"] == "?kommune=5001"
        assert chips[1]["remove_url"] == "?omrade=eldreomsorg"

    @pytest.mark.parametrize(
        ("query", "field", "message"),
        [
            ("omrade=finnes-ikke", "omrade", "Vi kjenner ikke tjenesteområdet «finnes-ikke»"),
            ("malgruppe=%3Cscript%3E", "malgruppe", "Vi kjenner ikke målgruppen «&lt;script&gt;»"),
            ("fylke=99", "fylke", "Vi fant ikke fylket «99»"),
            ("kommune=atlantis", "kommune", "Vi fant ikke kommunen «atlantis»"),
            ("samarbeidsform=x", "samarbeidsform", "Vi kjenner ikke samarbeidsformen «x»"),
            ("sortering=tilfeldig", "sortering", "Velg sortering etter relevans eller navn"),
        ],
    )
    def test_unknown_filter_values_get_a_message_and_are_ignored(self, client, data, query, field, message):
        response = client.get(f"{LIST}?{query}")
        assert response.status_code == 200
        assert field in response.context["form"].errors
        assert message in response.content.decode()
        assert len(_result_names(response)) == 3

    @pytest.mark.parametrize("page", ["999999999999999999999", "-1", "abc", "0", "1.5"])
    def test_absurd_page_numbers_show_a_real_page(self, client, data, page):
        response = client.get(f"{LIST}?side={page}")
        assert response.status_code == 200
        assert response.context["page"].number == 1

    @pytest.mark.parametrize("text", ["%00", "\U0001f600", "a" * 5000, "<b>&amp;</b>", "' OR 1=1 --", "::*!&|"])
    def test_odd_characters_in_the_query_never_fail(self, client, data, text):
        response = client.get(LIST, {"q": text})
        assert response.status_code == 200
        assert b"<b>&amp;</b>" not in response.content

    def test_an_empty_result_suggests_searching_without_the_filters(self, client, data):
        response = client.get(f"{LIST}?q=Oslofirma&omrade=eldreomsorg")
        assert _result_names(response) == []
        assert response.context["without_filters_count"] == 1
        assert "uten filtrene gir 1 treff" in response.content.decode()

    def test_when_no_one_has_all_the_words_those_with_some_are_shown_and_it_says_so(self, client, data):
        response = client.get(f"{LIST}?q=oslofirma+trøndelagsfirma")
        assert response.context["partial_match"] is True
        assert sorted(_result_names(response)) == ["Oslofirma", "Trøndelagsfirma"]
        assert "Ingen har alle ordene" in response.content.decode()
        assert client.get(f"{LIST}?q=oslofirma").context["partial_match"] is False

    def test_sorting_by_name_or_relevance(self, client, data):
        factories.entrepreneur("Aaa kafé", summary="Trøndelagsfirma samarbeider med oss")
        by_relevance = _result_names(client.get(f"{LIST}?q=trøndelagsfirma"))
        by_name = _result_names(client.get(f"{LIST}?q=trøndelagsfirma&sortering=navn"))
        assert by_relevance == ["Trøndelagsfirma", "Aaa kafé"]
        assert by_name == ["Aaa kafé", "Trøndelagsfirma"]

    def test_names_sort_the_norwegian_way(self, client, db):
        for name in ["Åsen", "Ærlig", "Østre", "Zebra", "Alfa"]:
            factories.entrepreneur(name)
        assert _result_names(client.get(LIST)) == ["Alfa", "Zebra", "Ærlig", "Østre", "Åsen"]


@pytest.mark.django_db
class TestListsDoNotQueryPerRow:
    def _queries(self, client, url) -> int:
        cache.clear()  # both counts without cached fragments: rows must not add queries when rendering
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    def _entrepreneurs(self, count):
        area = factories.service_area("Eldreomsorg")
        for _ in range(count):
            entrepreneur = factories.entrepreneur(
                service_areas=[area], counties=[factories.county("50")], municipalities=[factories.municipality("0301")]
            )
            factories.offer(entrepreneur, "Besøk", collaboration_forms=[factories.collaboration_form()])

    def _bodies_and_cases(self, count):
        from directory.models import PublicBody

        parent = PublicBody.objects.filter(slug="oslo-kommune").first() or factories.public_body(
            "Oslo kommune", municipality=factories.municipality("0301")
        )
        for _ in range(count):
            body = factories.public_body(kind="bydel", parent=parent, municipality=factories.municipality("0301"))
            entrepreneur = factories.entrepreneur()
            factories.case(
                public_bodies=[body], entrepreneurs=[entrepreneur], collaboration_forms=[factories.collaboration_form()]
            )

    @pytest.mark.parametrize("url", [LIST, f"{LIST}?q=entreprenør", f"{LIST}?omrade=eldreomsorg&kommune=0301"])
    def test_entrepreneur_list(self, client, url):
        self._entrepreneurs(4)
        few = self._queries(client, url)
        self._entrepreneurs(8)
        assert self._queries(client, url) == few

    @pytest.mark.parametrize("url", ["/virksomheter/", "/eksempler/", "/"])
    def test_body_and_case_lists_and_start_page(self, client, url):
        self._bodies_and_cases(4)
        few = self._queries(client, url)
        self._bodies_and_cases(8)
        assert self._queries(client, url) == few


@pytest.mark.django_db
class TestEntrepreneurProfile:
    def test_it_shows_offers_coverage_and_cases(self, client):
        entrepreneur = factories.entrepreneur("Besøksvenn AS", counties=[factories.county("50")], summary="Besøk.")
        factories.offer(entrepreneur, "Besøksvenner på sykehjem", price="5 000 kr", price_model="per år")
        factories.offer(entrepreneur, "Hemmelig utkast", status="draft")
        factories.case("Pilot i Trondheim", entrepreneurs=[entrepreneur])
        response = client.get("/entreprenorer/besoksvenn-as/")
        content = response.content.decode()
        assert response.status_code == 200
        assert "<h1" in content and content.count("<h1") == 1
        assert "Besøksvenner på sykehjem" in content
        assert "5 000 kr" in content
        assert "Hemmelig utkast" not in content
        assert "hele Trøndelag" in content
        assert "Pilot i Trondheim" in content

    @pytest.mark.parametrize("status", ["draft", "pending", "rejected"])
    def test_unpublished_profiles_are_not_found_by_visitors(self, client, status):
        factories.entrepreneur("Skjult", status=status)
        assert client.get("/entreprenorer/skjult/").status_code == 404

    def test_curators_can_preview_unpublished_profiles(self, client, django_user_model):
        factories.entrepreneur("Skjult", status="pending")
        curator = django_user_model.objects.create_user("kurator@example.no", "et-langt-passord", is_staff=True)
        client.force_login(curator)
        assert client.get("/entreprenorer/skjult/").status_code == 404  # staff alone is not enough
        grant(curator, "directory.view_socialentrepreneur")
        response = client.get("/entreprenorer/skjult/")
        assert response.status_code == 200
        assert "ikke publisert" in response.content.decode()

    def test_user_text_is_escaped(self, client):
        factories.entrepreneur("Skummel", summary="<script>alert(1)</script>")
        content = client.get("/entreprenorer/skummel/").content.decode()
        assert "<script>alert(1)</script>" not in content
        assert "&lt;script&gt;" in content


@pytest.mark.django_db
class TestPublicBodies:
    def test_contact_persons_are_grouped_by_service_area_and_shown_only_with_consent(self, client):
        from directory.models import ContactPerson

        body = factories.public_body("Trondheim kommune", municipality=factories.municipality("5001"))
        elderly = factories.service_area("Eldreomsorg")
        child = factories.service_area("Barnevern")
        shown = ContactPerson.objects.create(
            public_body=body, name="Kari Nordmann", title="Rådgiver", email="kari@example.no", consent_public=True
        )
        shown.service_areas.set([elderly, child])
        hidden = ContactPerson.objects.create(public_body=body, name="Ola Skjult", email="ola@example.no")
        hidden.service_areas.set([elderly])
        response = client.get("/virksomheter/trondheim-kommune/")
        content = response.content.decode()
        assert response.status_code == 200
        assert list(response.context["contact_groups"]) == ["Barnevern", "Eldreomsorg"]
        assert content.count("Kari Nordmann") == 2
        assert "Ola Skjult" not in content and "ola@example.no" not in content

    def test_list_filters_by_kind_and_county_and_name(self, client):
        oslo = factories.public_body("Oslo kommune", municipality=factories.municipality("0301"))
        factories.public_body(
            "Bydel Gamle Oslo", kind="bydel", parent=oslo, municipality=factories.municipality("0301")
        )
        factories.public_body("Trondheim kommune", municipality=factories.municipality("5001"))

        def names(query):
            return [body.name for body in client.get(f"/virksomheter/?{query}").context["page"].object_list]

        assert names("type=bydel") == ["Bydel Gamle Oslo"]
        assert names("fylke=50") == ["Trondheim kommune"]
        assert names("q=trondhem") == ["Trondheim kommune"]
        assert names("q=gamle") == ["Bydel Gamle Oslo"]

    def test_unknown_kind_gets_a_message(self, client):
        response = client.get("/virksomheter/?type=romvesen")
        assert response.status_code == 200
        assert "Vi kjenner ikke typen «romvesen»" in response.content.decode()

    def test_unpublished_bodies_are_hidden(self, client):
        factories.public_body("Gammel etat", status="draft")
        assert client.get("/virksomheter/gammel-etat/").status_code == 404


@pytest.mark.django_db
class TestCases:
    def test_list_filters_and_case_page(self, client):
        pilot = factories.collaboration_form("Pilotavtale")
        partnership = factories.collaboration_form("Partnerskapsavtale")
        body = factories.public_body("Trondheim kommune")
        factories.case("Pilot med JodaCare", collaboration_forms=[pilot], public_bodies=[body])
        factories.case("Park i Kolbotn", collaboration_forms=[partnership])

        def titles(query):
            return [case.title for case in client.get(f"/eksempler/?{query}").context["page"].object_list]

        assert titles("") == ["Park i Kolbotn", "Pilot med JodaCare"]
        assert titles("samarbeidsform=pilotavtale") == ["Pilot med JodaCare"]
        assert titles("virksomhet=trondheim-kommune") == ["Pilot med JodaCare"]
        assert titles("q=kolbotn") == ["Park i Kolbotn"]
        response = client.get("/eksempler/pilot-med-jodacare/")
        assert response.status_code == 200
        assert "Trondheim kommune" in response.content.decode()

    def test_unknown_body_filter_gets_a_message(self, client):
        response = client.get("/eksempler/?virksomhet=finnes-ikke")
        assert response.status_code == 200
        assert "Vi fant ingen offentlig virksomhet" in response.content.decode()


@pytest.mark.django_db
class TestLanguage:
    def test_bokmal_is_the_default(self, client):
        response = client.get("/")
        assert b'<html lang="nb"' in response.content

    def test_english_after_switching(self, client):
        response = client.post("/i18n/setlang/", {"language": "en", "next": "/entreprenorer/"})
        assert response.status_code == 302
        response = client.get("/entreprenorer/")
        assert b'<html lang="en"' in response.content
        assert b"Social entrepreneurs" in response.content

    def test_nynorsk_after_switching(self, client):
        client.post("/i18n/setlang/", {"language": "nn", "next": "/"})
        response = client.get("/entreprenorer/")
        assert b'<html lang="nn"' in response.content
        assert "Sosiale entreprenørar" in response.content.decode()

    def test_the_browser_s_language_does_not_override_bokmal(self, client):
        response = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})
        assert b'<html lang="nb"' in response.content

    def test_unknown_page_gets_a_helpful_404(self, client):
        response = client.get("/finnes-ikke/")
        assert response.status_code == 404
        assert "Vi fant ikke siden" in response.content.decode()


@pytest.mark.django_db
def test_the_start_page_lists_service_areas_in_the_curated_order(client, booklet):
    from directory.models import ServiceArea

    shown = [area.name for area in client.get("/").context["service_areas"]]
    curated = [area.name for area in ServiceArea.objects.order_by("position") if area.name in shown]
    assert shown == curated and len(shown) > 5


@pytest.mark.parametrize(
    ("language", "expected"), [("nb", "14. mars 2024"), ("nn", "14. mars 2024"), ("en", "14 March 2024")]
)
def test_dates_are_written_day_month_year_in_every_language(language, expected):
    import datetime

    from django.utils import formats, translation

    with translation.override(language):
        assert formats.date_format(datetime.date(2024, 3, 14), "DATE_FORMAT") == expected


@pytest.mark.django_db
class TestEmptyResultSuggestsCategories:
    def test_a_word_inside_a_category_name_suggests_it(self, client, booklet):
        response = client.get(LIST, {"q": "omsorg"})
        # «omsorg» is inside the compound «Eldreomsorg», which full-text search does not split.
        names = [suggestion["name"] for suggestion in response.context["suggestions"]]
        assert "Eldreomsorg" in names
        assert 'href="?omrade=eldreomsorg"' in response.content.decode()

    def test_a_category_is_suggested_with_its_count_of_published_entrepreneurs(self, client):
        area = factories.service_area("Kriminalomsorg")
        factories.entrepreneur("Hogst", service_areas=[area], counties=[factories.county("50")])
        factories.entrepreneur("Skjult", service_areas=[area], status="draft")
        response = client.get(LIST, {"q": "kriminalomsrog", "fylke": "03"})
        assert _result_names(response) == []
        assert response.context["suggestions"] == [
            {"kind": "tjenesteområde", "name": "Kriminalomsorg", "count": 1, "url": "?omrade=kriminalomsorg"}
        ]

    def test_categories_nobody_has_are_not_suggested(self, client):
        factories.service_area("Kriminalomsorg")
        assert client.get(LIST, {"q": "kriminalomsorg"}).context["suggestions"] == []

    def test_no_suggestions_when_something_is_found(self, client):
        factories.entrepreneur("Kriminalomsorg AS", service_areas=[factories.service_area("Kriminalomsorg")])
        assert client.get(LIST, {"q": "kriminalomsorg"}).context["suggestions"] == []

    def test_suggestions_cost_the_same_queries_however_many_categories_match(self, client):
        def queries() -> int:
            cache.clear()  # both counts without cached fragments
            with CaptureQueriesContext(connection) as context:
                client.get(LIST, {"q": "omsorg zzz"})
            return len(context.captured_queries)

        factories.entrepreneur(service_areas=[factories.service_area("Eldreomsorg")])
        few = queries()
        for name in ["Kriminalomsorg", "Helseomsorg", "Barneomsorg"]:
            factories.entrepreneur(service_areas=[factories.service_area(name)])
        assert queries() == few
