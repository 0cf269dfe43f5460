"""Public bodies' current agreements and planned procurements: kept by members, public on the body's
page and at /planer/ with filters, with the regime on each purchase's expected date."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agreements import services
from agreements.models import BodyAgreement, PlannedProcurement
from agreements.rules import add_months
from directory.tests import factories
from matchmaking.tests.conftest import assert_error_shown, html_of, make_user

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _planned(body, title="Dagtilbud for personer med demens", area="Eldreomsorg", months=6, value=600_000, **fields):
    return PlannedProcurement.objects.create(
        public_body=body,
        title=title,
        service_area=factories.service_area(area),
        estimated_value=value,
        procurement_category="helse-sosial",
        preparation_starts=fields.pop("preparation_starts", add_months(TODAY, months - 3)),
        competition_expected=fields.pop("competition_expected", add_months(TODAY, months)),
        **fields,
    )


def _current(body, title="Arbeidstrening for unge", area="Arbeidsinkludering", months=6):
    return BodyAgreement.objects.create(
        public_body=body,
        title=title,
        service_area=factories.service_area(area),
        starts_on=add_months(TODAY, -24),
        ends_on=add_months(TODAY, months),
        extension_possible=True,
    )


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2028, 1, 31), 1, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 11, 30), 2, datetime.date(2027, 1, 30)),
        (datetime.date(2026, 3, 15), 12, datetime.date(2027, 3, 15)),
        (datetime.date(2026, 3, 15), -3, datetime.date(2025, 12, 15)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


# --- The public list ----------------------------------------------------------------------------


def test_the_list_shows_planned_purchases_and_running_agreements(client, body, other_body):
    _planned(body)
    _current(other_body)
    PlannedProcurement.objects.create(
        public_body=body,
        title="Allerede lyst ut",
        service_area=factories.service_area("Eldreomsorg"),
        preparation_starts=add_months(TODAY, -6),
        competition_expected=add_months(TODAY, -1),
    )
    page = html_of(client.get("/planer/"))
    assert "Dagtilbud for personer med demens" in page and "Trondheim kommune" in page
    assert "Arbeidstrening for unge" in page and "Bodø kommune" in page and "kan forlenges" in page
    assert "Allerede lyst ut" not in page


def test_the_regime_is_computed_on_the_expected_date(client, body):
    # 7 500 000 kroner of health and social services: part IV before 23 March 2022, part I after.
    _planned(
        body,
        "Før",
        value=7_500_000,
        preparation_starts=datetime.date(2022, 1, 1),
        competition_expected=datetime.date(2022, 3, 22),
    )
    _planned(
        body,
        "Etter",
        value=7_500_000,
        preparation_starts=datetime.date(2022, 1, 1),
        competition_expected=datetime.date(2022, 3, 23),
    )
    planned = {item.title: item.regime_label for item in services.with_regimes(PlannedProcurement.objects.all())}
    assert planned == {
        "Før": "Anskaffelsesforskriften del I og IV (helse- og sosialtjenester)",
        "Etter": "Anskaffelsesforskriften del I",
    }


@pytest.mark.parametrize(
    ("query", "planned", "agreements"),
    [
        ("", {"Nær", "Fjern", "Bodø"}, {"Går snart ut", "Går ut om to år"}),
        ("omrade=eldreomsorg", {"Nær", "Fjern", "Bodø"}, set()),
        ("fylke=50", {"Nær", "Fjern"}, {"Går snart ut", "Går ut om to år"}),
        ("fylke=18", {"Bodø"}, set()),
        ("innen_maneder=6", {"Nær"}, {"Går snart ut"}),
        ("innen_maneder=6&fylke=trondelag", {"Nær"}, {"Går snart ut"}),
    ],
)
def test_the_filters(client, body, other_body, query, planned, agreements):
    _planned(body, "Nær", months=4)
    _planned(body, "Fjern", months=30)
    _planned(other_body, "Bodø", months=30)
    _current(body, "Går snart ut", months=3)
    _current(body, "Går ut om to år", months=24)
    response = client.get("/planer/?" + query)
    assert response.status_code == 200
    shown_planned = {item.title for item in response.context["planned_page"].object_list}
    shown_agreements = {item.title for item in response.context["agreement_page"].object_list}
    assert (shown_planned, shown_agreements) == (planned, agreements)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("innen_maneder=mange", "Skriv antall måneder som et helt tall"),
        ("innen_maneder=0", "Skriv minst 1 måned."),
        ("innen_maneder=999", "Skriv høyst 120 måneder"),
        ("omrade=finnes-ikke", "finnes-ikke"),
        ("fylke=atlantis", "Vi fant ikke fylket «atlantis»"),
        ("fylke=%00&innen_maneder=%00", "Null-tegn er ikke tillatt."),
    ],
)
def test_bad_filters_are_explained_and_ignored(client, body, query, message):
    _planned(body)
    response = client.get("/planer/?" + query)
    assert response.status_code == 200
    assert message in html_of(response)
    assert "Dagtilbud for personer med demens" in html_of(response)


def test_the_list_costs_the_same_queries_for_more_rows(client, body, other_body):
    _planned(body)
    _current(body)
    client.get("/planer/")
    cache.clear()  # both counts without cached fragments (the new areas renew the taxonomy's anyway)
    with CaptureQueriesContext(connection) as few:
        client.get("/planer/?innen_maneder=60")
    for number in range(15):
        _planned(other_body if number % 2 else body, f"Plan {number}", area=f"Område {number}")
        _current(other_body, f"Avtale {number}", area=f"Område {number}")
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        response = client.get("/planer/?innen_maneder=60")
    assert len(response.context["planned_page"].object_list) == 16
    assert len(many) == len(few)


def test_the_body_page_shows_its_plans_and_agreements(client, body, owner):
    _planned(body)
    _current(body)
    page = html_of(client.get(body.get_absolute_url()))
    assert "Planer og avtaler" in page and "Dagtilbud for personer med demens" in page
    assert "Arbeidstrening for unge" in page and "Anskaffelsesforskriften del I" in page
    assert f"/min-side/offentlig/{body.slug}/planer/" not in page
    client.force_login(owner)
    assert f"/min-side/offentlig/{body.slug}/planer/" in html_of(client.get(body.get_absolute_url()))


# --- Keeping them -------------------------------------------------------------------------------

FORM = {
    "title": "Dagtilbud for personer med demens",
    "description": "Vi vil prøve noe nytt.",
    "estimated_value": "1,2 mill",
    "procurement_category": "helse-sosial",
    "preparation_starts": "01.03.2027",
    "competition_expected": "2027-09-01",
}


def _manage(body, tail=""):
    return f"/min-side/offentlig/{body.slug}/planer/{tail}"


@pytest.mark.parametrize("persona", ["owner", "colleague"])
def test_members_add_change_and_delete_a_planned_purchase(client, request, body, persona):
    area = factories.service_area("Eldreomsorg")
    client.force_login(request.getfixturevalue(persona))
    response = client.post(_manage(body, "anskaffelser/ny/"), {**FORM, "service_area": area.pk})
    assert response.status_code == 302 and response["Location"] == _manage(body)
    item = PlannedProcurement.objects.get()
    assert (item.public_body, item.estimated_value, item.competition_expected) == (
        body,
        1_200_000,
        datetime.date(2027, 9, 1),
    )
    client.post(
        _manage(body, f"anskaffelser/{item.pk}/rediger/"), {**FORM, "service_area": area.pk, "title": "Nytt navn"}
    )
    assert PlannedProcurement.objects.get().title == "Nytt navn"
    assert "Nytt navn" in html_of(client.get(_manage(body)))
    client.post(_manage(body, f"anskaffelser/{item.pk}/slett/"))
    assert not PlannedProcurement.objects.exists()


def test_members_add_a_current_agreement(client, body, owner):
    client.force_login(owner)
    data = {
        "title": "Arbeidstrening",
        "service_area": factories.service_area("Arbeidsinkludering").pk,
        "starts_on": "01.01.2025",
        "ends_on": "31.12.2027",
        "extension_possible": "on",
    }
    assert client.post(_manage(body, "avtaler/ny/"), data).status_code == 302
    assert BodyAgreement.objects.get().extension_possible


def test_dates_out_of_order_are_explained_and_nothing_typed_is_lost(client, body, owner):
    client.force_login(owner)
    area = factories.service_area("Eldreomsorg")
    response = client.post(
        _manage(body, "anskaffelser/ny/"), {**FORM, "service_area": area.pk, "competition_expected": "01.01.2027"}
    )
    assert_error_shown(response, "id_competition_expected", "Konkurransen kan ikke ventes før forberedelsene starter.")
    assert "Vi vil prøve noe nytt." in html_of(response) and 'value="1,2 mill"' in html_of(response)
    response = client.post(
        _manage(body, "avtaler/ny/"),
        {"title": "X", "service_area": area.pk, "starts_on": "01.01.2027", "ends_on": "01.01.2026"},
    )
    assert_error_shown(response, "id_ends_on", "Sluttdatoen kan ikke være før startdatoen.")
    assert not PlannedProcurement.objects.exists() and not BodyAgreement.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Skriv kort hva dere planlegger."),
        ("estimated_value", "mye", "kroner"),
        ("preparation_starts", "snart", "Skriv datoen som dd.mm.åååå"),
        ("service_area", "", "Velg tjenesteområdet avtalen hører til."),
    ],
)
def test_bad_input_is_explained_by_the_field(client, body, owner, field, value, message):
    client.force_login(owner)
    data = {**FORM, "service_area": factories.service_area("Eldreomsorg").pk, field: value}
    response = client.post(_manage(body, "anskaffelser/ny/"), data)
    assert response.status_code == 200 and message in html_of(response)


@pytest.mark.parametrize(("persona", "status"), [("outsider", 403), ("entrepreneur_member", 403), ("curator", 403)])
def test_others_may_not_keep_a_published_bodys_plans(client, request, body, persona, status):
    item = _planned(body)
    client.force_login(request.getfixturevalue(persona))
    assert client.get(_manage(body)).status_code == status
    assert client.get(_manage(body, "anskaffelser/ny/")).status_code == status
    assert client.post(_manage(body, f"anskaffelser/{item.pk}/slett/")).status_code == status
    assert PlannedProcurement.objects.exists()


def test_an_unpublished_body_is_not_found_by_others(client, outsider):
    draft = factories.public_body("Ny kommune", status="draft")
    client.force_login(outsider)
    assert client.get(_manage(draft)).status_code == 404


def test_a_curator_with_the_permission_may_keep_them(client, body):
    curator = make_user("plan@veier.test", "Pia Plan", is_staff=True)
    curator.user_permissions.add(Permission.objects.get(codename="change_plannedprocurement"))
    client.force_login(curator)
    assert client.get(_manage(body)).status_code == 200


def test_anonymous_users_are_sent_to_log_in(client, body):
    response = client.get(_manage(body))
    assert response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/")


def test_a_row_of_another_body_is_not_found(client, body, other_body, owner):
    item = _planned(other_body)
    client.force_login(owner)
    assert client.post(_manage(body, f"anskaffelser/{item.pk}/slett/")).status_code == 404
    assert client.get(_manage(body, f"ukjent/{item.pk}/rediger/")).status_code == 404
    assert PlannedProcurement.objects.exists()


# --- In entrepreneurs' alerts -------------------------------------------------------------------


@pytest.fixture
def subscriber(entrepreneur_member):
    from matchmaking import services as matchmaking_services
    from matchmaking.models import AlertSubscription

    matchmaking_services.alert_set_frequency(user=entrepreneur_member, frequency=AlertSubscription.Frequency.DAILY)
    AlertSubscription.objects.filter(user=entrepreneur_member).update(
        active_since=timezone.now() - datetime.timedelta(days=1)
    )
    return entrepreneur_member


def _digests(hours: float = 0) -> int:
    from matchmaking import services as matchmaking_services

    return matchmaking_services.need_digests_send(
        frequency="daily", now=timezone.now() + datetime.timedelta(hours=hours)
    )


def test_a_fitting_planned_purchase_is_in_the_alert_once(subscriber, body, other_body):
    from django.core import mail

    # The entrepreneur offers eldreomsorg in Trondheim.
    _planned(body, "Dagtilbud for personer med demens", area="Eldreomsorg")
    _planned(body, "Arbeidstrening", area="Arbeidsinkludering")  # another area
    _planned(other_body, "Demens i Bodø", area="Eldreomsorg")  # not where they work
    mail.outbox.clear()
    assert _digests() == 1
    message = mail.outbox[0]
    assert message.subject == "Planlagte anskaffelser som passer for dere"
    assert "Dagtilbud for personer med demens" in message.body and body.get_absolute_url() in message.body
    assert "Anskaffelsesforskriften del I" in message.body
    assert "Arbeidstrening" not in message.body and "Demens i Bodø" not in message.body
    mail.outbox.clear()
    assert _digests(hours=24) == 0


def test_a_nationwide_entrepreneur_hears_of_plans_everywhere(other_entrepreneur_member, other_body):
    from matchmaking import services as matchmaking_services
    from matchmaking.models import AlertSubscription

    matchmaking_services.alert_set_frequency(
        user=other_entrepreneur_member, frequency=AlertSubscription.Frequency.DAILY
    )
    _planned(other_body, "Arbeidstrening i Bodø", area="Arbeidsinkludering")
    entrepreneur_ids = [other_entrepreneur_member.entrepreneurmembership_set.get().entrepreneur_id]
    plans = services.planned_for_alert(entrepreneur_ids, since=timezone.now() - datetime.timedelta(days=1))
    assert [plan.title for plan in plans] == ["Arbeidstrening i Bodø"]
