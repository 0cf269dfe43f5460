"""Issue 16: one admin page per decision, with the reason field and the member e-mailed.

Each page asks the same permission as the admin action that decides the same thing, calls the same
service, writes the same history entry, and decides only once.
"""

import pytest
from django.contrib.admin.models import LogEntry
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import BodyMembership, EntrepreneurMembership, Membership
from directory import services
from directory.models import PublicationStatus, SocialEntrepreneur
from directory.tests.member_personas import make_user, make_world
from veier.testing import grant

pytestmark = pytest.mark.django_db

REJECT_ERROR = "Skriv en begrunnelse når du avviser, så de som spurte vet hva de kan gjøre nå."
ALREADY = "Dette er allerede avgjort"


@pytest.fixture
def world():
    return make_world(entrepreneur_status=PublicationStatus.PENDING)


def curator(*permissions):
    return grant(make_user("kari.kurator@veier.no", name="Kari Kurator", is_staff=True), *permissions)


def review_url(entrepreneur) -> str:
    return reverse("admin:directory_socialentrepreneur_decide", args=[entrepreneur.pk])


def declarations_url(entrepreneur) -> str:
    return reverse("admin:directory_socialentrepreneur_confirm", args=[entrepreneur.pk])


def join_url(membership) -> str:
    return reverse("admin:directory_entrepreneurjoinrequest_decide", args=[membership.pk])


def body_join_url(membership) -> str:
    return reverse("admin:directory_bodyjoinrequest_decide", args=[membership.pk])


def history(obj) -> list[str]:
    # Join requests are logged as the admin's proxy models (EntrepreneurJoinRequest, BodyJoinRequest).
    model = {"entrepreneurmembership": "entrepreneurjoinrequest", "bodymembership": "bodyjoinrequest"}.get(
        obj._meta.model_name, obj._meta.model_name
    )
    return [
        entry.get_change_message()
        for entry in LogEntry.objects.filter(object_id=str(obj.pk), content_type__model=model)
    ]


def messages_of(response) -> list[str]:
    return [str(message) for message in response.wsgi_request._messages]


def html(response) -> str:
    return response.content.decode()


def pending_request(world, *, orgnr=""):
    user = make_user("ny@sykkel.no", name="Nina Ny")
    return EntrepreneurMembership.objects.create(
        user=user,
        entrepreneur=world.entrepreneur,
        status=Membership.Status.PENDING,
        message="Jeg jobber her.",
        orgnr=orgnr,
    )


def pending_body_request(world):
    user = make_user("ny@trondheim.kommune.no", name="Per Ny")
    return BodyMembership.objects.create(user=user, public_body=world.body, status=Membership.Status.PENDING)


def declaring(world) -> SocialEntrepreneur:
    entrepreneur = world.other_entrepreneur
    SocialEntrepreneur.objects.filter(pk=entrepreneur.pk).update(
        declares_work_integration=True, declares_non_profit=True
    )
    entrepreneur.refresh_from_db()
    return entrepreneur


# Each page: how to make its object, its URL, and the permission that decides it (as the action).
PAGES = {
    "review": (lambda world: world.entrepreneur, review_url, "directory.approve_socialentrepreneur"),
    "declarations": (declaring, declarations_url, "directory.confirm_declarations"),
    "join-request": (pending_request, join_url, "directory.approve_entrepreneurjoinrequest"),
    "claim": (
        lambda world: pending_request(world, orgnr="923609016"),
        join_url,
        "directory.approve_entrepreneurjoinrequest",
    ),
    "body-join-request": (pending_body_request, body_join_url, "directory.approve_bodyjoinrequest"),
}


@pytest.mark.parametrize("page", PAGES)
class TestWhoMaySeeThePage:
    def test_anonymous_are_sent_to_the_admin_log_in(self, client, world, page):
        make, url, _perm = PAGES[page]
        response = client.get(url(make(world)))
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")

    def test_a_member_who_is_not_staff_is_sent_to_the_admin_log_in(self, client, world, page):
        make, url, _perm = PAGES[page]
        client.force_login(world.owner)
        response = client.post(url(make(world)), {"decision": "approve"})
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")

    def test_staff_without_the_permission_get_403_and_nothing_changes(self, client, world, page):
        make, url, _perm = PAGES[page]
        obj = make(world)
        # Changing entrepreneurs is not deciding about them: being staff with other rights gives nothing.
        client.force_login(curator("directory.view_socialentrepreneur", "directory.change_socialentrepreneur"))
        assert client.get(url(obj)).status_code == 403
        assert client.post(url(obj), {"decision": "approve"}).status_code == 403
        assert client.post(url(obj), {"decision": "confirm"}).status_code == 403
        assert history(obj) == [] and mail.outbox == []

    def test_a_curator_with_the_permission_sees_the_facts_and_the_buttons(self, client, world, page):
        make, url, perm = PAGES[page]
        client.force_login(curator(perm))
        response = client.get(url(make(world)))
        assert response.status_code == 200
        assert 'name="decision"' in html(response) and "csrfmiddlewaretoken" in html(response)
        assert "Det du trenger for å bestemme" in html(response)


