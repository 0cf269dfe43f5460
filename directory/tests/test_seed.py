import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from directory.models import Case, Offer, PublicBody, SocialEntrepreneur

BOOKLET = json.loads((Path(settings.BASE_DIR) / "fixtures" / "booklet.json").read_text(encoding="utf-8"))


def _counts():
    return (SocialEntrepreneur.objects.count(), Offer.objects.count(), PublicBody.objects.count(), Case.objects.count())


@pytest.mark.django_db
def test_loading_twice_creates_no_duplicates(booklet):
    first = _counts()
    call_command("load_booklet", verbosity=0)
    assert _counts() == first
    assert first == (
        len(BOOKLET["entrepreneurs"]),
        sum(len(item.get("offers", [])) for item in BOOKLET["entrepreneurs"]),
        len(BOOKLET["public_bodies"]),
        len(BOOKLET["cases"]),
    )


@pytest.mark.django_db
def test_the_booklet_s_entrepreneurs_bodies_and_cases_are_there(booklet):
    assert SocialEntrepreneur.objects.published().count() >= 35
    assert PublicBody.objects.published().count() >= 30
    for name in ["Generasjonsmøtet M", "Kjør for livet", "JodaCare", "BUA", "Forskerfabrikken", "Hogst"]:
        assert SocialEntrepreneur.objects.filter(name__startswith=name).exists(), name
    assert PublicBody.objects.get(slug="bydel-gamle-oslo").parent.slug == "oslo-kommune"
    chapters = set(Case.objects.values_list("source_chapter", flat=True))
    assert {2, 3, 5} <= chapters


@pytest.mark.django_db
def test_merged_municipalities_point_to_today_s_municipality(booklet):
    oppegard = PublicBody.objects.get(former_name__icontains="Oppegård")
    assert oppegard.municipality.number == "3207"


def test_seed_data_invents_no_contact_details():
    """The booklet gives no e-mail addresses, phone numbers or web addresses for anyone."""
    text = json.dumps(BOOKLET, ensure_ascii=False)
    assert not re.search(r"[\w.+-]+@[\w-]+\.\w+", text)
    assert not re.search(r"https?://", text)
    assert not re.search(r"(?<!\d)(\+47)?\s?\d{2}\s?\d{2}\s?\d{2}\s?\d{2}(?!\d)", text)
    for entrepreneur in BOOKLET["entrepreneurs"]:
        assert not entrepreneur.get("website") and not entrepreneur.get("email") and not entrepreneur.get("orgnr")
        assert entrepreneur["source"].startswith("Veier til samarbeid")


TAXONOMIES = json.loads((Path(settings.BASE_DIR) / "fixtures" / "taxonomies.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", ["nn", "en"])
def test_every_term_and_case_in_the_fixtures_is_translated(language):
    untranslated = [
        term["slug"]
        for terms in TAXONOMIES.values()
        for term in terms
        if not term.get(f"name_{language}") or not term.get(f"description_{language}")
    ]
    untranslated += [
        case["slug"]
        for case in BOOKLET["cases"]
        if not case.get(f"title_{language}") or not case.get(f"summary_{language}")
    ]
    assert untranslated == []


@pytest.mark.django_db
def test_the_loader_stores_each_language_and_keeps_bokmal_as_the_original(booklet):
    from django.utils import translation

    from directory.models import ServiceArea

    area = ServiceArea.objects.get(slug="eldreomsorg")
    assert (area.name_nb, area.name_nn, area.name_en) == ("Eldreomsorg", "Eldreomsorg", "Care for older people")
    case = Case.objects.get(slug="bua-abonnement")
    assert case.title_nn == "Kommunar abonnerer på utlånstenesta til BUA"
    with translation.override("en"):
        assert Case.objects.get(slug="bua-abonnement").title == "Municipalities subscribe to BUA's lending service"
    # The untranslated column holds bokmål whatever language was active when loading.
    with translation.override("en"):
        call_command("load_booklet", verbosity=0)
    assert ServiceArea.objects.filter(slug="eldreomsorg").values_list("name_nb", flat=True).get() == "Eldreomsorg"


@pytest.mark.django_db
def test_a_curator_s_translation_is_kept_when_the_fixture_has_none(booklet):
    from directory import seed
    from directory.models import ServiceArea

    ServiceArea.objects.filter(slug="eldreomsorg").update(name_en="Elderly care")
    data = {"service_areas": [{"slug": "eldreomsorg", "name": "Eldreomsorg", "description": "Tjenester for eldre."}]}
    seed.load_taxonomies(data)
    assert ServiceArea.objects.get(slug="eldreomsorg").name_en == "Elderly care"
