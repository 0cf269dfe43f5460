"""Dialogue about a need: an entrepreneur answers, a body invites, both write, one side decides."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.tests import factories
from matchmaking import services
from matchmaking.models import Interest, Message, Need
from matchmaking.tests.conftest import (
    assert_error_shown,
    html_of,
    join_entrepreneur,
    make_need,
    make_user,
    site_paths,
)

pytestmark = pytest.mark.django_db


def _login_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/")


@pytest.fixture
def answer(need, entrepreneur, entrepreneur_member):
    return services.interest_send(
        need=need, entrepreneur=entrepreneur, user=entrepreneur_member, text="Vi har gjort dette i Asker."
    )


@pytest.fixture
def invitation(need, entrepreneur, owner):
    return services.interest_invite(need=need, entrepreneur=entrepreneur, user=owner, text="Vil dere snakke med oss?")


# --- Answering ----------------------------------------------------------------------------------


def test_an_entrepreneur_answers_and_the_body_gets_an_email(client, need, owner, colleague, entrepreneur_member):
    client.force_login(entrepreneur_member)
    response = client.post(f"/behov/{need.pk}/svar/", {"text": "Vi har en løsning\nsom er prøvd ut."})
    interest = Interest.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/behov/{need.pk}/#dialog-{interest.pk}"
    assert (interest.kind, interest.state, interest.entrepreneur.name) == ("answer", "sent", "Omsorgsappen AS")
    assert interest.messages.get().side == Message.Side.ENTREPRENEUR
    assert sorted(message.to[0] for message in mail.outbox) == sorted([colleague.email, owner.email])
    message = mail.outbox[0]
    assert message.subject == "Omsorgsappen AS har svart på behovet «Tryggere pårørende i demensomsorgen»"
    assert "Vi har en løsning\nsom er prøvd ut." in message.body
    assert f"/behov/{need.pk}/#dialog-{interest.pk}" in site_paths(message.body)
    assert "https://veier.test/behov/" in message.alternatives[0][0]


def test_answering_again_joins_the_same_dialogue(client, need, entrepreneur_member, answer):
    client.force_login(entrepreneur_member)
    client.post(f"/behov/{need.pk}/svar/", {"text": "Og én ting til."})
    assert Interest.objects.count() == 1
    assert answer.messages.count() == 2


def test_the_answer_form_is_shown_to_entrepreneur_members_who_have_not_answered(
    client, need, entrepreneur_member, other_entrepreneur_member
):
    client.force_login(entrepreneur_member)
    assert "Svar på behovet" in html_of(client.get(need.get_absolute_url()))
    services.interest_send(
        need=need, entrepreneur=entrepreneur_member.entrepreneurmembership_set.get().entrepreneur,
        user=entrepreneur_member, text="Hei",
    )  # fmt: skip
    html = html_of(client.get(need.get_absolute_url()))
    assert f'action="/behov/{need.pk}/svar/"' not in html
    assert "Dialogen deres med virksomheten" in html


def test_a_member_of_two_entrepreneurs_chooses_which_one_answers(client, need, entrepreneur_member, other_entrepreneur):
    join_entrepreneur(entrepreneur_member, other_entrepreneur)
    client.force_login(entrepreneur_member)
    assert "Svar på vegne av" in html_of(client.get(need.get_absolute_url()))
    client.post(f"/behov/{need.pk}/svar/", {"text": "Hei", "entrepreneur": other_entrepreneur.pk})
    assert Interest.objects.get().entrepreneur == other_entrepreneur
    stranger = factories.entrepreneur("Fremmed AS")
    response = client.post(f"/behov/{need.pk}/svar/", {"text": "Hei", "entrepreneur": stranger.pk})
    assert_error_shown(response, "id_entrepreneur", "Velg en av virksomhetene du er medlem av.")


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Skriv et svar før du sender."), ("x" * 4001, "Svaret kan ha høyst 4000 tegn")],
)
def test_bad_answers_are_explained_and_kept(client, need, entrepreneur_member, text, message):
    client.force_login(entrepreneur_member)
    response = client.post(f"/behov/{need.pk}/svar/", {"text": text})
    assert_error_shown(response, "id_text", message)
    assert not Interest.objects.exists()
    if text:
        assert text in html_of(response)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", "login"), ("owner", 403), ("outsider", 403), ("curator", 403), ("entrepreneur_member", 302)],
)
def test_who_may_answer(client, request, need, persona, expected):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    response = client.post(f"/behov/{need.pk}/svar/", {"text": "Hei"})
    if expected == "login":
        assert _login_redirect(response)
    else:
        assert response.status_code == expected
    assert Interest.objects.exists() is (expected == 302)


def test_members_of_an_unpublished_entrepreneur_cannot_answer(client, need):
    user = make_user("ny@utkast.no")
    join_entrepreneur(user, factories.entrepreneur("Utkast AS", status="draft"))
    client.force_login(user)
    assert client.post(f"/behov/{need.pk}/svar/", {"text": "Hei"}).status_code == 403


@pytest.mark.parametrize("status", ["draft", "closed"])
def test_needs_that_are_not_active_cannot_be_answered(client, body, owner, entrepreneur_member, status):
    need = make_need(body, owner, status=status)
    client.force_login(entrepreneur_member)
    assert client.post(f"/behov/{need.pk}/svar/", {"text": "Hei"}).status_code == 404
    assert not Interest.objects.exists()


def test_a_need_whose_deadline_has_passed_takes_no_answers(client, need, entrepreneur_member):
    Need.objects.filter(pk=need.pk).update(answer_deadline=timezone.localdate() - timedelta(days=1))
    client.force_login(entrepreneur_member)
    response = client.post(f"/behov/{need.pk}/svar/", {"text": "Hei"}, follow=True)
    assert "Behovet tar ikke imot svar lenger." in html_of(response)
    assert not Interest.objects.exists()


def test_answering_needs_post(client, need, entrepreneur_member):
    client.force_login(entrepreneur_member)
    assert client.get(f"/behov/{need.pk}/svar/").status_code == 405


# --- Inviting ---------------------------------------------------------------------------------------


def test_a_body_member_invites_an_entrepreneur_who_gets_an_email(client, need, colleague, entrepreneur,
                                                                entrepreneur_member):  # fmt: skip
    client.force_login(colleague)
    page = client.get(f"/behov/{need.pk}/inviter/{entrepreneur.slug}/")
    assert page.status_code == 200
    assert "Tryggere pårørende i demensomsorgen" in html_of(page)  # the text is written for them
    assert "behandles likt" in html_of(page)
    response = client.post(f"/behov/{need.pk}/inviter/{entrepreneur.slug}/", {"text": "Kom og snakk med oss."})
    interest = Interest.objects.get()
    assert response["Location"] == interest.get_absolute_url()
    assert (interest.kind, interest.state, interest.started_by) == ("invitation", "sent", colleague)
    assert [message.to for message in mail.outbox] == [[entrepreneur_member.email]]
    message = mail.outbox[0]
    assert message.subject == "Trondheim kommune inviterer dere til dialog om et behov"
    assert "Kom og snakk med oss." in message.body
    assert f"/behov/{need.pk}/#dialog-{interest.pk}" in site_paths(message.body)
    assert "/konto/registrer/" in site_paths(message.body)


def test_an_entrepreneur_without_members_is_invited_at_its_contact_address(client, need, owner):
    target = factories.entrepreneur("Uten medlemmer", email="post@uten.no", service_areas=[])
    client.force_login(owner)
    client.post(f"/behov/{need.pk}/inviter/{target.slug}/", {"text": "Hei"})
    assert [message.to for message in mail.outbox] == [["post@uten.no"]]


def test_inviting_someone_already_in_dialogue_adds_to_that_dialogue(client, need, owner, entrepreneur, answer):
    client.force_login(owner)
    assert "allerede i dialog" in html_of(client.get(f"/behov/{need.pk}/inviter/{entrepreneur.slug}/"))
    client.post(f"/behov/{need.pk}/inviter/{entrepreneur.slug}/", {"text": "Takk for svaret!"})
    assert Interest.objects.count() == 1
    answer.refresh_from_db()
    assert answer.state == Interest.State.IN_DIALOGUE  # the body decides on answers, and it replied


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", "login"), ("outsider", 403), ("curator", 403), ("entrepreneur_member", 403)],
)
def test_who_may_invite(client, request, need, entrepreneur, persona, expected):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    for response in (
        client.get(f"/behov/{need.pk}/inviter/{entrepreneur.slug}/"),
        client.post(f"/behov/{need.pk}/inviter/{entrepreneur.slug}/", {"text": "Hei"}),
    ):
        if expected == "login":
            assert _login_redirect(response)
        else:
            assert response.status_code == expected
    assert not Interest.objects.exists()


def test_unknown_or_unpublished_entrepreneurs_cannot_be_invited(client, need, owner):
    draft = factories.entrepreneur("Ikke publisert", status="draft")
    client.force_login(owner)
    assert client.get(f"/behov/{need.pk}/inviter/finnes-ikke/").status_code == 404
    assert client.post(f"/behov/{need.pk}/inviter/{draft.slug}/", {"text": "Hei"}).status_code == 404


def test_a_draft_need_cannot_be_used_to_invite(client, body, owner, entrepreneur):
    draft = make_need(body, owner, status="draft")
    client.force_login(owner)
    response = client.post(f"/behov/{draft.pk}/inviter/{entrepreneur.slug}/", {"text": "Hei"}, follow=True)
    assert "Publiser eller gjenåpne behovet" in html_of(response)
    assert not Interest.objects.exists()


@pytest.mark.parametrize(
    ("text", "message"), [("", "Skriv en melding før du sender."), ("x" * 4001, "høyst 4000 tegn")]
)
def test_bad_invitations_are_explained_and_kept(client, need, owner, entrepreneur, text, message):
    client.force_login(owner)
    response = client.post(f"/behov/{need.pk}/inviter/{entrepreneur.slug}/", {"text": text})
    assert_error_shown(response, "id_text", message)
    assert not Interest.objects.exists()


# --- Writing in a dialogue -----------------------------------------------------------------------


def test_both_sides_see_the_dialogue_and_others_do_not(client, need, answer, owner, colleague, entrepreneur_member,
                                                       other_entrepreneur_member, outsider):  # fmt: skip
    for user, sees in [(owner, True), (colleague, True), (entrepreneur_member, True),
                       (other_entrepreneur_member, False), (outsider, False)]:  # fmt: skip
        client.force_login(user)
        assert ("Vi har gjort dette i Asker." in html_of(client.get(need.get_absolute_url()))) is sees, user
    client.logout()
    assert "Vi har gjort dette i Asker." not in html_of(client.get(need.get_absolute_url()))


def test_the_body_replies_the_dialogue_and_the_need_move_into_dialogue_and_the_entrepreneur_is_told(
    client, need, answer, owner, entrepreneur_member
):
    client.force_login(owner)
    response = client.post(f"/behov/{need.pk}/dialog/{answer.pk}/melding/", {"text": "Kan vi møtes?"})
    assert response["Location"] == answer.get_absolute_url()
    answer.refresh_from_db()
    need.refresh_from_db()
    assert answer.state == Interest.State.IN_DIALOGUE
    assert need.status == Need.Status.IN_DIALOGUE
    assert [m.to for m in mail.outbox][-1] == [entrepreneur_member.email]
    assert mail.outbox[-1].subject == "Ny melding om behovet «Tryggere pårørende i demensomsorgen»"
    assert "Kan vi møtes?" in mail.outbox[-1].body


def test_the_entrepreneur_writing_again_does_not_decide_anything(client, need, answer, entrepreneur_member, owner):
    mail.outbox.clear()
    client.force_login(entrepreneur_member)
    client.post(f"/behov/{need.pk}/dialog/{answer.pk}/melding/", {"text": "En ting til."})
    answer.refresh_from_db()
    assert answer.state == Interest.State.SENT
    assert owner.email in [m.to[0] for m in mail.outbox]


def test_a_bad_message_is_shown_beside_the_field_of_that_dialogue(client, need, answer, owner):
    client.force_login(owner)
    response = client.post(f"/behov/{need.pk}/dialog/{answer.pk}/melding/", {"text": ""})
    assert_error_shown(response, f"id_dialog{answer.pk}_text", "Skriv en melding før du sender.")
    assert answer.messages.count() == 1


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("anonymous", "login"), ("outsider", 404), ("other_entrepreneur_member", 404), ("curator", 403)],
)
def test_who_may_write_in_a_dialogue(client, request, need, answer, persona, expected):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    for path in ("melding", "status"):
        response = client.post(f"/behov/{need.pk}/dialog/{answer.pk}/{path}/", {"text": "Hei", "state": "agreed"})
        if expected == "login":
            assert _login_redirect(response)
        else:
            assert response.status_code == expected
    assert answer.messages.count() == 1
    answer.refresh_from_db()
    assert answer.state == Interest.State.SENT


def test_a_dialogue_belongs_to_its_need(client, body, owner, need, answer):
    other = make_need(body, owner)
    client.force_login(owner)
    assert client.post(f"/behov/{other.pk}/dialog/{answer.pk}/melding/", {"text": "Hei"}).status_code == 404


# --- Deciding the state -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "mails"),
    [("read", 0), ("in_dialogue", 1), ("declined", 1), ("agreed", 1)],
)
def test_the_body_decides_on_answers(client, need, answer, owner, entrepreneur_member, state, mails):
    mail.outbox.clear()
    client.force_login(owner)
    response = client.post(f"/behov/{need.pk}/dialog/{answer.pk}/status/", {"state": state})
    assert response.status_code == 302
    answer.refresh_from_db()
    assert answer.state == state
    assert len(mail.outbox) == mails
    if mails:
        assert mail.outbox[0].to == [entrepreneur_member.email]
        assert "Dialogen om «Tryggere pårørende i demensomsorgen»" in mail.outbox[0].subject


def test_the_entrepreneur_decides_on_invitations_and_the_body_may_not(client, need, invitation, owner,
                                                                     entrepreneur_member):  # fmt: skip
    client.force_login(owner)
    response = client.post(f"/behov/{need.pk}/dialog/{invitation.pk}/status/", {"state": "agreed"})
    assert response.status_code == 403
    assert "Det er entreprenøren som endrer status på invitasjoner." in html_of(response)
    client.force_login(entrepreneur_member)
    client.post(f"/behov/{need.pk}/dialog/{invitation.pk}/status/", {"state": "declined"})
    invitation.refresh_from_db()
    assert invitation.state == Interest.State.DECLINED
    assert owner.email in [message.to[0] for message in mail.outbox]
    assert "avslått" in mail.outbox[-1].subject


def test_the_entrepreneur_may_not_decide_on_its_own_answer(client, need, answer, entrepreneur_member):
    client.force_login(entrepreneur_member)
    response = client.post(f"/behov/{need.pk}/dialog/{answer.pk}/status/", {"state": "agreed"})
    assert response.status_code == 403
    assert "Det er virksomheten som endrer status på svar fra entreprenører." in html_of(response)


def test_only_the_deciding_side_sees_the_status_form(client, need, answer, owner, entrepreneur_member):
    client.force_login(owner)
    assert "Endre status" in html_of(client.get(need.get_absolute_url()))
    client.force_login(entrepreneur_member)
    assert "Endre status" not in html_of(client.get(need.get_absolute_url()))


def test_an_unknown_state_is_refused(client, need, answer, owner):
    client.force_login(owner)
    response = client.post(f"/behov/{need.pk}/dialog/{answer.pk}/status/", {"state": "sent"}, follow=True)
    assert "Velg lest, i dialog, avslått eller enige." in html_of(response)
    answer.refresh_from_db()
    assert answer.state == Interest.State.SENT


def test_agreeing_moves_an_open_need_into_dialogue(need, answer):
    services.interest_set_state(interest=answer, side=Message.Side.BODY, state=Interest.State.AGREED)
    need.refresh_from_db()
    assert need.status == Need.Status.IN_DIALOGUE


def test_the_need_page_costs_the_same_number_of_queries_for_three_times_the_dialogues(client, need, owner):
    def add(count):
        for _ in range(count):
            target = factories.entrepreneur()
            interest = services.interest_invite(need=need, entrepreneur=target, user=owner, text="Hei")
            services.interest_reply(interest=interest, side=Message.Side.BODY, user=owner, text="Og hei igjen")

    client.force_login(owner)
    add(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(need.get_absolute_url()).status_code == 200
    add(4)
    with CaptureQueriesContext(connection) as more:
        response = client.get(need.get_absolute_url())
    assert len(response.context["dialogues"]) == 6
    assert len(more) == len(few)


def test_messages_that_send_email_are_rate_limited_and_the_text_is_kept(client, need, entrepreneur_member):
    """Issue 11, finding 6: twenty messages must not send twenty e-mails without limit."""
    from accounts import throttle

    client.force_login(entrepreneur_member)
    limit = throttle.limit_for("message").per_address
    for number in range(limit):
        assert client.post(f"/behov/{need.pk}/svar/", {"text": f"Melding {number}"}).status_code == 302
    sent = len(mail.outbox)
    response = client.post(f"/behov/{need.pk}/svar/", {"text": "Én for mye"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Du har sendt for mange skjemaer på kort tid." in html
    assert "Én for mye" in html
    assert len(mail.outbox) == sent
