"""The rules engine, tested on plain values without a database.

The expected regimes are written out by hand from /work/shared/procurement-facts.md so that the
tests are an independent reading of the facts, not a copy of the code.
"""

from datetime import date

import pytest

from procurement import rules
from procurement.rules import Announcement as A
from procurement.rules import Buyer, Category, Regime, Thresholds

S, K = Buyer.STATLIG, Buyer.KOMMUNAL
VT, HS, BA = Category.VARER_TJENESTER, Category.HELSE_SOSIAL, Category.BYGG_ANLEGG
OUT, D1, D2, D3, D4 = Regime.UTENFOR, Regime.DEL_1, Regime.DEL_2, Regime.DEL_3, Regime.DEL_4


def period(valid_from, lower, national, central, other, works, special, **extra):
    return Thresholds(date.fromisoformat(valid_from), lower, national, central, other, works, special, **extra)


# The facts file's table: from, lower limit, national, EEA central, EEA other, EEA works, EEA special.
PERIODS = [
    period("2017-01-01", 100_000, 1_100_000, 1_100_000, 1_750_000, 44_000_000, 6_300_000),
    period("2018-04-06", 100_000, 1_300_000, 1_300_000, 2_000_000, 51_000_000, 6_950_000),
    period("2020-02-12", 100_000, 1_300_000, 1_300_000, 2_050_000, 51_500_000, 7_200_000),
    period("2022-03-23", 100_000, 1_300_000, 1_400_000, 2_200_000, 56_000_000, 7_800_000),
    period("2024-03-14", 100_000, 1_300_000, 1_490_000, 2_300_000, 57_800_000, 7_800_000),
]


def regime(on: str, buyer, category, value: int) -> Regime:
    return rules.assess(value, buyer, category, date.fromisoformat(on), PERIODS).regime


