"""Searches with more matches than are ranked (views.RESULT_CAP): found through the indexes, listed
by name, and said so; and the planner settings that keep the documents closed (search.planned_search)."""

from urllib.parse import urlencode

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from directory import views
from directory.models import SocialEntrepreneur
from directory.search import (
    SEARCH_PART_IDS,
    SEARCH_PARTS,
    first_matches,
    in_search_part,
    planned_search,
    planned_values,
    read_planned,
)
from directory.tests import factories

LIST = "/entreprenorer/"


def _names(response) -> list[str]:
    return [entrepreneur.name for entrepreneur in response.context["page"].object_list]


def _setting(name: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {name}")
        return cursor.fetchone()[0]


@pytest.mark.django_db
class TestPlannedSearch:
    def test_only_bitmap_scans_inside_and_the_defaults_after(self):
        with planned_search():
            assert (_setting("enable_seqscan"), _setting("enable_indexscan")) == ("off", "off")
            assert _setting("enable_bitmapscan") == "on"
        assert (_setting("enable_seqscan"), _setting("enable_indexscan")) == ("on", "on")

    def test_in_name_order_walks_an_index(self):
        with planned_search(in_name_order=True):
            assert (_setting("enable_seqscan"), _setting("enable_bitmapscan")) == ("off", "off")
            assert _setting("enable_indexscan") == "on"
        assert (_setting("enable_seqscan"), _setting("enable_bitmapscan")) == ("on", "on")

    def test_an_error_inside_leaves_the_defaults(self):
        with pytest.raises(ZeroDivisionError), planned_search():
            1 / 0  # noqa: B018
        assert _setting("enable_seqscan") == "on"


def _read_settings(**kwargs):
    return read_planned(
        "SELECT current_setting('enable_seqscan'), current_setting('enable_indexscan'), "
        "current_setting('enable_bitmapscan')",
        [],
        **kwargs,
    )


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_the_settings_go_with_the_query_and_end_with_it():
    with CaptureQueriesContext(connection) as queries:
        assert _read_settings() == [("off", "off", "on")]
    assert len(queries) == 1  # one round trip
    assert (_setting("enable_seqscan"), _setting("enable_indexscan")) == ("on", "on")
    assert _read_settings(in_name_order=True) == [("off", "on", "off")]
    assert _setting("enable_bitmapscan") == "on"


@pytest.mark.django_db
def test_inside_a_transaction_the_settings_are_put_back_after_the_query():
    assert _read_settings() == [("off", "off", "on")]
    assert _read_settings(in_name_order=True) == [("off", "on", "off")]
    assert (_setting("enable_seqscan"), _setting("enable_indexscan"), _setting("enable_bitmapscan")) == ("on",) * 3


@pytest.mark.django_db
class TestPlansAtScale:
    """On 2 000 synthetic entrepreneurs, where a table scan is what PostgreSQL picks for a common word."""

    @pytest.fixture
    def synthetic(self):
        from directory.benchmark import fill_synthetic_data

        fill_synthetic_data(2000, 1)  # and ANALYZE, as autovacuum would have

    def _plan(self, sql, params, **settings) -> str:
        with planned_search(**settings), connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + sql, params)
            return "\n".join(row[0] for row in cursor.fetchall())

    def test_the_first_matches_come_from_the_index_parts(self, synthetic):
        with CaptureQueriesContext(connection) as queries:
            views.page_of_entrepreneurs(views.find_entrepreneurs(QueryDict("q=demens")), 1)
        rounds = [query["sql"] for query in queries.captured_queries if "% 8)" in query["sql"]]
        assert rounds
        planned = "\n".join(self._plan(sql, None) for sql in rounds)
        read = {number for number in range(SEARCH_PARTS) if f"entrepreneur_search_part_{number}" in planned}
        assert 0 in read and read == set(range(max(read) + 1))  # the parts in order, each by its index
        assert planned.count("Bitmap Index Scan on entrepreneur_search_part_") == len(read)
        assert "Seq Scan" not in planned

    def test_without_the_settings_postgresql_would_read_the_table(self, synthetic):
        results = views.find_entrepreneurs(QueryDict("q=demens")).qs.order_by().values_list("pk", flat=True)
        sql, params = results[:501].query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + sql, params)
            unplanned = "\n".join(row[0] for row in cursor.fetchall())
        assert "Seq Scan on directory_socialentrepreneur" in unplanned  # what the settings prevent
        planned = self._plan(sql, params)
        assert "Bitmap Index Scan on entrepreneur_search_gin" in planned
        assert "Seq Scan" not in planned

    def test_a_part_index_answers_the_filters_too(self, synthetic):
        # The part's index holds the facets, so that a part need not be ANDed with the whole table's
        # facet index (which PostgreSQL would then read once per part). On 2 000 rows the whole
        # table's facet indexes are small enough to be picked; at 100 000 the part's own is
        # (docs/benchmarks.md). Without them, the part's index must answer every condition.
        with connection.cursor() as cursor:
            for name in ("areas", "groups", "forms", "coverage"):
                cursor.execute(f"DROP INDEX entrepreneur_facet_{name}")
        results = views.find_entrepreneurs(QueryDict("q=demens&fylke=03&omrade=eldreomsorg")).qs
        part = results.filter(in_search_part(0)).order_by().values_list("pk", flat=True)[:501]
        plan = self._plan(*part.query.sql_with_params())
        index_condition = next(line for line in plan.splitlines() if "Index Cond" in line)
        assert "Bitmap Index Scan on entrepreneur_search_part_0" in plan
        assert "search_vector @@" in index_condition
        assert "facet_coverage &&" in index_condition and "facet_service_areas &&" in index_condition

    def test_the_name_walk_reads_the_name_index(self, synthetic):
        from directory.search import NorwegianSortKey

        results = views.find_entrepreneurs(QueryDict("q=demens")).qs.order_by(NorwegianSortKey("name"), "pk")
        sql, params = results.values_list("pk", flat=True)[:20].query.sql_with_params()
        plan = self._plan(sql, params, in_name_order=True)
        assert "Index Scan using entrepreneur_sort_name" in plan
        assert "Bitmap" not in plan and "Seq Scan" not in plan

    def test_the_name_walk_tests_the_place_before_the_words(self, synthetic):
        from directory.search import NorwegianSortKey

        results = views.find_entrepreneurs(QueryDict("q=demens&fylke=03")).qs.order_by(NorwegianSortKey("name"), "pk")
        sql, params = results.values_list("pk", flat=True)[:20].query.sql_with_params()
        plan = self._plan(sql, params, in_name_order=True)
        # A row's search document is unpacked only if its coverage lets it through.
        assert plan.index("facet_coverage &&") < plan.index("search_vector @@")