class TestReview:
    def test_approving_publishes_records_and_tells_the_members(self, client, world):
        client.force_login(curator("directory.approve_socialentrepreneur"))
        response = client.post(review_url(world.entrepreneur), {"decision": "approve", "reason": ""})
        assert response.status_code == 302 and response["Location"] == reverse("admin:index")
        world.entrepreneur.refresh_from_db()
        assert world.entrepreneur.status == PublicationStatus.PUBLISHED
        assert history(world.entrepreneur) == ["Godkjent og publisert"]
        entry = LogEntry.objects.get()
        assert entry.user.email == "kari.kurator@veier.no" and entry.action_time <= timezone.now()
        assert sorted(m.to[0] for m in mail.outbox) == ["eier@sykkel.no", "kollega@sykkel.no"]
        assert "Sykkel for alle er godkjent og publisert. Medlemmene får e-post." in messages_of(response)

    def test_the_page_shows_what_the_curator_needs(self, client, world):
        client.force_login(curator("directory.approve_socialentrepreneur"))
        page = html(client.get(review_url(world.entrepreneur)))
        for text in ("Sykkel for alle", "923609016", "Vi hjelper eldre ut på tur.", "eier@sykkel.no", "Avvis"):
            assert text in page, text
        assert "Godkjenn og publiser" in page

    @pytest.mark.parametrize("reason", ["", "   \n "])
    def test_rejecting_without_a_reason_explains_next_to_the_field_and_changes_nothing(self, client, world, reason):
        client.force_login(curator("directory.approve_socialentrepreneur"))
        response = client.post(review_url(world.entrepreneur), {"decision": "reject", "reason": reason})
        assert response.status_code == 200
        page = html(response)
        assert REJECT_ERROR in page
        assert 'id="id_reason_error"' in page and 'aria-describedby="id_reason_error id_reason_helptext"' in page
        world.entrepreneur.refresh_from_db()
        assert world.entrepreneur.status == PublicationStatus.PENDING
        assert history(world.entrepreneur) == [] and mail.outbox == []

    def test_what_was_typed_is_kept_when_the_form_has_an_error(self, client, world):
        client.force_login(curator("directory.approve_socialentrepreneur"))
        too_long = "Mangler beskrivelse & kontakt. " * 100
        response = client.post(review_url(world.entrepreneur), {"decision": "reject", "reason": too_long})
        assert response.status_code == 200
        assert "Mangler beskrivelse &amp; kontakt." in html(response)
        world.entrepreneur.refresh_from_db()
        assert world.entrepreneur.status == PublicationStatus.PENDING

    def test_rejecting_with_a_reason_records_it_and_e_mails_it(self, client, world):
        client.force_login(curator("directory.approve_socialentrepreneur"))
        reason = "Beskriv hvem dere hjelper."
        response = client.post(review_url(world.entrepreneur), {"decision": "reject", "reason": reason})
        assert response.status_code == 302
        world.entrepreneur.refresh_from_db()
        assert world.entrepreneur.status == PublicationStatus.REJECTED
        assert world.entrepreneur.rejection_reason == reason
        assert history(world.entrepreneur) == [f"Avvist: {reason}"]
        assert LogEntry.objects.get().user.email == "kari.kurator@veier.no"
        assert len(mail.outbox) == 2 and all(reason in message.body for message in mail.outbox)

    def test_a_second_decision_is_refused_and_says_it_was_already_decided(self, client, world):
        client.force_login(curator("directory.approve_socialentrepreneur"))
        url = review_url(world.entrepreneur)
        client.post(url, {"decision": "approve"})
        sent = len(mail.outbox)
        # The same form sent again, or a second curator who had the page open: a rejection this time.
        response = client.post(url, {"decision": "reject", "reason": "For sent"})
        assert response.status_code == 302 and response["Location"] == url
        assert any(ALREADY in message for message in messages_of(response))
        world.entrepreneur.refresh_from_db()
        assert world.entrepreneur.status == PublicationStatus.PUBLISHED
        assert history(world.entrepreneur) == ["Godkjent og publisert"] and len(mail.outbox) == sent
        page = html(client.get(url))
        assert "Dette er allerede avgjort. Status nå: Publisert." in page
        assert 'name="decision"' not in page

    def test_an_unknown_button_changes_nothing(self, client, world):
        client.force_login(curator("directory.approve_socialentrepreneur"))
        response = client.post(review_url(world.entrepreneur), {"decision": "publish-everything"})
        assert response.status_code == 200 and "Velg en av knappene" in html(response)
        world.entrepreneur.refresh_from_db()
        assert world.entrepreneur.status == PublicationStatus.PENDING

    def test_a_missing_object_is_404(self, client, world):
        client.force_login(curator("directory.approve_socialentrepreneur"))
        assert client.get(reverse("admin:directory_socialentrepreneur_decide", args=[999999])).status_code == 404
        assert client.get("/admin/directory/socialentrepreneur/abc/vurder/").status_code == 404

    def test_the_desk_links_to_the_page(self, client, world):
        client.force_login(curator("directory.approve_socialentrepreneur"))
        assert f'href="{review_url(world.entrepreneur)}"' in html(client.get(reverse("admin:index")))


