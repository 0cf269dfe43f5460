"""Public directory pages: start page, entrepreneurs, public bodies and collaboration cases."""

import functools
from collections import OrderedDict
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connection
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from agreements import services as agreements_services
from directory import contact as portal_contact
from directory.filters import CaseFilterSet, EntrepreneurFilterSet, PublicBodyFilterSet
from directory.forms import Place, cached_places, cached_terms
from directory.models import (
    Case,
    CollaborationForm,
    ContactPerson,
    Offer,
    OrganisationForm,
    PublicationStatus,
    PublicBody,
    ServiceArea,
    SocialEntrepreneur,
    TargetGroup,
)
from directory.search import NorwegianSortKey, first_matches, planned_values, query_terms, search_entrepreneurs
from matchmaking.models import Need
from opendata.linked_data import entrepreneur_json_ld, public_body_json_ld
from veier import fragments
from veier.content_language import translated_html

PAGE_SIZE = 20
PAGE_PARAMETER = "side"
# Up to this many matches of a word search are ranked by relevance; more are listed by name (see
# page_of_entrepreneurs). Each match counted costs a row read and each ranked one a document opened.
RESULT_CAP = 500


class CappedPaginator(Paginator):
    """Counts at most `cap` results: counting every match of a common word costs more than the
    search itself, and nobody pages past the first few hundred. `is_capped` says the count was cut."""

    def __init__(self, items, per_page: int, cap: int):
        super().__init__(items, per_page)
        self.cap = cap

    @cached_property
    def count(self) -> int:
        # Without ordering and annotations (the rank), the database can stop at cap + 1 matches.
        return self.object_list.order_by().values("pk")[: self.cap + 1].count()

    @property
    def is_capped(self) -> bool:
        return self.count > self.cap


def paginate(request: HttpRequest, items, per_page: int = PAGE_SIZE, cap: int | None = None) -> Page:
    """The requested page; a page number that is not a number or out of range gives the nearest page."""
    paginator = CappedPaginator(items, per_page, cap) if cap else Paginator(items, per_page)
    return paginator.get_page(request.GET.get(PAGE_PARAMETER))


def active_filters(request: HttpRequest, form) -> list[dict]:
    """Each active filter value, labelled, with a link that removes just that value (and the page)."""
    chips = []
    for name, value in form.values().items():
        if name in ("q", "sortering"):
            continue
        for item in value if isinstance(value, list) else [value]:
            keys = _keys_of(item)
            # A ticked box (True) is removed whatever it was written as ("on", "ja", "1").
            remaining = [
                (param, raw)
                for param, raws in request.GET.lists()
                for raw in raws
                if param != PAGE_PARAMETER and not (param == name and (item is True or raw.strip().lower() in keys))
            ]
            chips.append(
                {
                    "field": form.fields[name].label,
                    "label": _label_of(form.fields[name], item),
                    "remove_url": "?" + urlencode(remaining),
                }
            )
    return chips


def _keys_of(item) -> set[str]:
    """The ways a filter value can be written in the URL: slug, number or the value itself."""
    keys = {str(getattr(item, attribute)).lower() for attribute in ("slug", "number") if getattr(item, attribute, None)}
    return keys or {str(item).lower()}


def _label_of(field, item) -> str:
    if item is True:
        return _("ja")
    if hasattr(item, "name"):
        return translated_html(item, "name")
    return str(dict(getattr(field, "choices", [])).get(item, item))


def query_without_page(request: HttpRequest) -> str:
    """The current query string without the page number, for pagination links."""
    params = [(param, value) for param, values in request.GET.lists() for value in values if param != PAGE_PARAMETER]
    return urlencode(params)


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    # The counts change only when the directory does: computed once per language and change.
    context = fragments.get_or_build("home", [get_language()], _home_context, depends_on=["directory", "taxonomy"])
    return render(request, "directory/home.html", context)


def _home_context() -> dict:
    published = SocialEntrepreneur.objects.published()
    return {
        "entrepreneur_count": published.count(),
        "body_count": PublicBody.objects.published().count(),
        "case_count": Case.objects.published().count(),
        # GROUP BY queries ignore Meta.ordering, so the curated order is given here.
        "service_areas": list(
            ServiceArea.objects.annotate(
                entrepreneur_count=Count("entrepreneurs", filter=Q(entrepreneurs__status="published"))
            )
            .filter(entrepreneur_count__gt=0)
            .order_by("position", "name")
        ),
        "latest_cases": list(Case.objects.published().order_by("-source_chapter", "title")[:3]),
    }


