"""Synthetic data and timings for the search benchmark (manage.py benchmark_search).

Everything here writes to a separate database whose rows are all marked synthetic («Syntetisk …»,
source «Syntetiske testdata»). It is never mixed into the demo data.

All SQL here is built from constants in this module (ruff S608 is silenced for the file).
"""

import json
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory

SYNTHETIC_SOURCE = "Syntetiske testdata for ytelsesmåling"

# Text is drawn like real profiles: each entrepreneur has a theme (one per service area) whose words
# dominate its texts, mixed with words any profile uses. A theme word thus appears in a few per cent
# of the documents and a general word in most, as in real text.
THEMES = [
    "barnehage småbarn lek språk foreldre barnehagebarn pedagogikk",
    "skole elever leksehjelp naturfag realfag lesing skolevegring frafall lærere",
    "arbeidstrening jobb arbeidsledige lærling arbeidsgivere praksisplass lønn arbeidsinkludering",
    "helse helsepersonell friskliv trening kosthold fastlege pasienter",
    "rehabilitering mestring opptrening funksjonsnedsettelse hjelpemidler hverdagsrehabilitering",
    "eldre sykehjem demens pårørende ensomhet besøk besøksvenn hjemmetjeneste",
    "psykisk rus rusfri avhengighet angst samtale lavterskel",
    "barnevern fosterhjem ungdom familier omsorg barnevernsbarn",
    "bolig boligsosialt bostedsløse husleie bostøtte leilighet",
    "integrering flyktninger nyankomne norskopplæring språkpraksis mangfold",
    "fengsel straffedømte løslatelse tilbakefall kriminalitet soning",
    "fritid idrett kultur musikk dans utstyr utlån friluftsliv",
    "fattigdom levekår barnefamilier økonomi gjeld lavinntekt",
    "miljø gjenbruk sirkulær avfall sykkel reparasjon",
    "næringsutvikling gründere innovasjon etablerere inkubator næringshage",
]
GENERAL = """
tilbyr tjeneste kommunen kommuner samarbeid brukere deltakere tiltak program prosjekt erfaring kompetanse
kvalitet trygghet hverdag lokalt nasjonalt gruppe individuell oppfølging modell metode effekt resultater
ansatte frivillige nettverk fellesskap aktiviteter møteplass dialog veiledning kurs opplæring utvikling
sosial entreprenør virksomhet drift avtale pilot evaluering måling digital plattform verktøy mennesker
""".split()
FILLER = "og for med i til som på av gir hjelper sammen der når".split()


def _words_sql(count: int, seed_column: str, theme_column: str) -> str:
    """SQL for a random sentence per row: about half theme words, the rest general words and filler.

    For statements run with parameters: the modulo sign is doubled.

    The reference to a row column in generate_series keeps PostgreSQL from computing it only once.
    """
    themes = "ARRAY[" + ",".join(f"ARRAY{theme.split()[:6]!r}" for theme in THEMES) + "]"
    general = "ARRAY" + repr(GENERAL + FILLER)
    # g.n inside the aggregate keeps it an aggregate of the subquery, not of the outer query.
    return (
        f"(SELECT string_agg(CASE WHEN random() < 0.45 "
        f"THEN ({themes})[1 + {theme_column} %% {len(THEMES)}][1 + floor(random() * 6)::int + 0 * g.n] "
        f"ELSE ({general})[1 + floor(random() * {len(GENERAL) + len(FILLER)})::int + 0 * g.n] END, ' ') "
        f"FROM generate_series(1, {count} + 0 * {seed_column}) AS g(n))"
    )


