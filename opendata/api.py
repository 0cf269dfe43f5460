"""The read API under /api/v1/ (Django REST Framework; OpenAPI 3.1 from drf-spectacular).

Each endpoint lists one open dataset (opendata/datasets.py) with the same FilterSet as the HTML
page, in pages with `neste` links and a Link header. Answers carry ETag and Last-Modified and
become 304 when the client has them already; each client (IP address) gets API_THROTTLE_RATE
requests, then 429 with Retry-After. Bad parameters get 400 naming each parameter, in the shape
/api/v1/anskaffelser/regime uses: {"feil": {"<parameter>": [{"melding": …, "kode": …}]}}.
"""

import hashlib
from datetime import datetime, time

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.http import http_date, quote_etag
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, generics, pagination, throttling
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import exception_handler as drf_exception_handler

from opendata import serializers
from opendata.datasets import BY_SLUG, entrepreneur_detail_rows

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


class ClientRateThrottle(throttling.SimpleRateThrottle):
    """A budget of requests per client, counted in the cache (shared by the app servers when
    CACHE_URL points at Redis or the database cache)."""

    scope = "api"

    def get_rate(self):
        return settings.API_THROTTLE_RATE

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.ValidationError) and isinstance(exc.detail, dict):
        response.data = {
            "feil": {
                name: [{"melding": str(error), "kode": getattr(error, "code", "invalid")} for error in errors]
                for name, errors in exc.detail.items()
            }
        }
    return response


class PagePagination(pagination.PageNumberPagination):
    page_query_param = "side"
    page_size = PAGE_SIZE
    page_size_query_param = "per_side"
    max_page_size = MAX_PAGE_SIZE
    page_query_description = _("Sidenummeret, fra 1.")
    page_size_query_description = _("Antall per side (høyst 500).")

    def paginate_queryset(self, queryset, request, view=None):
        for param in (self.page_query_param, self.page_size_query_param):
            raw = request.query_params.get(param)
            if raw is not None and not (raw.isdigit() and int(raw) >= 1):
                raise exceptions.ValidationError(
                    {param: [exceptions.ErrorDetail(str(_("Skriv et helt tall fra 1 og oppover.")), code="invalid")]}
                )
        # Page through ids only, then load the page's rows with what they show: sorting every
        # match carrying every column (long texts, the search document) cost more than the search.
        ids = super().paginate_queryset(queryset.values_list("pk", flat=True), request, view)
        loaded = view.dataset.base().in_bulk(ids)
        return [loaded[pk] for pk in ids]

    def get_paginated_response(self, data):
        response = Response(
            {
                "antall": self.page.paginator.count,
                "neste": self.get_next_link(),
                "forrige": self.get_previous_link(),
                "resultater": data,
            }
        )
        links = [
            f'<{url}>; rel="{rel}"'
            for url, rel in (
                (self.get_next_link(), "next"),
                (self.get_previous_link(), "prev"),
                (replace_query_param(self.request.build_absolute_uri(), self.page_query_param, 1), "first"),
            )
            if url
        ]
        response["Link"] = ", ".join(links)
        return response

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["antall", "neste", "forrige", "resultater"],
            "properties": {
                "antall": {"type": "integer", "example": 123},
                "neste": {"type": ["string", "null"], "format": "uri"},
                "forrige": {"type": ["string", "null"], "format": "uri"},
                "resultater": schema,
            },
        }


class OpenDataView(generics.GenericAPIView):
    """Shared by every endpoint: the dataset's rows, its language, and conditional GET."""

    dataset_slug = ""
    last_modified = None
    http_method_names = ["get", "head", "options"]
    throttle_classes = [ClientRateThrottle]

    @property
    def dataset(self):
        return BY_SLUG[self.dataset_slug]

    def initial(self, request, *args, **kwargs):
        # Programs say which language they want with Accept-Language (nb, nn or en); pages use the
        # language cookie. Text fields follow the active language.
        supported = {code for code, _name in settings.LANGUAGES}
        for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
            code = {"no": "nb", "nb-no": "nb", "nn-no": "nn"}.get(code, code.split("-")[0])
            if code in supported:
                translation.activate(code)
                request.LANGUAGE_CODE = code
                break
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            last_modified = self.last_modified
            response.add_post_render_callback(lambda rendered: conditional(request, rendered, last_modified))
        response.headers.setdefault("Content-Language", translation.get_language())
        response["Vary"] = "Accept-Language, Cookie"
        return response