@pytest.mark.django_db
class TestWalkByName:
    """filters.EntrepreneurFilterSet.walk_by_name: the same rows as the search, by name; with
    filters, the words are asked only for the rows the filters let through."""

    @pytest.fixture
    def synthetic(self):
        from directory.benchmark import fill_synthetic_data

        fill_synthetic_data(2000, 1)

    @pytest.mark.parametrize(
        ("query", "any_word"),
        [
            ("q=demens&fylke=03", False),
            ("q=ensomhet+eldre&omrade=eldreomsorg", False),
            ("q=demens+kafé&fylke=03", True),
            ("q=demens", False),
        ],
    )
    def test_the_same_rows_in_the_same_order(self, synthetic, query, any_word):
        from directory.search import NorwegianSortKey

        filterset = views.find_entrepreneurs(QueryDict(query))
        results = filterset.any_word() if any_word else filterset.qs
        expected = list(results.order_by(NorwegianSortKey("name"), "pk").values_list("pk", flat=True)[:60])
        walked = filterset.walk_by_name(any_word=any_word).values_list("pk", flat=True)[:60]
        assert expected and planned_values(walked, in_name_order=True) == expected

    def test_with_filters_the_words_are_asked_after_them_and_no_workers_start(self, synthetic):
        filterset = views.find_entrepreneurs(QueryDict("q=demens&fylke=03"))
        filterset.qs  # noqa: B018 (runs the text filter)
        sql, params = filterset.walk_by_name().values_list("pk", flat=True)[:20].query.sql_with_params()
        with planned_search(in_name_order=True), connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "Nested Loop" in plan and "Gather" not in plan
        assert plan.index("using entrepreneur_sort_name_filters") < plan.index("facet_coverage &&")
        assert plan.index("facet_coverage &&") < plan.index("search_vector @@")