def find_entrepreneurs(data) -> EntrepreneurFilterSet:
    """The entrepreneur FilterSet over published entrepreneurs for these GET parameters."""
    return EntrepreneurFilterSet(data, queryset=SocialEntrepreneur.objects.published())


# A search with more matches than RESULT_CAP shows them by name, walking the name index, on its
# first pages; further pages sort every match by name (the walk would test ever more rows).
NAME_WALK_PAGES = 3


def page_of_entrepreneurs(filterset: EntrepreneurFilterSet, page_number, *, any_word: bool = False) -> Page:
    """The requested page of the filterset's results, with the entrepreneurs ready to list.

    A word search first fetches the ids of up to RESULT_CAP + 1 matches, in no order, through the
    indexes (see planned_search), a part of the table at a time (search.first_matches). Up to
    RESULT_CAP of them are then ranked by relevance, looking up only those rows. A search that
    finds more, a common word in a large directory, is listed by name instead and says so
    (`page.by_name_because_broad`): ranking it would open the document of every match, some twenty
    thousand at 100 000 entrepreneurs, and among so many matches of the same word the order says
    little. `any_word` widens the text to entrepreneurs with any of its
    words (see EntrepreneurFilterSet.any_word).

    The ordering queries select only ids: sorting thousands of matches carrying every column (the
    search document, long texts) costs more than ranking them. The page's twenty rows are loaded
    afterwards with what the list shows.
    """
    results = filterset.any_word() if any_word else filterset.qs
    by_name_because_broad = False
    if filterset.text:
        found = first_matches(results, RESULT_CAP + 1, filtered=filterset.has_filters)
        if len(found) <= RESULT_CAP:
            ranked = (
                SocialEntrepreneur.objects.published()
                .filter(pk__in=found)
                .annotate(rank=results.query.annotations["rank"])
            )
            ordered = planned_values(ranked.order_by(*results.query.order_by).values_list("pk", flat=True))
            paginator = CappedPaginator(ordered, PAGE_SIZE, RESULT_CAP)
            paginator.count = len(ordered)
            page = paginator.get_page(page_number)
        else:
            by_name_because_broad = filterset.sort == filterset.Sort.RELEVANCE
            paginator = CappedPaginator([], PAGE_SIZE, RESULT_CAP)
            paginator.count = len(found)
            number = page_number_within(paginator, page_number)
            walk = number <= NAME_WALK_PAGES
            if walk:
                by_name = filterset.walk_by_name(any_word=any_word)
            else:
                by_name = results.order_by(NorwegianSortKey("name"), "pk")
            bottom = (number - 1) * paginator.per_page
            top = min(bottom + paginator.per_page, paginator.count)
            ids = planned_values(by_name.values_list("pk", flat=True)[bottom:top], in_name_order=walk)
            page = Page(ids, number, paginator)
    else:
        page = CappedPaginator(results.values_list("pk", flat=True), PAGE_SIZE, RESULT_CAP).get_page(page_number)
    page.by_name_because_broad = by_name_because_broad
    page.object_list = entrepreneurs_to_list(list(page.object_list))
    return page


# What a result in the list shows (templates/directory/entrepreneur_list.html).
LISTED_FIELDS = ["name", "slug", "summary", "nationwide", "organisation_form", "facet_service_areas", "facet_coverage"]


