"""The benchmarks' synthetic data, filled for real on a small scale.

`--refill` once failed on columns added later without a value in the fill (NOT NULL); filling a few
rows here catches that, and shows the data are what the benchmarks assume: published and draft
entrepreneurs with documents, facets and offers, found by the search and by the matching.
"""

import pytest
from django.db.models import Q

from directory.benchmark import SYNTHETIC_SOURCE, fill_synthetic_data
from directory.models import Offer, PublicationStatus, SocialEntrepreneur
from directory.search import search_entrepreneurs
from matchmaking import benchmark as matching_benchmark
from matchmaking.candidates import find_matches

pytestmark = pytest.mark.django_db

ENTREPRENEURS = 120


@pytest.fixture
def synthetic():
    fill_synthetic_data(ENTREPRENEURS, 2)


def test_the_fill_gives_every_row_its_values(synthetic):
    synthetic_rows = SocialEntrepreneur.objects.filter(source=SYNTHETIC_SOURCE)
    assert synthetic_rows.count() == ENTREPRENEURS
    assert Offer.objects.filter(entrepreneur__source=SYNTHETIC_SOURCE).count() == 2 * ENTREPRENEURS
    # One in fifty is a draft, like profiles waiting for review.
    assert synthetic_rows.filter(status=PublicationStatus.DRAFT).count() == ENTREPRENEURS // 50 + 1
    # The search trigger ran once for all: documents, facets and coverage.
    assert not synthetic_rows.filter(Q(search_vector__isnull=True) | Q(facet_service_areas=[])).exists()
    assert not synthetic_rows.filter(facet_coverage=[]).exists()
    assert synthetic_rows.filter(nationwide=True, facet_coverage=["*"]).count() == ENTREPRENEURS // 10


def test_the_synthetic_data_are_found_by_search_and_matching(synthetic):
    found = search_entrepreneurs(SocialEntrepreneur.objects.published(), "syntetisk entreprenør 42")
    assert list(found.values_list("name", flat=True)) == ["Syntetisk entreprenør 42"]
    for need in matching_benchmark.NEEDS[:3]:
        matches = find_matches(matching_benchmark.spec_for(need), limit=20)
        assert matches, need.title
        assert all(match.entrepreneur.source == SYNTHETIC_SOURCE for match in matches)


def test_the_search_benchmark_renders_every_list_page(synthetic, monkeypatch):
    from directory.benchmark import time_search
    from veier import fragments

    asked = []
    original = fragments.fragment_key

    def recording(prefix, *args):
        asked.append(prefix)
        return original(prefix, *args)

    monkeypatch.setattr(fragments, "fragment_key", recording)
    search, page = time_search(rounds=2)
    assert 0 < search.p50_ms <= search.p95_ms <= search.max_ms
    assert 0 < page.p50_ms <= page.p95_ms <= page.max_ms
    # The page kept for anonymous visitors is never asked for: every round renders the list.
    assert "page" not in asked
