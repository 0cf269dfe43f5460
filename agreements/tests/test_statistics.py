"""The public statistics page and its CSV: small counts as "under 5", bounded queries, charts with tables."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agreements import services, statistics
from agreements.models import Side
from agreements.rules import bar_chart, median, value_band
from agreements.tests.conftest import agreement_data
from directory.tests import factories
from matchmaking import services as matchmaking_services
from matchmaking.models import Interest
from matchmaking.tests.conftest import html_of, make_need

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "band"),
    [(None, None), (0, 0), (99_999, 0), (100_000, 1), (499_999, 1), (500_000, 2), (1_999_999, 2), (2_000_000, 3)],
)
def test_value_bands(value, band):
    assert value_band(value) == band


@pytest.mark.parametrize(
    ("values", "expected"),
    [([], None), ([1, 2, 3, 4], None), ([5, 1, 3, 2, 4], 3), ([1, 2, 3, 4, 5, 100], 3.5)],
)
def test_the_median_needs_five_values(values, expected):
    assert median(values) == expected


def test_bars_leave_out_small_counts_and_scale_to_the_largest():
    bars, height = bar_chart([("A", 10), ("B", 4), ("C", 5), ("D", 0)], width=300)
    assert [(bar.shown, bar.width) for bar in bars] == [(10, 300.0), (None, 0.0), (5, 150.0), (0, 0.0)]
    assert height == 4 * 28


def _agreements(body, owner, pilot, count: int, value=450_000):
    """`count` confirmed agreements of the body's need with as many entrepreneurs."""
    need = make_need(body, owner, title=f"Behov {count}")
    made = []
    for number in range(count):
        entrepreneur = factories.entrepreneur(f"Entreprenør {value} {number}", nationwide=True)
        interest = matchmaking_services.interest_invite(need=need, entrepreneur=entrepreneur, user=owner, text="Hei")
        agreement = services.agreement_record(
            interest=interest, side=Side.BODY, user=owner, data=agreement_data(pilot, value=value)
        )
        services.agreement_confirm(agreement=agreement, side=Side.ENTREPRENEUR)
        made.append(agreement)
    return made


def test_counts_under_five_are_shown_as_under_5(client, body, owner, pilot):
    _agreements(body, owner, pilot, 4)
    figures = statistics.compute()
    assert figures.totals["agreements"] is None and figures.totals["dialogues"] is None
    page = html_of(client.get("/statistikk/"))
    assert "under 5" in page
    rows = list(csv.reader(io.StringIO(client.get("/statistikk/tall.csv").content.decode())))
    assert ["totalt", "", "Avtaler", "under 5"] in rows
    assert ["samarbeidsform", "Pilotavtale", "Avtaler", "under 5"] in rows
    assert not any(row[3] in {"1", "2", "3", "4"} for row in rows[2:])


def test_five_and_more_are_shown_as_numbers(client, body, owner, pilot):
    _agreements(body, owner, pilot, 5)
    figures = statistics.compute()
    assert figures.totals["agreements"] == 5 and figures.totals["dialogues"] == 5
    trondelag = dict(figures.by_county)["Trøndelag"]
    assert trondelag["agreements"] == 5 and trondelag["needs"] is None  # one need: under 5
    rows = list(csv.reader(io.StringIO(client.get("/statistikk/tall.csv").content.decode())))
    assert ["totalt", "", "Avtaler", "5"] in rows
    assert ["verdi", "100\u00a0000 til 500\u00a0000 kr", "Avtaler", "5"] in rows
    assert ["fylke", "Trøndelag", "Avtaler", "5"] in rows


def test_unconfirmed_agreements_are_not_counted(body, owner, pilot, interest):
    services.agreement_record(interest=interest, side=Side.BODY, user=owner, data=agreement_data(pilot))
    assert statistics.compute().totals["agreements"] == 0


def test_people_reached_needs_five_agreements_behind_it(body, owner, pilot):
    made = _agreements(body, owner, pilot, 4)
    for agreement in made:
        services.plan_save(agreement=agreement, data={"people_reached": 10, "life_changing": 2})
    assert statistics.compute().people_reached is None
    services.plan_save(agreement=_agreements(body, owner, pilot, 1, value=1)[0], data={"people_reached": 7})
    figures = statistics.compute()
    assert (figures.people_reached, figures.life_changing) == (47, 8)


def test_the_median_days_to_the_first_answer(body, owner, entrepreneur):
    now = timezone.now()
    for days in (1, 2, 3, 4, 10):
        need = make_need(body, owner, title=f"Behov {days}")
        interest = matchmaking_services.interest_send(
            need=need, entrepreneur=factories.entrepreneur(f"E {days}"), user=None, text="Svar"
        )
        Interest.objects.filter(pk=interest.pk).update(created=need.published_at + timedelta(days=days))
    assert statistics.compute(now).median_days_to_answer == pytest.approx(3, abs=0.01)


def test_the_page_shows_charts_with_tables_and_the_date(client, body, owner, pilot):
    _agreements(body, owner, pilot, 6)
    page = html_of(client.get("/statistikk/"))
    assert page.count("<svg") == 2 and "<rect" in page
    assert "Avtaler etter samarbeidsform" in page and "Avtaler etter verdi" in page
    assert "Beregnet " in page and "/statistikk/tall.csv" in page
    assert "Tall etter fylke" in page and "Tall etter tjenesteområde" in page


def test_the_statistics_cost_a_fixed_number_of_queries(client, body, owner, pilot):
    _agreements(body, owner, pilot, 1)
    with CaptureQueriesContext(connection) as few:
        client.get("/statistikk/")
    _agreements(body, owner, pilot, 12, value=3_000_000)
    for number in range(5):
        factories.service_area(f"Område {number}")
        make_need(body, owner, title=f"Flere {number}")
    with CaptureQueriesContext(connection) as many:
        client.get("/statistikk/")
    assert len(many) == len(few) < 30
    with CaptureQueriesContext(connection) as csv_queries:
        client.get("/statistikk/tall.csv")
    assert len(csv_queries) < 30