def entrepreneurs_to_list(ids: list[int]) -> list[SocialEntrepreneur]:
    """These entrepreneurs, in this order, with what the result list shows: their service areas
    (`listed_service_areas`), counties and municipalities (`listed_counties`, `listed_municipalities`).

    Those come from the facet columns the search trigger keeps (ids and coverage codes) and the
    cached taxonomies and places, not from three more queries and a queryset per row. An
    entrepreneur unpublished or deleted since its id was found is left out, not an error.
    """
    loaded = _listed_entrepreneurs(ids)
    # The organisation form from the cached taxonomy, as the service areas.
    organisation_forms = {form.pk: form for form in cached_terms(OrganisationForm)}
    areas = cached_terms(ServiceArea)
    places_by_code = _places_by_coverage_code()
    for entrepreneur in loaded.values():
        if entrepreneur.organisation_form_id in organisation_forms:
            entrepreneur.organisation_form = organisation_forms[entrepreneur.organisation_form_id]
        own_areas = set(entrepreneur.facet_service_areas)
        entrepreneur.listed_service_areas = [area for area in areas if area.pk in own_areas]
        covered = sorted(places_by_code[code] for code in entrepreneur.facet_coverage if code in places_by_code)
        entrepreneur.listed_counties = [place for kind, _position, place in covered if kind == 0]
        entrepreneur.listed_municipalities = [place for kind, _position, place in covered if kind == 1]
    return [loaded[pk] for pk in ids if pk in loaded]


@functools.cache
def _listed_statement() -> tuple[str, list[str]]:
    """The query for the listed fields of published entrepreneurs by id, and its columns' names.

    Built once from the model's metadata: the same query through the ORM compiled it on every
    search (in_bulk, .only()), which cost more than running it.
    """
    fields = [
        field for field in SocialEntrepreneur._meta.concrete_fields if field.primary_key or field.name in LISTED_FIELDS
    ]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    table = quote(SocialEntrepreneur._meta.db_table)
    sql = f"SELECT {columns} FROM {table} WHERE {quote('status')} = %s AND {quote('id')} = ANY(%s)"  # noqa: S608 (names from the model)
    return sql, [field.attname for field in fields]


def _listed_entrepreneurs(ids: list[int]) -> dict[int, SocialEntrepreneur]:
    """The published ones of these entrepreneurs by id, with only LISTED_FIELDS loaded (as .only())."""
    if not ids:
        return {}
    sql, attnames = _listed_statement()
    with connection.cursor() as cursor:
        cursor.execute(sql, [PublicationStatus.PUBLISHED, ids])
        rows = cursor.fetchall()
    return {row[0]: SocialEntrepreneur.from_db(connection.alias, attnames, row) for row in rows}


def _places_by_coverage_code() -> dict[str, tuple[int, int, Place]]:
    """Coverage codes ("c:3", "m:301") to (kind, position in its list, place), so that each kind is
    listed in its own order; kept in the process with the places."""

    def build():
        counties, municipalities = cached_places()
        by_code = {f"c:{place.id}": (0, position, place) for position, place in enumerate(counties)}
        return by_code | {f"m:{place.id}": (1, position, place) for position, place in enumerate(municipalities)}

    return fragments.get_or_build("places-by-coverage-code", [], build, ["places"], in_process=True)


def page_number_within(paginator: Paginator, page_number) -> int:
    """The page number Paginator.get_page would show: the first for junk, the last if past the end."""
    try:
        return paginator.validate_number(page_number)
    except PageNotAnInteger:
        return 1
    except EmptyPage:
        return paginator.num_pages


def capped_search_count(queryset) -> int:
    """How many entrepreneurs the search finds, counted up to RESULT_CAP + 1, through the indexes."""
    return len(first_matches(queryset, RESULT_CAP + 1))


# Query words shorter than this suggest no category ("og", "for", "rus" is the shortest useful word).
MIN_SUGGESTION_WORD = 3
SUGGESTIONS_PER_KIND = 5


def suggested_categories(text: str) -> list[dict]:
    """Service areas, target groups and forms of collaboration whose names contain a word of the
    query or a word spelled almost the same, with the number of published entrepreneurs in each.

    Shown when a search finds nothing: «omsorg» is inside «Eldreomsorg», which full-text search
    (prefix matching) cannot see. One query per kind of category.
    """
    words = [word for word in query_terms(text) if len(word) >= MIN_SUGGESTION_WORD]
    if not words:
        return []
    match = Q()
    for word in words:
        match |= Q(name__icontains=word) | Q(name__trigram_word_similar=word)
    kinds = [(ServiceArea, "omrade"), (TargetGroup, "malgruppe"), (CollaborationForm, "samarbeidsform")]
    suggestions = []
    for model, parameter in kinds:
        if model is CollaborationForm:
            count = Count(
                "offers__entrepreneur",
                distinct=True,
                filter=Q(offers__status=Offer.Status.PUBLISHED, offers__entrepreneur__status="published"),
            )
        else:
            count = Count("entrepreneurs", distinct=True, filter=Q(entrepreneurs__status="published"))
        terms = (
            model.objects.filter(match)
            .annotate(entrepreneur_count=count)
            .filter(entrepreneur_count__gt=0)
            .order_by("position", "name")[:SUGGESTIONS_PER_KIND]
        )
        for term in terms:
            suggestions.append(
                {
                    "kind": model._meta.verbose_name,
                    "name": term.name,
                    "count": term.entrepreneur_count,
                    "url": "?" + urlencode({parameter: term.slug}),
                }
            )
    return suggestions


