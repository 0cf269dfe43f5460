"""Contact through the portal: the Kontakt form, unclaimed listings, and the sender's copy."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import BodyMembership, Membership
from directory import contact, services
from directory.contact_models import ClaimWatch, ContactMessage
from directory.tests import factories
from directory.tests.member_personas import join, make_user
from matchmaking.tests.conftest import field_error


@pytest.fixture
def entrepreneur(db):
    return factories.entrepreneur("Sykkel for alle", summary="Vi sykler med eldre.")


@pytest.fixture
def members(entrepreneur):
    first = make_user("eva@sykkelforalle.no", name="Eva Eier")
    second = make_user("kari@sykkelforalle.no", name="Kari Kollega")
    join(first, entrepreneur)
    join(second, entrepreneur)
    # Neither a pending request nor an inactive member receives anything.
    join(make_user("venter@sykkelforalle.no"), entrepreneur, status=Membership.Status.PENDING)
    join(make_user("sluttet@sykkelforalle.no", is_active=False), entrepreneur)
    return [first, second]


@pytest.fixture
def buyer(db):
    return make_user("kjoper@trondheim.kommune.no", name="Kjell Kjøper")


def _url(entrepreneur) -> str:
    return reverse("directory:entrepreneur-contact", args=[entrepreneur.slug])


GOOD = {"subject": "Tur for beboerne", "text": "Hei! Vi vil gjerne høre om dere kan sykle med beboerne våre i vår."}


@pytest.mark.django_db
class TestKontakt:
    def test_anonymous_visitors_log_in_first(self, client, entrepreneur, members):
        response = client.get(_url(entrepreneur))
        assert response.status_code == 302 and "/konto/logg-inn/" in response["Location"]
        assert client.post(_url(entrepreneur), GOOD).status_code == 302
        assert mail.outbox == []

    def test_the_profile_links_to_the_form_and_shows_no_member_address(self, client, entrepreneur, members):
        html = client.get(entrepreneur.get_absolute_url()).content.decode()
        assert f'href="{_url(entrepreneur)}"' in html
        for member in members:
            assert member.email not in html

    @pytest.mark.parametrize("persona", ["buyer", "curator", "member_of_other"])
    def test_a_signed_in_user_writes_and_each_member_gets_it_with_reply_to(
        self, client, entrepreneur, members, buyer, persona
    ):
        sender = {
            "buyer": buyer,
            "curator": make_user("kurator@veier.no", is_staff=True),
            "member_of_other": make_user("annen@annen.no"),
        }[persona]
        client.force_login(sender)
        page = client.get(_url(entrepreneur))
        assert page.status_code == 200
        for member in members:
            assert member.email not in page.content.decode()
        response = client.post(_url(entrepreneur), GOOD)
        assert response.status_code == 302 and response["Location"] == entrepreneur.get_absolute_url()
        assert sorted(message.to[0] for message in mail.outbox) == sorted(member.email for member in members)
        for message in mail.outbox:
            assert len(message.to) == 1 and message.cc == [] and message.bcc == []
            assert message.reply_to == [sender.email]
            assert "Tur for beboerne" in message.subject
            assert GOOD["text"] in message.body
            # A member never sees another member's address.
            others = [member.email for member in members if member.email != message.to[0]]
            assert not any(other in message.body for other in others)
        copy = ContactMessage.objects.get()
        assert (copy.sender, copy.entrepreneur, copy.recipient_count) == (sender, entrepreneur, 2)

    def test_the_copy_is_on_min_side(self, client, entrepreneur, members, buyer):
        client.force_login(buyer)
        client.post(_url(entrepreneur), GOOD)
        html = client.get(reverse("accounts:dashboard")).content.decode()
        assert "Tur for beboerne" in html
        assert "Sykkel for alle" in html

    def test_a_member_writing_to_their_own_organisation_does_not_mail_themself(self, client, entrepreneur, members):
        client.force_login(members[0])
        client.post(_url(entrepreneur), GOOD)
        assert [message.to for message in mail.outbox] == [[members[1].email]]

    @pytest.mark.parametrize(
        ("data", "field", "message"),
        [
            ({**GOOD, "subject": ""}, "subject", "Skriv et emne"),
            ({**GOOD, "text": ""}, "text", "Skriv meldingen."),
            ({**GOOD, "text": "Hei"}, "text", "Meldingen er for kort"),
            ({**GOOD, "text": "a" * 3001}, "text", "Teksten er for lang"),
            ({**GOOD, "subject": "a" * 151}, "subject", "Teksten er for lang"),
            ({**GOOD, "text": "Hei\x00 dette er en melding med en NUL-byte"}, "text", "Null-tegn er ikke tillatt"),
        ],
    )
    def test_bad_input_is_explained_by_the_field_and_kept(self, client, entrepreneur, members, buyer, data, field,
                                                          message):  # fmt: skip
        client.force_login(buyer)
        response = client.post(_url(entrepreneur), data)
        assert response.status_code == 200
        html = response.content.decode()
        assert message in field_error(response, f"id_{field}")
        # Nothing typed is lost.
        if data["subject"]:
            assert f'value="{data["subject"]}"' in html
        assert mail.outbox == [] and not ContactMessage.objects.exists()

    def test_the_honeypot_sends_nothing(self, client, entrepreneur, members, buyer):
        client.force_login(buyer)
        response = client.post(_url(entrepreneur), {**GOOD, "nettside": "http://spam.example"})
        assert response.status_code == 302
        assert mail.outbox == [] and not ContactMessage.objects.exists()

    def test_the_honeypot_is_hidden_from_people(self, client, entrepreneur, members, buyer):
        client.force_login(buyer)
        html = client.get(_url(entrepreneur)).content.decode()
        assert '<div class="honeypot">' in html
        assert 'tabindex="-1"' in html

    def test_rate_limit_per_sender_with_the_text_kept(self, client, entrepreneur, members, buyer):
        client.force_login(buyer)
        for _ in range(contact.LIMITS[0].count):
            assert client.post(_url(entrepreneur), GOOD).status_code == 302
        sent = len(mail.outbox)
        response = client.post(_url(entrepreneur), {**GOOD, "subject": "Den sjette"})
        assert response.status_code == 429
        html = response.content.decode()
        assert "Du har sendt mange meldinger på kort tid" in html
        assert "Den sjette" in html
        assert len(mail.outbox) == sent
        # Another sender is not held back.
        client.force_login(make_user("annen@bodo.kommune.no"))
        assert client.post(_url(entrepreneur), GOOD).status_code == 302

    def test_the_limit_is_a_sliding_window(self, entrepreneur, members, buyer):
        limit = contact.LIMITS[0]
        for _ in range(limit.count):
            contact.send_message(sender=buyer, organisation=entrepreneur, subject="a", text=GOOD["text"])
        assert contact.wait_before_sending(buyer) is not None
        ContactMessage.objects.update(created=ContactMessage.objects.first().created - limit.window)
        assert contact.wait_before_sending(buyer) is None

    def test_the_daily_limit(self, entrepreneur, members, buyer):
        hourly, daily = contact.LIMITS
        for _ in range(daily.count):
            ContactMessage.objects.create(sender=buyer, entrepreneur=entrepreneur, subject="a", text="b")
        ContactMessage.objects.update(created=ContactMessage.objects.first().created - hourly.window)
        wait = contact.wait_before_sending(buyer)
        assert wait is not None and wait > timedelta(hours=1)
        with pytest.raises(contact.RateLimited):
            contact.send_message(sender=buyer, organisation=entrepreneur, subject="a", text=GOOD["text"])

    def test_unpublished_profiles_cannot_be_contacted(self, client, buyer):
        draft = factories.entrepreneur("Utkast AS", status="draft")
        join(make_user("eier@utkast.no"), draft)
        client.force_login(buyer)
        assert client.get(_url(draft)).status_code == 404
        assert client.post(_url(draft), GOOD).status_code == 404


@pytest.mark.django_db
class TestUnclaimed:
    def test_the_profile_says_no_one_can_be_reached_and_offers_a_notice_and_a_claim(self, client, entrepreneur, buyer):
        client.force_login(buyer)
        html = client.get(entrepreneur.get_absolute_url()).content.decode()
        assert "ingen kan nås gjennom portalen" in html
        assert reverse("members:entrepreneur-claim", args=[entrepreneur.slug]) in html
        assert "Er dette din virksomhet?" in html
        assert _url(entrepreneur) not in html

    def test_the_form_sends_nothing(self, client, entrepreneur, buyer):
        client.force_login(buyer)
        response = client.post(_url(entrepreneur), GOOD)
        assert response.status_code == 200
        assert "ingen kan nås gjennom portalen" in response.content.decode()
        assert mail.outbox == [] and not ContactMessage.objects.exists()

    def test_asking_to_be_told_and_being_told_when_it_is_claimed(self, client, entrepreneur, buyer):
        client.force_login(buyer)
        response = client.post(reverse("directory:entrepreneur-watch", args=[entrepreneur.slug]))
        assert response.status_code == 302
        assert ClaimWatch.objects.filter(user=buyer, entrepreneur=entrepreneur, notified_at=None).exists()
        assert "Vi sender deg en e-post" in client.get(entrepreneur.get_absolute_url()).content.decode()
        # Someone claims it and a curator approves.
        claimant = make_user("eva@sykkelforalle.no")
        membership = join(claimant, entrepreneur, status=Membership.Status.PENDING)
        services.membership_decide(membership=membership, decided_by=make_user("k@veier.no", is_staff=True),
                                   approve=True)  # fmt: skip
        told = [message for message in mail.outbox if message.to == [buyer.email]]
        assert len(told) == 1
        assert _url(entrepreneur) in told[0].body
        assert claimant.email not in told[0].body
        assert ClaimWatch.objects.get().notified_at is not None

    def test_watching_needs_post_and_log_in(self, client, entrepreneur, buyer):
        url = reverse("directory:entrepreneur-watch", args=[entrepreneur.slug])
        assert client.post(url).status_code == 302 and not ClaimWatch.objects.exists()
        client.force_login(buyer)
        assert client.get(url).status_code == 405


@pytest.mark.django_db
class TestPublicBodies:
    @pytest.fixture
    def body(self):
        return factories.public_body("Trondheim kommune", municipality=factories.municipality("5001"))

    def test_a_body_with_members_gets_the_message(self, client, body):
        staff = make_user("kari@trondheim.kommune.no")
        join(staff, body)
        sender = make_user("gründer@sykkel.no")
        client.force_login(sender)
        url = reverse("directory:body-contact", args=[body.slug])
        assert staff.email not in client.get(body.get_absolute_url()).content.decode()
        assert url in client.get(body.get_absolute_url()).content.decode()
        client.post(url, GOOD)
        assert [(message.to, message.reply_to) for message in mail.outbox] == [([staff.email], [sender.email])]
        assert ContactMessage.objects.get().public_body == body

    def test_a_body_without_members_offers_a_notice_that_arrives_when_someone_joins(self, client, body):
        sender = make_user("gründer@sykkel.no")
        client.force_login(sender)
        assert (
            "Ingen fra Trondheim kommune er med på portalen ennå"
            in client.get(reverse("directory:body-contact", args=[body.slug])).content.decode()
        )
        client.post(reverse("directory:body-watch", args=[body.slug]))
        body.email_domains = ["trondheim.kommune.no"]
        body.save()
        services.body_join(user=make_user("kari@trondheim.kommune.no"), body=body)
        assert BodyMembership.objects.approved().count() == 1
        assert [message.to for message in mail.outbox] == [[sender.email]]


@pytest.mark.django_db
def test_the_personal_data_download_has_the_messages(client, entrepreneur, members, buyer):
    client.force_login(buyer)
    client.post(_url(entrepreneur), GOOD)
    data = client.get(reverse("accounts:my-data")).json()
    assert data["contact_messages"][0]["subject"] == "Tur for beboerne"
    assert data["contact_messages"][0]["to"] == "Sykkel for alle"
