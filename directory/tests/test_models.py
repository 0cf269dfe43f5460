import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from directory.models import SearchTerm, SocialEntrepreneur
from directory.search import search_entrepreneurs
from directory.tests import factories
from directory.text import norwegian_slugify
from directory.validators import validate_orgnr


@pytest.mark.parametrize("number", ["923609016", "974760673", "923 609 016"])
def test_valid_organisation_numbers_pass(number):
    validate_orgnr(number)


@pytest.mark.parametrize(
    ("number", "code", "message_part"),
    [
        ("92360901", "length", "9 siffer"),
        ("9236090161", "length", "9 siffer"),
        ("92360901A", "digits", "bare inneholde siffer"),
        ("123456785", "first-digit", "8 eller 9"),
        ("923609017", "checksum", "Kontrollsifferet"),
    ],
)
def test_invalid_organisation_numbers_say_what_is_wrong(number, code, message_part):
    with pytest.raises(ValidationError) as error:
        validate_orgnr(number)
    assert error.value.code == code
    assert message_part in error.value.messages[0]


@pytest.mark.django_db
def test_organisation_number_is_optional_but_unique():
    factories.entrepreneur("Uten nummer A")
    factories.entrepreneur("Uten nummer B")
    factories.entrepreneur("Med nummer", orgnr="923609016")
    with pytest.raises(IntegrityError):
        factories.entrepreneur("Samme nummer", orgnr="923609016")


@pytest.mark.django_db
def test_full_clean_rejects_a_bad_organisation_number():
    entrepreneur = SocialEntrepreneur(name="Test", slug="test", orgnr="923609017")
    with pytest.raises(ValidationError) as error:
        entrepreneur.full_clean()
    assert "orgnr" in error.value.message_dict


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Bærum kommune", "baerum-kommune"),
        ("Øvre Eiker", "ovre-eiker"),
        ("Grünerløkka", "grunerlokka"),
        ("Åsnes", "asnes"),
    ],
)
def test_norwegian_slugify_keeps_norwegian_letters_readable(text, slug):
    assert norwegian_slugify(text) == slug


@pytest.mark.django_db
def test_reference_data_has_the_2024_counties_and_municipalities():
    from directory.models import County, FormerMunicipalityName, Municipality

    assert County.objects.count() == 15
    assert Municipality.objects.count() == 357
    assert FormerMunicipalityName.objects.get(name="Songdalen").municipality.name == "Kristiansand"
    assert FormerMunicipalityName.objects.get(name="Oppegård").municipality.number == "3207"


@pytest.mark.django_db
class TestSearchDocument:
    def test_it_is_built_from_the_name_and_texts_on_insert(self):
        entrepreneur = factories.entrepreneur("Besøksvennene", summary="Ungdommer besøker eldre på sykehjem")
        entrepreneur.refresh_from_db()
        assert "'besøksvenn':1A" in str(entrepreneur.search_vector)
        assert "sykehjem" in str(entrepreneur.search_vector)

    def test_it_follows_published_offers_and_forgets_deleted_ones(self):
        entrepreneur = factories.entrepreneur("Firma")
        offer = factories.offer(entrepreneur, "Naturfagkurs", description="Kurs i kjemi")
        entrepreneur.refresh_from_db()
        assert "'naturfagkur':2B" in str(entrepreneur.search_vector)
        assert "kjemi" in str(entrepreneur.search_vector)
        offer.delete()
        entrepreneur.refresh_from_db()
        assert "naturfagkur" not in str(entrepreneur.search_vector)

    def test_draft_offers_are_not_searchable(self):
        entrepreneur = factories.entrepreneur("Firma")
        offer = factories.offer(entrepreneur, "Hemmelig pilot", status="draft")
        assert not search_entrepreneurs(SocialEntrepreneur.objects.all(), "hemmelig").exists()
        offer.status = "published"
        offer.save()
        assert list(search_entrepreneurs(SocialEntrepreneur.objects.all(), "hemmelig")) == [entrepreneur]

    def test_its_words_are_kept_for_typo_tolerant_search(self):
        factories.entrepreneur("Forskerfabrikken")
        assert SearchTerm.objects.filter(word="forskerfabrikk").exists()


@pytest.mark.django_db
class TestCoverage:
    def test_nationwide_covers_every_place(self):
        everywhere = factories.entrepreneur("Overalt", nationwide=True)
        assert everywhere in SocialEntrepreneur.objects.covering_municipality(factories.municipality("5610"))
        assert everywhere in SocialEntrepreneur.objects.covering_county(factories.county("03"))

    def test_a_county_covers_its_municipalities_but_not_others(self):
        in_trondelag = factories.entrepreneur("Trøndersk", counties=[factories.county("50")])
        assert in_trondelag in SocialEntrepreneur.objects.covering_municipality(factories.municipality("5001"))
        assert in_trondelag not in SocialEntrepreneur.objects.covering_municipality(factories.municipality("0301"))

    def test_a_municipality_counts_for_its_county_but_not_its_neighbours(self):
        in_trondheim = factories.entrepreneur("Byfirma", municipalities=[factories.municipality("5001")])
        assert in_trondheim in SocialEntrepreneur.objects.covering_county(factories.county("50"))
        assert in_trondheim in SocialEntrepreneur.objects.covering_municipality(factories.municipality("5001"))
        assert in_trondheim not in SocialEntrepreneur.objects.covering_municipality(factories.municipality("5006"))
        assert in_trondheim not in SocialEntrepreneur.objects.covering_county(factories.county("03"))


@pytest.mark.django_db
class TestFacets:
    """The facet columns follow every change of the choices they copy (database triggers)."""

    def test_they_follow_service_areas_target_groups_and_coverage(self):
        elderly, youth = factories.service_area("Eldreomsorg"), factories.target_group("Barn og unge")
        entrepreneur = factories.entrepreneur("Firma", service_areas=[elderly], counties=[factories.county("50")])
        entrepreneur.refresh_from_db()
        assert entrepreneur.facet_service_areas == [elderly.pk]
        assert entrepreneur.facet_coverage == [f"c:{factories.county('50').pk}"]
        entrepreneur.service_areas.clear()
        entrepreneur.target_groups.add(youth)
        entrepreneur.counties.clear()
        entrepreneur.municipalities.add(factories.municipality("0301"))
        entrepreneur.refresh_from_db()
        oslo = factories.municipality("0301")
        assert entrepreneur.facet_service_areas == []
        assert entrepreneur.facet_target_groups == [youth.pk]
        assert sorted(entrepreneur.facet_coverage) == sorted([f"m:{oslo.pk}", f"mc:{oslo.county_id}"])
        entrepreneur.nationwide = True
        entrepreneur.save()
        entrepreneur.refresh_from_db()
        assert entrepreneur.facet_coverage == ["*"]

    def test_collaboration_forms_come_from_published_offers_only(self):
        pilot = factories.collaboration_form("Pilotavtale")
        entrepreneur = factories.entrepreneur("Firma")
        offer = factories.offer(entrepreneur, "Pilot", collaboration_forms=[pilot])
        entrepreneur.refresh_from_db()
        assert entrepreneur.facet_collaboration_forms == [pilot.pk]
        offer.status = "draft"
        offer.save()
        entrepreneur.refresh_from_db()
        assert entrepreneur.facet_collaboration_forms == []
        offer.status = "published"
        offer.save()
        offer.collaboration_forms.clear()
        entrepreneur.refresh_from_db()
        assert entrepreneur.facet_collaboration_forms == []