def fill_synthetic_data(entrepreneurs: int, offers_per_entrepreneur: int) -> None:
    """Fill the (empty, migrated) current database with synthetic taxonomies, entrepreneurs and offers.

    The search triggers are switched off while filling and the documents are built in one pass at
    the end, as they would have been row by row.
    """
    taxonomies = json.loads((Path(settings.BASE_DIR) / "fixtures" / "taxonomies.json").read_text(encoding="utf-8"))
    tables = {
        "service_areas": "directory_servicearea",
        "target_groups": "directory_targetgroup",
        "collaboration_forms": "directory_collaborationform",
        "organisation_forms": "directory_organisationform",
    }
    with connection.cursor() as cursor:
        for key, table in tables.items():
            for position, term in enumerate(taxonomies[key], start=1):
                cursor.execute(
                    f"INSERT INTO {table} (name, name_nb, slug, description, description_nb, position) "
                    "VALUES (%s, %s, %s, '', '', %s) ON CONFLICT (slug) DO NOTHING",
                    [term["name"], term["name"], term["slug"], position],
                )
        cursor.execute("SET session_replication_role = replica")  # no triggers while filling
        cursor.execute(
            f"""
            INSERT INTO directory_socialentrepreneur
                (name, slug, orgnr, organisation_form_id, founded, summary, social_mission, description, website,
                 email, nationwide, status, rejection_reason, source, created, updated, facet_service_areas,
                 facet_target_groups, facet_collaboration_forms, facet_coverage, register_flag,
                 register_proposal, declares_work_integration, declares_non_profit)
            SELECT 'Syntetisk entreprenør ' || i, 'syntetisk-' || i, NULL,
                   (SELECT id FROM directory_organisationform ORDER BY id OFFSET i %% 5 LIMIT 1), NULL,
                   left({_words_sql(12, "i", "i")}, 300), {_words_sql(20, "i", "i")}, {_words_sql(60, "i", "i")},
                   '', '', i %% 10 = 0, CASE WHEN i %% 50 = 0 THEN 'draft' ELSE 'published' END, '', %s, now(), now(),
                   '{{}}', '{{}}', '{{}}', '{{}}', '', '{{}}'::jsonb, false, false
              FROM generate_series(0, %s - 1) AS i
            """,
            [SYNTHETIC_SOURCE, entrepreneurs],
        )
        # The theme's service area first, then up to two more; one to three target groups; coverage:
        # 10 % nationwide, 30 % one county, the rest one to three municipalities.
        cursor.execute(
            f"""
            INSERT INTO directory_socialentrepreneur_service_areas (socialentrepreneur_id, servicearea_id)
            SELECT DISTINCT e.id, t.id FROM directory_socialentrepreneur e
            CROSS JOIN LATERAL (
                (SELECT id FROM directory_servicearea ORDER BY position, id
                  OFFSET (substring(e.slug from 11)::int % {len(THEMES)}) LIMIT 1)
                UNION ALL
                (SELECT id FROM directory_servicearea ORDER BY random() + 0 * e.id LIMIT e.id % 3)
            ) t
            """
        )
        cursor.execute(
            """
            INSERT INTO directory_socialentrepreneur_target_groups (socialentrepreneur_id, targetgroup_id)
            SELECT e.id, t.id FROM directory_socialentrepreneur e
            CROSS JOIN LATERAL (SELECT id FROM directory_targetgroup ORDER BY random() + 0 * e.id
                                 LIMIT 1 + e.id % 3) t
            """
        )
        cursor.execute(
            """
            INSERT INTO directory_socialentrepreneur_counties (socialentrepreneur_id, county_id)
            SELECT e.id, (SELECT id FROM directory_county ORDER BY random() + 0 * e.id LIMIT 1)
              FROM directory_socialentrepreneur e WHERE NOT e.nationwide AND e.id % 10 IN (1, 2, 3)
            """
        )
        cursor.execute(
            """
            INSERT INTO directory_socialentrepreneur_municipalities (socialentrepreneur_id, municipality_id)
            SELECT e.id, m.id FROM directory_socialentrepreneur e
            CROSS JOIN LATERAL (SELECT id FROM directory_municipality ORDER BY random() + 0 * e.id
                                 LIMIT 1 + e.id % 3) m
             WHERE NOT e.nationwide AND e.id % 10 NOT IN (1, 2, 3)
            """
        )
        cursor.execute(
            f"""
            INSERT INTO directory_offer (entrepreneur_id, title, description, price, price_model, evidence,
                                         evidence_url, status, created, updated)
            SELECT e.id, initcap({_words_sql(3, "e.id + n", "substring(e.slug from 11)::int")}),
                   {_words_sql(40, "e.id + n", "substring(e.slug from 11)::int")}, '', '', '', '',
                   'published', now(), now()
              FROM directory_socialentrepreneur e CROSS JOIN generate_series(1, %s) AS n
            """,
            [offers_per_entrepreneur],
        )
        cursor.execute(
            """
            INSERT INTO directory_offer_collaboration_forms (offer_id, collaborationform_id)
            SELECT o.id, (SELECT id FROM directory_collaborationform ORDER BY random() + 0 * o.id LIMIT 1)
              FROM directory_offer o
            """
        )
        cursor.execute("SET session_replication_role = DEFAULT")
        # One pass of the search trigger builds every document, facet and search word.
        cursor.execute("UPDATE directory_socialentrepreneur SET search_vector = NULL")
    # The documents were built by updating every row once, which leaves each row's first version
    # dead: half the table's pages empty, which a table filled row by row would not have (a scan from
    # the start crossed 17 000 empty pages). VACUUM FULL writes the table as it would be; then the
    # statistics and the visibility map, as autovacuum would have them by the time anyone searches.
    # VACUUM cannot run in a transaction (a test's); the statistics are what matter there.
    with connection.cursor() as cursor:
        if connection.in_atomic_block:
            cursor.execute("ANALYZE")
        else:
            cursor.execute("VACUUM (FULL, ANALYZE)")
            cursor.execute("VACUUM")  # a rewritten table's visibility map is empty until vacuumed


