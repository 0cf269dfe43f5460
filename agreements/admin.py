"""Curation of agreements, follow-ups, effect plans and public bodies' plans in Django admin.

Curators see and change what their Django permissions name; the parties keep their own data on the
site, so most of it is read-only here.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from agreements import emails, services
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
from veier.decisions import Choice, Decision, DecisionPagesMixin, when_text


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
            proposal.refresh_from_db()
            emails.case_decided(proposal)
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
        emails.case_decided(proposal)
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


class CaseProposalDecision(Decision):
    """Publish an agreement offered as a case, or reject it (the actions «Publiser som eksempel» and «Avvis»)."""

    slug = "vurder"
    name = "decide"
    title = _("Publiser som eksempel eller avvis")
    reason_help = _("Må fylles ut når du avviser. Sendes på e-post til begge parter.")

    def allowed(self, request) -> bool:
        # As the desk's queue and the action «Avvis»; publishing also needs the action's permission.
        return self.modeladmin.has_change_permission(request)

    def queryset(self):
        return CaseProposal.objects.select_related(
            "agreement__interest__need__public_body", "agreement__interest__entrepreneur", "agreement__recorded_by"
        )

    def is_open(self, obj) -> bool:
        return obj.status == CaseProposal.Status.PENDING

    def facts(self, request, obj):
        agreement = obj.agreement
        interest = agreement.interest
        url = reverse("admin:agreements_agreement_change", args=[agreement.pk])
        return [
            (_("Tittel"), obj.title),
            (_("Kort fortalt"), obj.summary),
            (_("Avtale"), format_html('<a href="{}">{}</a>', url, agreement)),
            (_("Hva partene er enige om"), agreement.summary),
            (_("Offentlig virksomhet"), interest.need.public_body.name),
            (_("Sosial entreprenør"), interest.entrepreneur.name),
            (_("Avtalt dato"), date_format(agreement.agreed_on, "DATE_FORMAT")),
            (_("Tilbudt som eksempel"), when_text(obj.created)),
            (_("Samtykke fra virksomheten"), when_text(obj.body_consent_at)),
            (_("Samtykke fra entreprenøren"), when_text(obj.entrepreneur_consent_at)),
        ]

    def choices(self, request, obj):
        choices = [Choice("reject", _("Avvis"), needs_reason=True)]
        if self.modeladmin.has_publish_permission(request):
            choices.insert(0, Choice("publish", _("Publiser som eksempel")))
        return choices

    def decide(self, request, obj, choice, reason):
        if choice.value == "publish":
            services.case_publish(proposal=obj)  # ValidationError without both consents: the page says so
            obj.refresh_from_db()
            self.log(request, obj, _("Publisert som eksempel"))
            emails.case_decided(obj)
            return _("«%(title)s» er publisert som eksempel. Begge parter får e-post.") % {"title": obj.title}
        services.case_reject(proposal=obj)
        self.log(request, obj, _("Avvist: %(reason)s") % {"reason": reason})
        emails.case_decided(obj, reason=reason)
        return _("«%(title)s» er avvist. Begge parter får e-post med begrunnelsen.") % {"title": obj.title}


@admin.register(CaseProposal)
class CaseProposalAdmin(DecisionPagesMixin, admin.ModelAdmin):
    decisions = [CaseProposalDecision]
    actions = [publish_cases, reject_cases]
    list_display = ["title", "status", "body_consent_at", "entrepreneur_consent_at", "updated"]
    list_filter = ["status"]
    raw_id_fields = ["agreement", "case"]
    readonly_fields = ["body_consent_at", "entrepreneur_consent_at", "case"]
    search_fields = ["title"]

    def has_publish_permission(self, request) -> bool:
        # Publishing writes a case into the library: the curator needs both permissions.
        return request.user.has_perms(["agreements.change_caseproposal", "directory.add_case"])
