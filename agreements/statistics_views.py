"""The public statistics page and its CSV download."""

import csv

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from agreements import statistics
from agreements.rules import bar_chart


@require_GET
def statistics_page(request: HttpRequest) -> HttpResponse:
    figures = statistics.compute()
    form_bars, form_height = bar_chart(figures.by_form)
    band_bars, band_height = bar_chart(figures.by_band)
    names = list(statistics.MEASURES)
    context = {
        "figures": figures,
        "measures": list(statistics.MEASURES.values()),
        "totals": [(label, figures.totals[name]) for name, label in statistics.MEASURES.items()],
        "by_county": [(group, [counts[name] for name in names]) for group, counts in figures.by_county],
        "by_area": [(group, [counts[name] for name in names]) for group, counts in figures.by_area],
        "charts": [
            {"id": "samarbeidsform", "bars": form_bars, "height": form_height, "kind": "form"},
            {"id": "verdi", "bars": band_bars, "height": band_height, "kind": "band"},
        ],
    }
    return render(request, "agreements/statistics.html", context)


@require_GET
def statistics_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="veier-til-samarbeid-tall.csv"'
    writer = csv.writer(response)
    writer.writerows(statistics.csv_rows(statistics.compute()))
    return response
