"""The four- and twelve-week questions: sent once per side and stage, never after the dialogue is
settled, answered by the side they were sent to, shown on Min side."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agreements import services
from agreements.models import FollowUp, Side
from agreements.tests.conftest import agreement_data
from matchmaking.models import Interest
from matchmaking.tests.conftest import assert_error_shown, html_of, site_paths

pytestmark = pytest.mark.django_db


def _age(interest, days: int) -> None:
    Interest.objects.filter(pk=interest.pk).update(created=timezone.now() - timedelta(days=days))


def _send(days_later: int = 0) -> int:
    return services.follow_ups_send(now=timezone.now() + timedelta(days=days_later))


@pytest.fixture
def asked(interest, owner, colleague):
    """Both sides were asked the four-week question."""
    _age(interest, 28)
    mail.outbox.clear()
    assert _send() == 2
    return interest


def test_nothing_is_asked_before_four_weeks(interest):
    _age(interest, 27)
    assert _send() == 0 and not FollowUp.objects.exists()


def test_both_sides_are_asked_at_four_weeks_by_email(interest, owner, colleague, entrepreneur_member):
    _age(interest, 28)
    mail.outbox.clear()
    assert _send() == 2
    by_side = {follow_up.side: follow_up for follow_up in FollowUp.objects.all()}
    assert set(by_side) == {Side.BODY, Side.ENTREPRENEUR}
    assert {follow_up.stage for follow_up in by_side.values()} == {4}
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([owner.email, colleague.email, entrepreneur_member.email])
    message = next(message for message in mail.outbox if message.to == [entrepreneur_member.email])
    assert message.subject == "Hvordan gikk dialogen om «Tryggere pårørende i demensomsorgen»?"
    assert "Det er 4 uker siden dialogen med Trondheim kommune" in message.body
    assert by_side[Side.ENTREPRENEUR].get_absolute_url() in site_paths(message.body)


def test_each_question_is_sent_once(asked):
    mail.outbox.clear()
    assert _send() == 0
    assert _send(days_later=10) == 0
    assert mail.outbox == []


def test_the_twelve_week_question_follows_an_answer_that_it_is_still_going(asked, owner):
    body_question = FollowUp.objects.get(side=Side.BODY)
    services.follow_up_answer(follow_up=body_question, user=owner, answer="ongoing", reason="", comment="")
    assert _send(days_later=55) == 0
    assert _send(days_later=56) == 2
    assert set(FollowUp.objects.filter(stage=12).values_list("side", flat=True)) == {Side.BODY, Side.ENTREPRENEUR}


@pytest.mark.parametrize("answer", ["stopped", "agreed"])
def test_no_question_after_an_answer_that_settles_it(asked, owner, answer):
    body_question = FollowUp.objects.get(side=Side.BODY)
    services.follow_up_answer(follow_up=body_question, user=owner, answer=answer, reason="", comment="")
    assert _send(days_later=60) == 0


def test_no_question_after_an_agreement_or_a_decline(interest, agreement):
    _age(interest, 90)
    assert _send() == 0
    agreement.delete()
    Interest.objects.filter(pk=interest.pk).update(state=Interest.State.DECLINED)
    assert _send() == 0


def test_a_job_that_missed_week_four_asks_only_the_twelve_week_question(interest):
    _age(interest, 85)
    assert _send() == 2
    assert set(FollowUp.objects.values_list("stage", flat=True)) == {12}


def test_the_command_sends_the_questions(interest, capsys):
    _age(interest, 30)
    call_command("send_follow_ups")
    assert "Sent 2 follow-up question(s)." in capsys.readouterr().out
    call_command("send_follow_ups", verbosity=0)
    assert FollowUp.objects.count() == 2


# --- Answering ----------------------------------------------------------------------------------


def test_the_question_waits_on_min_side_and_is_answered_there(client, asked, entrepreneur_member):
    question = FollowUp.objects.get(side=Side.ENTREPRENEUR)
    client.force_login(entrepreneur_member)
    assert question.get_absolute_url() in html_of(client.get("/min-side/"))
    response = client.post(
        question.get_absolute_url(), {"answer": "stopped", "reason": "budget", "comment": "Neste år."}
    )
    assert response.status_code == 302 and response["Location"] == "/min-side/"
    question.refresh_from_db()
    assert (question.answer, question.reason, question.comment) == ("stopped", "budget", "Neste år.")
    assert question.answered_by == entrepreneur_member
    assert question.get_absolute_url() not in html_of(client.get("/min-side/"))


def test_answering_agreed_leads_on_to_recording_the_agreement(client, asked, owner):
    question = FollowUp.objects.get(side=Side.BODY)
    client.force_login(owner)
    response = client.post(question.get_absolute_url(), {"answer": "agreed"})
    assert response["Location"] == f"/behov/{asked.need_id}/dialog/{asked.pk}/avtale/ny/"
    assert FollowUp.objects.get(side=Side.BODY).reason == ""


def test_an_answer_is_not_changed_afterwards(client, asked, owner):
    question = FollowUp.objects.get(side=Side.BODY)
    client.force_login(owner)
    client.post(question.get_absolute_url(), {"answer": "ongoing"})
    response = client.post(question.get_absolute_url(), {"answer": "stopped"})
    assert response.status_code == 200 and "Dere svarte «Vi snakker fortsatt sammen»" in html_of(response)
    assert FollowUp.objects.get(side=Side.BODY).answer == "ongoing"


def test_a_missing_answer_is_explained_by_the_field(client, asked, owner):
    client.force_login(owner)
    response = client.post(FollowUp.objects.get(side=Side.BODY).get_absolute_url(), {"comment": "Vi vet ikke"})
    assert_error_shown(response, "id_answer", "Velg om det endte i en avtale")
    assert "Vi vet ikke" in html_of(response)


@pytest.mark.parametrize(
    ("persona", "status"),
    [("entrepreneur_member", 404), ("outsider", 404), ("other_entrepreneur_member", 404), ("curator", 404)],
)
def test_only_the_side_asked_may_answer(client, request, asked, persona, status):
    question = FollowUp.objects.get(side=Side.BODY)
    client.force_login(request.getfixturevalue(persona))
    assert client.get(question.get_absolute_url()).status_code == status
    assert client.post(question.get_absolute_url(), {"answer": "stopped"}).status_code == status
    assert FollowUp.objects.get(pk=question.pk).answered_at is None


@pytest.mark.parametrize("persona", ["owner", "colleague"])
def test_the_members_of_the_side_asked_may_answer(client, request, asked, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(FollowUp.objects.get(side=Side.BODY).get_absolute_url()).status_code == 200


def test_anonymous_users_are_sent_to_log_in(client, asked):
    response = client.get(FollowUp.objects.get(side=Side.BODY).get_absolute_url())
    assert response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/")


def test_min_side_lists_agreements_waiting_for_confirmation(client, agreement, entrepreneur_member, owner):
    client.force_login(entrepreneur_member)
    page = html_of(client.get("/min-side/"))
    assert agreement.get_absolute_url() in page and "Venter på deres bekreftelse" in page
    client.force_login(owner)
    assert "Venter på den andre parten" in html_of(client.get("/min-side/"))


def test_min_side_costs_the_same_queries_with_more_agreements_and_questions(client, agreement, owner, need, pilot):
    from directory.tests import factories
    from matchmaking import services as matchmaking_services

    client.force_login(owner)
    client.get("/min-side/")
    with CaptureQueriesContext(connection) as few:
        client.get("/min-side/")
    for number in range(6):
        other = factories.entrepreneur(f"Entreprenør {number}", nationwide=True)
        interest = matchmaking_services.interest_invite(need=need, entrepreneur=other, user=owner, text="Hei")
        if number % 2:
            services.agreement_record(interest=interest, side=Side.BODY, user=owner, data=agreement_data(pilot))
        else:
            _age(interest, 30)
    _send()
    with CaptureQueriesContext(connection) as many:
        response = client.get("/min-side/")
    assert len(response.context["agreements"]["agreements"]) == 4
    assert len(response.context["agreements"]["follow_ups"]) == 3
    assert len(many) == len(few)
