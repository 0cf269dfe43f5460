"""Public-body staff join their body, write what it invites collaboration on, and keep contact persons."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import BodyMembership, Membership
from directory.models import ContactPerson, PublicationStatus
from directory.tests import factories
from directory.tests.member_personas import contact, join, make_user, make_world
from directory.tests.test_member_entrepreneur import assert_field_error

JOIN = reverse("members:body-join")


@pytest.fixture
def world(db):
    return make_world()


@pytest.mark.django_db
class TestJoining:
    def test_searching_lists_published_bodies_to_choose_from(self, client, world):
        factories.public_body("Trondheim havn", status=PublicationStatus.DRAFT)
        client.force_login(make_user("ansatt@trondheim.kommune.no"))
        response = client.get(JOIN, {"q": "trondheim"})
        assert list(response.context["bodies"]) == [world.body]
        assert f'value="{world.body.pk}"' in response.content.decode()

    def test_a_confirmed_address_on_a_verified_domain_is_approved_at_once(self, client, world):
        user = make_user("Ansatt@Trondheim.Kommune.no")
        client.force_login(user)
        response = client.post(JOIN, {"q": "trondheim", "body": world.body.pk, "message": ""})
        assert response.status_code == 302
        assert response.url == reverse("members:body-detail", args=[world.body.slug])
        membership = BodyMembership.objects.get(user=user)
        assert membership.status == Membership.Status.APPROVED
        assert membership.decided_at is not None
        assert mail.outbox == []

    @pytest.mark.parametrize(
        ("email", "confirmed"),
        [
            ("ansatt@gmail.com", True),
            ("ansatt@trondheim.kommune.no.example.com", True),
            ("ansatt@ikke-trondheim.kommune.no", True),
            ("ansatt@trondheim.kommune.no", False),  # the address is not confirmed yet
        ],
    )
    def test_otherwise_a_curator_decides(self, client, world, email, confirmed):
        user = make_user(email)
        if not confirmed:
            user.confirmed_at = None
            user.save()
        client.force_login(user)
        client.post(JOIN, {"q": "trondheim", "body": world.body.pk, "message": "Jeg er rådgiver i helse."})
        membership = BodyMembership.objects.get(user=user)
        assert membership.status == Membership.Status.PENDING
        assert membership.message == "Jeg er rådgiver i helse."
        assert [message.to for message in mail.outbox] == [["kurator@veier.no"]]
        assert "/admin/directory/bodyjoinrequest/" in mail.outbox[0].body

    def test_choosing_nothing_is_explained_and_the_message_kept(self, client, world):
        client.force_login(make_user("ansatt@gmail.com"))
        response = client.post(JOIN, {"q": "trondheim", "message": "Hilsen Per"})
        assert_field_error(response, "id_body", "Velg virksomheten du jobber i fra listen.", target="id_body_0")
        assert "Hilsen Per" in response.content.decode()
        assert not BodyMembership.objects.filter(message="Hilsen Per").exists()

    def test_a_body_outside_the_search_cannot_be_slipped_in(self, client, world):
        hidden = factories.public_body("Skjult etat", status=PublicationStatus.DRAFT)
        user = make_user("ansatt@gmail.com")
        client.force_login(user)
        client.post(JOIN, {"q": "trondheim", "body": hidden.pk})
        assert not BodyMembership.objects.filter(user=user).exists()

    def test_a_too_long_message_is_explained(self, client, world):
        client.force_login(make_user("ansatt@gmail.com"))
        response = client.post(JOIN, {"q": "trondheim", "body": world.body.pk, "message": "m" * 1001})
        assert_field_error(response, "id_message", "Du kan bruke høyst 1000 tegn")

    def test_a_member_asking_again_changes_nothing(self, client, world):
        client.force_login(world.owner)
        client.post(JOIN, {"q": "trondheim", "body": world.body.pk})
        assert BodyMembership.objects.filter(user=world.owner).count() == 1
        assert mail.outbox == []


@pytest.mark.django_db
class TestInvitation:
    def test_members_write_what_the_body_invites_collaboration_on(self, client, world):
        area = factories.service_area("Eldreomsorg")
        client.force_login(world.colleague)
        url = reverse("members:body-edit", args=[world.body.slug])
        response = client.post(url, {"invitation": "Vi søker partnere innen eldreomsorg.", "service_areas": [area.pk]})
        assert response.status_code == 302
        world.body.refresh_from_db()
        assert world.body.invitation == "Vi søker partnere innen eldreomsorg."
        assert list(world.body.service_areas.all()) == [area]
        assert "Vi søker partnere innen eldreomsorg." in client.get(world.body.get_absolute_url()).content.decode()

    def test_a_too_long_statement_is_explained_and_kept(self, client, world):
        client.force_login(world.owner)
        response = client.post(reverse("members:body-edit", args=[world.body.slug]), {"invitation": "i" * 2001})
        assert_field_error(response, "id_invitation", "Du kan bruke høyst 2000 tegn")
        assert "i" * 2001 in response.content.decode()


@pytest.mark.django_db
class TestContactPersons:
    def contact_data(self, **overrides) -> dict:
        data = {
            "name": "Per Kontakt",
            "title": "Rådgiver",
            "service_areas": [factories.service_area("Eldreomsorg").pk],
            "email": "per@trondheim.kommune.no",
            "phone": "+47 73 83 00 00",
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    def test_the_form_says_what_the_consent_box_means(self, client, world):
        client.force_login(world.owner)
        html = client.get(reverse("members:contact-create", args=[world.body.slug])).content.decode()
        assert "Navn, e-post og telefon vises på virksomhetens offentlige side bare når dette er krysset av." in html

    def test_a_contact_without_consent_is_saved_but_not_public(self, client, world):
        client.force_login(world.owner)
        client.post(reverse("members:contact-create", args=[world.body.slug]), self.contact_data())
        person = ContactPerson.objects.get()
        assert (person.public_body, person.consent_public, person.phone) == (world.body, False, "+47 73 83 00 00")
        public = Client().get(world.body.get_absolute_url()).content.decode()
        assert "Per Kontakt" not in public
        assert "per@trondheim.kommune.no" not in public

    def test_with_consent_name_email_and_phone_are_public(self, client, world):
        client.force_login(world.owner)
        client.post(reverse("members:contact-create", args=[world.body.slug]), self.contact_data(consent_public="on"))
        public = Client().get(world.body.get_absolute_url()).content.decode()
        assert "Per Kontakt" in public
        assert "per@trondheim.kommune.no" in public
        assert "+47 73 83 00 00" in public

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("name", "", "Skriv navnet på kontaktpersonen."),
            ("name", "N" * 151, "Du kan bruke høyst 150 tegn"),
            ("title", "T" * 151, "Du kan bruke høyst 150 tegn"),
            ("email", "per.trondheim.kommune.no", "Skriv en gyldig e-postadresse"),
            ("phone", "ring meg", "Skriv telefonnummeret med siffer"),
            ("phone", "1" * 31, "Du kan bruke høyst 30 tegn"),
        ],
    )
    def test_bad_input_is_explained_and_kept(self, client, world, field, value, message):
        client.force_login(world.owner)
        response = client.post(
            reverse("members:contact-create", args=[world.body.slug]), self.contact_data(**{field: value})
        )
        assert_field_error(response, f"id_{field}", message)
        assert not ContactPerson.objects.exists()
        if value:
            assert value in response.content.decode()

    def test_editing_a_contact(self, client, world):
        person = contact(world.body, consent_public=False)
        client.force_login(world.colleague)
        url = reverse("members:contact-edit", args=[world.body.slug, person.pk])
        assert 'value="Per Kontakt"' in client.get(url).content.decode()
        client.post(url, self.contact_data(name="Per Persen", consent_public="on"))
        person.refresh_from_db()
        assert (person.name, person.consent_public) == ("Per Persen", True)

    def test_removing_a_contact_asks_first(self, client, world):
        person = contact(world.body)
        client.force_login(world.owner)
        url = reverse("members:contact-delete", args=[world.body.slug, person.pk])
        assert "Vil du fjerne Per Kontakt som kontaktperson?" in client.get(url).content.decode()
        assert ContactPerson.objects.exists()
        client.post(url)
        assert not ContactPerson.objects.exists()

    def test_the_body_page_lists_every_contact_with_its_consent(self, client, world):
        contact(world.body, "Synlig Person", consent_public=True)
        contact(world.body, "Skjult Person", consent_public=False)
        join(world.outsider, world.body, status=Membership.Status.PENDING)
        client.force_login(world.owner)
        html = client.get(reverse("members:body-detail", args=[world.body.slug])).content.decode()
        assert "Synlig Person" in html and "Skjult Person" in html
        assert "Eva Eier" in html and "Kari Kollega" in html
        assert "Ola Utenfor" not in html