class TestJoinRequests:
    def test_turning_down_needs_a_reason_and_sends_it(self, client, world):
        membership = pending_request(world)
        client.force_login(curator("directory.approve_entrepreneurjoinrequest"))
        response = client.post(join_url(membership), {"decision": "reject", "reason": ""})
        assert REJECT_ERROR in html(response)
        membership.refresh_from_db()
        assert membership.status == Membership.Status.PENDING and mail.outbox == []
        response = client.post(join_url(membership), {"decision": "reject", "reason": "Vi finner deg ikke hos dem."})
        assert response.status_code == 302
        membership.refresh_from_db()
        assert (
            membership.status == Membership.Status.REJECTED and membership.decided_by.email == "kari.kurator@veier.no"
        )
        assert history(membership) == ["Avslått: Vi finner deg ikke hos dem."]
        [message] = mail.outbox
        assert message.to == ["ny@sykkel.no"] and "Vi finner deg ikke hos dem." in message.body

    def test_approving_makes_a_member_and_a_replay_changes_nothing(self, client, world):
        membership = pending_request(world)
        client.force_login(curator("directory.approve_entrepreneurjoinrequest"))
        client.post(join_url(membership), {"decision": "approve"})
        membership.refresh_from_db()
        assert membership.status == Membership.Status.APPROVED
        assert history(membership) == ["Godkjent"] and [m.to for m in mail.outbox] == [["ny@sykkel.no"]]
        response = client.post(join_url(membership), {"decision": "approve"})
        assert any(ALREADY in message for message in messages_of(response))
        assert history(membership) == ["Godkjent"] and len(mail.outbox) == 1
        assert "Dette er allerede avgjort: godkjent" in html(client.get(join_url(membership)))

    def test_a_claim_shows_the_number_given_against_the_listings(self, client, world):
        membership = pending_request(world, orgnr="923609016")
        client.force_login(curator("directory.approve_entrepreneurjoinrequest"))
        page = html(client.get(join_url(membership)))
        assert "Oppgitt organisasjonsnummer" in page and "Stemmer nummeret?" in page
        assert "Jeg jobber her." in page and "Nina Ny" in page

    def test_a_body_join_request_is_decided_on_its_page(self, client, world):
        membership = pending_body_request(world)
        client.force_login(curator("directory.approve_bodyjoinrequest"))
        response = client.post(body_join_url(membership), {"decision": "reject", "reason": "Ukjent avsender."})
        assert response.status_code == 302
        membership.refresh_from_db()
        assert membership.status == Membership.Status.REJECTED
        assert history(membership) == ["Avslått: Ukjent avsender."]
        assert "Ukjent avsender." in mail.outbox[0].body

    def test_the_desk_links_to_the_pages(self, client, world):
        membership, body_membership = pending_request(world), pending_body_request(world)
        client.force_login(curator("directory.approve_entrepreneurjoinrequest", "directory.approve_bodyjoinrequest"))
        page = html(client.get(reverse("admin:index")))
        assert f'href="{join_url(membership)}"' in page and f'href="{body_join_url(body_membership)}"' in page


class TestDeclarations:
    def test_confirming_records_and_a_replay_changes_nothing(self, client, world):
        entrepreneur = declaring(world)
        client.force_login(curator("directory.confirm_declarations"))
        page = html(client.get(declarations_url(entrepreneur)))
        assert "Erklært, venter på bekreftelse" in page and 'name="reason"' not in page
        assert f'href="{declarations_url(entrepreneur)}"' in html(client.get(reverse("admin:index")))
        client.post(declarations_url(entrepreneur), {"decision": "confirm"})
        entrepreneur.refresh_from_db()
        assert entrepreneur.work_integration_confirmed_at and entrepreneur.non_profit_confirmed_at
        assert history(entrepreneur) == ["Erklæringene om reserverte kontrakter er bekreftet"]
        response = client.post(declarations_url(entrepreneur), {"decision": "confirm"})
        assert any(ALREADY in message for message in messages_of(response))
        assert len(history(entrepreneur)) == 1


def test_a_member_who_decides_on_min_side_still_gets_no_reason_field(client, world):
    """Members decide join requests on their own page; the reason is optional in the service."""
    membership = pending_request(world)
    services.membership_decide(membership=membership, decided_by=world.owner, approve=False)
    [message] = mail.outbox
    assert "Begrunnelsen fra kuratoren" not in message.body
