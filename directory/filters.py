"""One filter definition per list (django-filter FilterSets), shared by the HTML list pages, the
downloads and the read API, so that a filter means the same everywhere.

A value the form cannot use is reported by its field and left out, while the valid ones still apply
(django-filter filters with the form's cleaned_data, which holds only the valid fields). The facet
and full-text filters are methods: they use the indexed facet arrays and the Norwegian search.
"""

import copy

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from directory.forms import (
    UNKNOWN_COLLABORATION_FORM,
    UNKNOWN_COUNTY,
    UNKNOWN_SERVICE_AREA,
    DirectoryFilterForm,
    FreeTextField,
    PlaceField,
    PublishedBodyField,
    SlugChoiceField,
)
from directory.models import (
    CollaborationForm,
    County,
    Municipality,
    OrganisationForm,
    PublicBody,
    ServiceArea,
    SocialEntrepreneur,
    TargetGroup,
)
from directory.search import NorwegianSortKey, TextSearch, search_entrepreneurs, text_search

UNKNOWN_TARGET_GROUP = _("Vi kjenner ikke målgruppen «%(value)s». Velg en målgruppe fra listen.")
UNKNOWN_MUNICIPALITY = _("Vi fant ikke kommunen «%(value)s». Bruk kommunenummer (for eksempel 5001) eller navnet.")


class CopiedShallowly:
    """django-filter deep-copies a FilterSet's filters for every FilterSet made, so on every request.
    Ours hold nothing that changes per request except `model` and `parent`, which it sets on each
    copy, so a shallow copy does: the deep one copied every label, model and message."""

    def __deepcopy__(self, memo):
        copied = copy.copy(self)
        # A filter with a `method` calls it through a helper that holds the filter; setting the
        # method again gives the copy its own (django-filter's Filter.method setter).
        copied.method = self.method
        return copied


# The OpenAPI document (drf-spectacular) describes each filter by these types.
@extend_schema_field({"type": "string"})
class TextFilter(CopiedShallowly, django_filters.Filter):
    field_class = FreeTextField


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class TermsFilter(CopiedShallowly, django_filters.Filter):
    """Several terms of a taxonomy by slug; the cleaned value is the list of terms."""

    field_class = SlugChoiceField


@extend_schema_field({"type": "string"})
class PlaceFilter(CopiedShallowly, django_filters.Filter):
    """A county or municipality by number or slug; the cleaned value is the place."""

    field_class = PlaceField


@extend_schema_field({"type": "string"})
class ChoiceFilter(CopiedShallowly, django_filters.Filter):
    """A plain choice, rendered as the page always did (django-filter's own adds an empty label)."""

    field_class = forms.ChoiceField


@extend_schema_field({"type": "string"})
class BodyFilter(CopiedShallowly, django_filters.Filter):
    field_class = PublishedBodyField


def service_area_filter(**kwargs) -> TermsFilter:
    return TermsFilter(model=ServiceArea, unknown_message=UNKNOWN_SERVICE_AREA, label=_("Tjenesteområde"), **kwargs)


def target_group_filter(**kwargs) -> TermsFilter:
    return TermsFilter(model=TargetGroup, unknown_message=UNKNOWN_TARGET_GROUP, label=_("Målgruppe"), **kwargs)


def collaboration_form_filter(**kwargs) -> TermsFilter:
    return TermsFilter(
        model=CollaborationForm, unknown_message=UNKNOWN_COLLABORATION_FORM, label=_("Samarbeidsform"), **kwargs
    )


def county_filter(**kwargs) -> PlaceFilter:
    return PlaceFilter(model=County, unknown_message=UNKNOWN_COUNTY, label=_("Fylke"), **kwargs)


def municipality_filter(**kwargs) -> PlaceFilter:
    return PlaceFilter(model=Municipality, unknown_message=UNKNOWN_MUNICIPALITY, label=_("Kommune"), **kwargs)


@extend_schema_field({"type": "string", "enum": ["ja"]})
class DeclarationFilter(CopiedShallowly, django_filters.Filter):
    """A ticked box ("ja", "on", "1"); unticked or absent is no filter."""

    field_class = forms.BooleanField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxInput)
        super().__init__(*args, **kwargs)