# Every threshold at value − 1 and at the value, for every period, buyer and category.
# (date, buyer, category, value, expected regime)
BOUNDARIES = [
    # 2017: national = EEA central = 1,1 M, so central government has no part II band.
    ("2017-06-01", K, VT, 99_999, OUT),
    ("2017-06-01", K, VT, 100_000, D1),
    ("2017-06-01", K, VT, 1_099_999, D1),
    ("2017-06-01", K, VT, 1_100_000, D2),
    ("2017-06-01", K, VT, 1_749_999, D2),
    ("2017-06-01", K, VT, 1_750_000, D3),
    ("2017-06-01", S, VT, 99_999, OUT),
    ("2017-06-01", S, VT, 100_000, D1),
    ("2017-06-01", S, VT, 1_099_999, D1),
    ("2017-06-01", S, VT, 1_100_000, D3),
    ("2017-06-01", K, BA, 99_999, OUT),
    ("2017-06-01", K, BA, 1_099_999, D1),
    ("2017-06-01", K, BA, 1_100_000, D2),
    ("2017-06-01", K, BA, 43_999_999, D2),
    ("2017-06-01", K, BA, 44_000_000, D3),
    ("2017-06-01", S, BA, 1_100_000, D2),
    ("2017-06-01", S, BA, 43_999_999, D2),
    ("2017-06-01", S, BA, 44_000_000, D3),
    ("2017-06-01", K, HS, 99_999, OUT),
    ("2017-06-01", K, HS, 100_000, D1),
    ("2017-06-01", K, HS, 1_100_000, D1),
    ("2017-06-01", K, HS, 6_299_999, D1),
    ("2017-06-01", K, HS, 6_300_000, D4),
    ("2017-06-01", S, HS, 6_299_999, D1),
    ("2017-06-01", S, HS, 6_300_000, D4),
    # 2018: national 1,3 M = EEA central; other 2,0 M; works 51 M; special 6,95 M.
    ("2018-04-06", K, VT, 99_999, OUT),
    ("2018-04-06", K, VT, 100_000, D1),
    ("2018-04-06", K, VT, 1_299_999, D1),
    ("2018-04-06", K, VT, 1_300_000, D2),
    ("2018-04-06", K, VT, 1_999_999, D2),
    ("2018-04-06", K, VT, 2_000_000, D3),
    ("2018-04-06", S, VT, 1_299_999, D1),
    ("2018-04-06", S, VT, 1_300_000, D3),
    ("2018-04-06", K, BA, 50_999_999, D2),
    ("2018-04-06", K, BA, 51_000_000, D3),
    ("2018-04-06", S, BA, 50_999_999, D2),
    ("2018-04-06", S, BA, 51_000_000, D3),
    ("2018-04-06", K, HS, 6_949_999, D1),
    ("2018-04-06", K, HS, 6_950_000, D4),
    ("2018-04-06", S, HS, 6_949_999, D1),
    ("2018-04-06", S, HS, 6_950_000, D4),
    # 2020: other 2,05 M; works 51,5 M; special 7,2 M.
    ("2020-02-12", K, VT, 99_999, OUT),
    ("2020-02-12", K, VT, 100_000, D1),
    ("2020-02-12", K, VT, 1_299_999, D1),
    ("2020-02-12", K, VT, 1_300_000, D2),
    ("2020-02-12", K, VT, 2_049_999, D2),
    ("2020-02-12", K, VT, 2_050_000, D3),
    ("2020-02-12", S, VT, 1_299_999, D1),
    ("2020-02-12", S, VT, 1_300_000, D3),
    ("2020-02-12", K, BA, 51_499_999, D2),
    ("2020-02-12", K, BA, 51_500_000, D3),
    ("2020-02-12", S, BA, 51_499_999, D2),
    ("2020-02-12", S, BA, 51_500_000, D3),
    ("2020-02-12", K, HS, 7_199_999, D1),
    ("2020-02-12", K, HS, 7_200_000, D4),
    ("2020-02-12", S, HS, 7_199_999, D1),
    ("2020-02-12", S, HS, 7_200_000, D4),
    # 2022: central 1,4 M opens a part II band for central government; other 2,2 M; works 56 M.
    ("2022-03-23", K, VT, 99_999, OUT),
    ("2022-03-23", K, VT, 100_000, D1),
    ("2022-03-23", K, VT, 1_299_999, D1),
    ("2022-03-23", K, VT, 1_300_000, D2),
    ("2022-03-23", K, VT, 2_199_999, D2),
    ("2022-03-23", K, VT, 2_200_000, D3),
    ("2022-03-23", S, VT, 1_299_999, D1),
    ("2022-03-23", S, VT, 1_300_000, D2),
    ("2022-03-23", S, VT, 1_399_999, D2),
    ("2022-03-23", S, VT, 1_400_000, D3),
    ("2022-03-23", K, BA, 55_999_999, D2),
    ("2022-03-23", K, BA, 56_000_000, D3),
    ("2022-03-23", S, BA, 55_999_999, D2),
    ("2022-03-23", S, BA, 56_000_000, D3),
    ("2022-03-23", K, HS, 7_799_999, D1),
    ("2022-03-23", K, HS, 7_800_000, D4),
    ("2022-03-23", S, HS, 7_799_999, D1),
    ("2022-03-23", S, HS, 7_800_000, D4),
    # 2024: central 1,49 M; other 2,3 M; works 57,8 M; special 7,8 M.
    ("2024-03-14", K, VT, 99_999, OUT),
    ("2024-03-14", K, VT, 100_000, D1),
    ("2024-03-14", K, VT, 1_299_999, D1),
    ("2024-03-14", K, VT, 1_300_000, D2),
    ("2024-03-14", K, VT, 2_299_999, D2),
    ("2024-03-14", K, VT, 2_300_000, D3),
    ("2024-03-14", S, VT, 99_999, OUT),
    ("2024-03-14", S, VT, 100_000, D1),
    ("2024-03-14", S, VT, 1_299_999, D1),
    ("2024-03-14", S, VT, 1_300_000, D2),
    ("2024-03-14", S, VT, 1_489_999, D2),
    ("2024-03-14", S, VT, 1_490_000, D3),
    ("2024-03-14", K, BA, 99_999, OUT),
    ("2024-03-14", K, BA, 100_000, D1),
    ("2024-03-14", K, BA, 1_299_999, D1),
    ("2024-03-14", K, BA, 1_300_000, D2),
    ("2024-03-14", K, BA, 57_799_999, D2),
    ("2024-03-14", K, BA, 57_800_000, D3),
    ("2024-03-14", S, BA, 57_799_999, D2),
    ("2024-03-14", S, BA, 57_800_000, D3),
    ("2024-03-14", K, HS, 99_999, OUT),
    ("2024-03-14", K, HS, 100_000, D1),
    ("2024-03-14", K, HS, 1_300_000, D1),
    ("2024-03-14", K, HS, 7_799_999, D1),
    ("2024-03-14", K, HS, 7_800_000, D4),
    ("2024-03-14", S, HS, 7_799_999, D1),
    ("2024-03-14", S, HS, 7_800_000, D4),
    # Far in the future the newest period still applies.
    ("2030-01-01", K, VT, 2_300_000, D3),
]