@require_GET
@fragments.cached_for_visitors("directory", "taxonomy", "places")
def entrepreneur_list(request: HttpRequest) -> HttpResponse:
    filterset = find_entrepreneurs(request.GET)
    form = filterset.form
    text, sort = filterset.text, filterset.sort
    page = page_of_entrepreneurs(filterset, request.GET.get(PAGE_PARAMETER))
    # When no entrepreneur has all the words, show those that have some of them, and say so.
    partial_match = False
    if page.paginator.count == 0 and text and len(query_terms(text)) > 1:
        page = page_of_entrepreneurs(filterset, request.GET.get(PAGE_PARAMETER), any_word=True)
        partial_match = True
    filters = active_filters(request, form)

    # An empty result says what to try: the same words without the filters, if that finds something.
    without_filters_count = None
    if page.paginator.count == 0 and text and filters:
        without_filters_count = capped_search_count(search_entrepreneurs(SocialEntrepreneur.objects.published(), text))
    suggestions = suggested_categories(text) if page.paginator.count == 0 and text else []

    context = {
        "form": form,
        "page": page,
        "query": text,
        "sort": sort,
        "partial_match": partial_match and page.paginator.count > 0,
        "active_filters": filters,
        "query_without_page": query_without_page(request),
        "without_filters_count": without_filters_count,
        "result_cap": RESULT_CAP,
        "without_filters_url": "?" + urlencode({"q": text}),
        "suggestions": suggestions,
    }
    return render(request, "directory/entrepreneur_list.html", context)


def get_entrepreneur_for_user(user, slug: str) -> SocialEntrepreneur:
    """The entrepreneur with this slug if the user may see it: published ones, or any for curators who may
    view entrepreneurs."""
    from accounts.access import may_view

    visible = SocialEntrepreneur.objects.all() if may_view(user, SocialEntrepreneur) else None
    entrepreneurs = visible if visible is not None else SocialEntrepreneur.objects.published()
    return get_object_or_404(entrepreneurs.select_related("organisation_form"), slug=slug)


# What an anonymous visitor sees of a profile: the directory, whether anyone can be reached
# (memberships) and the people reached through agreements.
PROFILE_DATA = ("directory", "taxonomy", "places", "members", "plans")


@require_GET
@fragments.cached_for_visitors(*PROFILE_DATA)
def entrepreneur_detail(request: HttpRequest, slug: str) -> HttpResponse:
    entrepreneur = get_entrepreneur_for_user(request.user, slug)
    offers = (
        entrepreneur.offers.filter(status=Offer.Status.PUBLISHED)
        .prefetch_related("service_areas", "target_groups", "collaboration_forms")
        .order_by("title")
    )
    counties = list(entrepreneur.counties.all())
    municipalities = list(entrepreneur.municipalities.select_related("county"))
    context = {
        "entrepreneur": entrepreneur,
        "offers": offers,
        "service_areas": entrepreneur.service_areas.all(),
        "target_groups": entrepreneur.target_groups.all(),
        "counties": counties,
        "municipalities": municipalities,
        "cases": entrepreneur.cases.published().order_by("title"),
        # Whether anyone can be reached through the portal; no member's address is shown.
        "reachable": portal_contact.has_members(entrepreneur),
        "watching": portal_contact.is_watching(request.user, entrepreneur),
        "organisation": entrepreneur,
        "is_entrepreneur": True,
        "watch_url": reverse("directory:entrepreneur-watch", args=[entrepreneur.slug]),
        "reach": agreements_services.reach_of(entrepreneur),
        "json_ld": entrepreneur_json_ld(
            entrepreneur, offers, counties, municipalities, request.build_absolute_uri(entrepreneur.get_absolute_url())
        ),
    }
    return render(request, "directory/entrepreneur_detail.html", context)


