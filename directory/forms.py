"""Fields and the base form of the public list pages' filters (GET forms; nothing is saved).

The filters themselves are django-filter FilterSets (directory/filters.py, matchmaking/filters.py),
shared by the HTML pages, the downloads and the API; their form is a DirectoryFilterForm."""

from typing import NamedTuple

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from directory.models import (
    County,
    Municipality,
    PublicBody,
)
from veier import fragments
from veier.content_language import translated_html

MAX_QUERY_LENGTH = 200
ALL = _("Alle")
UNKNOWN_SERVICE_AREA = _("Vi kjenner ikke tjenesteområdet «%(value)s». Velg et område fra listen.")
UNKNOWN_COUNTY = _("Vi fant ikke fylket «%(value)s». Bruk fylkesnummer (for eksempel 50) eller navnet.")
UNKNOWN_COLLABORATION_FORM = _("Vi kjenner ikke samarbeidsformen «%(value)s». Velg fra listen.")


def cached_terms(model) -> list:
    """Every term of a taxonomy, in its order, from the cache. Every list page and search needs four
    taxonomies; they change when a curator edits one, which renews the "taxonomy" generation
    (directory/apps.py)."""
    return fragments.get_or_build(
        "taxonomy-terms", [model._meta.label_lower], lambda: list(model.objects.all()), ["taxonomy"], in_process=True
    )


class Place(NamedTuple):
    """A county or municipality as the filters and result lists need it; plain values are read
    from the cache far faster than 372 model instances."""

    id: int
    number: str
    name: str
    slug: str
    county_id: int | None


def cached_places() -> tuple[list[Place], list[Place]]:
    """The counties and the municipalities, each in its order, from the cache (renewed by "places")."""

    def build():
        counties = [Place(*row, None) for row in County.objects.values_list("id", "number", "name", "slug")]
        municipalities = [
            Place(*row) for row in Municipality.objects.values_list("id", "number", "name", "slug", "county_id")
        ]
        return counties, municipalities

    return fragments.get_or_build("place-rows", [], build, ["places"], in_process=True)


def stored_place(model, place: Place):
    """The cached place as a model instance, as a query would have given it (from_db: not "unsaved",
    so related filters and foreign keys take it), without a query."""
    fields = ["id", "number", "name", "slug"] + (["county_id"] if model is Municipality else [])
    return model.from_db("default", fields, [getattr(place, field) for field in fields])


class FreeTextField(forms.CharField):
    """Free text that is cut to a sensible length instead of being rejected."""

    def to_python(self, value):
        return super().to_python(value)[:MAX_QUERY_LENGTH]


class SlugChoiceField(forms.MultipleChoiceField):
    """Several terms of a curated taxonomy, chosen by slug; unknown slugs get a plain message."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, model, unknown_message, **kwargs):
        self.model = model
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.error_messages["invalid_choice"] = unknown_message

    def clean(self, value):
        slugs = super().clean(value)
        return [term for term in self._terms if term.slug in slugs]

    def load(self) -> None:
        self._terms = cached_terms(self.model)
        self.choices = fragments.get_or_build(
            "term-choices",
            [self.model._meta.label_lower, get_language()],
            lambda: NormalizedChoices([(term.slug, translated_html(term, "name")) for term in self._terms]),
            ["taxonomy"],
            in_process=True,
        )


class NormalizedChoices(BaseChoiceIterator):
    """Choices already as Django's fields want them (value, label pairs), kept between requests.

    Setting a field's choices normalizes them, twice (field and widget): for the taxonomies' kept
    lists on every search that was more work than the rest of loading them. Django takes a
    BaseChoiceIterator as it is.
    """

    def __init__(self, choices: list[tuple]):
        self.choices = choices

    def __iter__(self):
        return iter(self.choices)


class PlaceField(forms.CharField):
    """A county or municipality given by its number ("03", "5001") or its slug ("oslo")."""

    def __init__(self, model, unknown_message, empty_label=ALL, **kwargs):
        self.model = model
        self.unknown_message = unknown_message
        self.empty_label = empty_label
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    widget = forms.Select

    def load(self) -> None:
        # The 2024 counties and municipalities change about once a decade; building the grouped list
        # of 357 options on every search cost more than the search's own filters. Renewed when a
        # county or municipality is saved (directory/apps.py).
        self._slug_by_number, options = fragments.get_or_build(
            "place-options", [self.model._meta.model_name], self._build_options, depends_on=["places"], in_process=True
        )
        # A callable: the 357 options are walked when the widget is rendered, not normalized on
        # every request that only reads a number from the URL.
        self.widget.choices = lambda: [("", self.empty_label), *options]

    def _build_options(self) -> tuple[dict[str, str], list]:
        is_municipality = self.model is Municipality
        places = list(self.model.objects.select_related("county") if is_municipality else self.model.objects.all())
        slug_by_number = {place.number: place.slug for place in places}
        if is_municipality:
            # Group the 357 municipalities by county so the list is easier to scan.
            by_county: dict[str, list] = {}
            for place in sorted(places, key=lambda place: (place.county.number, place.name)):
                by_county.setdefault(place.county.name, []).append((place.slug, place.name))
            return slug_by_number, list(by_county.items())
        return slug_by_number, [(place.slug, place.name) for place in places]

    def as_slug(self, raw: str) -> str:
        """The option value for what was typed, so a number in the URL still selects its option."""
        raw = raw.strip().lower()
        return self._slug_by_number.get(raw, raw)

    def clean(self, value):
        value = super().clean(value).strip().lower()
        if not value:
            return None
        counties, municipalities = cached_places()
        found = next(
            (place for place in (counties if self.model is County else municipalities) if place.slug == value), None
        )
        if found is None:
            raise forms.ValidationError(self.unknown_message, params={"value": value})
        return stored_place(self.model, found)


class DirectoryFilterForm(forms.Form):
    """Base for the list pages' GET forms: taxonomy fields load their choices once per request."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, SlugChoiceField | PlaceField):
                field.load()
        places = {name: field for name, field in self.fields.items() if isinstance(field, PlaceField)}
        if self.is_bound and any(self.data.get(name) for name in places):
            self.data = self.data.copy()
            for name, field in places.items():
                if self.data.get(name):
                    self.data[name] = field.as_slug(self.data[name])

    def values(self) -> dict:
        """The valid filters; invalid ones are left out (and their errors shown beside the field)."""
        self.is_valid()
        # An unticked box (False) is no filter.
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value is not False and value not in (None, "", [])
        }


class PublishedBodyField(forms.SlugField):
    """A published public body, given by its slug (the case list's «virksomhet»)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "error_messages", {"invalid": _("Skriv kortnavnet til virksomheten, for eksempel trondheim-kommune.")}
        )
        super().__init__(**kwargs)

    def clean(self, value):
        slug = super().clean(value)
        if not slug:
            return None
        body = PublicBody.objects.published().filter(slug=slug).first()
        if body is None:
            raise forms.ValidationError(
                _("Vi fant ingen offentlig virksomhet med kortnavnet «%(value)s»."), params={"value": slug}
            )
        return body
