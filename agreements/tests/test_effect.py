"""Effect plans, indicators and measurements: either party records, both see the chart and its
table with the change against the baseline; reach on the entrepreneur's profile."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from agreements import services
from agreements.models import EffectPlan, Indicator, Measurement, Side
from matchmaking.tests.conftest import assert_error_shown, html_of

pytestmark = pytest.mark.django_db

INDICATOR = {
    "name": "Pårørende som føler seg informert",
    "unit": "prosent",
    "level": "outcome",
    "baseline_value": "40",
    "baseline_on": "01.10.2026",
    "target_value": "80",
}


def _url(agreement, tail: str = "") -> str:
    return f"/behov/{agreement.interest.need_id}/dialog/{agreement.interest_id}/avtale/{tail}"


@pytest.fixture
def indicator(agreement):
    return services.indicator_add(
        agreement=agreement,
        data={
            "name": "Pårørende som føler seg informert",
            "unit": "prosent",
            "level": "outcome",
            "baseline_value": Decimal("40"),
            "baseline_on": datetime.date(2026, 10, 1),
            "target_value": Decimal("80"),
        },
    )


def test_a_party_adds_an_indicator_with_a_baseline(client, agreement, owner):
    client.force_login(owner)
    response = client.post(_url(agreement, "indikatorer/"), INDICATOR)
    indicator = Indicator.objects.get()
    assert response.status_code == 302 and response["Location"] == _url(agreement) + f"#indikator-{indicator.pk}"
    assert (indicator.level, indicator.baseline_value, indicator.target_value) == ("outcome", 40, 80)
    assert indicator.plan.agreement == agreement


def test_both_parties_record_measurements_and_see_chart_table_and_change(client, indicator, owner, entrepreneur_member):
    client.force_login(owner)
    client.post(
        _url(indicator.plan.agreement, f"indikatorer/{indicator.pk}/malinger/"),
        {"measured_on": "01.01.2027", "value": "55,5"},
    )
    client.force_login(entrepreneur_member)
    response = client.post(
        _url(indicator.plan.agreement, f"indikatorer/{indicator.pk}/malinger/"),
        {"measured_on": "2027-04-01", "value": "62", "comment": "Etter spørreundersøkelsen"},
    )
    assert response.status_code == 302
    assert list(Measurement.objects.values_list("side", "value")) == [
        (Side.BODY, Decimal("55.50")),
        (Side.ENTREPRENEUR, 62),
    ]
    page = html_of(client.get(_url(indicator.plan.agreement)))
    assert "<svg" in page and page.count("<circle") == 3  # the baseline and two measurements
    assert "<polyline" in page
    for text in ("1. januar 2027", "55,5", "1. april 2027", "62", "Etter spørreundersøkelsen", "Nullpunkt", "40"):
        assert text in page
    assert "Endring fra nullpunktet: 22 prosent" in page and "(55 %)" in page


def test_a_measurement_before_the_baseline_is_explained_and_kept(client, indicator, owner):
    client.force_login(owner)
    response = client.post(
        _url(indicator.plan.agreement, f"indikatorer/{indicator.pk}/malinger/"),
        {"measured_on": "01.09.2026", "value": "50"},
    )
    assert_error_shown(
        response, f"id_indikator{indicator.pk}_measured_on", "Målingen kan ikke være fra før nullpunktet"
    )
    assert 'value="50"' in html_of(response)
    assert not Measurement.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("value", "mye", "Skriv et tall, for eksempel 12 eller 3,5."),
        ("value", "1" * 13, "Tallet er for stort"),
        ("value", "", "Skriv verdien som ble målt."),
        ("measured_on", "snart", "Skriv datoen som dd.mm.åååå"),
    ],
)
def test_bad_measurements_are_explained_by_the_field(client, indicator, owner, field, value, message):
    client.force_login(owner)
    data = {"measured_on": "01.01.2027", "value": "50", field: value}
    response = client.post(_url(indicator.plan.agreement, f"indikatorer/{indicator.pk}/malinger/"), data)
    assert_error_shown(response, f"id_indikator{indicator.pk}_{field}", message)


def test_bad_indicators_are_explained_by_the_field(client, agreement, owner):
    client.force_login(owner)
    response = client.post(_url(agreement, "indikatorer/"), {**INDICATOR, "level": "", "baseline_value": "x"})
    assert_error_shown(response, "id_level", "Velg resultat, virkning eller effekt.")
    assert_error_shown(response, "id_baseline_value", "Skriv et tall")
    assert "Pårørende som føler seg informert" in html_of(response)


def test_a_measurement_belongs_to_an_indicator_of_this_agreement(
    client, indicator, other_entrepreneur, owner, need, pilot
):
    from matchmaking import services as matchmaking_services

    other_interest = matchmaking_services.interest_invite(
        need=need, entrepreneur=other_entrepreneur, user=owner, text="Hei"
    )
    other = services.agreement_record(
        interest=other_interest,
        side=Side.BODY,
        user=owner,
        data={**{k: getattr(indicator.plan.agreement, k) for k in services.AGREEMENT_FIELDS}},
    )
    client.force_login(owner)
    response = client.post(
        _url(other, f"indikatorer/{indicator.pk}/malinger/"), {"measured_on": "01.01.2027", "value": "1"}
    )
    assert response.status_code == 404 and not Measurement.objects.exists()


@pytest.mark.parametrize("persona", ["outsider", "other_entrepreneur_member", "curator"])
def test_others_cannot_record_measurements(client, request, indicator, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(
        _url(indicator.plan.agreement, f"indikatorer/{indicator.pk}/malinger/"),
        {"measured_on": "01.01.2027", "value": "1"},
    )
    assert response.status_code == 404 and not Measurement.objects.exists()


def test_a_viewing_curator_cannot_record_measurements(client, indicator, viewing_curator):
    client.force_login(viewing_curator)
    response = client.post(
        _url(indicator.plan.agreement, f"indikatorer/{indicator.pk}/malinger/"),
        {"measured_on": "01.01.2027", "value": "1"},
    )
    assert response.status_code == 403 and not Measurement.objects.exists()


def test_the_agreement_page_costs_the_same_queries_with_more_measurements(client, indicator, owner):
    client.force_login(owner)
    client.get(_url(indicator.plan.agreement))
    with CaptureQueriesContext(connection) as few:
        client.get(_url(indicator.plan.agreement))
    for day in range(1, 20):
        services.measurement_add(
            indicator=indicator,
            side=Side.BODY,
            user=owner,
            data={"measured_on": datetime.date(2027, 1, day), "value": Decimal(day), "comment": ""},
        )
    services.indicator_add(
        agreement=indicator.plan.agreement,
        data={
            "name": "Timer",
            "unit": "timer",
            "level": "result",
            "baseline_value": 0,
            "baseline_on": datetime.date(2026, 1, 1),
            "target_value": None,
        },
    )
    with CaptureQueriesContext(connection) as many:
        client.get(_url(indicator.plan.agreement))
    assert len(many) == len(few)


# --- The plan and reach -------------------------------------------------------------------------


def test_the_plan_is_saved_with_soimpacts_steps(client, agreement, entrepreneur_member):
    client.force_login(entrepreneur_member)
    data = {
        "situation": "Pårørende ringer mange ganger om dagen.",
        "goals": "Tryggere pårørende.",
        "target_group": "Pårørende til beboere med demens.",
        "target_group_size": "120",
        "people_reached": "40",
        "life_changing": "10",
        "life_improving": "30",
    }
    response = client.post(_url(agreement, "effektplan/"), data)
    assert response.status_code == 302
    plan = EffectPlan.objects.get()
    assert (plan.target_group_size, plan.people_reached, plan.life_changing, plan.life_improving) == (120, 40, 10, 30)
    assert "Tryggere pårørende." in html_of(client.get(_url(agreement)))


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"people_reached": "10", "life_changing": "8", "life_improving": "5"},
            "id_life_changing",
            "ikke være flere enn",
        ),
        ({"life_changing": "3"}, "id_people_reached", "Skriv hvor mange personer som er nådd til sammen."),
        ({"people_reached": "-1"}, "id_people_reached", "Antallet kan ikke være negativt."),
        ({"people_reached": "mange"}, "id_people_reached", "Skriv antall personer som et helt tall"),
    ],
)
def test_bad_reach_figures_are_explained_by_the_field(client, agreement, owner, data, field, message):
    client.force_login(owner)
    response = client.post(_url(agreement, "effektplan/"), {"situation": "Slik er det.", **data})
    assert_error_shown(response, field, message)
    assert "Slik er det." in html_of(response)
    assert not EffectPlan.objects.exists()


def test_the_database_refuses_a_split_larger_than_the_reach(agreement):
    with pytest.raises(IntegrityError):
        EffectPlan.objects.create(agreement=agreement, people_reached=5, life_changing=4, life_improving=2)


def test_the_entrepreneur_profile_shows_reach_of_confirmed_agreements_only(client, agreement, entrepreneur):
    services.plan_save(agreement=agreement, data={"people_reached": 40, "life_changing": 10, "life_improving": 30})
    assert "personer nådd" not in html_of(client.get(entrepreneur.get_absolute_url()))
    services.agreement_confirm(agreement=agreement, side=Side.ENTREPRENEUR)
    page = html_of(client.get(entrepreneur.get_absolute_url()))
    assert (
        "40 personer nådd" in page
        and "Livsendrende påvirkning: 10" in page
        and "Livsforbedrende påvirkning: 30" in page
    )
