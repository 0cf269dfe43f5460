"""Which facts need checking: older than 12 months, never checked, or carrying a doubt."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from procurement import freshness
from procurement.freshness import Fact
from procurement.models import GuidancePage, ThresholdPeriod, ThresholdUncertainty


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 11, 30), 12, date(2025, 11, 30)),
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2028, 2, 29), 12, date(2027, 2, 28)),
        (date(2026, 1, 15), 1, date(2025, 12, 15)),
    ],
)
def test_months_before(day, months, expected):
    assert freshness.months_before(day, months) == expected


@pytest.mark.parametrize(
    ("last_verified", "too_old"),
    [
        (date(2025, 11, 30), False),  # exactly twelve months: still fresh
        (date(2025, 11, 29), True),  # one day more
        (date(2026, 11, 30), False),
        (None, True),
    ],
)
def test_a_fact_is_too_old_after_twelve_months(last_verified, too_old):
    assert freshness.is_too_old(last_verified, date(2026, 11, 30)) == too_old


def test_findings_list_old_and_doubtful_facts_oldest_first():
    facts = [
        Fact("side", "Fersk", date(2026, 11, 1)),
        Fact("side", "Gammel", date(2024, 1, 1)),
        Fact("periode", "Usikker", date(2026, 11, 1), doubts=("Én kilde.",)),
        Fact("side", "Aldri", None),
    ]
    found = freshness.findings(facts, date(2026, 11, 30))
    assert [finding.fact.label for finding in found] == ["Aldri", "Gammel", "Usikker"]
    assert [finding.too_old for finding in found] == [True, True, False]


@pytest.mark.django_db
class TestTheCommand:
    def test_it_names_the_doubtful_seeded_facts_and_fails(self, capsys):
        with pytest.raises(CommandError, match="facts need checking"):
            call_command("check_guidance")
        out = capsys.readouterr().out
        assert "Terskelverdier fra 01.07.2026" in out
        assert "Nedre grense: Sekundærkilder" in out
        assert "Slik kommer dere i gang (last verified never)" in out

    def test_it_passes_when_everything_is_fresh_and_settled(self, capsys, today):
        ThresholdUncertainty.objects.all().delete()
        ThresholdPeriod.objects.update(last_verified=today)
        GuidancePage.objects.update(last_verified=today, doubt="")
        call_command("check_guidance")
        assert "Every period and guidance page was verified" in capsys.readouterr().out

    def test_an_old_check_alone_is_enough_to_fail(self, capsys, today):
        ThresholdUncertainty.objects.all().delete()
        ThresholdPeriod.objects.update(last_verified=today)
        GuidancePage.objects.update(last_verified=today, doubt="")
        GuidancePage.objects.filter(slug="myter").update(last_verified=date(2020, 1, 1))
        with pytest.raises(CommandError, match="1 facts need checking"):
            call_command("check_guidance")
        assert "older than 12 months" in capsys.readouterr().out