class DirectoryFilterSet(django_filters.FilterSet):
    """Base of the lists' FilterSets: their form loads taxonomy choices and reads place numbers."""

    class Meta:
        form = DirectoryFilterForm
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        # Always bound: with no parameters the list is still ordered (filter_queryset runs).
        super().__init__(QueryDict() if data is None else data, *args, **kwargs)

    @classmethod
    def _form_class(cls):
        # The form's fields depend only on the FilterSet's declared filters (their labels and
        # messages stay lazy, so translated at render), so the class is built once per FilterSet
        # class, not on every request as django-filter does (a class and all its fields each time).
        if "_built_form_class" not in cls.__dict__:
            # From copies: a filter keeps the field it built, and the class's filters are copied
            # for every FilterSet made.
            fields = {name: filter_.field for name, filter_ in copy.deepcopy(cls.base_filters).items()}
            cls._built_form_class = type(f"{cls.__name__}Form", (cls._meta.form,), fields)
        return cls._built_form_class

    def get_form_class(self):
        return self._form_class()

    def values(self) -> dict:
        """The valid filter values by parameter (what the page lists as active filters)."""
        return self.form.values()


class EntrepreneurFilterSet(DirectoryFilterSet):
    """/entreprenorer/ and the entrepreneur datasets: published entrepreneurs, searched and filtered."""

    class Sort:
        RELEVANCE = "relevans"
        NAME = "navn"

    q = TextFilter(
        label=_("Søk"),
        method="filter_text",
        help_text=_("For eksempel «demens», «fritidstilbud for barn» eller navnet på en virksomhet."),
    )
    omrade = service_area_filter(method="filter_service_areas")
    malgruppe = target_group_filter(method="filter_target_groups")
    fylke = county_filter(method="filter_county", help_text=_("Viser også dem som arbeider i hele landet."))
    kommune = municipality_filter(
        method="filter_municipality", help_text=_("Viser også dem som arbeider i hele fylket eller hele landet.")
    )
    samarbeidsform = collaboration_form_filter(method="filter_collaboration_forms")
    organisasjonsform = TermsFilter(
        model=OrganisationForm,
        unknown_message=_("Vi kjenner ikke organisasjonsformen «%(value)s». Velg fra listen."),
        label=_("Organisasjonsform"),
        field_name="organisation_form",
        lookup_expr="in",
    )
    # The two declarations that let an entrepreneur take a reserved contract; only confirmed ones count.
    arbeidsintegrerende = DeclarationFilter(
        label=_("Arbeidsintegrerende virksomhet, minst 30 prosent ansatte fra målgruppen (bekreftet)"),
        method="filter_work_integration",
        help_text=_("Kan delta i konkurranser som er reservert etter anskaffelsesforskriften §§ 8-8, 16-9 og 30-3."),
    )
    ideell = DeclarationFilter(
        label=_("Ideell organisasjon (bekreftet)"),
        method="filter_non_profit",
        help_text=_("Kan delta i konkurranser om helse- og sosialtjenester som er reservert for ideelle (§ 30-2a)."),
    )
    sortering = ChoiceFilter(
        label=_("Sorter etter"),
        method="filter_nothing",
        choices=[(Sort.RELEVANCE, _("Relevans")), (Sort.NAME, _("Navn"))],
        error_messages={"invalid_choice": _("Velg sortering etter relevans eller navn.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # With match_all=False, the text finds entrepreneurs with any of its words (see search_entrepreneurs).
        self.match_all = True
        self.text_searches: dict[bool, TextSearch] = {}  # by match_all

    @property
    def text(self) -> str:
        return self.values().get("q", "").strip()

    @property
    def sort(self) -> str:
        """The chosen order; by default relevance when searching for words, otherwise the name."""
        return self.values().get("sortering") or (self.Sort.RELEVANCE if self.text else self.Sort.NAME)

    def filter_text(self, queryset, name, value):
        text = value.strip()
        if not text:
            return queryset
        # Kept for walk_by_name, which asks for the same words another way.
        self.text_searches[self.match_all] = text_search(text, match_all=self.match_all)
        return search_entrepreneurs(queryset, text, search=self.text_searches[self.match_all])

    def filter_service_areas(self, queryset, name, value):
        return queryset.with_service_area(value)

    def filter_target_groups(self, queryset, name, value):
        return queryset.with_target_group(value)

    def filter_county(self, queryset, name, value):
        return queryset.covering_county(value)

    def filter_municipality(self, queryset, name, value):
        return queryset.covering_municipality(value)

    def filter_collaboration_forms(self, queryset, name, value):
        return queryset.with_collaboration_form(value)

    def filter_nothing(self, queryset, name, value):
        return queryset  # the order is applied in filter_queryset, after every filter

    def filter_work_integration(self, queryset, name, value):
        return queryset.confirmed_work_integration() if value else queryset

    def filter_non_profit(self, queryset, name, value):
        return queryset.confirmed_non_profit() if value else queryset

    def filter_queryset(self, queryset):
        queryset = self._filtered(queryset)
        if self.text and self.sort == self.Sort.RELEVANCE:
            return queryset.order_by("-rank", NorwegianSortKey("name"), "pk")
        return queryset.order_by(NorwegianSortKey("name"), "pk")

    def _filtered(self, queryset):
        # The words last. PostgreSQL tests a row's conditions in the order written when their costs
        # look alike, and only the words need the row's search document, unpacked from storage:
        # testing the place or area first unpacks only the documents of the rows those let through.
        cleaned = self.form.cleaned_data
        for name in sorted(cleaned, key=lambda name: name == "q"):
            if name == "q":
                self.without_text = queryset  # for walk_by_name
            queryset = self.filters[name].filter(queryset, cleaned[name])
        return queryset

    @property
    def has_filters(self) -> bool:
        """Something besides the words narrows the search (a place, an area …)."""
        return bool(set(self.values()) - {"q", "sortering"})

    def walk_by_name(self, *, any_word: bool = False):
        """The search's results by name, for walking the name index a page at a time.

        The same rows as `.qs` (or, with `any_word`, any_word()), but the words are asked in a
        subquery per row (EXISTS), which PostgreSQL keeps apart when told to (search.read_planned):
        the walk then reads the name, status and facets from the name index alone (it includes
        them) and opens the table row and its search document only for the rows the filters let
        through. Written as one condition, every row walked would be read from the table.
        Call it after `.qs` or any_word(): it reuses their filtered rows and expanded words.
        """
        matching = self.text_searches[not any_word].matching
        filtered = self.without_text
        if not self.has_filters:
            # Only the words: every row walked needs its document, so they are asked directly.
            return filtered.filter(search_vector=matching).order_by(NorwegianSortKey("name"), "pk")
        words = SocialEntrepreneur.objects.filter(pk=OuterRef("pk"), search_vector=matching)
        return filtered.filter(Exists(words)).order_by(NorwegianSortKey("name"), "pk")

    def any_word(self):
        """The same filters, but the text matches entrepreneurs with any of its words, best first."""
        self.errors  # noqa: B018 (validates the form once, as .qs does)
        self.match_all = False
        try:
            return self.filter_queryset(self.queryset.all())
        finally:
            self.match_all = True


class PublicBodyFilterSet(DirectoryFilterSet):
    """/virksomheter/ and the public-body datasets."""

    q = TextFilter(label=_("Søk etter navn"), method="filter_text")
    type = ChoiceFilter(
        label=_("Type virksomhet"),
        field_name="kind",
        choices=[("", _("Alle typer")), *PublicBody.Kind.choices],
        error_messages={"invalid_choice": _("Vi kjenner ikke typen «%(value)s». Velg fra listen.")},
    )
    fylke = county_filter(method="filter_county")
    omrade = service_area_filter(method="filter_service_areas")

    def filter_text(self, queryset, name, value):
        text = value.strip()
        if not text:
            return queryset
        return queryset.filter(Q(name__icontains=text) | Q(name__trigram_similar=text) | Q(former_name__icontains=text))

    def filter_county(self, queryset, name, value):
        return queryset.filter(Q(county=value) | Q(municipality__county=value))

    def filter_service_areas(self, queryset, name, value):
        return queryset.filter(service_areas__in=value).distinct()


class CaseFilterSet(DirectoryFilterSet):
    """/eksempler/ and the case datasets."""

    q = TextFilter(label=_("Søk i eksemplene"), method="filter_text")
    samarbeidsform = collaboration_form_filter(field_name="collaboration_forms", lookup_expr="in")
    omrade = service_area_filter(field_name="service_areas", lookup_expr="in")
    virksomhet = BodyFilter(label=_("Offentlig virksomhet"), field_name="public_bodies")

    def filter_text(self, queryset, name, value):
        text = value.strip()
        if not text:
            return queryset
        return queryset.filter(Q(title__icontains=text) | Q(summary__icontains=text) | Q(body__icontains=text))


class OfferFilterSet(DirectoryFilterSet):
    """The offers dataset (API and downloads): published offers of published entrepreneurs."""

    omrade = service_area_filter(field_name="service_areas", lookup_expr="in")
    malgruppe = target_group_filter(field_name="target_groups", lookup_expr="in")
    samarbeidsform = collaboration_form_filter(field_name="collaboration_forms", lookup_expr="in")
    entreprenor = django_filters.CharFilter(
        label=_("Sosial entreprenør"), field_name="entrepreneur__slug", max_length=200
    )