@pytest.mark.parametrize(("on", "buyer", "category", "value", "expected"), BOUNDARIES)
def test_each_threshold_is_inclusive_at_its_value_and_not_one_krone_below(on, buyer, category, value, expected):
    assert regime(on, buyer, category, value) == expected


# Each boundary between periods: the day before the new period and its first day.
# (date, buyer, category, value, expected regime, expected period start)
PERIOD_BOUNDARIES = [
    ("2017-01-01", K, VT, 1_100_000, D2, "2017-01-01"),
    ("2018-04-05", K, VT, 1_100_000, D2, "2017-01-01"),
    ("2018-04-06", K, VT, 1_100_000, D1, "2018-04-06"),
    ("2018-04-05", K, VT, 1_999_999, D3, "2017-01-01"),
    ("2018-04-06", K, VT, 1_999_999, D2, "2018-04-06"),
    ("2018-04-05", K, HS, 6_300_000, D4, "2017-01-01"),
    ("2018-04-06", K, HS, 6_300_000, D1, "2018-04-06"),
    ("2020-02-11", K, VT, 2_000_000, D3, "2018-04-06"),
    ("2020-02-12", K, VT, 2_000_000, D2, "2020-02-12"),
    ("2020-02-11", K, BA, 51_000_000, D3, "2018-04-06"),
    ("2020-02-12", K, BA, 51_000_000, D2, "2020-02-12"),
    ("2022-03-22", S, VT, 1_300_000, D3, "2020-02-12"),
    ("2022-03-23", S, VT, 1_300_000, D2, "2022-03-23"),
    ("2022-03-22", K, HS, 7_200_000, D4, "2020-02-12"),
    ("2022-03-23", K, HS, 7_200_000, D1, "2022-03-23"),
    ("2024-03-13", S, VT, 1_400_000, D3, "2022-03-23"),
    ("2024-03-14", S, VT, 1_400_000, D2, "2024-03-14"),
    ("2024-03-13", K, VT, 2_200_000, D3, "2022-03-23"),
    ("2024-03-14", K, VT, 2_200_000, D2, "2024-03-14"),
    ("2024-03-13", S, BA, 56_000_000, D3, "2022-03-23"),
    ("2024-03-14", S, BA, 56_000_000, D2, "2024-03-14"),
]


@pytest.mark.parametrize(("on", "buyer", "category", "value", "expected", "start"), PERIOD_BOUNDARIES)
def test_the_period_in_force_changes_on_its_first_day(on, buyer, category, value, expected, start):
    answer = rules.assess(value, buyer, category, date.fromisoformat(on), PERIODS)
    assert (answer.regime, answer.period.valid_from.isoformat()) == (expected, start)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2017-01-01", "2018-04-05"),
        ("2018-04-06", "2020-02-11"),
        ("2020-02-12", "2022-03-22"),
        ("2022-03-23", "2024-03-13"),
        ("2024-03-14", None),
    ],
)
def test_a_period_ends_the_day_before_the_next_one_starts(start, end):
    this = next(p for p in PERIODS if p.valid_from.isoformat() == start)
    assert rules.period_end(PERIODS, this) == (date.fromisoformat(end) if end else None)


def test_a_date_before_the_first_period_is_not_covered():
    with pytest.raises(rules.DateNotCovered) as caught:
        rules.period_in_force(PERIODS, date(2016, 12, 31))
    assert caught.value.first == date(2017, 1, 1)


def test_periods_may_be_given_in_any_order():
    assert rules.period_in_force(list(reversed(PERIODS)), date(2021, 1, 1)).valid_from == date(2020, 2, 12)


