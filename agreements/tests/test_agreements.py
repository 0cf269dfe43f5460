"""Recording an agreement from a dialogue, confirming it, the regime on its date, and who may do what."""

import datetime

import pytest
from django.core import mail

from agreements import services
from agreements.models import Agreement, Side
from agreements.tests.conftest import agreement_data
from matchmaking.models import Interest
from matchmaking.tests.conftest import assert_error_shown, html_of, site_paths

pytestmark = pytest.mark.django_db

FORM = {
    "summary": "En pilot på to sykehjem i ett år.",
    "value": "600 000",  # above the 500 000 kr lower limit in force from 1 July 2026
    "procurement_category": "helse-sosial",
    "agreed_on": "01.09.2026",
    "starts_on": "2026-10-01",
    "ends_on": "30.09.2027",
}


def _url(interest, tail: str = "") -> str:
    return f"/behov/{interest.need_id}/dialog/{interest.pk}/avtale/{tail}"


def _login_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/")


# --- Recording and confirming -------------------------------------------------------------------


def test_the_body_records_an_agreement_and_the_entrepreneur_is_asked_to_confirm(
    client, interest, owner, pilot, entrepreneur_member
):
    mail.outbox.clear()
    client.force_login(owner)
    response = client.post(_url(interest, "ny/"), {**FORM, "collaboration_form": pilot.pk})
    agreement = Agreement.objects.get()
    assert response.status_code == 302 and response["Location"] == _url(interest)
    assert agreement.value == 600_000 and agreement.ends_on == datetime.date(2027, 9, 30)
    assert agreement.body_confirmed_at is not None and agreement.entrepreneur_confirmed_at is None
    assert agreement.recorded_by == owner
    assert [message.to for message in mail.outbox] == [[entrepreneur_member.email]]
    assert mail.outbox[0].subject == "Bekreft avtalen om «Tryggere pårørende i demensomsorgen»"
    assert _url(interest) in site_paths(mail.outbox[0].body)


def test_the_entrepreneur_confirms_and_the_need_shows_the_agreement(client, agreement, entrepreneur_member):
    need_page = client.get(f"/behov/{agreement.interest.need_id}/")
    assert "Avtale inngått" not in html_of(need_page)
    client.force_login(entrepreneur_member)
    assert "Bekreft avtalen" in html_of(client.get(_url(agreement.interest)))
    response = client.post(_url(agreement.interest, "bekreft/"))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.is_confirmed
    assert Interest.objects.get().state == Interest.State.AGREED
    client.logout()
    assert "Avtale inngått" in html_of(client.get(f"/behov/{agreement.interest.need_id}/"))


def test_a_dialogue_has_one_agreement(client, agreement, entrepreneur_member, pilot):
    client.force_login(entrepreneur_member)
    response = client.get(_url(agreement.interest, "ny/"))
    assert response.status_code == 302 and response["Location"] == _url(agreement.interest)
    with pytest.raises(Exception, match="allerede"):
        services.agreement_record(
            interest=agreement.interest, side=Side.ENTREPRENEUR, user=entrepreneur_member, data=agreement_data(pilot)
        )


def test_a_change_needs_the_other_side_to_confirm_again(client, agreement, entrepreneur_member, pilot):
    services.agreement_confirm(agreement=agreement, side=Side.ENTREPRENEUR)
    client.force_login(entrepreneur_member)
    response = client.post(
        _url(agreement.interest, "rediger/"), {**FORM, "collaboration_form": pilot.pk, "value": "600 000"}
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.value == 600_000
    assert agreement.entrepreneur_confirmed_at is not None and agreement.body_confirmed_at is None


def test_saving_without_a_change_keeps_both_confirmations(client, agreement, entrepreneur_member, pilot):
    services.agreement_confirm(agreement=agreement, side=Side.ENTREPRENEUR)
    client.force_login(entrepreneur_member)
    client.post(_url(agreement.interest, "rediger/"), {**FORM, "collaboration_form": pilot.pk, "ends_on": ""})
    agreement.refresh_from_db()
    assert agreement.is_confirmed


def test_the_dialogue_links_to_recording_an_agreement_for_the_parties_only(client, interest, owner, outsider):
    client.force_login(owner)
    assert _url(interest, "ny/") in html_of(client.get(f"/behov/{interest.need_id}/"))
    client.force_login(outsider)
    assert _url(interest, "ny/") not in html_of(client.get(f"/behov/{interest.need_id}/"))


# --- The regime on the agreement's own date -----------------------------------------------------


@pytest.mark.parametrize(
    ("agreed_on", "value", "regime"),
    [
        # The EEA threshold for health and social services rose from 7 200 000 to 7 800 000 kroner on
        # 23 March 2022 (the seeded threshold periods): the same value falls under part IV the day before.
        (datetime.date(2022, 3, 22), 7_500_000, "del-4"),
        (datetime.date(2022, 3, 23), 7_500_000, "del-1"),
        (datetime.date(2024, 3, 14), 99_999, "utenfor-regelverket"),
        (datetime.date(2024, 3, 14), 100_000, "del-1"),
        (datetime.date(2016, 12, 31), 100_000, ""),  # before the first period the guide knows
        (datetime.date(2026, 7, 1), None, ""),
    ],
)
def test_the_regime_is_computed_on_the_agreement_date(interest, owner, pilot, agreed_on, value, regime):
    data = agreement_data(pilot, agreed_on=agreed_on, starts_on=agreed_on, value=value)
    agreement = services.agreement_record(interest=interest, side=Side.BODY, user=owner, data=data)
    assert agreement.regime == regime


def test_the_regime_is_shown_on_the_agreement(client, agreement, owner):
    client.force_login(owner)
    assert "Anskaffelsesforskriften del I" in html_of(client.get(_url(agreement.interest)))


# --- Bad input ----------------------------------------------------------------------------------


def test_an_end_before_the_start_is_explained_by_the_field_and_nothing_is_lost(client, interest, owner, pilot):
    client.force_login(owner)
    response = client.post(_url(interest, "ny/"), {**FORM, "collaboration_form": pilot.pk, "ends_on": "01.01.2026"})
    assert_error_shown(response, "id_ends_on", "Sluttdatoen kan ikke være før startdatoen.")
    assert "En pilot på to sykehjem i ett år." in html_of(response)
    assert 'value="600 000"' in html_of(response)
    assert not Agreement.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("agreed_on", "i går", "Skriv datoen som dd.mm.åååå"),
        ("agreed_on", "", "Skriv datoen dere ble enige."),
        ("summary", "", "Skriv kort hva dere er enige om."),
        ("summary", "x" * 2001, "Teksten kan ha høyst 2000 tegn"),
        ("summary", "null\x00byte", "Null-tegn er ikke tillatt."),
        ("value", "mange penger", "kroner"),
        ("collaboration_form", "999999", "Velg en samarbeidsform fra listen."),
    ],
)
def test_bad_input_is_explained_by_the_field(client, interest, owner, pilot, field, value, message):
    client.force_login(owner)
    response = client.post(_url(interest, "ny/"), {**FORM, "collaboration_form": pilot.pk, field: value})
    assert response.status_code == 200
    assert message in html_of(response).replace("&nbsp;", " ")
    assert not Agreement.objects.exists()


