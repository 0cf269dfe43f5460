"""Open data pages: the API's human page (/api/), the downloads (/data/) and the catalogue."""

import csv
import json

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from opendata.catalog import build_catalogue
from opendata.datasets import BY_SLUG, DATASETS, Dataset

LICENCE = {"navn": "Norsk lisens for offentlige data (NLOD) 2.0", "lenke": "https://data.norge.no/nlod/no/2.0"}
CSV_DELIMITERS = {"csv": ";", "komma.csv": ","}
CHUNK_SIZE = 1000
# Inside a CSV cell, the values of a list are separated by this.
LIST_SEPARATOR = " | "


def _base(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@require_GET
def api_page(request: HttpRequest) -> HttpResponse:
    base = _base(request)
    context = {
        "base": base,
        "datasets": DATASETS,
        "example_filter": f"{base}/api/v1/entreprenorer?omrade=eldreomsorg&kommune=5001",
        "example_detail": f"{base}/api/v1/entreprenorer/<kortnavn>",
        "example_search": f"{base}/api/v1/entreprenorer?q=demens&side=2",
    }
    return render(request, "opendata/api.html", context)


@require_GET
def data_page(request: HttpRequest) -> HttpResponse:
    rows = [{"dataset": dataset, "updated": dataset.last_modified()} for dataset in DATASETS]
    return render(request, "opendata/data.html", {"rows": rows, "licence": LICENCE})


def _cell(value) -> str:
    """One JSON value as the text of a CSV cell: places by number, terms by short name."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        for key in ("kortnavn", "nummer"):
            if key in value:
                return str(value[key])
        return ", ".join(_cell(item) for item in value.values() if item not in (None, "", []))
    if isinstance(value, list):
        return LIST_SEPARATOR.join(_cell(item) for item in value)
    return str(value)


def csv_row(data: dict, fields: list[str]) -> list[str]:
    return [_cell(data[name]) for name in fields]


class _Echo:
    """A file-like object whose write returns the text, for streaming csv.writer's lines."""

    def write(self, value: str) -> str:
        return value


def _serialized(dataset: Dataset, rows, request):
    context = {"request": request}
    for row in rows.iterator(chunk_size=CHUNK_SIZE):
        yield dataset.serializer(row, context=context).data


def _csv_lines(dataset: Dataset, rows, request, delimiter: str):
    writer = csv.writer(_Echo(), delimiter=delimiter, lineterminator="\r\n")
    names = [field.name for field in dataset.fields]
    # A byte order mark, so that spreadsheet programs read the file as UTF-8.
    yield "\ufeff" + writer.writerow(names)
    for data in _serialized(dataset, rows, request):
        yield writer.writerow(csv_row(data, names))


def _json_chunks(dataset: Dataset, rows, request, updated):
    head = {
        "datasett": dataset.slug,
        "tittel": str(dataset.title),
        "beskrivelse": str(dataset.description),
        "lisens": LICENCE,
        "dato": updated.isoformat() if updated else None,
        "felter": [
            {"navn": field.name, "type": str(field.kind), "betydning": str(field.meaning), "eksempel": field.example}
            for field in dataset.fields
        ],
    }
    yield json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "rader": ['
    first = True
    for data in _serialized(dataset, rows, request):
        yield ("\n" if first else ",\n") + json.dumps(data, ensure_ascii=False)
        first = False
    yield "\n]}\n"


@require_GET
def download(request: HttpRequest, slug: str, format: str) -> HttpResponse:
    dataset = BY_SLUG.get(slug)
    if dataset is None or format not in (*CSV_DELIMITERS, "json"):
        raise Http404(_("Vi har ikke dette datasettet."))
    rows, filterset = dataset.select(request.GET)
    if filterset is not None and not filterset.is_valid():
        # A download with a filter that did not apply would hold more than was asked for.
        errors = {
            name: [{"melding": error["message"], "kode": error["code"]} for error in field_errors]
            for name, field_errors in filterset.form.errors.get_json_data().items()
        }
        return JsonResponse({"feil": errors}, status=400, json_dumps_params={"ensure_ascii": False})
    updated = dataset.last_modified()
    if format == "json":
        response = StreamingHttpResponse(
            _json_chunks(dataset, rows, request, updated), content_type="application/json; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(
            _csv_lines(dataset, rows, request, CSV_DELIMITERS[format]), content_type="text/csv; charset=utf-8"
        )
    stamp = timezone.localdate(updated).isoformat() if updated else timezone.localdate().isoformat()
    filename = f"{slug}-{stamp}.{'komma.csv' if format == 'komma.csv' else format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{request.build_absolute_uri(reverse("opendata:data"))}#{slug}>; rel="describedby", ' + (
        f'<{LICENCE["lenke"]}>; rel="license"'
    )
    if updated:
        response["Last-Modified"] = http_date(updated.timestamp())
    return response


@require_GET
def catalogue_turtle(request: HttpRequest) -> HttpResponse:
    graph = build_catalogue(_base(request))
    return HttpResponse(graph.serialize(format="turtle"), content_type="text/turtle; charset=utf-8")


@require_GET
def catalogue_jsonld(request: HttpRequest) -> HttpResponse:
    graph = build_catalogue(_base(request))
    return HttpResponse(graph.serialize(format="json-ld", indent=1), content_type="application/ld+json; charset=utf-8")