# The booklet's own statements for 2017 (chapter 6, myths 1 and 2).
@pytest.mark.parametrize(
    ("buyer", "value", "expected", "announcement"),
    [
        (K, 99_999, OUT, A.INGEN),
        (K, 100_000, D1, A.INGEN),
        (K, 1_099_999, D1, A.INGEN),
        (K, 1_100_000, D2, A.DOFFIN),
        (S, 99_999, OUT, A.INGEN),
        (S, 100_000, D1, A.INGEN),
        (S, 1_099_999, D1, A.INGEN),
        (S, 1_100_000, D3, A.TED),
    ],
)
def test_the_booklets_2017_statements_hold(buyer, value, expected, announcement):
    answer = rules.assess(value, buyer, VT, date(2017, 3, 1), PERIODS)
    assert (answer.regime, answer.announcement) == (expected, announcement)


@pytest.mark.parametrize(
    ("regime_", "announcement"),
    [(OUT, A.INGEN), (D1, A.INGEN), (D2, A.DOFFIN), (D3, A.TED), (D4, A.TED)],
)
def test_each_regime_has_its_announcement_duty(regime_, announcement):
    assert rules.announcement_for(regime_) == announcement


def test_a_raised_lower_limit_in_a_new_period_applies_from_its_first_day():
    raised = [*PERIODS, period("2027-01-01", 300_000, 1_300_000, 1_490_000, 2_300_000, 57_800_000, 7_800_000)]
    assert rules.assess(299_999, K, VT, date(2026, 12, 31), raised).regime == D1
    assert rules.assess(299_999, K, VT, date(2027, 1, 1), raised).regime == OUT
    assert rules.assess(300_000, K, VT, date(2027, 1, 1), raised).regime == D1


def test_a_negative_value_is_refused():
    with pytest.raises(ValueError):
        rules.regime_for(-1, K, VT, PERIODS[-1])


def test_plain_strings_work_as_buyer_and_category():
    assert rules.assess(2_300_000, "kommunal", "varer-tjenester", date(2024, 5, 1), PERIODS).regime == D3


# Which thresholds an answer uses, and the nearest ones around the value.
@pytest.mark.parametrize(
    ("buyer", "category", "fields"),
    [
        (K, VT, ("lower_limit", "national_threshold", "eea_other_buyers")),
        (S, VT, ("lower_limit", "national_threshold", "eea_central_government")),
        (K, BA, ("lower_limit", "national_threshold", "eea_works")),
        (S, BA, ("lower_limit", "national_threshold", "eea_works")),
        (K, HS, ("lower_limit", "eea_special_services")),
        (S, HS, ("lower_limit", "eea_special_services")),
    ],
)
def test_the_thresholds_used_depend_on_buyer_and_category(buyer, category, fields):
    assert rules.threshold_fields_used(buyer, category) == fields


@pytest.mark.parametrize(
    ("on", "buyer", "value", "floor", "next_", "distance"),
    [
        ("2024-05-01", K, 50_000, None, "lower_limit", 50_000),
        ("2024-05-01", K, 100_000, "lower_limit", "national_threshold", 1_200_000),
        ("2024-05-01", K, 1_300_000, "national_threshold", "eea_other_buyers", 1_000_000),
        ("2024-05-01", K, 2_300_000, "eea_other_buyers", None, None),
        # When national and EEA central are equal, the one for the higher regime is named.
        ("2019-01-01", S, 1_299_999, "lower_limit", "eea_central_government", 1),
        ("2019-01-01", S, 1_300_000, "eea_central_government", None, None),
    ],
)
def test_the_answer_names_the_threshold_reached_and_the_next_one(on, buyer, value, floor, next_, distance):
    answer = rules.assess(value, buyer, VT, date.fromisoformat(on), PERIODS)
    assert (answer.floor_threshold.field if answer.floor_threshold else None) == floor
    assert (answer.next_threshold.field if answer.next_threshold else None) == next_
    assert answer.distance_to_next_threshold == distance


def test_an_uncertain_value_carries_its_explanation_into_the_answer():
    uncertain = period("2024-03-14", 100_000, 1_300_000, 1_490_000, 2_300_000, 57_800_000, 7_800_000,
                       uncertain={"eea_special_services": "Fra én sekundærkilde."})  # fmt: skip
    answer = rules.assess(8_000_000, K, HS, date(2024, 5, 1), [uncertain])
    assert answer.thresholds_used[-1].uncertain == "Fra én sekundærkilde."


