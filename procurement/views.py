from typing import Any
from urllib.parse import urlencode

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from directory.models import County, SocialEntrepreneur
from procurement import rules
from procurement.forms import RegimeForm
from procurement.glossary import TERMS
from procurement.models import GuidanceItem, GuidancePage, GuidanceSection, Myth, ThresholdPeriod
from procurement.services import threshold_periods
from veier import fragments

FORM_FIELDS = (
    "verdi",
    "oppdragsgiver",
    "kategori",
    "dato",
    "fylke",
    "arsverdi",
    "antall_ar",
    "opsjonsar",
    "manedsverdi",
)

# The directory's filter for each kind of reservation (/entreprenorer/?arbeidsintegrerende=ja).
DIRECTORY_FILTER = {
    rules.ReservationKind.ARBEIDSINTEGRERENDE: "arbeidsintegrerende",
    rules.ReservationKind.IDEELLE: "ideell",
}

# The API's names for the six thresholds.
API_THRESHOLD_NAMES = {
    "lower_limit": "nedre_grense",
    "national_threshold": "nasjonal_terskelverdi",
    "eea_central_government": "eos_statlig",
    "eea_other_buyers": "eos_andre_oppdragsgivere",
    "eea_works": "eos_bygg_anlegg",
    "eea_special_services": "eos_helse_sosial",
}


def _assess(form: RegimeForm) -> rules.Assessment:
    data = form.cleaned_data
    return rules.assess(data["estimated_value"], data["oppdragsgiver"], data["kategori"], data["dato"], form.periods)


# Where the answer says when it was asked («Spurt»): the one part of the page that differs between
# two visitors asking the same on the same day, so the page is kept with this mark in its place and
# the time is written in as it is served. Escaping turns any "<" a visitor typed into "&lt;", so
# nothing typed can be mistaken for it.
ASKED_AT_MARK = SafeString("<!--spurt-->")


@require_GET
def guide(request: HttpRequest) -> HttpResponse:
    """The guide: the question as a GET form, and the answer on the same page, so it can be shared."""
    response = _guide_page(request)
    if not response.streaming:
        asked_at = escape(date_format(timezone.localtime(), "DATETIME_FORMAT"))
        response.content = response.content.replace(ASKED_AT_MARK.encode(), asked_at.encode())
    return response


# The answer depends on the periods, the guidance it links, the entrepreneurs who could take a
# reserved contract and the counties; and on today's date, which is the answer's date when none is given.
@fragments.cached_for_visitors("thresholds", "guidance", "directory", "places", by_date=True)
def _guide_page(request: HttpRequest) -> HttpResponse:
    periods = threshold_periods()
    today = timezone.localdate()
    bound = any(name in request.GET for name in FORM_FIELDS)
    form = RegimeForm(request.GET if bound else None, periods=periods, today=today, initial={"dato": today})
    context: dict[str, Any] = {"form": form, "guidance_pages": GuidancePage.objects.all()}
    if bound and form.is_valid():
        assessment = _assess(form)
        context.update(
            assessment=assessment,
            myths=Myth.objects.filter(number__in=assessment.myths),
            threshold_rows=_threshold_rows(assessment),
            warnings=_warnings(assessment),
            calculation=_calculation(form),
            share_query=_share_query(form),
            reservations=reservation_matches(assessment, form.cleaned_data.get("fylke")),
            asked_at=ASKED_AT_MARK,
        )
    return render(request, "procurement/guide.html", context)


def reservation_matches(assessment: rules.Assessment, county: County | None) -> list[dict[str, Any]]:
    """Each reservation the answer allows, with how many confirmed entrepreneurs could take it: in the
    buyer's county (those working there or nationwide) when one is given, else in all of Norway.
    One count query per reservation, at most two."""
    matches = []
    for reservation in assessment.reservations:
        entrepreneurs = SocialEntrepreneur.objects.published()
        if reservation.kind == rules.ReservationKind.ARBEIDSINTEGRERENDE:
            entrepreneurs = entrepreneurs.confirmed_work_integration()
        else:
            entrepreneurs = entrepreneurs.confirmed_non_profit()
        params = {DIRECTORY_FILTER[reservation.kind]: "ja"}
        if county is not None:
            entrepreneurs = entrepreneurs.covering_county(county)
            params["fylke"] = county.number
        matches.append(
            {
                "reservation": reservation,
                "count": entrepreneurs.count(),
                "county": county,
                "url": reverse("directory:entrepreneur-list") + "?" + urlencode(params),
            }
        )
    return matches


