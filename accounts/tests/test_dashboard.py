"""/min-side/: who you are, your memberships and their state, what waits for you, and account links."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import BodyMembership, EntrepreneurMembership
from accounts.tests.helpers import make_user
from directory.models import PublicationStatus
from directory.tests import factories

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("accounts:dashboard")


def test_anonymous_users_are_sent_to_log_in(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={DASHBOARD}"


def test_the_owner_sees_who_they_are_their_organisations_and_the_account_links(client, owner):
    client.force_login(owner)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Du er logget inn som Eva Eier (eier@example.no)." in html
    # The organisations and their state come from the directory's section (tested there).
    assert "Grønn Start" in html and "Lys Vei" in html and "Testkommune" in html
    for name in ("password-change", "my-data", "delete"):
        assert reverse(f"accounts:{name}") in html


def test_a_user_without_a_name_is_shown_by_address(client, db):
    client.force_login(make_user("navnlos@example.no"))
    assert "Du er logget inn som navnlos@example.no." in client.get(DASHBOARD).content.decode()


@pytest.mark.parametrize("persona", ["colleague", "outsider", "curator"])
def test_other_users_see_only_their_own_memberships(client, request, persona, owner):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    html = client.get(DASHBOARD).content.decode()
    assert user.email in html
    assert owner.email not in html and "Eva Eier" not in html
    assert "Grønn Start" not in html  # the owner's draft
    assert "Testkommune" not in html


def test_the_colleague_sees_the_shared_organisation(client, colleague):
    client.force_login(colleague)
    assert "Lys Vei" in client.get(DASHBOARD).content.decode()


def test_curators_see_what_waits_for_approval(client, curator, owner, draft_entrepreneur):
    draft_entrepreneur.status = PublicationStatus.PENDING
    draft_entrepreneur.save()
    client.force_login(curator)
    html = client.get(DASHBOARD).content.decode()
    assert "Venter på deg som kurator" in html
    assert "1 profil til godkjenning" in html
    assert "1 medlemskap i offentlige virksomheter til godkjenning" in html
    assert "/admin/directory/socialentrepreneur/?status__exact=pending" in html


def test_others_do_not_see_the_curator_section(client, owner):
    client.force_login(owner)
    assert "Venter på deg som kurator" not in client.get(DASHBOARD).content.decode()


def test_the_sections_of_the_other_apps_are_included(client, owner):
    client.force_login(owner)
    names = [template.name for template in client.get(DASHBOARD).templates]
    assert "directory/member/dashboard.html" in names
    assert "matchmaking/dashboard.html" in names


def test_the_number_of_queries_does_not_grow_with_the_memberships(client, db):
    user = make_user("mange@example.no")
    client.force_login(user)

    def add_memberships(count: int) -> None:
        for _ in range(count):
            EntrepreneurMembership.objects.create(user=user, entrepreneur=factories.entrepreneur())
            BodyMembership.objects.create(user=user, public_body=factories.public_body())

    add_memberships(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(DASHBOARD).status_code == 200
    add_memberships(4)
    with CaptureQueriesContext(connection) as many:
        assert client.get(DASHBOARD).status_code == 200
    assert len(many) == len(few)
