"""The matchmaking part of /min-side/ (dashboard_context and its template) and the personal-data export."""

import json

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from directory.tests import factories
from matchmaking import services
from matchmaking.models import AlertSubscription, Interest
from matchmaking.tests.conftest import html_of, make_need, make_user
from matchmaking.views import dashboard_context

pytestmark = pytest.mark.django_db


def _unrelated(body, owner):
    return make_need(
        body,
        owner,
        title="Sommerjobb for ungdom",
        challenge="Ungdom trenger sommerjobb.",
        effects="Flere unge i arbeid.",
        service_areas=[factories.service_area("Arbeidsinkludering")],
        target_groups=[],
        collaboration_forms=[],
    )


def test_a_user_with_no_organisation_gets_an_empty_section(db):
    user = make_user("alene@example.no")
    assert dashboard_context(user) == {"matchmaking": {}}
    assert render_to_string("matchmaking/dashboard.html", dashboard_context(user)).strip() == ""


def test_entrepreneur_members_see_the_open_needs_that_fit_ranked_with_reasons(body, owner, entrepreneur_member):
    fitting = make_need(body, owner)
    _unrelated(body, owner)
    make_need(body, owner, title="Utkast om demens", status="draft")
    section = dashboard_context(entrepreneur_member)["matchmaking"]["entrepreneur"]
    assert [item.need for item in section["matches"]] == [fitting]
    html = render_to_string("matchmaking/dashboard.html", dashboard_context(entrepreneur_member))
    assert "Behov som passer for dere" in html
    assert "Tryggere pårørende i demensomsorgen" in html
    assert "Tilbyr eldreomsorg" in html
    assert "Sommerjobb" not in html and "Utkast om demens" not in html
    assert f'href="/behov/{fitting.pk}/#answer-heading"' in html


def test_entrepreneur_members_see_their_dialogues_and_alert_setting(body, owner, need, entrepreneur,
                                                                   entrepreneur_member):  # fmt: skip
    services.interest_invite(need=need, entrepreneur=entrepreneur, user=owner, text="Hei!")
    services.alert_set_frequency(user=entrepreneur_member, frequency=AlertSubscription.Frequency.WEEKLY)
    html = render_to_string("matchmaking/dashboard.html", dashboard_context(entrepreneur_member))
    interest = Interest.objects.get()
    assert f'href="/behov/{need.pk}/#dialog-{interest.pk}"' in html
    assert "Invitasjon fra virksomheten" in html and "Sendt" in html
    assert "Du har valgt: Ukentlig oppsummering." in html
    assert 'href="/varsler/"' in html


def test_body_members_see_their_needs_with_status_and_the_answers_waiting(body, owner, colleague, entrepreneur,
                                                                         entrepreneur_member):  # fmt: skip
    need = make_need(body, owner)
    make_need(body, owner, title="Et utkast", status="draft")
    services.interest_send(need=need, entrepreneur=entrepreneur, user=entrepreneur_member, text="Vi kan!")
    section = dashboard_context(colleague)["matchmaking"]["body"]
    assert section["answers_waiting"] == 1
    html = render_to_string("matchmaking/dashboard.html", dashboard_context(colleague))
    assert "1 nytt svar fra entreprenører venter på dere." in html
    assert "Et utkast" in html and "Utkast" in html
    assert "Tryggere pårørende i demensomsorgen" in html and "Åpent" in html
    assert 'href="/behov/ny/"' in html


def test_the_dashboard_costs_the_same_number_of_queries_for_three_times_the_needs(body, owner, entrepreneur_member):
    from matchmaking.tests.conftest import join_body

    join_body(entrepreneur_member, body)  # both sections at once
    for _ in range(2):
        make_need(body, owner)
    dashboard_context(entrepreneur_member)
    with CaptureQueriesContext(connection) as few:
        render_to_string("matchmaking/dashboard.html", dashboard_context(entrepreneur_member))
    for _ in range(4):
        make_need(body, owner)
    with CaptureQueriesContext(connection) as more:
        render_to_string("matchmaking/dashboard.html", dashboard_context(entrepreneur_member))
    assert len(more) == len(few)