def _threshold_rows(assessment: rules.Assessment) -> list[dict[str, Any]]:
    """Every value of the period in force, marking the ones that decided this answer."""
    used = {threshold.field for threshold in assessment.thresholds_used}
    period = assessment.period
    return [
        {
            "label": rules.THRESHOLD_LABELS[name],
            "amount": period.value(name),
            "used": name in used,
            "uncertain": period.uncertain.get(name, ""),
        }
        for name in rules.THRESHOLD_FIELDS
    ]


def _warnings(assessment: rules.Assessment) -> list[str]:
    """What the reader must not miss: notes on the period and the uncertain values this answer used."""
    warnings = [str(note) for note in assessment.notes]
    period = assessment.period

    def explanation(name: str, text: str) -> str:
        # A curator's explanation not yet translated is bokmål on this page: mark it for screen readers.
        return format_html('<span lang="nb">{}</span>', text) if name in period.uncertain_in_bokmal else text

    for threshold in assessment.thresholds_used:
        if threshold.uncertain:
            warnings.append(
                format_html(
                    conditional_escape(_("Usikker verdi – {}: {}")),
                    threshold.label,
                    explanation(threshold.field, threshold.uncertain),
                )
            )
    if start_note := period.uncertain.get("valid_from"):
        warnings.append(
            format_html(
                conditional_escape(_("Usikker startdato for perioden: {}")), explanation("valid_from", start_note)
            )
        )
    return warnings


def _calculation(form: RegimeForm) -> dict[str, int] | None:
    data = form.cleaned_data
    if data.get("arsverdi") is not None:
        years, option_years = data["antall_ar"], data.get("opsjonsar") or 0
        return {
            "annual": data["arsverdi"],
            "years": years,
            "option_years": option_years,
            "total_years": years + option_years,
        }
    if data.get("manedsverdi") is not None:
        return {"monthly": data["manedsverdi"], "months": rules.INDEFINITE_CONTRACT_MONTHS}
    return None


def _share_query(form: RegimeForm) -> str:
    """The query string of this answer with the date written out, so the link gives the same answer later."""
    params = {name: form.data.get(name, "") for name in FORM_FIELDS if form.data.get(name)}
    params["dato"] = form.cleaned_data["dato"].isoformat()
    return urlencode(params)


# Which period is in force depends on the date.
@require_GET
@fragments.cached_for_visitors("thresholds", by_date=True)
def thresholds(request: HttpRequest) -> HttpResponse:
    """Every threshold period with its values, sources and when it was last checked."""
    periods = list(ThresholdPeriod.objects.prefetch_related("uncertainties").order_by("-valid_from"))
    plain = [period.as_thresholds() for period in periods]
    rows = [
        {
            "period": period,
            "thresholds": values,
            "valid_to": rules.period_end(plain, values),
            "uncertain": {note.field: note for note in period.uncertainties.all()},
        }
        for period, values in zip(periods, plain, strict=True)
    ]
    table = [
        {
            "label": rules.THRESHOLD_LABELS[name],
            "cells": [{"amount": row["thresholds"].value(name), "uncertain": name in row["uncertain"]} for row in rows],
        }
        for name in rules.THRESHOLD_FIELDS
    ]
    in_force = next((row for row in rows if row["period"].valid_from <= timezone.localdate()), None)
    euro = rules.EU_THRESHOLDS_2026_27
    euro_rows = [
        {
            "label": rules.THRESHOLD_LABELS[name],
            "euro": getattr(euro, attribute),
            "nok": in_force["thresholds"].value(name) if in_force else None,
            "uncertain": bool(in_force and name in in_force["uncertain"]),
        }
        for name, attribute in rules.EURO_BY_FIELD.items()
    ]
    context = {"rows": rows, "table": table, "in_force": in_force, "euro": euro, "euro_rows": euro_rows}
    return render(request, "procurement/thresholds.html", context)


