"""Which facts of the guide need checking: pure functions over plain values.

A fact (a threshold period or a guidance page) needs checking when a curator last verified it more
than twelve months ago (or never), or while it carries a doubt nobody has resolved. The admin's
"last verified" view and `manage.py check_guidance` both use this.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

MAX_AGE_MONTHS = 12


@dataclass(frozen=True)
class Fact:
    kind: str
    label: str
    last_verified: date | None
    doubts: tuple[str, ...] = ()
    admin_url: str = ""


@dataclass(frozen=True)
class Finding:
    fact: Fact
    too_old: bool
    doubts: tuple[str, ...]


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier; the last day of the month when that day does not exist."""
    year, month = divmod(day.month - 1 - months, 12)
    year, month = day.year + year, month + 1
    for candidate_day in range(day.day, 27, -1):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    return date(year, month, min(day.day, 28))


def is_too_old(last_verified: date | None, today: date) -> bool:
    """Verified more than twelve months before today, or never."""
    return last_verified is None or last_verified < months_before(today, MAX_AGE_MONTHS)


def oldest_first(facts: Iterable[Fact]) -> list[Fact]:
    """Never verified first, then the oldest check first."""
    return sorted(facts, key=lambda fact: (fact.last_verified is not None, fact.last_verified or date.min, fact.label))


def findings(facts: Iterable[Fact], today: date) -> list[Finding]:
    """The facts that need checking, oldest first."""
    found = []
    for fact in oldest_first(facts):
        too_old = is_too_old(fact.last_verified, today)
        if too_old or fact.doubts:
            found.append(Finding(fact, too_old, fact.doubts))
    return found