@pytest.mark.django_db
class TestFirstMatches:
    """search.first_matches reads the index's parts until it has enough."""

    @pytest.fixture
    def spread(self):
        # Ids in several blocks of SEARCH_PART_IDS, so in several parts.
        made = []
        for index in range(6):
            entrepreneur = factories.entrepreneur(f"Kafé {index}", summary="Vi driver en kafé")
            SocialEntrepreneur.objects.filter(pk=entrepreneur.pk).update(id=1 + index * SEARCH_PART_IDS * 3)
            made.append(1 + index * SEARCH_PART_IDS * 3)
        factories.entrepreneur("Annet", summary="Noe helt annet")
        return made

    def _results(self, text="kafé"):
        return views.find_entrepreneurs(QueryDict(urlencode({"q": text}))).qs

    def test_the_parts_hold_every_row_once(self, spread):
        parts = [
            set(SocialEntrepreneur.objects.filter(in_search_part(number)).values_list("pk", flat=True))
            for number in range(SEARCH_PARTS)
        ]
        assert sum(len(part) for part in parts) == SocialEntrepreneur.objects.count()
        assert len([part for part in parts if part & set(spread)]) > 2

    def test_every_match_within_the_limit_is_found(self, spread):
        assert sorted(first_matches(self._results(), 10)) == spread
        assert first_matches(self._results("helt annet"), 10) != []
        assert first_matches(self._results("ingenting"), 10) == []
        assert first_matches(self._results("og i"), 10) == []  # only stop words

    def test_no_more_than_the_limit(self, spread):
        found = first_matches(self._results(), 4)
        assert len(found) == 4 and set(found) <= set(spread)

    def test_a_part_that_fills_the_limit_ends_the_reading(self, spread):
        # Five more in the first part's block: the first part alone fills a limit of four.
        for index in range(5):
            entrepreneur = factories.entrepreneur(f"Kafé første {index}", summary="Kafé")
            SocialEntrepreneur.objects.filter(pk=entrepreneur.pk).update(id=2 + index)
        with CaptureQueriesContext(connection) as queries:
            found = first_matches(self._results(), 4)
        assert len(found) == 4 and set(found) <= {2, 3, 4, 5, 6, spread[0]}
        assert len([query for query in queries.captured_queries if "% 8)" in query["sql"]]) == 1

    def test_with_filters_every_part_is_read_in_one_round(self, spread):
        with CaptureQueriesContext(connection) as queries:
            found = first_matches(self._results(), 10, filtered=True)
        assert sorted(found) == spread
        [statement] = [query["sql"] for query in queries.captured_queries if "% 8)" in query["sql"]]
        assert statement.count("UNION ALL") == SEARCH_PARTS - 1

    def test_the_other_filters_apply_in_every_part(self, spread):
        oslo = factories.municipality("0301")
        in_oslo = factories.entrepreneur("Kafé Oslo", summary="Kafé", municipalities=[oslo])
        results = views.find_entrepreneurs(QueryDict("q=kafé&kommune=0301")).qs
        assert first_matches(results, 10) == [in_oslo.pk]


