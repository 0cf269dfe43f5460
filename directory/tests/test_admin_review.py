"""Curators review profiles and join requests in admin; members and applicants get an e-mail either way."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.urls import reverse

from accounts.models import BodyMembership, EntrepreneurMembership, Membership
from directory import services
from directory.models import PublicationStatus, SocialEntrepreneur
from directory.tests import factories
from directory.tests.member_personas import join, make_user, make_world

CHANGELIST = reverse("admin:directory_socialentrepreneur_changelist")


@pytest.fixture
def world(db):
    return make_world(entrepreneur_status=PublicationStatus.PENDING)


@pytest.fixture
def curator_client(client, world):
    client.force_login(world.curator)
    return client


def run_action(client, url, action, objects, **extra):
    data = {"action": action, ACTION_CHECKBOX_NAME: [obj.pk for obj in objects], **extra}
    return client.post(url, data)


@pytest.mark.django_db
class TestApproving:
    def test_approving_publishes_tells_the_members_and_makes_it_searchable(self, curator_client, world):
        response = run_action(curator_client, CHANGELIST, "approve_entrepreneurs", [world.entrepreneur])
        assert response.status_code == 302
        world.entrepreneur.refresh_from_db()
        assert world.entrepreneur.status == PublicationStatus.PUBLISHED
        assert sorted(m.to[0] for m in mail.outbox) == ["eier@sykkel.no", "kollega@sykkel.no"]
        assert mail.outbox[0].subject.startswith("Profilen er godkjent og publisert")
        found = curator_client.get("/entreprenorer/", {"q": "Sykkel for alle"}).context["page"].object_list
        assert world.entrepreneur in list(found)

    def test_profiles_that_do_not_wait_for_review_are_left_alone(self, curator_client, world):
        draft = factories.entrepreneur("Utkast", status=PublicationStatus.DRAFT)
        response = run_action(curator_client, CHANGELIST, "approve_entrepreneurs", [draft])
        draft.refresh_from_db()
        assert draft.status == PublicationStatus.DRAFT
        assert mail.outbox == []
        messages = [str(m) for m in response.wsgi_request._messages]
        assert "1 av de valgte venter ikke på godkjenning og ble ikke endret." in messages

    def test_approval_in_the_change_form_also_tells_the_members(self, curator_client, world):
        url = reverse("admin:directory_socialentrepreneur_change", args=[world.entrepreneur.pk])
        form = curator_client.get(url).context["adminform"].form
        data = {name: value for name, value in form.initial.items() if value is not None}
        data.update(_inline_management(curator_client.get(url)))
        data["status"] = PublicationStatus.PUBLISHED
        data["service_areas"] = [area.pk for area in world.entrepreneur.service_areas.all()]
        response = curator_client.post(url, data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        assert len(mail.outbox) == 2


def _inline_management(response) -> dict:
    """The management form data of every inline on an admin change page, unchanged."""
    data = {}
    for formset in response.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name, field in management.fields.items():
            data[f"{management.prefix}-{name}"] = management.initial.get(name, field.initial)
    return data


@pytest.mark.django_db
class TestRejecting:
    def test_the_action_asks_for_a_reason_first(self, curator_client, world):
        response = run_action(curator_client, CHANGELIST, "reject_entrepreneurs", [world.entrepreneur])
        assert response.status_code == 200
        html = response.content.decode()
        assert "Begrunnelse" in html and "Sykkel for alle" in html
        world.entrepreneur.refresh_from_db()
        assert world.entrepreneur.status == PublicationStatus.PENDING

    def test_an_empty_reason_is_refused(self, curator_client, world):
        response = run_action(
            curator_client, CHANGELIST, "reject_entrepreneurs", [world.entrepreneur], apply="yes", reason="  "
        )
        assert response.status_code == 200
        assert "Skriv en begrunnelse" in response.content.decode()
        world.entrepreneur.refresh_from_db()
        assert world.entrepreneur.status == PublicationStatus.PENDING
        assert mail.outbox == []

    def test_rejecting_stores_the_reason_and_tells_the_members(self, curator_client, world):
        reason = "Skriv mer om hvilken effekt tilbudet har."
        response = run_action(
            curator_client, CHANGELIST, "reject_entrepreneurs", [world.entrepreneur], apply="yes", reason=reason
        )
        assert response.status_code == 302
        world.entrepreneur.refresh_from_db()
        assert (world.entrepreneur.status, world.entrepreneur.rejection_reason) == (PublicationStatus.REJECTED, reason)
        assert sorted(m.to[0] for m in mail.outbox) == ["eier@sykkel.no", "kollega@sykkel.no"]
        assert reason in mail.outbox[0].body

    def test_the_change_form_needs_a_reason_to_reject(self, curator_client, world):
        url = reverse("admin:directory_socialentrepreneur_change", args=[world.entrepreneur.pk])
        page = curator_client.get(url)
        data = {name: value for name, value in page.context["adminform"].form.initial.items() if value is not None}
        data.update(_inline_management(page))
        data["service_areas"] = [area.pk for area in world.entrepreneur.service_areas.all()]
        data["status"] = PublicationStatus.REJECTED
        response = curator_client.post(url, data)
        assert response.status_code == 200
        assert "Skriv hvorfor profilen avvises." in response.content.decode()
        data["rejection_reason"] = "Ikke en sosial entreprenør."
        assert curator_client.post(url, data).status_code == 302
        assert "Ikke en sosial entreprenør." in mail.outbox[0].body


@pytest.mark.django_db
class TestChangeRecords:
    def test_curators_see_who_changed_what_and_when(self, curator_client, world):
        SocialEntrepreneur.objects.filter(pk=world.entrepreneur.pk).update(status=PublicationStatus.PUBLISHED)
        world.entrepreneur.refresh_from_db()
        services.entrepreneur_update(
            entrepreneur=world.entrepreneur, user=world.colleague, values={"summary": "Ny <b>kort</b> tekst."}
        )
        change_page = curator_client.get(
            reverse("admin:directory_socialentrepreneur_change", args=[world.entrepreneur.pk])
        )
        html = change_page.content.decode()
        assert "endringer medlemmene har gjort i den publiserte profilen" in html.lower()
        assert "Kari Kollega" in html
        assert "«Vi hjelper eldre ut på tur.» → «Ny &lt;b&gt;kort&lt;/b&gt; tekst.»" in html
        listing = curator_client.get(reverse("admin:directory_changerecord_changelist")).content.decode()
        assert "kort beskrivelse" in listing and "Sykkel for alle" in listing
        record = world.entrepreneur.change_records.get()
        detail = curator_client.get(reverse("admin:directory_changerecord_change", args=[record.pk]))
        assert detail.status_code == 200
        assert "«Vi hjelper eldre ut på tur.» → «Ny &lt;b&gt;kort&lt;/b&gt; tekst.»" in detail.content.decode()


@pytest.mark.django_db
class TestJoinRequests:
    @pytest.mark.parametrize(
        ("admin_name", "kind"),
        [("entrepreneurjoinrequest", "entrepreneur"), ("bodyjoinrequest", "body")],
    )
    @pytest.mark.parametrize(
        ("action", "status"), [("approve_join_requests", "approved"), ("reject_join_requests", "rejected")]
    )
    def test_curators_decide_pending_requests_and_the_applicant_is_told(
        self, curator_client, world, admin_name, kind, action, status
    ):
        applicant = make_user("ny@example.no")
        organisation = world.entrepreneur if kind == "entrepreneur" else world.body
        membership = join(applicant, organisation, status=Membership.Status.PENDING)
        url = reverse(f"admin:directory_{admin_name}_changelist")
        listing = curator_client.get(url)
        assert [item.pk for item in listing.context["cl"].result_list] == [membership.pk]
        run_action(curator_client, url, action, [membership])
        membership.refresh_from_db()
        assert (membership.status, membership.decided_by) == (status, world.curator)
        assert [m.to for m in mail.outbox] == [["ny@example.no"]]

    def test_only_pending_requests_are_listed(self, curator_client, world):
        url = reverse("admin:directory_entrepreneurjoinrequest_changelist")
        assert list(curator_client.get(url).context["cl"].result_list) == []
        assert EntrepreneurMembership.objects.approved().count() == 3
        assert BodyMembership.objects.approved().count() == 3

    def test_members_cannot_reach_admin(self, client, world):
        client.force_login(world.owner)
        response = client.get(CHANGELIST)
        assert response.status_code == 302
        assert "/admin/login/" in response.url