def test_central_government_is_told_when_there_was_no_part_two_band():
    assert rules.assess(500_000, S, VT, date(2019, 1, 1), PERIODS).notes
    assert not rules.assess(500_000, S, VT, date(2023, 1, 1), PERIODS).notes
    assert not rules.assess(500_000, K, VT, date(2019, 1, 1), PERIODS).notes


# What each regime requires, by paragraph.
def refs(points) -> set[str]:
    return {str(ref.label) for point in points for ref in point.refs}


def keys(points) -> set[str]:
    return {point.key for point in points}


@pytest.mark.parametrize(
    ("regime_", "category", "paragraphs"),
    [
        (OUT, VT, {"LOA § 2", "FOA § 5-4"}),
        (D1, VT, {"LOA § 4", "FOA § 7-1", "FOA § 5-4"}),
        (D2, VT, {"LOA § 4", "FOA § 8-17", "FOA § 10-5", "FOA kapittel 8", "FOA § 5-4"}),
        (D3, VT, {"LOA § 4", "FOA § 21-1", "FOA § 21-2", "FOA § 25-5", "FOA kapittel 13", "FOA § 13-2"}),
        (D3, VT, {"FOA kapittel 20"}),
        (D4, HS, {"LOA § 4", "FOA § 30-1"}),
    ],
)
def test_each_regime_lists_its_requirements_with_paragraphs(regime_, category, paragraphs):
    assert paragraphs <= refs(rules.requirements_for(regime_, category))


@pytest.mark.parametrize(
    ("regime_", "category", "paragraphs"),
    [
        # Dialogue before a part III competition: §§ 12-1 and 12-2 (not § 9-3, which is dialogue after tenders).
        (D3, VT, {"FOA § 12-1", "FOA § 12-2"}),
    ],
)
def test_each_regime_lists_the_options_for_social_entrepreneurs_with_paragraphs(regime_, category, paragraphs):
    assert paragraphs <= refs(rules.options_for(regime_, category))
    assert "FOA § 9-3" not in refs(rules.options_for(regime_, category))


@pytest.mark.parametrize(
    ("regime_", "category", "present", "absent"),
    [
        (OUT, VT, {"direktekjop", "pilot"}, {"innovasjonspartnerskap", "markedsdialog"}),
        (D1, VT, {"markedsdialog", "pilot", "forholdsmessige-krav"}, {"direktekjop"}),
        (D1, HS, {"markedsdialog", "pilot"}, {"direktekjop"}),
        (D2, VT, {"markedsdialog", "pilot"}, {"direktekjop", "innovasjonspartnerskap"}),
        (D3, VT, {"markedsdialog", "pilot", "innovasjonspartnerskap"}, {"direktekjop"}),
        (D4, HS, {"markedsdialog", "pilot"}, {"direktekjop", "innovasjonspartnerskap"}),
    ],
)
def test_each_regime_offers_only_the_options_that_apply(regime_, category, present, absent):
    offered = keys(rules.options_for(regime_, category))
    assert present <= offered
    assert not absent & offered


# "Kan vi reservere konkurransen?": which reservation, on which paragraphs, by regime and category.
# (regime, category, expected kinds with their paragraphs)
WI, NP = rules.ReservationKind.ARBEIDSINTEGRERENDE, rules.ReservationKind.IDEELLE
RESERVATIONS = [
    (OUT, VT, {}),
    (OUT, HS, {}),
    (OUT, BA, {}),
    (D1, VT, {WI: ()}),
    (D1, BA, {WI: ()}),
    (D1, HS, {WI: (), NP: ()}),
    (D2, VT, {WI: ("FOA § 8-8",)}),
    (D2, BA, {WI: ("FOA § 8-8",)}),
    (D3, VT, {WI: ("FOA § 16-9",)}),
    (D3, BA, {WI: ("FOA § 16-9",)}),
    (D4, HS, {WI: ("FOA § 30-3",), NP: ("FOA § 30-2a",)}),
]


