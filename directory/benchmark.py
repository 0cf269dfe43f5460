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

# Words from the booklet's field, so that queries hit realistic numbers of documents.
VOCABULARY = """
demens pårørende sykehjem sykehjemmene eldre ensomhet besøk besøksvenn ungdom ungdommer barn unge
familie barnefamilier fattigdom levekår arbeid arbeidstrening jobb inkludering arbeidsledige
straffedømte fengsel rus rusfri psykisk helse rehabilitering mestring trening friluftsliv idrett
utstyr utlån fritid kultur skole naturfag realfag kurs lærling mentor veiledning oppfølging
integrering flyktninger nyankomne språk bolig boligsosialt bostedsløse økonomi digital
kommunikasjon plattform app velferd innovasjon samskaping frivillige nabolag bydel kafé møteplass
matservering gjenbruk miljø sykkel kjøring førerkort barnevern fosterhjem skolevegring frafall lese
leksehjelp dans musikk kunst
""".split()
FILLER = "og for med i til som på av gir tilbyr hjelper sammen".split()


def _words_sql(count: int, seed_column: str) -> str:
    """SQL that builds a random sentence per row; the reference to a row column keeps it per row."""
    vocabulary = "ARRAY[" + ",".join(f"'{word}'" for word in VOCABULARY + FILLER * 2) + "]"
    return (
        f"(SELECT string_agg(({vocabulary})[1 + floor(random() * {len(VOCABULARY) + 2 * len(FILLER)})::int], ' ') "
        f"FROM generate_series(1, {count} + 0 * {seed_column}))"
    )


def fill_synthetic_data(entrepreneurs: int, offers_per_entrepreneur: int) -> None:
    """Fill the (empty, migrated) current database with synthetic taxonomies, entrepreneurs and offers."""
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
                    f"INSERT INTO {table} (name, slug, description, position) VALUES (%s, %s, '', %s) "
                    "ON CONFLICT (slug) DO NOTHING",
                    [term["name"], term["slug"], position],
                )
        cursor.execute(
            f"""
            INSERT INTO directory_socialentrepreneur
                (name, slug, orgnr, organisation_form_id, founded, summary, social_mission, description, website,
                 email, nationwide, status, rejection_reason, source, created, updated)
            SELECT 'Syntetisk entreprenør ' || i, 'syntetisk-' || i, NULL,
                   (SELECT id FROM directory_organisationform ORDER BY id OFFSET i % 5 LIMIT 1), NULL,
                   left({_words_sql(12, "i")}, 300), {_words_sql(20, "i")}, {_words_sql(60, "i")}, '', '',
                   i % 10 = 0, CASE WHEN i % 50 = 0 THEN 'draft' ELSE 'published' END, '', %s, now(), now()
              FROM generate_series(1, %s) AS i
            """,
            [SYNTHETIC_SOURCE, entrepreneurs],
        )
        # Taxonomies and coverage: one to three service areas and target groups each; 10 % nationwide,
        # 30 % in one county, the rest in one to three municipalities.
        for through, column, table in [
            ("directory_socialentrepreneur_service_areas", "servicearea_id", "directory_servicearea"),
            ("directory_socialentrepreneur_target_groups", "targetgroup_id", "directory_targetgroup"),
        ]:
            cursor.execute(
                f"""
                INSERT INTO {through} (socialentrepreneur_id, {column})
                SELECT e.id, t.id FROM directory_socialentrepreneur e
                CROSS JOIN LATERAL (SELECT id FROM {table} ORDER BY random() + 0 * e.id LIMIT 1 + e.id % 3) t
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
            SELECT e.id, initcap({_words_sql(3, "e.id + n")}), {_words_sql(40, "e.id + n")}, '', '', '', '',
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
        cursor.execute("ANALYZE")


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
    """Time the search itself (count and first page, as the list page runs them) and the whole page."""
    from directory.forms import EntrepreneurSearchForm
    from directory.views import PAGE_SIZE, entrepreneur_list, find_entrepreneurs

    factory = RequestFactory()
    search_times: list[float] = []
    page_times: list[float] = []
    for _ in range(rounds):
        for query in QUERIES:
            request = factory.get("/entreprenorer/?" + query)
            start = time.perf_counter()
            form = EntrepreneurSearchForm(request.GET)
            values = form.values()
            sort = values.get("sortering") or (form.Sort.RELEVANCE if values.get("q") else form.Sort.NAME)
            results = find_entrepreneurs(values, sort)
            total = results.count()
            list(results[:PAGE_SIZE])
            search_times.append((time.perf_counter() - start) * 1000)
            assert total >= 0, query

            request = factory.get("/entreprenorer/?" + query)
            request.user = AnonymousUser()
            start = time.perf_counter()
            response = entrepreneur_list(request)
            page_times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
    return (
        Timing("search", _percentile(search_times, 0.5), _percentile(search_times, 0.95), max(search_times)),
        Timing("list page", _percentile(page_times, 0.5), _percentile(page_times, 0.95), max(page_times)),
    )
