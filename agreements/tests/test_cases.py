"""From a finished agreement to a case in the library: both sides consent, a curator publishes."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from agreements import services
from agreements.models import CaseProposal, Side
from directory.models import Case
from matchmaking.tests.conftest import assert_error_shown, html_of, make_user

pytestmark = pytest.mark.django_db

TEXT = {"title": "Tryggere pårørende i Trondheim", "summary": "Et år med en app mellom sykehjem og pårørende."}


@pytest.fixture
def finished(agreement):
    agreement.ends_on = timezone.localdate() - datetime.timedelta(days=1)
    agreement.save()
    services.agreement_confirm(agreement=agreement, side=Side.ENTREPRENEUR)
    return agreement


def _url(agreement, tail="eksempel/"):
    return f"/behov/{agreement.interest.need_id}/dialog/{agreement.interest_id}/avtale/{tail}"


def test_both_sides_consent_and_the_proposal_waits_for_a_curator(client, finished, owner, entrepreneur_member):
    client.force_login(owner)
    assert "Del samarbeidet som eksempel" in html_of(client.get(_url(finished, "")))
    assert client.post(_url(finished), TEXT).status_code == 302
    proposal = CaseProposal.objects.get()
    assert proposal.status == CaseProposal.Status.WAITING and proposal.body_consent_at is not None
    client.force_login(entrepreneur_member)
    assert "Den andre parten har foreslått teksten under" in html_of(client.get(_url(finished, "")))
    client.post(_url(finished), TEXT)
    proposal.refresh_from_db()
    assert proposal.status == CaseProposal.Status.PENDING and proposal.has_both_consents
    assert not Case.objects.exists()


def test_a_changed_text_needs_the_other_sides_consent_again(finished):
    services.case_propose(agreement=finished, side=Side.BODY, **TEXT)
    services.case_propose(agreement=finished, side=Side.ENTREPRENEUR, **TEXT)
    proposal = services.case_propose(
        agreement=finished, side=Side.ENTREPRENEUR, title="Ny tittel", summary=TEXT["summary"]
    )
    assert proposal.status == CaseProposal.Status.WAITING
    assert proposal.body_consent_at is None and proposal.entrepreneur_consent_at is not None


def test_only_a_finished_confirmed_agreement_may_become_a_case(client, agreement, owner):
    with pytest.raises(ValidationError):
        services.case_propose(agreement=agreement, side=Side.BODY, **TEXT)  # not confirmed, no end
    services.agreement_confirm(agreement=agreement, side=Side.ENTREPRENEUR)
    agreement.ends_on = timezone.localdate() + datetime.timedelta(days=30)
    agreement.save()
    with pytest.raises(ValidationError):
        services.case_propose(agreement=agreement, side=Side.BODY, **TEXT)  # still running
    client.force_login(owner)
    assert "Del samarbeidet som eksempel" not in html_of(client.get(_url(agreement, "")))


def test_a_curator_cannot_publish_without_both_consents(finished):
    proposal = services.case_propose(agreement=finished, side=Side.BODY, **TEXT)
    with pytest.raises(ValidationError):
        services.case_publish(proposal=proposal)
    assert not Case.objects.exists()
    with pytest.raises(IntegrityError):
        CaseProposal.objects.filter(pk=proposal.pk).update(status=CaseProposal.Status.PENDING)


def test_publishing_makes_a_case_with_the_collaboration_and_its_effect(finished, owner):
    services.plan_save(agreement=finished, data={"people_reached": 40})
    services.case_propose(agreement=finished, side=Side.BODY, **TEXT)
    proposal = services.case_propose(agreement=finished, side=Side.ENTREPRENEUR, **TEXT)
    case = services.case_publish(proposal=proposal)
    assert case.status == "published"
    assert (case.title, case.summary, case.year) == (TEXT["title"], TEXT["summary"], 2026)
    assert list(case.entrepreneurs.all()) == [finished.interest.entrepreneur]
    assert list(case.public_bodies.all()) == [finished.interest.need.public_body]
    assert [form.name for form in case.collaboration_forms.all()] == ["Pilotavtale"]
    assert "Personer nådd: 40." in case.body
    assert case.procurement_applied is True
    proposal.refresh_from_db()
    assert proposal.status == CaseProposal.Status.PUBLISHED and proposal.case == case


def _admin_publish(client, user, proposal):
    client.force_login(user)
    return client.post(
        "/admin/agreements/caseproposal/",
        {"action": "publish_cases", "_selected_action": [proposal.pk]},
    )


def test_the_publish_action_needs_both_permissions(client, finished):
    services.case_propose(agreement=finished, side=Side.BODY, **TEXT)
    proposal = services.case_propose(agreement=finished, side=Side.ENTREPRENEUR, **TEXT)
    curator = make_user("redaktor@veier.test", "Rita Redaktør", is_staff=True)
    curator.user_permissions.add(
        Permission.objects.get(codename="view_caseproposal"), Permission.objects.get(codename="change_caseproposal")
    )
    _admin_publish(client, curator, proposal)
    assert not Case.objects.exists()
    curator.user_permissions.add(Permission.objects.get(codename="add_case"))
    _admin_publish(client, curator, proposal)
    assert Case.objects.get().title == TEXT["title"]


@pytest.mark.parametrize("persona", ["outsider", "other_entrepreneur_member", "curator"])
def test_others_cannot_propose(client, request, finished, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.post(_url(finished), TEXT).status_code == 404
    assert not CaseProposal.objects.exists()


def test_a_viewing_curator_cannot_propose(client, finished, viewing_curator):
    client.force_login(viewing_curator)
    assert client.post(_url(finished), TEXT).status_code == 403


def test_anonymous_users_are_sent_to_log_in(client, finished):
    assert client.post(_url(finished), TEXT)["Location"].startswith("/konto/logg-inn/")


def test_a_missing_summary_is_explained_and_the_title_kept(client, finished, owner):
    client.force_login(owner)
    response = client.post(_url(finished), {"title": "Min tittel", "summary": ""})
    assert_error_shown(response, "id_summary", "Skriv kort hva samarbeidet gikk ut på.")
    assert 'value="Min tittel"' in html_of(response)


# Issue 16: the decision page for a proposal, as the desk links to it.


@pytest.fixture
def pending_proposal(finished):
    services.case_propose(agreement=finished, side=Side.BODY, **TEXT)
    return services.case_propose(agreement=finished, side=Side.ENTREPRENEUR, **TEXT)


def _decision_url(proposal):
    return f"/admin/agreements/caseproposal/{proposal.pk}/vurder/"


def _curator(*codenames, email="redaktor@veier.test"):
    curator = make_user(email, "Rita Redaktør", is_staff=True)
    curator.user_permissions.add(*(Permission.objects.get(codename=codename) for codename in codenames))
    return curator


def _history(proposal):
    from django.contrib.admin.models import LogEntry

    return [entry.get_change_message() for entry in LogEntry.objects.filter(object_id=str(proposal.pk))]


@pytest.mark.parametrize(
    ("persona", "status"), [("anonymous", 302), ("owner", 302), ("viewing_curator", 403), ("deciding", 200)]
)
def test_who_may_open_the_decision_page(client, request, pending_proposal, persona, status):
    if persona == "deciding":
        client.force_login(_curator("change_caseproposal"))
    elif persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    response = client.get(_decision_url(pending_proposal))
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith("/admin/login/")


def test_publishing_on_the_page_needs_both_permissions_and_tells_both_sides(client, pending_proposal):
    from django.core import mail

    client.force_login(_curator("change_caseproposal"))
    page = html_of(client.get(_decision_url(pending_proposal)))
    assert 'value="publish"' not in page and 'value="reject"' in page
    assert TEXT["title"] in page and "En pilot på to sykehjem i ett år." in page
    client.post(_decision_url(pending_proposal), {"decision": "publish"})
    assert not Case.objects.exists()
    client.force_login(_curator("change_caseproposal", "add_case", email="publiserer@veier.test"))
    mail.outbox.clear()  # the mails about the agreement and the proposal
    response = client.post(_decision_url(pending_proposal), {"decision": "publish"})
    assert response.status_code == 302
    pending_proposal.refresh_from_db()
    assert pending_proposal.status == CaseProposal.Status.PUBLISHED
    assert _history(pending_proposal) == ["Publisert som eksempel"]
    recipients = {message.to[0] for message in mail.outbox}
    assert {"kari@trondheim.kommune.no", "siri@omsorgsappen.no"} <= recipients
    assert all(TEXT["title"] in message.subject for message in mail.outbox)


def test_rejecting_on_the_page_needs_a_reason_and_sends_it_once(client, pending_proposal):
    from django.core import mail

    client.force_login(_curator("change_caseproposal"))
    mail.outbox.clear()  # the mails about the agreement and the proposal
    response = client.post(_decision_url(pending_proposal), {"decision": "reject", "reason": ""})
    assert "Skriv en begrunnelse når du avviser" in html_of(response)
    pending_proposal.refresh_from_db()
    assert pending_proposal.status == CaseProposal.Status.PENDING and mail.outbox == []
    reason = "Teksten må si mer om hva som ble oppnådd."
    client.post(_decision_url(pending_proposal), {"decision": "reject", "reason": reason})
    pending_proposal.refresh_from_db()
    assert pending_proposal.status == CaseProposal.Status.REJECTED
    assert _history(pending_proposal) == [f"Avvist: {reason}"]
    assert mail.outbox and all(reason in message.body for message in mail.outbox)
    sent = len(mail.outbox)
    response = client.post(_decision_url(pending_proposal), {"decision": "reject", "reason": reason})
    assert any("Dette er allerede avgjort" in str(m) for m in response.wsgi_request._messages)
    assert len(mail.outbox) == sent and len(_history(pending_proposal)) == 1
