"""E-mails of self-service: what they say, who gets them, and that their links lead to the right page."""

from urllib.parse import urlsplit

import pytest
from django.core import mail

from accounts.models import Membership
from directory import services
from directory.models import PublicationStatus
from directory.tests import factories
from directory.tests.member_personas import join, make_user, make_world

SITE = "https://veier.example.no"


def html_of(message) -> str:
    return message.alternatives[0][0]


def link_path(text: str, path: str) -> str:
    url = SITE + path
    assert url in text, f"{url} not in {text}"
    return urlsplit(url).path


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def world(db):
    return make_world(entrepreneur_status=PublicationStatus.PENDING)


@pytest.mark.django_db
class TestReview:
    def test_sending_for_review_tells_the_curators_where_to_look(self):
        world = make_world(entrepreneur_status=PublicationStatus.DRAFT)
        services.entrepreneur_submit(entrepreneur=world.entrepreneur, user=world.owner)
        [message] = mail.outbox
        assert message.to == ["kurator@veier.no"]
        assert message.subject == "Ny profil venter på godkjenning: Sykkel for alle"
        path = f"/admin/directory/socialentrepreneur/{world.entrepreneur.pk}/vurder/"
        link_path(message.body, path)
        link_path(html_of(message), path)

    def test_approval_tells_every_member_with_links_to_the_profile(self, client, world):
        services.entrepreneur_approve(entrepreneur=world.entrepreneur, curator=world.curator)
        assert sorted(message.to[0] for message in mail.outbox) == ["eier@sykkel.no", "kollega@sykkel.no"]
        message = mail.outbox[0]
        assert message.subject == "Profilen er godkjent og publisert: Sykkel for alle"
        assert "Profilen er godkjent og publisert." in message.body
        public = link_path(message.body, "/entreprenorer/sykkel-for-alle/")
        manage = link_path(message.body, "/min-side/virksomhet/sykkel-for-alle/")
        assert f'href="{SITE}/entreprenorer/sykkel-for-alle/"' in html_of(message)
        assert client.get(public).status_code == 200
        client.force_login(world.owner)
        assert client.get(manage).status_code == 200

    def test_rejection_gives_the_reason_and_a_link_to_fix_and_resend(self, client, world):
        services.entrepreneur_reject(
            entrepreneur=world.entrepreneur, curator=world.curator, reason="Beskriv hva kommunen får <ut av det>."
        )
        message = mail.outbox[0]
        assert message.subject == "Profilen ble ikke godkjent: Sykkel for alle"
        assert "Beskriv hva kommunen får <ut av det>." in message.body
        assert "Beskriv hva kommunen får &lt;ut av det&gt;." in html_of(message)
        assert "send den til godkjenning på nytt" in message.body
        edit = link_path(message.body, "/min-side/virksomhet/sykkel-for-alle/rediger/")
        client.force_login(world.colleague)
        assert client.get(edit).status_code == 200

    def test_names_are_plain_in_text_and_escaped_in_html(self):
        world = make_world(entrepreneur_status=PublicationStatus.PENDING)
        world.entrepreneur.name = "Mat & <Mer>"
        world.entrepreneur.save()
        services.entrepreneur_approve(entrepreneur=world.entrepreneur, curator=world.curator)
        message = mail.outbox[0]
        assert message.subject == "Profilen er godkjent og publisert: Mat & <Mer>"
        assert "Mat & <Mer> vises nå" in message.body
        assert "Mat &amp; &lt;Mer&gt;" in html_of(message)
        assert "<Mer>" not in html_of(message)


@pytest.mark.django_db
class TestJoinRequests:
    def test_members_are_asked_to_decide_and_told_a_curator_may_too(self, client):
        world = make_world()
        applicant = make_user("ny@sykkel.no", name="Nils Ny")
        services.membership_request(user=applicant, entrepreneur=world.entrepreneur, message="Jeg er styreleder.")
        assert sorted(message.to[0] for message in mail.outbox) == ["eier@sykkel.no", "kollega@sykkel.no"]
        message = mail.outbox[0]
        assert message.subject == "Noen vil bli med i Sykkel for alle"
        assert "Nils Ny (ny@sykkel.no) ber om å bli med i Sykkel for alle" in message.body
        assert "Jeg er styreleder." in message.body
        assert "redaksjonen i portalen kan også godkjenne den" in message.body
        decide = link_path(message.body, "/min-side/virksomhet/sykkel-for-alle/medlemmer/")
        client.force_login(world.owner)
        assert "Nils Ny" in client.get(decide).content.decode()

    def test_without_members_the_curators_are_asked(self):
        world = make_world()
        orphan = factories.entrepreneur("Fra heftet")
        services.membership_request(user=world.outsider, entrepreneur=orphan, message="")
        [message] = mail.outbox
        assert message.to == ["kurator@veier.no"]
        assert "en kurator må godkjenne" in message.body
        link_path(message.body, "/admin/directory/entrepreneurjoinrequest/")

    def test_a_body_join_request_goes_to_the_curators(self):
        world = make_world()
        applicant = make_user("per@gmail.com", name="Per")
        services.body_join(user=applicant, body=world.body, message="Jeg jobber i helse og velferd.")
        [message] = mail.outbox
        assert message.to == ["kurator@veier.no"]
        assert message.subject == "Noen vil bli med i Trondheim kommune"
        assert "Jeg jobber i helse og velferd." in message.body
        link_path(message.body, "/admin/directory/bodyjoinrequest/")

    @pytest.mark.parametrize("kind", ["entrepreneur", "body"])
    def test_an_approved_applicant_gets_a_link_to_the_organisation(self, client, kind):
        world = make_world()
        applicant = make_user("ny@sykkel.no")
        organisation = world.entrepreneur if kind == "entrepreneur" else world.body
        membership = join(applicant, organisation, status=Membership.Status.PENDING)
        services.membership_decide(membership=membership, decided_by=world.curator, approve=True)
        [message] = mail.outbox
        assert message.to == ["ny@sykkel.no"]
        assert message.subject == f"Du er med i {organisation.name}"
        path = "virksomhet" if kind == "entrepreneur" else "offentlig"
        page = link_path(message.body, f"/min-side/{path}/{organisation.slug}/")
        client.force_login(applicant)
        assert client.get(page).status_code == 200

    def test_a_turned_down_applicant_is_told_without_a_link(self):
        world = make_world()
        applicant = make_user("ny@sykkel.no")
        membership = join(applicant, world.entrepreneur, status=Membership.Status.PENDING)
        services.membership_decide(membership=membership, decided_by=world.owner, approve=False)
        [message] = mail.outbox
        assert message.subject == "Forespørselen om å bli med i Sykkel for alle ble avslått"
        assert SITE + "/min-side/" not in message.body
        assert "/min-side/" not in html_of(message)
