"""Small helpers to create directory objects in tests, with sensible defaults."""

from itertools import count

from directory.models import (
    Case,
    CollaborationForm,
    County,
    Municipality,
    Offer,
    PublicationStatus,
    PublicBody,
    ServiceArea,
    SocialEntrepreneur,
    TargetGroup,
)
from directory.text import norwegian_slugify

_sequence = count(1)


def service_area(name: str = "Eldreomsorg") -> ServiceArea:
    return ServiceArea.objects.get_or_create(slug=norwegian_slugify(name), defaults={"name": name})[0]


def target_group(name: str = "Eldre") -> TargetGroup:
    return TargetGroup.objects.get_or_create(slug=norwegian_slugify(name), defaults={"name": name})[0]


def collaboration_form(name: str = "Pilotavtale") -> CollaborationForm:
    return CollaborationForm.objects.get_or_create(slug=norwegian_slugify(name), defaults={"name": name})[0]


def municipality(number: str = "5001") -> Municipality:
    return Municipality.objects.get(number=number)


def county(number: str = "50") -> County:
    return County.objects.get(number=number)


def entrepreneur(name: str | None = None, *, status=PublicationStatus.PUBLISHED, **fields) -> SocialEntrepreneur:
    name = name or f"Entreprenør {next(_sequence)}"
    many = {
        key: fields.pop(key)
        for key in ("counties", "municipalities", "service_areas", "target_groups")
        if key in fields
    }
    obj = SocialEntrepreneur.objects.create(name=name, slug=norwegian_slugify(name), status=status, **fields)
    for key, values in many.items():
        getattr(obj, key).set(values)
    return obj


def offer(entrepreneur: SocialEntrepreneur, title: str = "Et tilbud", **fields) -> Offer:
    forms = fields.pop("collaboration_forms", [])
    obj = Offer.objects.create(entrepreneur=entrepreneur, title=title, **fields)
    obj.collaboration_forms.set(forms)
    return obj


def public_body(name: str | None = None, *, kind=PublicBody.Kind.MUNICIPALITY, **fields) -> PublicBody:
    name = name or f"Virksomhet {next(_sequence)}"
    return PublicBody.objects.create(name=name, slug=norwegian_slugify(name), kind=kind, **fields)


def case(title: str | None = None, **fields) -> Case:
    title = title or f"Eksempel {next(_sequence)}"
    many = {
        key: fields.pop(key)
        for key in ("public_bodies", "entrepreneurs", "collaboration_forms", "service_areas")
        if key in fields
    }
    obj = Case.objects.create(
        title=title, slug=norwegian_slugify(title), summary=fields.pop("summary", "Kort."), **fields
    )
    for key, values in many.items():
        getattr(obj, key).set(values)
    return obj