# The fixed set of searches: words alone, inflections and typos, filters alone, and combinations.
QUERIES = [
    "q=demens",
    "q=sykehjemmene",
    "q=pårørende+demens",
    "q=arbeidstrening+ungdom",
    "q=straffedømte",
    "q=naturfg",
    "q=syntetisk+entreprenør+4711",
    "q=kafé&kommune=5001",
    "q=integrering&fylke=03",
    "q=ensomhet+eldre&omrade=eldreomsorg&kommune=0301",
    "omrade=arbeidsinkludering",
    "kommune=1833",
    "fylke=50&malgruppe=barn-og-unge",
    "samarbeidsform=pilotavtale&organisasjonsform=stiftelse",
    "",
    "side=200",
    "q=barn&sortering=navn&side=3",
]


@dataclass
class Timing:
    label: str
    p50_ms: float
    p95_ms: float
    max_ms: float


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def time_search(rounds: int) -> tuple[Timing, Timing]:
    """Time the search itself (count and first page, as the list page runs them) and the whole page,
    rendered every time: the page kept for anonymous visitors (fragments.cached_for_visitors) is
    left out, since it would time the cache after the first round."""
    import inspect

    from directory.views import entrepreneur_list, find_entrepreneurs, page_of_entrepreneurs

    render_list = inspect.unwrap(entrepreneur_list)

    factory = RequestFactory()
    search_times: list[float] = []
    page_times: list[float] = []
    for _ in range(rounds):
        for query in QUERIES:
            request = factory.get("/entreprenorer/?" + query)
            start = time.perf_counter()
            page = page_of_entrepreneurs(find_entrepreneurs(request.GET), request.GET.get("side"))
            total = page.paginator.count
            search_times.append((time.perf_counter() - start) * 1000)
            assert total >= 0, query

            request = factory.get("/entreprenorer/?" + query)
            request.user = AnonymousUser()
            start = time.perf_counter()
            response = render_list(request)
            page_times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
    return (
        Timing("search", _percentile(search_times, 0.5), _percentile(search_times, 0.95), max(search_times)),
        Timing("list page", _percentile(page_times, 0.5), _percentile(page_times, 0.95), max(page_times)),
    )


# Word searches beside their peer: Django admin's search (`icontains` over SocialEntrepreneurAdmin's
# search_fields, every word must match) over the same published rows, counted and cut to the same
# page of 20 — what a portal without full-text search would do. Both run in the same rounds.
WORD_QUERIES = [query for query in QUERIES if query.startswith("q=")]


def _admin_style_search(query_string: str) -> int:
    from django.contrib import admin
    from django.http import QueryDict

    from directory.models import SocialEntrepreneur

    values = QueryDict(query_string)
    model_admin = admin.site._registry[SocialEntrepreneur]
    request = RequestFactory().get("/admin/directory/socialentrepreneur/")
    request.user = AnonymousUser()
    queryset, may_have_duplicates = model_admin.get_search_results(
        request, SocialEntrepreneur.objects.published(), values.get("q", "")
    )
    if may_have_duplicates:
        queryset = queryset.distinct()
    total = queryset.count()
    page = list(queryset.order_by("name", "pk")[:20].values_list("pk", flat=True))
    assert len(page) <= total
    return total


def _portal_search(query_string: str) -> int:
    from django.http import QueryDict

    from directory.views import find_entrepreneurs, page_of_entrepreneurs

    data = QueryDict(query_string)
    page = page_of_entrepreneurs(find_entrepreneurs(data), data.get("side"))
    return page.paginator.count


def time_word_searches(rounds: int) -> tuple[Timing, Timing, list[tuple[str, float, float]]]:
    """p50/p95/max of the portal's word searches and of the admin-style peer, interleaved query by
    query so that both meet the same load; and per query the median of each (ms)."""
    portal: dict[str, list[float]] = {query: [] for query in WORD_QUERIES}
    peer: dict[str, list[float]] = {query: [] for query in WORD_QUERIES}
    for _ in range(rounds):
        for query in WORD_QUERIES:
            start = time.perf_counter()
            _portal_search(query)
            portal[query].append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            _admin_style_search(query)
            peer[query].append((time.perf_counter() - start) * 1000)
    all_portal = [value for values in portal.values() for value in values]
    all_peer = [value for values in peer.values() for value in values]
    per_query = [(query, _percentile(portal[query], 0.5), _percentile(peer[query], 0.5)) for query in WORD_QUERIES]
    return (
        Timing("word search", _percentile(all_portal, 0.5), _percentile(all_portal, 0.95), max(all_portal)),
        Timing("admin-style", _percentile(all_peer, 0.5), _percentile(all_peer, 0.95), max(all_peer)),
        per_query,
    )
