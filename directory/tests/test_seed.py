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