@pytest.mark.parametrize(("regime_", "category", "expected"), RESERVATIONS)
def test_the_reservations_that_apply_by_regime_and_category(regime_, category, expected):
    found = {reservation.kind: reservation.paragraphs for reservation in rules.reservations_for(regime_, category)}
    assert found == expected


def test_reservation_in_part_one_points_to_the_ministrys_guide():
    (work,) = rules.reservations_for(D1, VT)
    assert [ref.url for ref in work.refs] == [rules.MINISTRY_GUIDE_URL]
    assert "30 prosent" in str(work.text)


def test_the_non_profit_reservation_is_conditional_and_cites_the_supreme_court():
    non_profit = rules.reservations_for(D4, HS)[1]
    assert "Vurder og dokumenter det hver gang" in str(non_profit.text)
    assert "HR-2025-2425-A" in {str(ref.label).split(", ")[-1] for ref in non_profit.refs}
    below = rules.reservations_for(D1, HS)[1]
    assert "noe konkurranse" in str(below.text)


def test_the_answer_carries_the_reservations():
    answer = rules.assess(8_000_000, K, HS, date(2024, 5, 1), PERIODS)
    assert [reservation.kind for reservation in answer.reservations] == [WI, NP]
    assert rules.assess(99_999, K, HS, date(2024, 5, 1), PERIODS).reservations == ()


@pytest.mark.parametrize("regime_", list(Regime))
def test_every_answer_warns_against_splitting_a_purchase(regime_):
    assert "verdi" in keys(rules.requirements_for(regime_, VT))


def test_health_and_social_services_under_the_eea_threshold_are_told_part_one_applies():
    assert "sarlige-tjenester" in keys(rules.requirements_for(D1, HS))
    assert "sarlige-tjenester" not in keys(rules.requirements_for(D1, VT))


@pytest.mark.parametrize(
    ("regime_", "myths"),
    [(OUT, (1, 3, 5)), (D1, (1, 2, 3, 4, 5, 6)), (D2, (3, 4, 5, 6)), (D3, (3, 4, 5, 6)), (D4, (3, 4, 5, 6))],
)
def test_each_regime_touches_the_booklets_myths(regime_, myths):
    assert rules.MYTHS_BY_REGIME[regime_] == myths


def test_lovdata_links_point_at_the_paragraph():
    assert rules.foa("8-17").url == "https://lovdata.no/dokument/SF/forskrift/2016-08-12-974/%C2%A78-17"
    assert rules.loa("4").url == "https://lovdata.no/dokument/NL/lov/2016-06-17-73/%C2%A74"


# Estimated value (FOA § 5-4).
@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"annual_value": 400_000, "years": 2}, 800_000),
        ({"annual_value": 400_000, "years": 2, "option_years": 2}, 1_600_000),
        ({"annual_value": 325_000, "years": 4}, 1_300_000),
        ({"annual_value": 0, "years": 1}, 0),
        ({"monthly_value": 27_084}, 1_300_032),
        ({"monthly_value": 27_083}, 1_299_984),
        ({"monthly_value": 2_084}, 100_032),
    ],
)
def test_the_estimated_value_counts_options_and_48_months_for_indefinite_contracts(kwargs, expected):
    assert rules.estimated_value(**kwargs) == expected


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"annual_value": 100_000},
        {"years": 2},
        {"annual_value": 100_000, "years": 0},
        {"annual_value": -1, "years": 1},
        {"annual_value": 100_000, "years": 1, "option_years": -1},
        {"monthly_value": -1},
        {"monthly_value": 10_000, "annual_value": 100_000, "years": 1},
    ],
)
def test_the_estimated_value_refuses_incomplete_or_negative_input(kwargs):
    with pytest.raises(ValueError):
        rules.estimated_value(**kwargs)


