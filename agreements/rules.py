"""Pure rules for agreements and their follow-up: no request and no ORM inside."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

# Weeks after a dialogue starts when both sides are asked how it went.
FOLLOW_UP_WEEKS = (4, 12)
# Counts below this are shown as "under 5", so that no single collaboration can be picked out.
SMALL_COUNT = 5


def follow_up_due(started: date, today: date, asked: set[int], settled: bool) -> int | None:
    """Which follow-up (4 or 12 weeks) one side should be asked now, if any.

    Nothing once the dialogue is settled (an agreement, a decline, or an answer "agreed" or
    "stopped"). Each stage is asked once. When the four-week question was never sent and twelve
    weeks have passed (the job did not run), only the twelve-week one is sent.
    """
    if settled:
        return None
    days = (today - started).days
    for weeks in sorted(FOLLOW_UP_WEEKS, reverse=True):
        if days >= weeks * 7:
            return None if weeks in asked else weeks
    return None


def change_against_baseline(baseline: Decimal, latest: Decimal | None) -> tuple[Decimal, Decimal | None] | None:
    """The change from the baseline to the latest value, in units and in per cent (None when the
    baseline is zero, where a percentage means nothing)."""
    if latest is None:
        return None
    change = latest - baseline
    percent = None if baseline == 0 else (change / abs(baseline) * 100).quantize(Decimal("0.1"))
    return change, percent


def small_count(count: int) -> int | None:
    """The count to publish, or None for "under 5"."""
    return None if 0 < count < SMALL_COUNT else count


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    label: str
    value: Decimal


@dataclass(frozen=True)
class Chart:
    """A line chart laid out for SVG: points in the drawing's coordinates, and the axis labels."""

    width: int
    height: int
    points: tuple[ChartPoint, ...]
    polyline: str
    y_min: Decimal
    y_max: Decimal
    target_y: float | None
    baseline_y: float


def line_chart(
    series: list[tuple[date, Decimal]],
    baseline: Decimal,
    target: Decimal | None,
    width: int = 480,
    height: int = 200,
    pad: int = 40,
) -> Chart:
    """Lay out the values over time. The baseline is the first point; x is proportional to the
    date, y to the value between the smallest and largest of values, baseline and target."""
    values = [value for _day, value in series] + [baseline] + ([target] if target is not None else [])
    low, high = min(values), max(values)
    if low == high:
        low, high = low - 1, high + 1
    first, last = series[0][0], series[-1][0]
    span_days = max((last - first).days, 1)

    def y_of(value: Decimal) -> float:
        return round(height - pad - float((value - low) / (high - low)) * (height - 2 * pad), 1)

    def x_of(day: date) -> float:
        if len(series) == 1:
            return float(pad)
        return round(pad + (day - first).days / span_days * (width - 2 * pad), 1)

    points = tuple(ChartPoint(x_of(day), y_of(value), day.isoformat(), value) for day, value in series)
    return Chart(
        width=width,
        height=height,
        points=points,
        polyline=" ".join(f"{point.x},{point.y}" for point in points),
        y_min=low,
        y_max=high,
        target_y=y_of(target) if target is not None else None,
        baseline_y=y_of(baseline),
    )


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when it is shorter (31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


# Value bands for agreements on the statistics page, in whole kroner excluding VAT. The first two
# edges are the lower limit of the procurement rules before and after 1 July 2026 (100 000 and
# 500 000); 2 000 000 is roughly the EEA threshold for municipalities' goods and services.
VALUE_BAND_EDGES = (100_000, 500_000, 2_000_000)


def value_band(value: int | None) -> int | None:
    """The index of the value's band (0 = under 100 000 … 3 = 2 000 000 or more); None without a value."""
    if value is None:
        return None
    return sum(1 for edge in VALUE_BAND_EDGES if value >= edge)


def median(values: list[float]) -> float | None:
    """The median, or None for fewer than SMALL_COUNT values (too few to publish)."""
    if len(values) < SMALL_COUNT:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    shown: int | None  # None: "under 5", not drawn
    y: int
    width: float


def bar_chart(rows: list[tuple[str, int]], width: int = 360, row_height: int = 28) -> tuple[list[Bar], int]:
    """Horizontal bars for SVG, scaled to the largest count; small counts get no bar. Returns the
    bars and the drawing's height."""
    shown = [(label, count, small_count(count)) for label, count in rows]
    largest = max((value for _label, _count, value in shown if value), default=0)
    bars = [
        Bar(label, count, value, index * row_height, round((value or 0) / largest * width, 1) if largest else 0.0)
        for index, (label, count, value) in enumerate(shown)
    ]
    return bars, max(len(bars) * row_height, row_height)