@require_GET
def api_regime(request: HttpRequest) -> JsonResponse:
    """The guide's answer as JSON. Bad input: HTTP 400 naming each wrong parameter and why."""
    form = RegimeForm(request.GET, periods=threshold_periods())
    if not form.is_valid():
        errors = {
            name: [{"melding": str(error["message"]), "kode": error["code"]} for error in field_errors]
            for name, field_errors in form.errors.get_json_data().items()
        }
        return JsonResponse({"feil": errors}, status=400, json_dumps_params={"ensure_ascii": False})
    assessment = _assess(form)
    data = assessment_as_json(assessment)
    data["reservasjon"] = reservation_as_json(
        assessment, reservation_matches(assessment, form.cleaned_data.get("fylke")), request
    )
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def reservation_as_json(assessment: rules.Assessment, matches: list[dict[str, Any]], request: HttpRequest) -> dict:
    """Whether the competition can be reserved, which paragraphs allow it, and who could take it."""
    return {
        "kan_reserveres": bool(assessment.reservations),
        "paragrafer": sorted({paragraph for r in assessment.reservations for paragraph in r.paragraphs}),
        "ordninger": [
            {
                "id": match["reservation"].kind.value,
                "tittel": str(match["reservation"].title),
                "tekst": str(match["reservation"].text),
                "paragrafer": list(match["reservation"].paragraphs),
                "hjemmel": [{"tekst": str(ref.label), "lenke": ref.url} for ref in match["reservation"].refs],
                "bekreftede_entreprenorer": match["count"],
                "fylke": match["county"].number if match["county"] else None,
                "katalog": request.build_absolute_uri(match["url"]),
            }
            for match in matches
        ],
    }


def _point_json(point: rules.Point) -> dict[str, Any]:
    return {
        "id": point.key,
        "tittel": str(point.title),
        "tekst": str(point.text),
        "hjemmel": [{"tekst": str(ref.label), "lenke": ref.url} for ref in point.refs],
    }


def _threshold_json(threshold: rules.UsedThreshold) -> dict[str, Any]:
    return {
        "navn": API_THRESHOLD_NAMES[threshold.field],
        "tekst": str(threshold.label),
        "verdi": threshold.amount,
        "usikkerhet": threshold.uncertain or None,
    }


def assessment_as_json(assessment: rules.Assessment) -> dict[str, Any]:
    period = assessment.period
    return {
        "regime": assessment.regime.value,
        "regime_tekst": str(assessment.regime_label),
        "kunngjoring": assessment.announcement.value,
        "kunngjoring_tekst": str(assessment.announcement_label),
        "verdi": assessment.value,
        "oppdragsgiver": assessment.buyer.value,
        "kategori": assessment.category.value,
        "dato": assessment.on.isoformat(),
        "periode_fra": period.valid_from.isoformat(),
        "periode_til": assessment.period_end.isoformat() if assessment.period_end else None,
        "terskelverdier": {API_THRESHOLD_NAMES[name]: period.value(name) for name in rules.THRESHOLD_FIELDS},
        "terskelverdier_brukt": [_threshold_json(threshold) for threshold in assessment.thresholds_used],
        "neste_terskelverdi": _threshold_json(assessment.next_threshold) if assessment.next_threshold else None,
        "krav": [_point_json(point) for point in assessment.requirements],
        "muligheter": [_point_json(point) for point in assessment.options],
        "merknader": [str(note) for note in assessment.notes],
        "myter": list(assessment.myths),
        "usikkerheter": {API_THRESHOLD_NAMES.get(name, name): note for name, note in period.uncertain.items()},
        "kilder": period.sources,
        "periode_merknader": period.notes,
        "sist_kontrollert": period.last_verified.isoformat() if period.last_verified else None,
    }


@require_GET
def glossary(request: HttpRequest) -> HttpResponse:
    return render(request, "procurement/glossary.html", {"terms": TERMS})


@require_GET
def guidance_list(request: HttpRequest) -> HttpResponse:
    return render(request, "procurement/guidance_list.html", {"pages": GuidancePage.objects.all()})


@require_GET
def guidance_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(
        GuidancePage.objects.prefetch_related(
            Prefetch(
                "sections",
                queryset=GuidanceSection.objects.prefetch_related(
                    Prefetch("items", queryset=GuidanceItem.objects.order_by("order", "id"))
                ).order_by("order", "id"),
            )
        ),
        slug=slug,
    )
    month = timezone.localdate().month
    for section in page.sections.all():
        for item in section.items.all():
            item.is_now = item.covers_month(month)
    context = {
        "page": page,
        "myths": Myth.objects.all() if page.show_myths else [],
        "other_pages": GuidancePage.objects.exclude(pk=page.pk),
    }
    return render(request, "procurement/guidance_detail.html", context)