# Reading amounts as Norwegians write them.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 300 000", 1_300_000),
        ("1300000", 1_300_000),
        ("1,3 mill", 1_300_000),
        ("1,3 mill.", 1_300_000),
        ("1,3 millioner", 1_300_000),
        ("1.3 mill", 1_300_000),
        ("1,3mill", 1_300_000),
        ("1 mill", 1_000_000),
        ("1,49 mill", 1_490_000),
        ("57,8 millioner kroner", 57_800_000),
        ("1.300.000", 1_300_000),
        ("1,300,000", 1_300_000),
        ("12,000,000,00", 12_000_000),
        ("1\u00a0300\u00a0000", 1_300_000),
        ("1\u202f300\u202f000", 1_300_000),
        ("500 000 kr", 500_000),
        ("kr 500 000", 500_000),
        ("500 000,-", 500_000),
        ("500 000,00", 500_000),
        ("NOK 500000", 500_000),
        ("500k", 500_000),
        ("500 tusen", 500_000),
        ("2 mrd", 2_000_000_000),
        ("2 milliarder", 2_000_000_000),
        ("  99 999  ", 99_999),
        ("0", 0),
        ("+100 000", 100_000),
    ],
)
def test_norwegian_amounts_are_read_to_the_krone(text, expected):
    assert rules.parse_kroner(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("-100 000", "negative"),
        ("\u2212100 000", "negative"),
        ("abc", "invalid"),
        ("1,3", "not_whole_kroner"),
        ("99 999,50", "not_whole_kroner"),
        ("1,2345678 mill", "not_whole_kroner"),
        ("1,300", "invalid"),
        ("1,30,000", "invalid"),
        ("1 300 000 euro", "invalid"),
        ("1e6", "invalid"),
        ("kr", "invalid"),
        ("1 000 000 000 mrd", "too_large"),
        ("9" * 41, "invalid"),
    ],
)
def test_anything_else_gets_a_norwegian_error(text, code):
    with pytest.raises(rules.KronerError) as caught:
        rules.parse_kroner(text)
    assert caught.value.code == code
    assert str(caught.value.message)


def test_a_comma_amount_without_a_unit_suggests_millions():
    with pytest.raises(rules.KronerError) as caught:
        rules.parse_kroner("1,3")
    assert "1,3 mill" in str(caught.value.message)


# --- The 2026 periods (procurement-facts.md, updated November 2026) ---------------------------------

PERIODS_2026 = [
    *PERIODS,
    period("2026-04-21", 100_000, 1_300_000, 1_630_000, 2_500_000, 62_900_000, 8_700_000),
    period("2026-07-01", 500_000, 1_300_000, 1_630_000, 2_500_000, 62_900_000, 8_700_000),
]

# Every value of the 2026-07-01 period at value − 1 and at the value, each buyer and category.
BOUNDARIES_2026_07 = [
    (K, VT, 499_999, OUT),
    (K, VT, 500_000, D1),
    (K, VT, 1_299_999, D1),
    (K, VT, 1_300_000, D2),
    (K, VT, 2_499_999, D2),
    (K, VT, 2_500_000, D3),
    (S, VT, 499_999, OUT),
    (S, VT, 500_000, D1),
    (S, VT, 1_299_999, D1),
    (S, VT, 1_300_000, D2),
    (S, VT, 1_629_999, D2),
    (S, VT, 1_630_000, D3),
    (K, BA, 499_999, OUT),
    (K, BA, 500_000, D1),
    (K, BA, 1_299_999, D1),
    (K, BA, 1_300_000, D2),
    (K, BA, 62_899_999, D2),
    (K, BA, 62_900_000, D3),
    (S, BA, 499_999, OUT),
    (S, BA, 500_000, D1),
    (S, BA, 62_899_999, D2),
    (S, BA, 62_900_000, D3),
    (K, HS, 499_999, OUT),
    (K, HS, 500_000, D1),
    (K, HS, 1_300_000, D1),
    (K, HS, 8_699_999, D1),
    (K, HS, 8_700_000, D4),
    (S, HS, 499_999, OUT),
    (S, HS, 500_000, D1),
    (S, HS, 8_699_999, D1),
    (S, HS, 8_700_000, D4),
]


@pytest.mark.parametrize(("buyer", "category", "value", "expected"), BOUNDARIES_2026_07)
def test_from_1_july_2026_each_threshold_is_inclusive(buyer, category, value, expected):
    assert rules.assess(value, buyer, category, date(2026, 7, 1), PERIODS_2026).regime == expected


