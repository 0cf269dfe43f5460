"""Load the curated taxonomies and the booklet's examples from fixtures/ (safe to run again).

Every record is matched on its slug and updated in place, so running the loader twice creates no
duplicates, and a curator's later additions are left alone.

Translated fields (see directory/translation.py) are given as `name` (bokmål) with `name_nn` and
`name_en` beside it; a language the fixture leaves out is not touched, so a curator's own translation
stays.
"""

import json
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import translation

from directory.domains import default_domains
from directory.models import (
    Case,
    CollaborationForm,
    County,
    Municipality,
    Offer,
    OrganisationForm,
    PublicationStatus,
    PublicBody,
    ServiceArea,
    SocialEntrepreneur,
    TargetGroup,
)

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
TAXONOMIES = {
    "service_areas": ServiceArea,
    "target_groups": TargetGroup,
    "collaboration_forms": CollaborationForm,
    "organisation_forms": OrganisationForm,
}


def _read(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def _by_slug(model, slugs: list[str]) -> list:
    objects = list(model.objects.filter(slug__in=slugs))
    missing = set(slugs) - {obj.slug for obj in objects}
    if missing:
        raise ValueError(f"{model.__name__}: unknown slugs {sorted(missing)}")
    return objects


def _by_number(model, numbers: list[str]) -> list:
    objects = list(model.objects.filter(number__in=numbers))
    missing = set(numbers) - {obj.number for obj in objects}
    if missing:
        raise ValueError(f"{model.__name__}: unknown numbers {sorted(missing)}")
    return objects


TRANSLATED_LANGUAGES = ("nn", "en")


def _translations(item: dict, fields: dict[str, str]) -> dict[str, str]:
    """Bokmål and the translations the fixture has, as model field values (name_nb, name_nn, …).

    `fields` maps each translated field to its bokmål default when the fixture has none.
    """
    values = {}
    for field, default in fields.items():
        values[f"{field}_nb"] = item.get(field, default)
        for language in TRANSLATED_LANGUAGES:
            if item.get(f"{field}_{language}"):
                values[f"{field}_{language}"] = item[f"{field}_{language}"]
    return values


def load_taxonomies(data: dict) -> dict[str, int]:
    counts = {}
    for key, model in TAXONOMIES.items():
        for position, term in enumerate(data.get(key, []), start=1):
            model.objects.update_or_create(
                slug=term["slug"],
                defaults={**_translations(term, {"name": "", "description": ""}), "position": position},
            )
        counts[key] = len(data.get(key, []))
    return counts


def load_public_bodies(bodies: list[dict]) -> None:
    # Two passes, so that a parent may be listed after its child.
    for body in bodies:
        municipality = body.get("municipality")
        county = body.get("county")
        obj, _ = PublicBody.objects.update_or_create(
            slug=body["slug"],
            defaults={
                "name": body["name"],
                "kind": body["kind"],
                "municipality": Municipality.objects.get(number=municipality) if municipality else None,
                "county": County.objects.get(number=county) if county else None,
                "former_name": body.get("former_name", ""),
                "description": body.get("description", ""),
                "invitation": body.get("invitation", ""),
                "source": body.get("source", ""),
                "status": PublicationStatus.PUBLISHED,
            },
        )
        obj.service_areas.set(_by_slug(ServiceArea, body.get("service_areas", [])))
        if not obj.email_domains:
            # A municipality's own domain under kommune.no; curators change it in admin.
            obj.email_domains = body.get("email_domains") or default_domains(
                obj.kind, municipality and obj.municipality.name, county and obj.county.number
            )
            obj.save(update_fields=["email_domains"])
    for body in bodies:
        if body.get("parent"):
            PublicBody.objects.filter(slug=body["slug"]).update(parent=PublicBody.objects.get(slug=body["parent"]))


def load_entrepreneurs(entrepreneurs: list[dict]) -> int:
    offer_count = 0
    for item in entrepreneurs:
        organisation_form = item.get("organisation_form")
        entrepreneur, _ = SocialEntrepreneur.objects.update_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "organisation_form": OrganisationForm.objects.get(slug=organisation_form)
                if organisation_form
                else None,
                "founded": item.get("founded"),
                "summary": item.get("summary", ""),
                "social_mission": item.get("social_mission", ""),
                "description": item.get("description", ""),
                "nationwide": item.get("nationwide", False),
                "source": item.get("source", ""),
                "status": PublicationStatus.PUBLISHED,
            },
        )
        entrepreneur.counties.set(_by_number(County, item.get("counties", [])))
        entrepreneur.municipalities.set(_by_number(Municipality, item.get("municipalities", [])))
        entrepreneur.service_areas.set(_by_slug(ServiceArea, item.get("service_areas", [])))
        entrepreneur.target_groups.set(_by_slug(TargetGroup, item.get("target_groups", [])))
        for offer_data in item.get("offers", []):
            offer, _ = Offer.objects.update_or_create(
                entrepreneur=entrepreneur,
                title=offer_data["title"],
                defaults={
                    "description": offer_data.get("description", ""),
                    "price": offer_data.get("price", ""),
                    "price_model": offer_data.get("price_model", ""),
                    "evidence": offer_data.get("evidence", ""),
                    "status": Offer.Status.PUBLISHED,
                },
            )
            offer.service_areas.set(_by_slug(ServiceArea, offer_data.get("service_areas", [])))
            offer.target_groups.set(_by_slug(TargetGroup, offer_data.get("target_groups", [])))
            offer.collaboration_forms.set(_by_slug(CollaborationForm, offer_data.get("collaboration_forms", [])))
            offer_count += 1
    return offer_count


def load_cases(cases: list[dict]) -> None:
    for item in cases:
        case, _ = Case.objects.update_or_create(
            slug=item["slug"],
            defaults={
                **_translations(item, {"title": "", "summary": ""}),
                "body": item.get("body", ""),
                "year": item.get("year"),
                "procurement_applied": item.get("procurement_applied"),
                "funding": item.get("funding", ""),
                "lessons": item.get("lessons", ""),
                "source_chapter": item.get("source_chapter"),
                "source": item.get("source", ""),
                "status": PublicationStatus.PUBLISHED,
            },
        )
        case.public_bodies.set(_by_slug(PublicBody, item.get("public_bodies", [])))
        case.entrepreneurs.set(_by_slug(SocialEntrepreneur, item.get("entrepreneurs", [])))
        case.collaboration_forms.set(_by_slug(CollaborationForm, item.get("collaboration_forms", [])))
        case.service_areas.set(_by_slug(ServiceArea, item.get("service_areas", [])))


@transaction.atomic
@translation.override("nb")  # the untranslated columns keep the bokmål original (modeltranslation)
def load_booklet_data() -> dict[str, int]:
    """Load taxonomies and the booklet's bodies, entrepreneurs, offers and cases. Returns counts."""
    counts = load_taxonomies(_read("taxonomies.json"))
    booklet = _read("booklet.json")
    load_public_bodies(booklet["public_bodies"])
    counts["offers"] = load_entrepreneurs(booklet["entrepreneurs"])
    load_cases(booklet["cases"])
    counts["public_bodies"] = len(booklet["public_bodies"])
    counts["entrepreneurs"] = len(booklet["entrepreneurs"])
    counts["cases"] = len(booklet["cases"])
    return counts
