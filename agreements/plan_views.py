"""Public bodies' current agreements and planned procurements (booklet ch. 4: "map the
municipality"): the public list at /planer/, and the pages where a body's members keep them.

Access goes through agreements/access.py (get_body_for_planner)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from agreements import services
from agreements.access import get_body_for_planner
from agreements.forms import BodyAgreementForm, PlanFilterForm, PlannedProcurementForm
from agreements.models import BodyAgreement, PlannedProcurement
from directory.views import active_filters, paginate, query_without_page

# The two kinds a body keeps, by the word in the address.
KINDS = {
    "avtaler": (BodyAgreement, BodyAgreementForm, services.BODY_AGREEMENT_FIELDS, services.body_agreement_save),
    "anskaffelser": (PlannedProcurement, PlannedProcurementForm, services.PLANNED_FIELDS, services.planned_save),
}
AGREEMENT_PAGE = "avtaleside"


@require_GET
def plan_list(request: HttpRequest) -> HttpResponse:
    form = PlanFilterForm(request.GET)
    values = form.values()
    planned, agreements = services.filter_plans(services.upcoming_planned(), services.running_agreements(), values)
    planned_page = paginate(request, planned)
    planned_page.object_list = services.with_regimes(planned_page.object_list)
    agreement_page = paginate(_AgreementPageRequest(request), agreements)
    context = {
        "form": form,
        "planned_page": planned_page,
        "agreement_page": agreement_page,
        "active_filters": active_filters(request, form),
        "query_without_page": query_without_page(request),
        "agreement_query": urlencode(
            [(name, value) for name, values in request.GET.lists() for value in values if name != AGREEMENT_PAGE]
        ),
    }
    return render(request, "agreements/plan_list.html", context)


class _AgreementPageRequest:
    """The request as paginate() sees it for the second list, whose page number is ?avtaleside=."""

    def __init__(self, request: HttpRequest):
        self.GET = {"side": request.GET.get(AGREEMENT_PAGE)}


@login_required
@require_GET
def plans_manage(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_body_for_planner(request.user, slug)
    context = {
        "body": body,
        "planned": services.with_regimes(body.planned_procurements.select_related("service_area", "public_body")),
        "agreements": body.current_agreements.select_related("service_area"),
    }
    return render(request, "agreements/plans_manage.html", context)


def _kind(kind: str):
    if kind not in KINDS:
        raise Http404
    return KINDS[kind]


@login_required
@require_http_methods(["GET", "POST"])
def plan_item_edit(request: HttpRequest, slug: str, kind: str, pk: int | None = None) -> HttpResponse:
    body = get_body_for_planner(request.user, slug)
    model, form_class, fields, save = _kind(kind)
    item = get_object_or_404(model, pk=pk, public_body=body) if pk else None
    initial = {name: getattr(item, name) for name in fields} if item else {}
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        save(body=body, data=form.cleaned_data, item=item)
        messages.success(request, _("Lagret."))
        return redirect("agreements:plans-manage", body.slug)
    context = {"body": body, "form": form, "kind": kind, "item": item}
    return render(request, "agreements/plan_item_form.html", context)


@login_required
@require_POST
def plan_item_delete(request: HttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    body = get_body_for_planner(request.user, slug)
    model = _kind(kind)[0]
    item = get_object_or_404(model, pk=pk, public_body=body)
    item.delete()
    messages.success(request, _("«%(title)s» er slettet.") % {"title": item.title})
    return redirect("agreements:plans-manage", body.slug)
