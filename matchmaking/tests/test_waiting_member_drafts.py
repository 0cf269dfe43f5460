"""Someone who waits for a curator to approve them as a member of a public body can still draft a need."""

import pytest

from accounts.models import BodyMembership
from matchmaking.models import Need
from matchmaking.tests.conftest import join_body, make_need, make_user
from matchmaking.tests.test_need_views import _form


@pytest.fixture
def waiting(body):
    user = make_user("ny@trondheim.kommune.no", "Nina Ny")
    join_body(user, body, status=BodyMembership.Status.PENDING)
    return user


def test_a_waiting_member_may_open_the_form_and_is_told_why_they_cannot_publish(client, waiting):
    client.force_login(waiting)
    response = client.get("/behov/ny/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Du venter på godkjenning som medlem av Trondheim kommune" in html
    assert 'value="publiser"' not in html


def test_publishing_is_saved_as_a_draft_until_approved(client, waiting, body):
    client.force_login(waiting)
    response = client.post("/behov/ny/", _form(handling="publiser"))
    need = Need.objects.get()
    assert need.status == Need.Status.DRAFT and need.published_at is None
    assert need.author == waiting and need.public_body == body
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Bare du ser dette utkastet" in page.content.decode()


def test_the_author_may_edit_the_draft_but_not_publish_it(client, waiting, body):
    need = make_need(body, waiting, status=Need.Status.DRAFT)
    client.force_login(waiting)
    assert client.get(f"/behov/{need.pk}/rediger/").status_code == 200
    response = client.post(f"/behov/{need.pk}/rediger/", _form(title="Nytt navn", handling=None))
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.title == "Nytt navn"
    client.post(f"/behov/{need.pk}/status/", {"status": "open"})
    need.refresh_from_db()
    assert need.status == Need.Status.DRAFT


def test_others_waiting_for_the_same_body_do_not_see_the_draft(client, waiting, body):
    need = make_need(body, waiting, status=Need.Status.DRAFT)
    other = make_user("annen@trondheim.kommune.no")
    join_body(other, body, status=BodyMembership.Status.PENDING)
    client.force_login(other)
    assert client.get(need.get_absolute_url()).status_code == 404
    assert client.get(f"/behov/{need.pk}/rediger/").status_code == 404


def test_once_approved_the_author_publishes_it(client, waiting, body):
    need = make_need(body, waiting, status=Need.Status.DRAFT)
    BodyMembership.objects.filter(user=waiting).update(status=BodyMembership.Status.APPROVED)
    client.force_login(waiting)
    client.post(f"/behov/{need.pk}/status/", {"status": "open"})
    need.refresh_from_db()
    assert need.status == Need.Status.OPEN


def test_a_rejected_request_drafts_nothing(client, body):
    user = make_user("avvist@example.no")
    join_body(user, body, status=BodyMembership.Status.REJECTED)
    client.force_login(user)
    assert client.get("/behov/ny/").status_code == 403
