"""The pure rules: when to follow up, change against the baseline, small counts, the chart layout."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from agreements.rules import change_against_baseline, follow_up_due, line_chart, small_count

START = date(2026, 1, 5)


@pytest.mark.parametrize(
    ("days", "asked", "settled", "expected"),
    [
        (0, set(), False, None),
        (27, set(), False, None),
        (28, set(), False, 4),
        (40, {4}, False, None),
        (83, {4}, False, None),
        (84, {4}, False, 12),
        (84, set(), False, 12),  # the job missed week 4: only the twelve-week question
        (90, {4, 12}, False, None),
        (200, {12}, False, None),
        (28, set(), True, None),
        (84, {4}, True, None),
    ],
)
def test_follow_up_due(days, asked, settled, expected):
    assert follow_up_due(START, START + timedelta(days=days), asked, settled) == expected


@pytest.mark.parametrize(
    ("baseline", "latest", "expected"),
    [
        ("10", None, None),
        ("10", "15", (Decimal("5"), Decimal("50.0"))),
        ("10", "7.5", (Decimal("-2.5"), Decimal("-25.0"))),
        ("0", "3", (Decimal("3"), None)),
        ("-4", "-2", (Decimal("2"), Decimal("50.0"))),
    ],
)
def test_change_against_baseline(baseline, latest, expected):
    latest = Decimal(latest) if latest is not None else None
    assert change_against_baseline(Decimal(baseline), latest) == expected


@pytest.mark.parametrize(("count", "shown"), [(0, 0), (1, None), (4, None), (5, 5), (120, 120)])
def test_small_counts_are_hidden(count, shown):
    assert small_count(count) == shown


def test_the_chart_puts_the_first_and_last_day_at_the_edges_and_values_in_range():
    series = [(date(2026, 1, 1), Decimal("10")), (date(2026, 2, 1), Decimal("20")), (date(2026, 3, 1), Decimal("15"))]
    chart = line_chart(series, Decimal("10"), Decimal("30"), width=480, height=200, pad=40)
    xs = [point.x for point in chart.points]
    assert xs[0] == 40 and xs[-1] == 440 and xs[0] < xs[1] < xs[2]
    assert chart.y_min == 10 and chart.y_max == 30
    assert chart.baseline_y == 160 and chart.target_y == 40
    assert chart.points[1].y == 100  # 20 is halfway between 10 and 30
    assert chart.polyline == "40.0,160.0 " + f"{xs[1]},100.0 " + f"440.0,{chart.points[2].y}"


def test_a_chart_of_one_flat_point_still_has_a_range():
    chart = line_chart([(date(2026, 1, 1), Decimal("5"))], Decimal("5"), None)
    assert chart.y_min == 4 and chart.y_max == 6 and chart.target_y is None
    assert len(chart.points) == 1
