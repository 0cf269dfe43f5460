"""Issue 11, finding 4: curators may do what their Django permissions name, never more because they are staff."""

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from accounts.models import EntrepreneurMembership
from directory.member_models import EntrepreneurJoinRequest
from directory.models import ContactPerson, PublicationStatus, SocialEntrepreneur
from directory.tests import factories
from matchmaking.models import Need
from veier.testing import grant
from veier.tests.world import PROCUREMENT_PERMISSIONS, build_world

pytestmark = pytest.mark.django_db


def staff(email: str, *permissions: str):
    from accounts.models import User

    return grant(User.objects.create_user(email, "et langt passord her", is_staff=True), *permissions)


def test_every_admin_action_of_every_app_declares_its_permissions():
    missing = [
        f"{type(model_admin).__name__}.{getattr(action, '__name__', action)}"
        for model_admin in admin.site._registry.values()
        for action in [*model_admin.actions, *admin.site._actions.values()]
        if callable(action) and not getattr(action, "allowed_permissions", None)
    ]
    assert not missing, missing


def _run_action(client, model_admin_url: str, action: str, pks, **extra):
    return client.post(
        model_admin_url, {"action": action, ACTION_CHECKBOX_NAME: [str(pk) for pk in pks], "index": 0, **extra}
    )


class TestAdminActions:
    def test_a_view_only_curator_cannot_approve_or_publish_entrepreneurs(self, client):
        pending = factories.entrepreneur("Venter", status=PublicationStatus.PENDING)
        client.force_login(staff("leser@example.no", "directory.view_socialentrepreneur"))
        url = reverse("admin:directory_socialentrepreneur_changelist")
        page = client.get(url)
        assert page.status_code == 200
        assert "approve_entrepreneurs" not in page.content.decode()
        for action in ("approve_entrepreneurs", "reject_entrepreneurs", "publish", "unpublish"):
            _run_action(client, url, action, [pending.pk], reason="Nei")
        pending.refresh_from_db()
        assert pending.status == PublicationStatus.PENDING

    def test_editing_rights_are_not_approval_rights(self, client):
        pending = factories.entrepreneur("Venter", status=PublicationStatus.PENDING)
        client.force_login(
            staff("redaktor@example.no", "directory.view_socialentrepreneur", "directory.change_socialentrepreneur")
        )
        url = reverse("admin:directory_socialentrepreneur_changelist")
        _run_action(client, url, "approve_entrepreneurs", [pending.pk])
        pending.refresh_from_db()
        assert pending.status == PublicationStatus.PENDING
        # Nor through the change form: the review fields are read-only without the approve permission.
        change = client.get(reverse("admin:directory_socialentrepreneur_change", args=[pending.pk]))
        assert 'name="status"' not in change.content.decode()

    def test_a_curator_with_the_approve_permission_approves(self, client):
        pending = factories.entrepreneur("Venter", status=PublicationStatus.PENDING)
        client.force_login(
            staff("godkjenner@example.no", "directory.view_socialentrepreneur", "directory.approve_socialentrepreneur")
        )
        url = reverse("admin:directory_socialentrepreneur_changelist")
        _run_action(client, url, "approve_entrepreneurs", [pending.pk])
        pending.refresh_from_db()
        assert pending.status == PublicationStatus.PUBLISHED

    def test_join_requests_need_the_approve_permission(self, client):
        entrepreneur = factories.entrepreneur("Lys Vei")
        asker = staff("spor@example.no")
        asker.is_staff = False
        asker.save()
        request = EntrepreneurMembership.objects.create(user=asker, entrepreneur=entrepreneur)
        url = reverse("admin:directory_entrepreneurjoinrequest_changelist")
        client.force_login(staff("leser@example.no", "directory.view_entrepreneurjoinrequest"))
        _run_action(client, url, "approve_join_requests", [request.pk])
        request.refresh_from_db()
        assert request.status == EntrepreneurMembership.Status.PENDING
        client.force_login(
            staff(
                "godkjenner@example.no",
                "directory.view_entrepreneurjoinrequest",
                "directory.approve_entrepreneurjoinrequest",
            )
        )
        _run_action(client, url, "approve_join_requests", [request.pk])
        request.refresh_from_db()
        assert request.status == EntrepreneurMembership.Status.APPROVED
        assert EntrepreneurJoinRequest._meta.get_field("status")

    def test_a_procurement_curator_sees_no_directory_or_matchmaking_admin(self, client):
        client.force_login(staff("innkjop@example.no", *PROCUREMENT_PERMISSIONS))
        assert client.get(reverse("admin:index")).status_code == 200
        for name in (
            "admin:directory_socialentrepreneur_changelist",
            "admin:directory_contactperson_changelist",
            "admin:matchmaking_need_changelist",
            "admin:matchmaking_interest_changelist",
            "admin:directory_entrepreneurjoinrequest_changelist",
        ):
            assert client.get(reverse(name)).status_code == 403, name
        assert client.get(reverse("admin:procurement_thresholdperiod_changelist")).status_code == 200


class TestPortalWithStaffOnlyRights:
    """The review's reproduction: a curator with only procurement rights, in the portal."""

    def test_the_procurement_curator_cannot_read_or_change_what_is_private(self, client):
        world = build_world()
        curator = world.users["curator_procurement"]
        client.force_login(curator)
        draft = SocialEntrepreneur.objects.get(status=PublicationStatus.DRAFT)
        hidden = ContactPerson.objects.get(consent_public=False)
        need = Need.objects.get(status=Need.Status.DRAFT)
        open_need = Need.objects.get(status=Need.Status.OPEN)
        interest = open_need.interests.get()
        assert client.get(f"/entreprenorer/{draft.slug}/").status_code == 404
        assert client.get(f"/min-side/virksomhet/{draft.slug}/").status_code == 404
        contact_url = f"/min-side/offentlig/{hidden.public_body.slug}/kontaktpersoner/{hidden.pk}/rediger/"
        assert client.get(contact_url).status_code == 404
        assert client.get(f"/behov/{need.pk}/").status_code == 404
        assert client.post(f"/behov/{open_need.pk}/status/", {"status": "closed"}).status_code == 403
        assert client.post(f"/behov/{open_need.pk}/dialog/{interest.pk}/melding/", {"text": "Hei"}).status_code == 404
        open_need.refresh_from_db()
        assert open_need.status == Need.Status.OPEN

    def test_editing_rights_on_an_entrepreneur_do_not_decide_join_requests(self, client):
        entrepreneur = factories.entrepreneur("Lys Vei")
        asker = staff("spor@example.no")
        request = EntrepreneurMembership.objects.create(user=asker, entrepreneur=entrepreneur)
        client.force_login(staff("redaktor@example.no", "directory.change_socialentrepreneur"))
        url = reverse("members:entrepreneur-members", args=[entrepreneur.slug])
        assert client.get(url).status_code == 200
        assert client.post(url, {"membership": request.pk, "decision": "godkjenn"}).status_code == 403
        request.refresh_from_db()
        assert request.status == EntrepreneurMembership.Status.PENDING