# --- Who may do what ----------------------------------------------------------------------------

PARTIES = ["owner", "colleague", "entrepreneur_member"]
OUTSIDERS = ["outsider", "other_entrepreneur_member", "curator"]


@pytest.mark.parametrize("persona", PARTIES)
def test_the_parties_see_and_change_the_agreement(client, request, agreement, persona, pilot):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(_url(agreement.interest)).status_code == 200
    assert client.get(_url(agreement.interest, "rediger/")).status_code == 200
    assert client.get(_url(agreement.interest, "effektplan/")).status_code == 200
    assert client.post(_url(agreement.interest, "bekreft/")).status_code == 302


@pytest.mark.parametrize("persona", OUTSIDERS)
@pytest.mark.parametrize(
    ("method", "tail"),
    [
        ("get", ""),
        ("get", "ny/"),
        ("get", "rediger/"),
        ("post", "bekreft/"),
        ("get", "effektplan/"),
        ("post", "indikatorer/"),
    ],
)
def test_others_and_curators_without_permission_get_404(client, request, agreement, persona, method, tail):
    # is_staff alone opens nothing: the curator persona has no permissions.
    client.force_login(request.getfixturevalue(persona))
    assert getattr(client, method)(_url(agreement.interest, tail)).status_code == 404


@pytest.mark.parametrize(
    ("method", "tail", "status"),
    [
        ("get", "", 200),
        ("get", "ny/", 403),
        ("get", "rediger/", 403),
        ("post", "bekreft/", 403),
        ("get", "effektplan/", 403),
        ("post", "indikatorer/", 403),
    ],
)
def test_a_curator_with_the_view_permission_may_look_but_not_change(
    client, agreement, viewing_curator, method, tail, status
):
    client.force_login(viewing_curator)
    assert getattr(client, method)(_url(agreement.interest, tail)).status_code == status


def test_a_curator_with_the_view_permission_cannot_record_for_the_parties(client, interest, viewing_curator):
    client.force_login(viewing_curator)
    assert client.get(_url(interest, "ny/")).status_code == 403


@pytest.mark.parametrize(
    ("method", "tail"), [("get", ""), ("get", "ny/"), ("post", "bekreft/"), ("get", "effektplan/")]
)
def test_anonymous_users_are_sent_to_log_in(client, agreement, method, tail):
    assert _login_redirect(getattr(client, method)(_url(agreement.interest, tail)))
    agreement.refresh_from_db()
    assert agreement.entrepreneur_confirmed_at is None


def test_a_dialogue_of_another_need_is_not_found(client, agreement, owner, body):
    from matchmaking.tests.conftest import make_need

    other = make_need(body, owner, title="Et annet behov")
    client.force_login(owner)
    assert client.get(f"/behov/{other.pk}/dialog/{agreement.interest_id}/avtale/").status_code == 404


def test_many_quick_changes_send_the_other_side_one_email(client, agreement, entrepreneur_member, owner, pilot):
    from datetime import timedelta

    from django.utils import timezone

    Agreement.objects.filter(pk=agreement.pk).update(updated=timezone.now() - timedelta(hours=1))
    mail.outbox.clear()
    client.force_login(entrepreneur_member)
    for value in ("500 000", "510 000", "520 000"):
        client.post(_url(agreement.interest, "rediger/"), {**FORM, "collaboration_form": pilot.pk, "value": value})
    agreement.refresh_from_db()
    assert agreement.value == 520_000 and agreement.body_confirmed_at is None
    assert [message.to for message in mail.outbox] == [[owner.email]]
