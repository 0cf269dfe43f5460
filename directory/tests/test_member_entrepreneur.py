"""Registering a social entrepreneur, editing it, sending it for review, and deciding join requests."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import EntrepreneurMembership, Membership
from directory import services
from directory.member_models import ChangeRecord
from directory.models import PublicationStatus, SocialEntrepreneur
from directory.tests import factories
from directory.tests.member_personas import complete_entrepreneur, join, make_user, make_world

REGISTER = reverse("members:entrepreneur-register")
VALID_ORGNR = "974760673"  # a real organisation number with a valid check digit


def assert_field_error(response, field_id: str, message: str, *, target: str | None = None) -> None:
    """The message is shown beside the field and in the error summary, which links to the field."""
    html = response.content.decode()
    assert 'class="ds-error-summary"' in html
    assert f'id="{field_id}_error"' in html, f"no error beside {field_id}"
    assert html.count(message) >= 2, f"{message!r} should be beside the field and in the summary"
    assert f'href="#{target or field_id}"' in html


def profile_data(**overrides) -> dict:
    area = factories.service_area("Eldreomsorg")
    data = {
        "orgnr": VALID_ORGNR,
        "name": "Grønn Omsorg",
        "summary": "Vi dyrker grønnsaker med eldre.",
        "social_mission": "Mindre ensomhet.",
        "description": "Hagearbeid på sykehjem.",
        "website": "https://gronnomsorg.no",
        "email": "post@gronnomsorg.no",
        "nationwide": "on",
        "service_areas": [area.pk],
        "action": "draft",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def world(db):
    return make_world()


@pytest.fixture
def newcomer(db):
    return make_user("ny@gronnomsorg.no", name="Nina Ny")


@pytest.mark.django_db
class TestOrganisationNumberStep:
    def test_it_starts_by_asking_for_the_organisation_number(self, client, newcomer):
        client.force_login(newcomer)
        response = client.get(REGISTER)
        assert response.status_code == 200
        assert "Organisasjonsnummer" in response.content.decode()
        assert response.context["form"] is None

    def test_a_new_number_with_spaces_leads_to_the_form_with_the_number_filled_in(self, client, newcomer):
        client.force_login(newcomer)
        response = client.get(REGISTER, {"orgnr": "974 760 673"})
        assert response.context["form"].initial["orgnr"] == VALID_ORGNR
        assert f'value="{VALID_ORGNR}"' in response.content.decode()

    @pytest.mark.parametrize(
        ("orgnr", "message"),
        [
            ("974760674", "Kontrollsifferet stemmer ikke"),
            ("97476067", "Organisasjonsnummeret må ha 9 siffer. Du skrev 8."),
            ("97476067x", "Organisasjonsnummeret kan bare inneholde siffer."),
            ("174760673", "Et organisasjonsnummer begynner med 8 eller 9."),
            ("", "Skriv organisasjonsnummeret."),
        ],
    )
    def test_a_wrong_number_is_explained_and_kept(self, client, newcomer, orgnr, message):
        client.force_login(newcomer)
        response = client.get(REGISTER, {"orgnr": orgnr})
        assert response.context["form"] is None
        assert_field_error(response, "id_orgnr", message)
        if orgnr:
            assert f'value="{orgnr}"' in response.content.decode()

    def test_a_number_already_in_the_directory_offers_to_join_instead(self, client, world, newcomer):
        client.force_login(newcomer)
        response = client.get(REGISTER, {"orgnr": "923 609 016"})
        html = response.content.decode()
        assert response.context["existing"] == world.entrepreneur
        assert "Virksomheten er allerede registrert" in html
        assert "Be om å bli med" in html
        assert reverse("members:entrepreneur-join", args=[world.entrepreneur.slug]) in html

    def test_joining_from_the_number_step_creates_a_request_and_no_duplicate(self, client, world, newcomer):
        client.force_login(newcomer)
        url = reverse("members:entrepreneur-join", args=[world.entrepreneur.slug])
        response = client.post(url, {"orgnr": "923609016", "message": "Jeg er daglig leder."})
        assert response.status_code == 302
        membership = EntrepreneurMembership.objects.get(user=newcomer)
        assert membership.status == Membership.Status.PENDING
        assert membership.message == "Jeg er daglig leder."
        assert SocialEntrepreneur.objects.filter(orgnr="923609016").count() == 1
        assert sorted(message.to[0] for message in mail.outbox) == ["eier@sykkel.no", "kollega@sykkel.no"]

    def test_the_directory_can_be_searched_by_name_for_profiles_without_a_number(self, client, world, newcomer):
        factories.entrepreneur("Sykkelverkstedet", status=PublicationStatus.DRAFT)
        client.force_login(newcomer)
        response = client.get(REGISTER, {"navn": "sykkel"})
        html = response.content.decode()
        assert "Finnes virksomheten allerede?" in html
        assert list(response.context["name_matches"]) == [world.entrepreneur]
        assert reverse("members:entrepreneur-join", args=[world.entrepreneur.slug]) in html

    def test_a_typo_in_the_name_still_finds_it(self, client, world, newcomer):
        client.force_login(newcomer)
        response = client.get(REGISTER, {"navn": "Sykel for alle"})
        assert world.entrepreneur in response.context["name_matches"]


@pytest.mark.django_db
class TestRegistration:
    def test_a_draft_needs_only_name_and_number_and_the_creator_becomes_a_member(self, client, newcomer):
        client.force_login(newcomer)
        response = client.post(REGISTER, {"orgnr": "974 760 673", "name": "Grønn Omsorg", "action": "draft"})
        entrepreneur = SocialEntrepreneur.objects.get(orgnr=VALID_ORGNR)
        assert response.status_code == 302
        assert response.url == reverse("members:entrepreneur-detail", args=["gronn-omsorg"])
        assert entrepreneur.status == PublicationStatus.DRAFT
        assert entrepreneur.slug == "gronn-omsorg"
        membership = EntrepreneurMembership.objects.get(user=newcomer, entrepreneur=entrepreneur)
        assert membership.status == Membership.Status.APPROVED
        assert membership.decided_at is not None
        assert mail.outbox == []

    def test_the_slug_is_unique(self, client, newcomer):
        factories.entrepreneur("Grønn Omsorg")
        client.force_login(newcomer)
        client.post(REGISTER, {"orgnr": VALID_ORGNR, "name": "Grønn Omsorg", "action": "draft"})
        assert SocialEntrepreneur.objects.get(orgnr=VALID_ORGNR).slug == "gronn-omsorg-2"

    def test_the_whole_profile_is_saved(self, client, newcomer):
        county = factories.county("50")
        group = factories.target_group("Eldre")
        client.force_login(newcomer)
        client.post(
            REGISTER,
            profile_data(
                nationwide=None,
                counties=[county.pk],
                municipalities=[factories.municipality("0301").pk],
                target_groups=[group.pk],
            ),
        )
        entrepreneur = SocialEntrepreneur.objects.get(orgnr=VALID_ORGNR)
        assert entrepreneur.website == "https://gronnomsorg.no"
        assert list(entrepreneur.counties.all()) == [county]
        assert [m.name for m in entrepreneur.municipalities.all()] == ["Oslo"]
        assert list(entrepreneur.target_groups.all()) == [group]
        assert [a.slug for a in entrepreneur.service_areas.all()] == ["eldreomsorg"]

    def test_saving_and_sending_for_review_in_one_go(self, client, newcomer, world):
        client.force_login(newcomer)
        client.post(REGISTER, profile_data(action="submit"))
        assert SocialEntrepreneur.objects.get(orgnr=VALID_ORGNR).status == PublicationStatus.PENDING
        assert [message.to for message in mail.outbox] == [["kurator@veier.no"]]

    def test_sending_for_review_shows_every_missing_field_and_keeps_the_input(self, client, newcomer):
        factories.service_area("Eldreomsorg")
        client.force_login(newcomer)
        response = client.post(REGISTER, {"orgnr": VALID_ORGNR, "name": "Grønn Omsorg", "action": "submit"})
        assert response.status_code == 200
        assert not SocialEntrepreneur.objects.exists()
        assert_field_error(
            response, "id_summary", "Skriv en kort beskrivelse av virksomheten før du sender til godkjenning."
        )
        assert_field_error(
            response, "id_description", "Skriv en beskrivelse av virksomheten før du sender til godkjenning."
        )
        assert_field_error(
            response,
            "id_service_areas",
            "Velg minst ett tjenesteområde før du sender til godkjenning.",
            target="id_service_areas_0",
        )
        assert_field_error(response, "id_nationwide", "Velg hvor dere arbeider før du sender til godkjenning")
        assert 'value="Grønn Omsorg"' in response.content.decode()

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("website", "javascript:alert(1)", "Skriv en nettadresse som begynner med https://"),
            ("website", "ftp://filer.gronnomsorg.no", "Skriv en nettadresse som begynner med https://"),
            ("website", "https://" + "a" * 300 + ".no", "Teksten er for lang. Du kan bruke høyst 300 tegn"),
            ("email", "post(at)gronnomsorg.no", "Skriv en gyldig e-postadresse"),
            ("name", "", "Skriv navnet på virksomheten."),
            ("name", "N" * 201, "Du kan bruke høyst 200 tegn, og nå er det 201. Kort den ned."),
            ("summary", "S" * 301, "Du kan bruke høyst 300 tegn, og nå er det 301."),
            ("social_mission", "M" * 2001, "Du kan bruke høyst 2000 tegn"),
            ("description", "D" * 6001, "Du kan bruke høyst 6000 tegn"),
            ("orgnr", "974760674", "Kontrollsifferet stemmer ikke"),
            ("organisation_form", "999999", "Vi kjenner ikke den organisasjonsformen"),
        ],
    )
    def test_bad_input_is_explained_beside_the_field_and_kept(self, client, newcomer, field, value, message):
        client.force_login(newcomer)
        response = client.post(REGISTER, profile_data(**{field: value}))
        assert response.status_code == 200
        assert not SocialEntrepreneur.objects.exists()
        assert_field_error(response, f"id_{field}", message)
        if value and field != "organisation_form":
            assert value in response.content.decode()

    def test_a_web_address_without_scheme_gets_https(self, client, newcomer):
        client.force_login(newcomer)
        client.post(REGISTER, profile_data(website="www.gronnomsorg.no"))
        assert SocialEntrepreneur.objects.get().website == "https://www.gronnomsorg.no"

    def test_nationwide_excludes_counties_and_municipalities(self, client, newcomer):
        client.force_login(newcomer)
        response = client.post(REGISTER, profile_data(counties=[factories.county("50").pk]))
        assert_field_error(response, "id_nationwide", "Du har krysset av for hele landet og i tillegg valgt fylker")
        # The chosen county stays ticked.
        assert re.search(rf'name="counties" value="{factories.county("50").pk}"[^>]*checked', response.content.decode())

    def test_a_chosen_municipality_stays_chosen_and_its_county_opens(self, client, newcomer):
        client.force_login(newcomer)
        oslo = factories.municipality("0301")
        response = client.post(REGISTER, profile_data(name="", municipalities=[oslo.pk], nationwide=None))
        html = response.content.decode()
        assert re.search(rf'name="municipalities" value="{oslo.pk}" id="id_municipalities_\d+" checked', html)
        assert re.search(r'<details class="ds-details" open>\s*<summary>Oslo <span class="meta">\(1 valgt\)', html)
        assert html.count('<details class="ds-details" open>') == 1

    def test_an_unknown_municipality_is_explained(self, client, newcomer):
        client.force_login(newcomer)
        response = client.post(REGISTER, profile_data(nationwide=None, municipalities=["999999"]))
        assert_field_error(
            response, "id_municipalities", "Vi kjenner ikke valget «999999»", target="id_municipalities_0"
        )

    def test_a_number_someone_else_registered_cannot_be_used_again(self, client, world, newcomer):
        client.force_login(newcomer)
        response = client.post(REGISTER, profile_data(orgnr="923609016"))
        assert_field_error(response, "id_orgnr", "Organisasjonsnummeret er allerede registrert på «Sykkel for alle»")
        assert SocialEntrepreneur.objects.filter(orgnr="923609016").count() == 1


@pytest.mark.django_db
class TestEditing:
    def _edit(self, client, entrepreneur, **overrides):
        url = reverse("members:entrepreneur-edit", args=[entrepreneur.slug])
        data = {
            "orgnr": entrepreneur.orgnr,
            "name": entrepreneur.name,
            "summary": entrepreneur.summary,
            "description": entrepreneur.description,
            "nationwide": "on",
            "service_areas": [area.pk for area in entrepreneur.service_areas.all()],
            "action": "save",
        }
        data.update(overrides)
        return client.post(url, {key: value for key, value in data.items() if value is not None})

    def test_the_form_shows_the_saved_profile(self, client, world):
        client.force_login(world.owner)
        response = client.get(reverse("members:entrepreneur-edit", args=[world.entrepreneur.slug]))
        html = response.content.decode()
        assert 'value="Sykkel for alle"' in html
        assert "Vi hjelper eldre ut på tur." in html
        assert re.search(r'name="nationwide"[^>]*checked', html)

    def test_edits_to_a_published_profile_are_public_at_once_and_recorded(self, client, world):
        health = factories.service_area("Helse")
        client.force_login(world.colleague)
        response = self._edit(
            client,
            world.entrepreneur,
            summary="Vi sykler med eldre og syke.",
            service_areas=[factories.service_area("Eldreomsorg").pk, health.pk],
        )
        assert response.status_code == 302
        public = client.get(world.entrepreneur.get_absolute_url())
        assert "Vi sykler med eldre og syke." in public.content.decode()
        record = ChangeRecord.objects.get()
        assert record.user == world.colleague
        assert record.entrepreneur == world.entrepreneur
        assert record.changes == {
            "summary": {"old": "Vi hjelper eldre ut på tur.", "new": "Vi sykler med eldre og syke."},
            "service_areas": {"old": ["Eldreomsorg"], "new": ["Eldreomsorg", "Helse"]},
        }
        assert record.changed_labels == ["kort beskrivelse", "tjenesteområder"]
        assert record.created is not None

    def test_saving_without_changes_records_nothing(self, client, world):
        client.force_login(world.owner)
        self._edit(client, world.entrepreneur)
        assert not ChangeRecord.objects.exists()

    def test_edits_to_a_draft_are_not_recorded(self, client):
        world = make_world(entrepreneur_status=PublicationStatus.DRAFT)
        client.force_login(world.owner)
        self._edit(client, world.entrepreneur, summary="Ny tekst.")
        world.entrepreneur.refresh_from_db()
        assert world.entrepreneur.summary == "Ny tekst."
        assert not ChangeRecord.objects.exists()

    def test_a_published_profile_must_stay_complete(self, client, world):
        client.force_login(world.owner)
        response = self._edit(client, world.entrepreneur, summary="", service_areas=None)
        assert response.status_code == 200
        assert_field_error(response, "id_summary", "Skriv en kort beskrivelse")
        world.entrepreneur.refresh_from_db()
        assert world.entrepreneur.summary == "Vi hjelper eldre ut på tur."

    def test_the_slug_stays_when_the_name_changes(self, client, world):
        client.force_login(world.owner)
        self._edit(client, world.entrepreneur, name="Sykkel for alle AS")
        world.entrepreneur.refresh_from_db()
        assert world.entrepreneur.name == "Sykkel for alle AS"
        assert world.entrepreneur.slug == "sykkel-for-alle"

    def test_a_rejected_profile_can_be_fixed_and_sent_again(self, client):
        world = make_world(entrepreneur_status=PublicationStatus.REJECTED)
        SocialEntrepreneur.objects.filter(pk=world.entrepreneur.pk).update(rejection_reason="Beskriv tilbudet bedre.")
        client.force_login(world.owner)
        detail = client.get(reverse("members:entrepreneur-detail", args=[world.entrepreneur.slug]))
        assert "Beskriv tilbudet bedre." in detail.content.decode()
        self._edit(client, world.entrepreneur, description="Mye bedre beskrivelse.", action="submit")
        world.entrepreneur.refresh_from_db()
        assert world.entrepreneur.status == PublicationStatus.PENDING


@pytest.mark.django_db
class TestSendingForReview:
    def test_a_complete_draft_is_sent_and_curators_are_told(self, client):
        world = make_world(entrepreneur_status=PublicationStatus.DRAFT)
        client.force_login(world.owner)
        response = client.post(reverse("members:entrepreneur-submit", args=[world.entrepreneur.slug]))
        assert response.status_code == 302
        world.entrepreneur.refresh_from_db()
        assert world.entrepreneur.status == PublicationStatus.PENDING
        assert [message.to for message in mail.outbox] == [["kurator@veier.no"]]

    def test_an_incomplete_draft_shows_what_is_missing_on_the_form(self, client, world):
        draft = factories.entrepreneur("Halvferdig", status=PublicationStatus.DRAFT, orgnr=VALID_ORGNR)
        join(world.owner, draft)
        client.force_login(world.owner)
        detail = client.get(reverse("members:entrepreneur-detail", args=[draft.slug]))
        assert "Dette mangler før du kan sende til godkjenning" in detail.content.decode()
        response = client.post(reverse("members:entrepreneur-submit", args=[draft.slug]))
        assert response.status_code == 200
        assert_field_error(
            response, "id_description", "Skriv en beskrivelse av virksomheten før du sender til godkjenning."
        )
        assert_field_error(response, "id_nationwide", "Velg hvor dere arbeider")
        draft.refresh_from_db()
        assert draft.status == PublicationStatus.DRAFT
        assert mail.outbox == []

    def test_a_booklet_profile_without_a_number_needs_one_before_review(self, client, world):
        booklet_profile = complete_entrepreneur("Fra heftet", status=PublicationStatus.DRAFT)
        join(world.owner, booklet_profile)
        client.force_login(world.owner)
        response = client.post(reverse("members:entrepreneur-submit", args=[booklet_profile.slug]))
        assert_field_error(response, "id_orgnr", "Skriv organisasjonsnummeret.")

    def test_a_published_profile_is_not_sent_again(self, client, world):
        client.force_login(world.owner)
        client.post(reverse("members:entrepreneur-submit", args=[world.entrepreneur.slug]))
        world.entrepreneur.refresh_from_db()
        assert world.entrepreneur.status == PublicationStatus.PUBLISHED
        assert mail.outbox == []


@pytest.mark.django_db
class TestJoinRequests:
    @pytest.fixture
    def request_from(self, world):
        applicant = make_user("ny@sykkel.no", name="Nils Ny")
        return join(applicant, world.entrepreneur, status=Membership.Status.PENDING)

    def test_members_see_the_requests_with_the_message(self, client, world, request_from):
        request_from.message = "Jeg er ny daglig leder."
        request_from.save()
        client.force_login(world.colleague)
        response = client.get(reverse("members:entrepreneur-members", args=[world.entrepreneur.slug]))
        html = response.content.decode()
        assert "Nils Ny" in html
        assert "Jeg er ny daglig leder." in html

    @pytest.mark.parametrize(("decision", "status"), [("godkjenn", "approved"), ("avsla", "rejected")])
    def test_a_member_decides_and_the_applicant_gets_an_email(self, client, world, request_from, decision, status):
        client.force_login(world.owner)
        url = reverse("members:entrepreneur-members", args=[world.entrepreneur.slug])
        response = client.post(url, {"membership": request_from.pk, "decision": decision})
        assert response.status_code == 302
        request_from.refresh_from_db()
        assert request_from.status == status
        assert request_from.decided_by == world.owner
        assert [message.to for message in mail.outbox] == [["ny@sykkel.no"]]

    def test_a_request_already_decided_cannot_be_decided_again(self, client, world, request_from):
        client.force_login(world.owner)
        url = reverse("members:entrepreneur-members", args=[world.entrepreneur.slug])
        client.post(url, {"membership": request_from.pk, "decision": "godkjenn"})
        response = client.post(url, {"membership": request_from.pk, "decision": "avsla"}, follow=True)
        assert "Forespørselen er allerede avgjort" in response.content.decode()
        request_from.refresh_from_db()
        assert request_from.status == Membership.Status.APPROVED

    def test_a_request_to_another_organisation_cannot_be_decided_here(self, client, world):
        stranger = make_user("fremmed@annen.no")
        other_request = join(stranger, world.other_entrepreneur, status=Membership.Status.PENDING)
        client.force_login(world.owner)
        url = reverse("members:entrepreneur-members", args=[world.entrepreneur.slug])
        client.post(url, {"membership": other_request.pk, "decision": "godkjenn"})
        other_request.refresh_from_db()
        assert other_request.status == Membership.Status.PENDING

    def test_asking_twice_sends_no_second_email(self, client, world):
        applicant = make_user("ivrig@sykkel.no")
        client.force_login(applicant)
        url = reverse("members:entrepreneur-join", args=[world.entrepreneur.slug])
        client.post(url, {"message": "Hei"})
        client.post(url, {"message": "Hei igjen"})
        assert EntrepreneurMembership.objects.get(user=applicant).message == "Hei"
        assert len(mail.outbox) == 2  # one to each of the two members, once

    def test_asking_again_after_a_no_opens_the_request_again(self, client, world):
        applicant = make_user("igjen@sykkel.no")
        join(applicant, world.entrepreneur, status=Membership.Status.REJECTED)
        client.force_login(applicant)
        client.post(reverse("members:entrepreneur-join", args=[world.entrepreneur.slug]), {"message": "Nå da?"})
        membership = EntrepreneurMembership.objects.get(user=applicant)
        assert membership.status == Membership.Status.PENDING
        assert membership.message == "Nå da?"

    def test_a_too_long_message_is_explained_and_kept(self, client, world, newcomer):
        client.force_login(newcomer)
        response = client.post(
            reverse("members:entrepreneur-join", args=[world.entrepreneur.slug]), {"message": "m" * 1001}
        )
        assert_field_error(response, "id_message", "Du kan bruke høyst 1000 tegn")
        assert "m" * 1001 in response.content.decode()
        assert not EntrepreneurMembership.objects.filter(user=newcomer).exists()

    def test_a_profile_without_members_asks_the_curators(self, client, world, newcomer):
        orphan = factories.entrepreneur("Fra heftet")
        client.force_login(newcomer)
        client.post(reverse("members:entrepreneur-join", args=[orphan.slug]), {"message": ""})
        assert [message.to for message in mail.outbox] == [["kurator@veier.no"]]


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["javascript:alert(1)", "ftp://filer.no", "https://", "data:text/html,hei"])
def test_a_bad_web_address_gets_one_message(value):
    from directory.member_forms import EntrepreneurForm

    form = EntrepreneurForm({"orgnr": VALID_ORGNR, "name": "Navn", "website": value})
    assert not form.is_valid()
    assert len(form.errors["website"]) == 1
    assert form.errors["website"][0].startswith("Skriv en nettadresse som begynner med https://")


@pytest.mark.django_db
class TestPersonalData:
    def test_the_users_profile_changes_are_in_their_data_download(self, client, world):
        services.entrepreneur_update(entrepreneur=world.entrepreneur, user=world.owner, values={"summary": "Ny."})
        data = services.export_user_data(world.owner)
        [change] = data["profile_changes"]
        assert change["organisation"] == "Sykkel for alle"
        assert change["changes"] == {"summary": {"old": "Vi hjelper eldre ut på tur.", "new": "Ny."}}
        assert services.export_user_data(world.colleague) == {"contact_messages": [], "profile_changes": []}
        client.force_login(world.owner)
        download = client.get("/konto/mine-data/")
        assert download.json()["profile_changes"][0]["changes"]["summary"]["new"] == "Ny."

    def test_a_deleted_users_changes_stay_recorded_without_the_user(self, world):
        services.entrepreneur_update(entrepreneur=world.entrepreneur, user=world.owner, values={"summary": "Ny."})
        world.owner.delete()
        record = ChangeRecord.objects.get()
        assert record.user is None
        assert record.changes["summary"]["new"] == "Ny."


@pytest.mark.django_db
def test_large_ids_in_forms_are_not_written_with_thousand_separators(client, world):
    """USE_THOUSAND_SEPARATOR would turn 12345 into «12 345», which no form could read back."""
    from directory.models import Municipality

    applicant = make_user("tusen@sykkel.no")
    big = EntrepreneurMembership.objects.create(
        pk=12345, user=applicant, entrepreneur=world.entrepreneur, status=Membership.Status.PENDING
    )
    Municipality.objects.create(
        pk=23456, number="9999", name="Testkommune", slug="testkommune", county=factories.county()
    )
    client.force_login(world.owner)
    members = client.get(reverse("members:entrepreneur-members", args=[world.entrepreneur.slug])).content.decode()
    assert 'name="membership" value="12345"' in members
    client.post(
        reverse("members:entrepreneur-members", args=[world.entrepreneur.slug]),
        {"membership": "12345", "decision": "godkjenn"},
    )
    big.refresh_from_db()
    assert big.status == Membership.Status.APPROVED
    form = client.get(reverse("members:entrepreneur-edit", args=[world.entrepreneur.slug])).content.decode()
    assert 'name="municipalities" value="23456"' in form


def test_join_requests_are_rate_limited_per_person(client, world, newcomer):
    """Issue 11, finding 6: each join request mails the members; one person cannot send them without limit."""
    from accounts import throttle

    client.force_login(newcomer)
    limit = throttle.limit_for("join").per_address
    published = PublicationStatus.PUBLISHED
    targets = [factories.entrepreneur(f"Mål {number}", status=published) for number in range(limit + 1)]
    for target in targets[:limit]:
        url = reverse("members:entrepreneur-join", args=[target.slug])
        assert client.post(url, {"message": "Jeg jobber her."}).status_code == 302
    url = reverse("members:entrepreneur-join", args=[targets[-1].slug])
    response = client.post(url, {"message": "Jeg jobber her også."})
    assert response.status_code == 200
    assert "Du har sendt for mange skjemaer på kort tid." in response.content.decode()
    assert "Jeg jobber her også." in response.content.decode()
    assert not EntrepreneurMembership.objects.filter(user=newcomer, entrepreneur=targets[-1]).exists()