# The day before 1 July 2026 and the first day, for each buyer and category, at the values that move.
@pytest.mark.parametrize("buyer", [K, S])
@pytest.mark.parametrize("category", [VT, HS, BA])
@pytest.mark.parametrize(
    ("value", "before", "from_july"),
    [(100_000, D1, OUT), (499_999, D1, OUT), (500_000, D1, D1), (99_999, OUT, OUT)],
)
def test_the_lower_limit_rises_to_500_000_on_1_july_2026(buyer, category, value, before, from_july):
    assert rules.assess(value, buyer, category, date(2026, 6, 30), PERIODS_2026).regime == before
    assert rules.assess(value, buyer, category, date(2026, 7, 1), PERIODS_2026).regime == from_july


@pytest.mark.parametrize(
    ("on", "buyer", "category", "value", "expected", "start"),
    [
        ("2026-04-20", K, VT, 2_300_000, D3, "2024-03-14"),
        ("2026-04-21", K, VT, 2_300_000, D2, "2026-04-21"),
        ("2026-04-20", S, VT, 1_490_000, D3, "2024-03-14"),
        ("2026-04-21", S, VT, 1_490_000, D2, "2026-04-21"),
        ("2026-04-20", K, HS, 7_800_000, D4, "2024-03-14"),
        ("2026-04-21", K, HS, 7_800_000, D1, "2026-04-21"),
        ("2026-06-30", K, VT, 499_999, D1, "2026-04-21"),
        ("2026-07-01", K, VT, 499_999, OUT, "2026-07-01"),
    ],
)
def test_the_2026_periods_start_on_their_first_day(on, buyer, category, value, expected, start):
    answer = rules.assess(value, buyer, category, date.fromisoformat(on), PERIODS_2026)
    assert (answer.regime, answer.period.valid_from.isoformat()) == (expected, start)


def test_the_booklets_2017_statements_still_hold_with_the_2026_periods():
    assert rules.assess(99_999, K, VT, date(2017, 3, 1), PERIODS_2026).regime == OUT
    assert rules.assess(100_000, K, VT, date(2017, 3, 1), PERIODS_2026).regime == D1
    assert rules.assess(1_100_000, K, VT, date(2017, 3, 1), PERIODS_2026).regime == D2


@pytest.mark.parametrize(
    ("on", "regime_", "in_doubt"),
    [
        (date(2026, 6, 30), D1, False),
        (date(2026, 7, 1), D1, True),
        (date(2026, 7, 1), D2, True),
        (date(2026, 7, 1), D3, False),
        (date(2026, 7, 1), D4, False),
        (date(2017, 3, 1), D2, False),
    ],
)
def test_the_basic_principles_are_settled_until_30_june_2026_and_in_doubt_after_below_the_eea(on, regime_, in_doubt):
    principles = rules.principles_for(regime_, on)
    assert (principles is rules.PRINCIPLES_IN_DOUBT) == in_doubt
    assert "LOA § 4" in refs([principles])


def test_outside_the_rules_there_are_no_principles_to_follow():
    assert rules.principles_for(OUT, date(2024, 1, 1)) is None


def test_part_one_says_announcement_is_voluntary_not_forbidden():
    (announcement,) = [point for point in rules.requirements_for(D1, VT) if point.key == "kunngjoring"]
    assert "ikke plikt til å kunngjøre" in str(announcement.text)
    assert "kunngjøre frivillig i Doffin" in str(announcement.text)
    assert "må ikke kunngjøre" not in str(announcement.text)


@pytest.mark.parametrize("regime_", [D1, D2, D3, D4])
def test_headings_say_what_to_do(regime_):
    titles = {str(point.title) for point in rules.requirements_for(regime_, HS if regime_ == D4 else VT)}
    assert "Skriv protokoll" in titles
    assert "Før protokoll" not in titles


def test_a_reference_knows_its_law_for_the_abbreviation():
    assert (rules.foa("8-8").law, rules.foa("8-8").rest) == ("FOA", "§ 8-8")
    assert (rules.loa("4").law, rules.loa("4").rest) == ("LOA", "§ 4")
    assert rules.MINISTRY_GUIDE.law == ""


def test_the_eu_thresholds_for_2026_27_are_in_euro():
    euro = rules.EU_THRESHOLDS_2026_27
    assert (euro.central_government, euro.other_buyers, euro.works, euro.special_services) == (
        140_000,
        216_000,
        5_404_000,
        750_000,
    )