@pytest.mark.django_db
class TestBroadSearches:
    @pytest.fixture(autouse=True)
    def small_cap(self, monkeypatch):
        monkeypatch.setattr(views, "RESULT_CAP", 4)
        monkeypatch.setattr(views, "PAGE_SIZE", 2)
        monkeypatch.setattr(views, "NAME_WALK_PAGES", 1)

    @pytest.fixture
    def cafes(self):
        # The name match would rank first by relevance; listed by name it takes its place.
        names = ["Østre", "Bakeri", "Kafé Nord", "Ærlig", "Alfa", "Zebra"]
        for name in names:
            factories.entrepreneur(name, summary="Vi driver en kafé for alle")
        factories.entrepreneur("Annet", summary="Noe helt annet")
        return ["Alfa", "Bakeri", "Kafé Nord", "Zebra", "Ærlig", "Østre"]

    def test_more_matches_than_are_ranked_are_listed_by_name_and_said_so(self, client, cafes):
        response = client.get(LIST, {"q": "kafé"})
        assert _names(response) == cafes[:2]
        assert response.context["page"].by_name_because_broad
        assert response.context["page"].paginator.is_capped
        assert "Mer enn 4 sosiale entreprenører" in response.content.decode()
        assert "Med så mange treff viser vi de første 4 i alfabetisk rekkefølge" in response.content.decode()
        # There is no relevance order to switch to.
        assert "sortering=relevans" not in response.content.decode()

    def test_the_pages_after_the_walk_go_on_in_the_same_order(self, client, cafes):
        shown = []
        for number in (1, 2, 3):
            shown += _names(client.get(LIST, {"q": "kafé", "side": number}))
        assert shown == cafes[:5]  # the count stops at RESULT_CAP + 1

    def test_a_page_past_the_end_shows_the_last(self, client, cafes):
        assert _names(client.get(LIST, {"q": "kafé", "side": 99})) == cafes[4:5]

    def test_searches_within_the_cap_are_ranked(self, client, cafes):
        response = client.get(LIST, {"q": "kafé nord"})
        assert _names(response) == ["Kafé Nord"]
        response = client.get(LIST, {"q": "kafé", "kommune": "0301"})
        assert _names(response) == []
        factories.entrepreneur("Kafé Oslo", summary="Kafé", municipalities=[factories.municipality("0301")])
        response = client.get(LIST, {"q": "kafé", "kommune": "0301"})
        assert _names(response) == ["Kafé Oslo"]
        assert not response.context["page"].by_name_because_broad

    def test_sorting_by_name_says_nothing_of_breadth(self, client, cafes):
        response = client.get(LIST, {"q": "kafé", "sortering": "navn"})
        assert _names(response) == cafes[:2]
        assert not response.context["page"].by_name_because_broad

    def test_the_count_without_filters_is_capped_too(self, client, cafes):
        factories.municipality("0301")
        response = client.get(LIST, {"q": "kafé", "kommune": "0301"})
        assert response.context["without_filters_count"] == 5
        assert "uten filtrene gir mer enn 4 treff" in response.content.decode()


