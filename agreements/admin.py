"""Curation of agreements, follow-ups, effect plans and public bodies' plans in Django admin.

Curators see and change what their Django permissions name; the parties keep their own data on the
site, so most of it is read-only here.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from agreements import services
from agreements.models import (
    Agreement,
    BodyAgreement,
    CaseProposal,
    EffectPlan,
    FollowUp,
    Indicator,
    Measurement,
    PlannedProcurement,
)


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "collaboration_form",
        "agreed_on",
        "value",
        "regime",
        "body_confirmed_at",
        "entrepreneur_confirmed_at",
    ]
    list_filter = ["collaboration_form", "regime", "reserved"]
    list_select_related = ["interest__need", "interest__entrepreneur", "collaboration_form"]
    search_fields = ["interest__need__title", "interest__entrepreneur__name", "interest__need__public_body__name"]
    date_hierarchy = "agreed_on"
    raw_id_fields = ["interest", "recorded_by"]
    readonly_fields = ["regime", "created", "updated"]


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ["__str__", "stage", "side", "sent_at", "answer", "reason", "answered_at"]
    list_filter = ["stage", "side", "answer", "reason"]
    list_select_related = ["interest__need", "interest__entrepreneur"]
    raw_id_fields = ["interest", "answered_by"]
    readonly_fields = ["sent_at", "answered_at", "answered_by"]


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


@admin.register(EffectPlan)
class EffectPlanAdmin(admin.ModelAdmin):
    list_display = ["__str__", "people_reached", "life_changing", "life_improving", "updated"]
    list_select_related = ["agreement__interest__need", "agreement__interest__entrepreneur"]
    raw_id_fields = ["agreement"]
    inlines = [IndicatorInline]


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin):
    list_display = ["indicator", "measured_on", "value", "side", "recorded_by"]
    list_select_related = ["indicator", "recorded_by"]
    raw_id_fields = ["indicator", "recorded_by"]


@admin.register(BodyAgreement)
class BodyAgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "public_body", "service_area", "starts_on", "ends_on", "extension_possible"]
    list_filter = ["service_area", "extension_possible"]
    list_select_related = ["public_body", "service_area"]
    search_fields = ["title", "public_body__name"]
    autocomplete_fields = ["public_body"]


@admin.register(PlannedProcurement)
class PlannedProcurementAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "public_body",
        "service_area",
        "estimated_value",
        "preparation_starts",
        "competition_expected",
    ]
    list_filter = ["service_area", "procurement_category"]
    list_select_related = ["public_body", "service_area"]
    search_fields = ["title", "public_body__name"]
    autocomplete_fields = ["public_body"]


@admin.action(description=_("Publiser som eksempel (krever samtykke fra begge)"), permissions=["publish"])
def publish_cases(modeladmin, request, queryset):
    published = 0
    for proposal in queryset:
        try:
            services.case_publish(proposal=proposal)
        except ValidationError as error:
            modeladmin.message_user(request, f"{proposal}: {error.messages[0]}", messages.ERROR)
        else:
            published += 1
            modeladmin.log_change(request, proposal, _("Publisert som eksempel"))
    if published:
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d forslag ble publisert som eksempel.",
                "%(count)d forslag ble publisert som eksempler.",
                published,
            )
            % {"count": published},
            messages.SUCCESS,
        )


@admin.action(description=_("Avvis de valgte forslagene"), permissions=["change"])
def reject_cases(modeladmin, request, queryset):
    selected = list(queryset)
    rejected = [proposal for proposal in selected if proposal.status != CaseProposal.Status.PUBLISHED]
    for proposal in rejected:
        services.case_reject(proposal=proposal)
        modeladmin.log_change(request, proposal, _("Avvist"))
    if rejected:
        modeladmin.message_user(
            request,
            ngettext("%(count)d forslag ble avvist.", "%(count)d forslag ble avvist.", len(rejected))
            % {"count": len(rejected)},
            messages.SUCCESS,
        )
    if len(selected) > len(rejected):
        skipped = len(selected) - len(rejected)
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d av de valgte er allerede publisert og ble ikke avvist.",
                "%(count)d av de valgte er allerede publisert og ble ikke avvist.",
                skipped,
            )
            % {"count": skipped},
            messages.WARNING,
        )


@admin.register(CaseProposal)
class CaseProposalAdmin(admin.ModelAdmin):
    actions = [publish_cases, reject_cases]
    list_display = ["title", "status", "body_consent_at", "entrepreneur_consent_at", "updated"]
    list_filter = ["status"]
    raw_id_fields = ["agreement", "case"]
    readonly_fields = ["body_consent_at", "entrepreneur_consent_at", "case"]
    search_fields = ["title"]

    def has_publish_permission(self, request) -> bool:
        # Publishing writes a case into the library: the curator needs both permissions.
        return request.user.has_perms(["agreements.change_caseproposal", "directory.add_case"])
