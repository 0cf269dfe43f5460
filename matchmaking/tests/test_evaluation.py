"""The quality of the matching on the evaluation set, against the booklet's data."""

import pytest
from django.core.management import call_command

from matchmaking.evaluation import (
    evaluate,
    precision_at,
    rank_by_fulltext,
    rank_by_matching,
    reciprocal_rank,
)
from matchmaking.tests.evaluation_set import EVALUATION_SET


@pytest.mark.parametrize(
    ("ranked", "expected", "precision", "strict", "rr"),
    [
        (["a", "b", "c"], ["a"], 1.0, 1 / 3, 1.0),
        (["b", "a", "c"], ["a", "c"], 1.0, 2 / 3, 0.5),
        (["b", "c", "d", "a"], ["a"], 0.0, 0.0, 0.25),
        (["b", "c", "d"], ["a", "b", "c", "d"], 1.0, 1.0, 1.0),
        ([], ["a"], 0.0, 0.0, 0.0),
    ],
)
def test_the_measures(ranked, expected, precision, strict, rr):
    assert precision_at(ranked, expected) == pytest.approx(precision)
    assert precision_at(ranked, expected, strict=True) == pytest.approx(strict)
    assert reciprocal_rank(ranked, expected) == pytest.approx(rr)


def test_the_evaluation_set_has_at_least_15_needs_each_with_expected_entrepreneurs():
    assert len(EVALUATION_SET) >= 15
    assert all(item.expected for item in EVALUATION_SET)


def test_every_expected_entrepreneur_is_in_the_booklet(booklet):
    from directory.models import SocialEntrepreneur

    slugs = set(SocialEntrepreneur.objects.published().values_list("slug", flat=True))
    assert {slug for item in EVALUATION_SET for slug in item.expected} <= slugs


def test_precision_at_3_is_at_least_0_8_and_beats_plain_full_text_search(booklet):
    matching = evaluate("matching", EVALUATION_SET, rank_by_matching)
    fulltext = evaluate("full-text", EVALUATION_SET, rank_by_fulltext)
    assert matching.precision_at_3 >= 0.8, [(r.title, r.ranked[:3]) for r in matching.results if r.precision < 1]
    assert matching.precision_at_3 > fulltext.precision_at_3
    assert matching.mean_reciprocal_rank > fulltext.mean_reciprocal_rank


def test_the_command_reports_both_side_by_side(booklet, capsys):
    call_command("evaluate_matching", "--details")
    output = capsys.readouterr().out
    assert "matching" in output and "full-text" in output
    assert "tuning set" in output and "check set" in output
    assert "P@3" in output and "MRR" in output


def test_the_check_set_is_kept_apart_and_cites_the_booklets_lines():
    from matchmaking.tests.check_set import CHECK_SET

    assert len(CHECK_SET) >= 20
    assert not {item.title for item in CHECK_SET} & {item.title for item in EVALUATION_SET}
    for item in CHECK_SET:
        assert item.expected, item.title
        assert item.source.startswith("linje "), item.title
    # Sparse ticks: at most one area and one group each, and most needs without any target group.
    assert all(len(item.service_areas) <= 1 and len(item.target_groups) <= 1 for item in CHECK_SET)
    assert sum(1 for item in CHECK_SET if not item.target_groups) >= len(CHECK_SET) // 2


def test_each_citation_names_lines_of_the_booklets_text():
    """Line numbers of the booklet's text (423 lines); docs/benchmarks.md lists what each line says."""
    import re

    from matchmaking.tests.check_set import CHECK_SET

    for item in CHECK_SET:
        numbers = [int(number) for number in re.findall(r"\d+", item.source.split("(")[0])]
        assert numbers and all(1 <= number <= 423 for number in numbers), item.source


def test_matching_beats_plain_full_text_on_the_check_set_too(booklet):
    from matchmaking.tests.check_set import CHECK_SET

    matching = evaluate("matching", CHECK_SET, rank_by_matching)
    fulltext = evaluate("full-text", CHECK_SET, rank_by_fulltext)
    assert matching.hits_at_3 > fulltext.hits_at_3
    assert matching.mean_reciprocal_rank > fulltext.mean_reciprocal_rank


def test_every_expected_entrepreneur_of_the_check_set_is_in_the_booklet(booklet):
    from directory.models import SocialEntrepreneur
    from matchmaking.tests.check_set import CHECK_SET

    slugs = set(SocialEntrepreneur.objects.published().values_list("slug", flat=True))
    assert {slug for item in CHECK_SET for slug in item.expected} <= slugs