def test_min_side_includes_the_section(client, need, entrepreneur_member):
    client.force_login(entrepreneur_member)
    response = client.get("/min-side/")
    assert response.status_code == 200
    assert "Behov som passer for dere" in html_of(response)
    assert "Tryggere pårørende i demensomsorgen" in html_of(response)


# --- Personal data ------------------------------------------------------------------------------


def test_the_export_holds_the_users_needs_messages_and_alerts(body, owner, need, entrepreneur, entrepreneur_member):
    services.interest_send(need=need, entrepreneur=entrepreneur, user=entrepreneur_member, text="Vi kan hjelpe.")
    services.alert_set_frequency(user=entrepreneur_member, frequency=AlertSubscription.Frequency.DAILY)
    owner_data = services.export_user_data(owner)
    assert [item["title"] for item in owner_data["needs_written"]] == ["Tryggere pårørende i demensomsorgen"]
    assert owner_data["dialogue_messages"] == []
    data = services.export_user_data(entrepreneur_member)
    assert data["needs_written"] == []
    assert [message["text"] for message in data["dialogue_messages"]] == ["Vi kan hjelpe."]
    assert data["need_alerts"]["frequency"] == "daily"
    json.dumps(data)  # ready for the JSON download


def test_the_export_of_a_user_with_nothing_is_empty_but_complete(db):
    data = services.export_user_data(make_user("tom@example.no"))
    assert data == {
        "needs_written": [],
        "dialogue_messages": [],
        "need_alerts": {"frequency": "none", "last_sent": None, "needs_sent": []},
    }


def test_deleting_a_user_keeps_the_bodys_need_and_the_dialogue(need, entrepreneur, entrepreneur_member, owner):
    services.interest_send(need=need, entrepreneur=entrepreneur, user=entrepreneur_member, text="Vi kan hjelpe.")
    owner.delete()
    entrepreneur_member.delete()
    need.refresh_from_db()
    assert need.author is None
    assert Interest.objects.get().messages.get().author is None


def test_needs_they_already_talk_about_are_not_listed_as_fitting(body, owner, need, entrepreneur, entrepreneur_member):
    services.interest_send(need=need, entrepreneur=entrepreneur, user=entrepreneur_member, text="Vi kan!")
    section = dashboard_context(entrepreneur_member)["matchmaking"]["entrepreneur"]
    assert section["matches"] == []
    assert [interest.need for interest in section["dialogues"]] == [need]


def test_a_body_with_many_needs_gets_them_a_page_at_a_time_with_answers_waiting_first(
    client, body, owner, colleague, entrepreneur, entrepreneur_member, monkeypatch
):
    monkeypatch.setattr("matchmaking.views.DASHBOARD_BODY_NEEDS", 2)
    answered = make_need(body, owner, title="Behovet med svar")
    for number in range(3):
        make_need(body, owner, title=f"Nyere behov {number}")
    services.interest_send(need=answered, entrepreneur=entrepreneur, user=entrepreneur_member, text="Vi kan!")
    # The answer left the need's own row as it was; the newer needs were changed after it.
    make_need(body, owner, title="Nyeste behov")

    section = dashboard_context(colleague)["matchmaking"]["body"]
    assert section["answers_waiting"] == 1
    first = [need.title for need in section["needs_page"].object_list]
    assert first[0] == "Behovet med svar" and len(first) == 2

    client.force_login(colleague)
    pages = [html_of(client.get("/min-side/", {"side": number})) for number in (1, 2, 3)]
    assert "5 behov. De med nye svar står først, så de sist endrede." in pages[0]
    assert 'href="?side=2"' in pages[0] and "Side 1 av 3" in pages[0]
    assert "1 nytt svar fra entreprenører venter på dere." in pages[2]  # the count covers every page
    shown = [
        title
        for page in pages
        for title in ["Behovet med svar", "Nyeste behov", *(f"Nyere behov {n}" for n in range(3))]
        if title in page
    ]
    assert sorted(shown) == sorted(["Behovet med svar", "Nyeste behov", *(f"Nyere behov {n}" for n in range(3))])
    assert "Nyeste behov" in pages[0]  # the most recently changed after the one with answers
    # A page past the end or junk shows a page, not an error.
    assert client.get("/min-side/", {"side": "99"}).status_code == 200
    assert client.get("/min-side/", {"side": "x"}).status_code == 200