def _newest(rows):
    """When the newest of these rows changed (threshold periods: when they were last checked)."""
    stamps = [getattr(row, "updated", None) for row in rows]
    if not any(stamps):
        checked = [row.last_verified for row in rows if getattr(row, "last_verified", None)]
        stamps = [timezone.make_aware(datetime.combine(max(checked), time()))] if checked else []
    stamps = [stamp for stamp in stamps if stamp]
    return max(stamps) if stamps else None


def conditional(request, response, last_modified):
    """ETag from the body (strong and always right), Last-Modified from the data; 304 when unchanged."""
    from django.utils.cache import get_conditional_response

    etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
    response["ETag"] = etag
    timestamp = int(last_modified.timestamp()) if last_modified else None
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    conditional_response = get_conditional_response(request, etag=etag, last_modified=timestamp, response=response)
    if conditional_response is not response:
        conditional_response["ETag"] = etag
        conditional_response["Vary"] = response["Vary"]
    return conditional_response


class DatasetListView(OpenDataView, generics.ListAPIView):
    pagination_class = PagePagination
    filter_backends = [DjangoFilterBackend]

    def get_queryset(self):
        return self.dataset.base()

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        # Last-Modified: the newest change among the rows of this answer (no extra query). The
        # ETag, a hash of the body, also changes when a row leaves the page.
        self.last_modified = _newest(page or [])
        return page

    @property
    def filterset_class(self):
        return self.dataset.filterset

    def filter_queryset(self, queryset):
        # Unlike the pages, which show a bad value's message and ignore it, a program gets 400
        # naming the parameter. (DjangoFilterBackend stays listed so the OpenAPI document shows the filters.)
        rows, filterset = self.dataset.select(self.request.query_params)
        if filterset is not None and not filterset.is_valid():
            raise translate_validation(filterset.errors)
        return rows


def _list_view(slug: str, serializer, summary: str, description: str = ""):
    view = type(
        f"{slug.title()}ListView",
        (DatasetListView,),
        {"dataset_slug": slug, "serializer_class": serializer},
    )
    return extend_schema_view(get=extend_schema(summary=summary, description=description, tags=[slug]))(view)


EntrepreneurList = _list_view(
    "entreprenorer",
    serializers.EntrepreneurSerializer,
    "Sosiale entreprenører",
    "Publiserte sosiale entreprenører. Filtrene er de samme som på /entreprenorer/: `q` (fritekst, rangert), "
    "`omrade`, `malgruppe`, `samarbeidsform`, `organisasjonsform` (kortnavn, kan gjentas), `fylke`, `kommune` "
    "(nummer eller kortnavn) og `sortering` (relevans eller navn).",
)
OfferList = _list_view("tilbud", serializers.OfferSerializer, "Tilbud fra sosiale entreprenører")
PublicBodyList = _list_view(
    "virksomheter",
    serializers.PublicBodySerializer,
    "Offentlige virksomheter",
    "Med kontaktpersonene som har samtykket til å vises offentlig.",
)
CaseList = _list_view("eksempler", serializers.CaseSerializer, "Samarbeidseksempler")
NeedList = _list_view("behov", serializers.NeedSerializer, "Åpne behov", "Bare behov som er åpne for alle.")
ThresholdList = _list_view("terskelverdier", serializers.ThresholdPeriodSerializer, "Terskelverdier")


@extend_schema(
    summary="Én sosial entreprenør, med tilbud og samarbeidseksempler",
    tags=["entreprenorer"],
    parameters=[OpenApiParameter("slug", OpenApiTypes.STR, OpenApiParameter.PATH, description="Kortnavnet.")],
)
class EntrepreneurDetail(OpenDataView, generics.RetrieveAPIView):
    dataset_slug = "entreprenorer"
    serializer_class = serializers.EntrepreneurDetailSerializer
    lookup_field = "slug"

    def get_object(self):
        entrepreneur = get_object_or_404(entrepreneur_detail_rows(), slug=self.kwargs["slug"])
        self.last_modified = _newest([entrepreneur, *entrepreneur.published_offers])
        return entrepreneur
