"""Members create, edit, publish, unpublish and delete their organisation's offers."""

import pytest
from django.urls import reverse

from directory.models import Offer
from directory.tests import factories
from directory.tests.member_personas import make_world
from directory.tests.test_member_entrepreneur import assert_field_error


@pytest.fixture
def world(db):
    return make_world()


def offer_data(**overrides) -> dict:
    data = {
        "title": "Sykkeltur for beboere",
        "description": "En tur i rickshaw hver uke.",
        "service_areas": [factories.service_area("Eldreomsorg").pk],
        "target_groups": [factories.target_group("Eldre").pk],
        "collaboration_forms": [factories.collaboration_form("Pilotavtale").pk],
        "price": "fra 50 000 kr",
        "price_model": "per år",
        "evidence": "Evaluert av NTNU.",
        "evidence_url": "https://ntnu.no/rapport",
        "action": "draft",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.django_db
class TestCreating:
    def test_a_new_offer_is_a_draft_with_everything_saved(self, client, world):
        client.force_login(world.owner)
        response = client.post(reverse("members:offer-create", args=[world.entrepreneur.slug]), offer_data())
        assert response.status_code == 302
        offer = Offer.objects.get()
        assert offer.entrepreneur == world.entrepreneur
        assert offer.status == Offer.Status.DRAFT
        assert (offer.price, offer.price_model, offer.evidence_url) == (
            "fra 50 000 kr",
            "per år",
            "https://ntnu.no/rapport",
        )
        assert [form.slug for form in offer.collaboration_forms.all()] == ["pilotavtale"]
        assert [group.slug for group in offer.target_groups.all()] == ["eldre"]

    def test_save_and_publish_publishes_it_and_search_finds_it(self, client, world):
        client.force_login(world.owner)
        client.post(
            reverse("members:offer-create", args=[world.entrepreneur.slug]),
            offer_data(title="Høytlesningsklubb", action="publish"),
        )
        assert Offer.objects.get().status == Offer.Status.PUBLISHED
        response = client.get("/entreprenorer/", {"q": "høytlesningsklubb"})
        assert [e.name for e in response.context["page"].object_list] == ["Sykkel for alle"]

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("title", "", "Skriv en tittel på tilbudet."),
            ("title", "T" * 201, "Du kan bruke høyst 200 tegn"),
            ("description", "", "Beskriv tilbudet, så kommunene forstår hva de kan få."),
            ("description", "D" * 6001, "Du kan bruke høyst 6000 tegn"),
            ("price", "P" * 201, "Du kan bruke høyst 200 tegn"),
            ("price_model", "P" * 201, "Du kan bruke høyst 200 tegn"),
            ("evidence", "E" * 4001, "Du kan bruke høyst 4000 tegn"),
            ("evidence_url", "javascript:alert(1)", "Skriv en nettadresse som begynner med https://"),
        ],
    )
    def test_bad_input_is_explained_and_kept(self, client, world, field, value, message):
        client.force_login(world.owner)
        response = client.post(
            reverse("members:offer-create", args=[world.entrepreneur.slug]), offer_data(**{field: value})
        )
        assert response.status_code == 200
        assert not Offer.objects.exists()
        assert_field_error(response, f"id_{field}", message)
        assert "Sykkeltur for beboere" in response.content.decode() or field == "title"

    def test_an_unknown_collaboration_form_is_explained(self, client, world):
        client.force_login(world.owner)
        response = client.post(
            reverse("members:offer-create", args=[world.entrepreneur.slug]), offer_data(collaboration_forms=["999999"])
        )
        assert_field_error(
            response, "id_collaboration_forms", "Vi kjenner ikke valget «999999»", target="id_collaboration_forms_0"
        )


@pytest.mark.django_db
class TestChanging:
    @pytest.fixture
    def offer(self, world):
        return factories.offer(
            world.entrepreneur, "Sykkeltur", description="Gammel tekst.", status=Offer.Status.PUBLISHED
        )

    def test_the_form_shows_the_saved_offer(self, client, world, offer):
        client.force_login(world.owner)
        response = client.get(reverse("members:offer-edit", args=[world.entrepreneur.slug, offer.pk]))
        assert 'value="Sykkeltur"' in response.content.decode()
        assert "Gammel tekst." in response.content.decode()

    def test_an_edit_keeps_the_status(self, client, world, offer):
        client.force_login(world.colleague)
        client.post(
            reverse("members:offer-edit", args=[world.entrepreneur.slug, offer.pk]), offer_data(title="Ny tittel")
        )
        offer.refresh_from_db()
        assert (offer.title, offer.status) == ("Ny tittel", Offer.Status.PUBLISHED)

    def test_unpublish_and_publish(self, client, world, offer):
        client.force_login(world.owner)
        client.post(reverse("members:offer-unpublish", args=[world.entrepreneur.slug, offer.pk]))
        offer.refresh_from_db()
        assert offer.status == Offer.Status.DRAFT
        assert list(client.get(world.entrepreneur.get_absolute_url()).context["offers"]) == []
        client.post(reverse("members:offer-publish", args=[world.entrepreneur.slug, offer.pk]))
        offer.refresh_from_db()
        assert offer.status == Offer.Status.PUBLISHED
        assert list(client.get(world.entrepreneur.get_absolute_url()).context["offers"]) == [offer]

    def test_deleting_asks_first(self, client, world, offer):
        client.force_login(world.owner)
        url = reverse("members:offer-delete", args=[world.entrepreneur.slug, offer.pk])
        response = client.get(url)
        assert "Vil du slette tilbudet «Sykkeltur»?" in response.content.decode()
        assert Offer.objects.filter(pk=offer.pk).exists()
        response = client.post(url)
        assert response.status_code == 302
        assert not Offer.objects.filter(pk=offer.pk).exists()

    def test_the_organisation_page_lists_offers_with_their_actions(self, client, world, offer):
        factories.offer(world.entrepreneur, "Utkast til tilbud", status=Offer.Status.DRAFT)
        client.force_login(world.owner)
        html = client.get(reverse("members:entrepreneur-detail", args=[world.entrepreneur.slug])).content.decode()
        assert "Sykkeltur" in html and "Utkast til tilbud" in html
        assert reverse("members:offer-unpublish", args=[world.entrepreneur.slug, offer.pk]) in html
        assert reverse("members:offer-delete", args=[world.entrepreneur.slug, offer.pk]) in html