@pytest.mark.django_db
class TestResultRows:
    """The result list shows areas and places from the facet columns and the cached taxonomies and
    places (views.entrepreneurs_to_list), and shows a change at once."""

    def _row(self, client) -> str:
        content = client.get(LIST).content.decode()
        return content[content.index('<li class="result">') :][:1500]

    def test_areas_in_their_order_and_places(self, client):
        later = factories.service_area("Arbeidsinkludering")
        later.position = 2
        later.save()
        first = factories.service_area("Eldreomsorg")
        first.position = 1
        first.save()
        factories.entrepreneur(
            "Kafé Sør",
            service_areas=[later, first],
            counties=[factories.county("50")],
            municipalities=[factories.municipality("0301"), factories.municipality("1833")],
        )
        row = self._row(client)
        assert row.index("Eldreomsorg") < row.index("Arbeidsinkludering")
        assert "Trøndelag, Oslo, Rana" in row

    def test_a_change_shows_at_once(self, client):
        area = factories.service_area("Eldreomsorg")
        entrepreneur = factories.entrepreneur("Kafé Sør", service_areas=[area])
        assert "Eldreomsorg" in self._row(client)
        area.name = "Seniortjenester"
        area.save()
        assert "Seniortjenester" in self._row(client)
        entrepreneur.service_areas.add(factories.service_area("Arbeidsinkludering"))
        entrepreneur.municipalities.add(factories.municipality("0301"))
        row = self._row(client)
        assert "Arbeidsinkludering" in row and "Oslo" in row
        entrepreneur.municipalities.clear()
        assert "Sted ikke oppgitt" in self._row(client)

    def test_nationwide(self, client):
        factories.entrepreneur("Kafé Sør", nationwide=True, counties=[factories.county("50")])
        assert "Hele landet" in self._row(client)

    def test_the_organisation_form_from_the_cached_taxonomy_in_the_reader_s_language(self, client):
        from django.test.utils import CaptureQueriesContext

        from directory.models import OrganisationForm

        foundation = OrganisationForm.objects.create(name="Stiftelse", name_en="Foundation", slug="stiftelse")
        entrepreneur = factories.entrepreneur("Kafé Sør", organisation_form=foundation)
        assert "· Stiftelse" in self._row(client)
        views.entrepreneurs_to_list([entrepreneur.pk])  # the taxonomy is now cached
        with CaptureQueriesContext(connection) as queries:
            [listed] = views.entrepreneurs_to_list([entrepreneur.pk])
        assert len(queries) == 1 and "directory_organisationform" not in queries[0]["sql"]
        assert listed.organisation_form.name == "Stiftelse"
        foundation.name = "Ideell stiftelse"
        foundation.save()
        assert "· Ideell stiftelse" in self._row(client)
        client.post("/i18n/setlang/", {"language": "en", "next": LIST})
        assert "· Foundation" in self._row(client)


@pytest.mark.django_db
class TestPlaceFiltersFromTheCache:
    """A county or municipality filter finds its place in the cached places (forms.cached_places)
    and filters by it, related filters included, without asking the database for the place."""

    def test_bodies_by_county(self, client):
        factories.public_body("Trondheim kommune", municipality=factories.municipality("5001"))
        factories.public_body("Oslo kommune", municipality=factories.municipality("0301"))
        for value in ("50", "trondelag"):
            names = [body.name for body in client.get("/virksomheter/", {"fylke": value}).context["page"].object_list]
            assert names == ["Trondheim kommune"], value

    def test_entrepreneurs_by_municipality_and_an_unknown_place(self, client):
        factories.entrepreneur("Kafé Trondheim", municipalities=[factories.municipality("5001")])
        factories.entrepreneur("Kafé Oslo", municipalities=[factories.municipality("0301")])
        assert _names(client.get(LIST, {"kommune": "5001"})) == ["Kafé Trondheim"]
        response = client.get(LIST, {"kommune": "9999"})
        assert "9999" in response.context["form"].errors["kommune"][0]


@pytest.mark.django_db
def test_rows_gone_since_their_ids_were_found_are_left_out():
    """Between the search and loading its page, a profile may be unpublished or deleted."""
    kept = factories.entrepreneur("Kafé Nord")
    hidden = factories.entrepreneur("Kafé Sør")
    gone = factories.entrepreneur("Kafé Vest")
    ids = [kept.pk, hidden.pk, gone.pk]
    hidden.status = "draft"
    hidden.save()
    gone.delete()
    assert [entrepreneur.name for entrepreneur in views.entrepreneurs_to_list(ids)] == ["Kafé Nord"]
