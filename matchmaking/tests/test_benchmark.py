"""The matching benchmark: its timing function on a small data set, and the command's report."""

import pytest
from django.core.management import call_command

from directory.benchmark import SYNTHETIC_SOURCE
from directory.tests import factories
from matchmaking import benchmark

pytestmark = pytest.mark.django_db


@pytest.fixture
def some_entrepreneurs(booklet):
    elderly = factories.service_area("Eldreomsorg")
    for number in range(3):
        factories.entrepreneur(f"Syntetisk {number}", nationwide=True, service_areas=[elderly], source=SYNTHETIC_SOURCE)


def test_every_benchmark_need_finds_its_places_and_terms(booklet):
    for need in benchmark.NEEDS:
        spec = benchmark.spec_for(need)
        assert len(spec.service_areas) == len(need.service_areas), need.title
        assert len(spec.target_groups) == len(need.target_groups), need.title


def test_time_matching_reports_percentiles(some_entrepreneurs):
    timings = benchmark.time_matching(rounds=2)
    assert 0 < timings.total.p50_ms <= timings.total.p95_ms <= timings.total.max_ms
    assert timings.narrowing.p50_ms > 0
    assert timings.results > 0


def test_the_narrowing_keeps_the_best_on_a_small_data_set(some_entrepreneurs):
    reaching, ratio = benchmark.top_quality(limit=5, wide_pool=1000)
    assert reaching == pytest.approx(1.0)
    assert ratio == pytest.approx(1.0)


def test_the_command_uses_the_benchmark_database_and_reports(some_entrepreneurs, monkeypatch, capsys):
    from directory.management.commands import benchmark_search

    switched = []
    monkeypatch.setattr(
        benchmark_search.Command, "_use_database", lambda self, name, *, refill: switched.append((name, refill))
    )
    monkeypatch.setattr(
        "matchmaking.management.commands.benchmark_matching.fill_synthetic_data",
        lambda *args: pytest.fail("the data are there already"),
    )
    call_command("benchmark_matching", "--entrepreneurs", "3", "--rounds", "1", "--overlap")
    output = capsys.readouterr().out
    assert switched and switched[0][0].endswith("_benchmark")
    assert "matching: p50" in output and "narrowing: p50" in output
    assert "quality:" in output