@require_GET
@fragments.cached_for_visitors("directory", "taxonomy", "places")
def body_list(request: HttpRequest) -> HttpResponse:
    filterset = PublicBodyFilterSet(request.GET, queryset=PublicBody.objects.published())
    form = filterset.form
    bodies = filterset.qs
    bodies = (
        bodies.select_related("municipality__county", "county", "parent")
        .annotate(
            public_contact_count=Count("contact_persons", filter=Q(contact_persons__consent_public=True), distinct=True)
        )
        .order_by(NorwegianSortKey("name"), "pk")
    )
    context = {
        "form": form,
        "page": paginate(request, bodies),
        "active_filters": active_filters(request, form),
        "query_without_page": query_without_page(request),
    }
    return render(request, "directory/body_list.html", context)


def contacts_by_service_area(contacts) -> "OrderedDict[str, list[ContactPerson]]":
    """Group contact persons under each of their service areas; those with none under «Andre»."""
    groups: OrderedDict[str, list[ContactPerson]] = OrderedDict()
    for contact in contacts:
        areas = list(contact.service_areas.all()) or [None]
        for area in areas:
            groups.setdefault(area.name if area else _("Andre henvendelser"), []).append(contact)
    return groups


# A body's page also lists its open needs and its plans with their regimes, which depend on the date.
@require_GET
@fragments.cached_for_visitors(*PROFILE_DATA, "needs", "thresholds", by_date=True)
def body_detail(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(
        PublicBody.objects.published().select_related("municipality__county", "county", "parent"), slug=slug
    )
    # Only contact persons who agreed to be shown are public (DESIGN.md, roles).
    contacts = (
        body.contact_persons.filter(consent_public=True)
        .prefetch_related(Prefetch("service_areas", queryset=ServiceArea.objects.order_by("position", "name")))
        .order_by("name")
    )
    context = {
        "body": body,
        "contact_groups": contacts_by_service_area(contacts),
        "children": body.children.published().order_by("name"),
        "service_areas": body.service_areas.all(),
        "cases": body.cases.published().order_by("title"),
        "needs": Need.objects.visible_in_lists(request.user).of_body(body).order_by("-published_at", "-pk"),
        "reachable": portal_contact.has_members(body),
        "watching": portal_contact.is_watching(request.user, body),
        "organisation": body,
        "is_entrepreneur": False,
        "watch_url": reverse("directory:body-watch", args=[body.slug]),
        **agreements_services.body_plans_context(body, request.user),
        "json_ld": public_body_json_ld(body, request.build_absolute_uri(body.get_absolute_url())),
    }
    return render(request, "directory/body_detail.html", context)


@require_GET
@fragments.cached_for_visitors("directory", "taxonomy", "places")
def case_list(request: HttpRequest) -> HttpResponse:
    filterset = CaseFilterSet(request.GET, queryset=Case.objects.published())
    form = filterset.form
    cases = filterset.qs
    cases = (
        Case.objects.filter(pk__in=cases.values("pk"))
        .prefetch_related(
            Prefetch("collaboration_forms", queryset=CollaborationForm.objects.order_by("position")),
            Prefetch("public_bodies", queryset=PublicBody.objects.order_by("name")),
            Prefetch("entrepreneurs", queryset=SocialEntrepreneur.objects.published().order_by("name")),
        )
        .order_by("source_chapter", NorwegianSortKey("title"), "pk")
    )
    context = {
        "form": form,
        "page": paginate(request, cases),
        "active_filters": active_filters(request, form),
        "query_without_page": query_without_page(request),
    }
    return render(request, "directory/case_list.html", context)


@require_GET
@fragments.cached_for_visitors("directory", "taxonomy")
def case_detail(request: HttpRequest, slug: str) -> HttpResponse:
    case = get_object_or_404(Case.objects.published(), slug=slug)
    context = {
        "case": case,
        "public_bodies": case.public_bodies.published().order_by("name"),
        "entrepreneurs": case.entrepreneurs.published().order_by("name"),
        "collaboration_forms": case.collaboration_forms.all(),
        "service_areas": case.service_areas.all(),
    }
    return render(request, "directory/case_detail.html", context)
