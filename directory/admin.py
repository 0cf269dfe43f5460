"""Curation in Django admin: every directory model, with search, filters and publish actions."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth import get_permission_codename
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from modeltranslation.admin import TranslationAdmin

from accounts.models import BodyMembership, EntrepreneurMembership, Membership
from directory import domains, emails, services
from directory.contact_models import ContactMessage
from directory.member_models import BodyJoinRequest, ChangeRecord, EntrepreneurJoinRequest
from directory.models import (
    Case,
    CollaborationForm,
    ContactPerson,
    County,
    FormerMunicipalityName,
    Municipality,
    Offer,
    OrganisationForm,
    PublicationStatus,
    PublicBody,
    RegisterSyncRun,
    ServiceArea,
    SharedEmailDomain,
    SocialEntrepreneur,
    TargetGroup,
)
from veier import desk
from veier.decisions import Choice, Decision, DecisionPagesMixin, when_text

# Web addresses typed without a scheme get https:// (Django 6's default; 5.2 assumes http).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class PermissionActionsMixin:
    """The permissions admin actions declare (`allowed_permissions`), beyond Django's view/change/delete.

    "approve" is the model's custom `approve_<model>` permission; "publish" is the change permission,
    except where a model says otherwise (publishing an entrepreneur is approving it).
    """

    def has_approve_permission(self, request) -> bool:
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.{get_permission_codename('approve', opts)}")

    def has_publish_permission(self, request) -> bool:
        return self.has_change_permission(request)


def _change_status(modeladmin, request, queryset, new_status, done_message, same_message, log_message):
    """Set the status of the selected rows that do not have it yet; say how many changed and how many did not.

    Each change is kept in the admin's history (LogEntry): who, when and what.
    """
    selected = queryset.count()
    to_change = list(queryset.exclude(status=new_status))
    # One UPDATE statement (for offers, the trigger refreshes each entrepreneur's search document once).
    changed = queryset.model.objects.filter(pk__in=[obj.pk for obj in to_change]).update(status=new_status)
    for obj in to_change:
        modeladmin.log_change(request, obj, str(log_message))
    if changed:
        modeladmin.message_user(request, done_message % {"count": changed}, messages.SUCCESS)
    if selected - changed:
        modeladmin.message_user(
            request,
            same_message % {"count": selected - changed},
            messages.WARNING,
        )


@admin.action(description=_("Publiser de valgte"), permissions=["publish"])
def publish(modeladmin, request, queryset):
    _change_status(
        modeladmin,
        request,
        queryset,
        PublicationStatus.PUBLISHED,
        ngettext_lazy(
            "%(count)d valgt ble publisert.",
            "%(count)d valgte ble publisert.",
            "count",
        ),
        ngettext_lazy(
            "%(count)d valgt var allerede publisert og ble ikke endret.",
            "%(count)d valgte var allerede publisert og ble ikke endret.",
            "count",
        ),
        _("Publisert"),
    )


@admin.action(description=_("Avpubliser de valgte (sett som utkast)"), permissions=["publish"])
def unpublish(modeladmin, request, queryset):
    _change_status(
        modeladmin,
        request,
        queryset,
        PublicationStatus.DRAFT,
        ngettext_lazy(
            "%(count)d valgt ble avpublisert og er nå et utkast.",
            "%(count)d valgte ble avpublisert og er nå utkast.",
            "count",
        ),
        ngettext_lazy(
            "%(count)d valgt var allerede et utkast og ble ikke endret.",
            "%(count)d valgte var allerede utkast og ble ikke endret.",
            "count",
        ),
        _("Avpublisert"),
    )


@admin.action(description=_("Publiser de valgte tilbudene"), permissions=["change"])
def publish_offers(modeladmin, request, queryset):
    _change_status(
        modeladmin,
        request,
        queryset,
        Offer.Status.PUBLISHED,
        ngettext_lazy(
            "%(count)d tilbud ble publisert.",
            "%(count)d tilbud ble publisert.",
            "count",
        ),
        ngettext_lazy(
            "%(count)d tilbud var allerede publisert og ble ikke endret.",
            "%(count)d tilbud var allerede publisert og ble ikke endret.",
            "count",
        ),
        _("Publisert"),
    )


@admin.action(description=_("Avpubliser de valgte tilbudene"), permissions=["change"])
def unpublish_offers(modeladmin, request, queryset):
    _change_status(
        modeladmin,
        request,
        queryset,
        Offer.Status.DRAFT,
        ngettext_lazy(
            "%(count)d tilbud ble avpublisert og er nå et utkast.",
            "%(count)d tilbud ble avpublisert og er nå utkast.",
            "count",
        ),
        ngettext_lazy(
            "%(count)d tilbud var allerede et utkast og ble ikke endret.",
            "%(count)d tilbud var allerede utkast og ble ikke endret.",
            "count",
        ),
        _("Avpublisert"),
    )


@admin.register(County)
class CountyAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "slug"]
    search_fields = ["name", "number"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "county"]
    list_filter = ["county"]
    list_select_related = ["county"]
    search_fields = ["name", "number"]


@admin.register(FormerMunicipalityName)
class FormerMunicipalityNameAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "note"]
    list_select_related = ["municipality"]
    search_fields = ["name", "municipality__name"]
    autocomplete_fields = ["municipality"]


class TaxonomyAdmin(TranslationAdmin):
    # TranslationAdmin shows each translated field once per language (bokmål, nynorsk, English).
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


admin.site.register(ServiceArea, TaxonomyAdmin)
admin.site.register(TargetGroup, TaxonomyAdmin)
admin.site.register(CollaborationForm, TaxonomyAdmin)
admin.site.register(OrganisationForm, TaxonomyAdmin)


class ContactPersonInline(admin.StackedInline):
    model = ContactPerson
    extra = 0
    fields = ["name", "title", "service_areas", "email", "phone", "consent_public"]
    filter_horizontal = ["service_areas"]


class RegisterFlagFilter(admin.SimpleListFilter):
    """Profiles Enhetsregisteret reports as bankrupt, wound up or deleted (manage.py sync_registers)."""

    title = _("Enhetsregisteret")
    parameter_name = "enhetsregisteret"

    def lookups(self, request, model_admin):
        return [
            ("merknad", _("Har merknad")),
            ("ikke-sjekket", _("Ikke sjekket")),
            ("sjekket", _("Sjekket")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "merknad":
            return queryset.exclude(register_flag="")
        if self.value() == "ikke-sjekket":
            return queryset.exclude(orgnr__isnull=True).exclude(orgnr="").filter(register_checked_at__isnull=True)
        if self.value() == "sjekket":
            return queryset.filter(register_checked_at__isnull=False)
        return queryset


class PublicBodyAdminForm(forms.ModelForm):
    # The admin builds the fields from the model; this adds the domain rules.
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "email_domains" in self.fields:
            self.fields["email_domains"].help_text = _(
                "Kommaseparert, for eksempel trondheim.kommune.no. Bekreftede adresser på disse domenene og "
                "underdomenene deres blir med i virksomheten med en gang. Står feltet tomt for en ny kommune, "
                "fylles kommunens domene under kommune.no inn."
            )

    def clean_email_domains(self):
        cleaned = []
        shared = services.shared_domains()
        for value in self.cleaned_data.get("email_domains") or []:
            domain = domains.normalise_domain(value)
            if not domains.is_valid_domain(domain):
                raise forms.ValidationError(
                    _("«%(domain)s» er ikke et domene én virksomhet kan eie. Skriv for eksempel trondheim.kommune.no."),
                    params={"domain": value},
                )
            if any(domains.is_within(domain, other) for other in shared):
                raise forms.ValidationError(
                    _(
                        "«%(domain)s» deles av mange virksomheter (se Delte e-postdomener), så det kan ikke gi "
                        "medlemskap."
                    ),
                    params={"domain": value},
                )
            if domain not in cleaned:
                cleaned.append(domain)
        return cleaned


@admin.register(PublicBody)
class PublicBodyAdmin(PermissionActionsMixin, admin.ModelAdmin):
    form = PublicBodyAdminForm
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "kind", "municipality", "county", "parent", "status", "register_flag"]
    list_filter = [RegisterFlagFilter, "status", "kind", "county"]
    readonly_fields = ["register_checked_at", "register_flag", "register_proposal"]
    list_select_related = ["municipality", "county", "parent"]
    search_fields = ["name", "former_name", "orgnr"]
    autocomplete_fields = ["municipality", "county", "parent"]
    filter_horizontal = ["service_areas"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ContactPersonInline]
    actions = [publish, unpublish]

    def save_model(self, request, obj, form, change):
        if not change and not obj.email_domains:
            obj.email_domains = domains.default_domains(
                obj.kind,
                obj.municipality.name if obj.municipality else None,
                obj.county.number if obj.county else None,
            )
        super().save_model(request, obj, form, change)


@admin.register(RegisterSyncRun)
class RegisterSyncRunAdmin(admin.ModelAdmin):
    list_display = ["started_at", "finished_at", "checked", "flagged", "proposed", "error"]
    readonly_fields = list_display

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SharedEmailDomain)
class SharedEmailDomainAdmin(admin.ModelAdmin):
    list_display = ["domain", "note"]
    search_fields = ["domain", "note"]

    def save_model(self, request, obj, form, change):
        obj.domain = domains.normalise_domain(obj.domain)
        super().save_model(request, obj, form, change)


@admin.register(ContactPerson)
class ContactPersonAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "public_body", "consent_public"]
    list_filter = ["consent_public", "service_areas"]
    list_select_related = ["public_body"]
    search_fields = ["name", "title", "email", "public_body__name"]
    autocomplete_fields = ["public_body"]
    filter_horizontal = ["service_areas"]


class OfferInline(admin.StackedInline):
    formfield_overrides = HTTPS_URLS
    model = Offer
    extra = 0
    fields = ["title", "description", "service_areas", "target_groups", "collaboration_forms", "status"]
    filter_horizontal = ["service_areas", "target_groups", "collaboration_forms"]
    show_change_link = True


class SocialEntrepreneurAdminForm(forms.ModelForm):
    class Meta:
        model = SocialEntrepreneur
        # The admin's fieldsets decide the fields shown; this lists every editable one.
        fields = [
            *["name", "slug", "orgnr", "organisation_form", "founded", "status", "rejection_reason"],
            *["summary", "social_mission", "description", "website", "email", "source"],
            *["nationwide", "counties", "municipalities", "service_areas", "target_groups"],
            *["declares_work_integration", "declares_non_profit"],
        ]

    website = forms.URLField(label=_("nettside"), max_length=300, required=False, assume_scheme="https")

    def clean(self):
        data = super().clean()
        if data.get("status") == PublicationStatus.REJECTED and not (data.get("rejection_reason") or "").strip():
            self.add_error(
                "rejection_reason",
                _("Skriv hvorfor profilen avvises. Begrunnelsen sendes til medlemmene, så de vet hva de skal rette."),
            )
        return data


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Begrunnelse"),
        help_text=_("Sendes til medlemmene og vises på Min side. Si hva de må rette opp før de sender på nytt."),
        max_length=SocialEntrepreneur._meta.get_field("rejection_reason").max_length,
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        error_messages={"required": _("Skriv en begrunnelse, så medlemmene vet hva de skal rette opp.")},
    )


@admin.action(description=_("Godkjenn og publiser de valgte (sender e-post til medlemmene)"), permissions=["approve"])
def approve_entrepreneurs(modeladmin, request, queryset):
    # Count before deciding: the change list may be filtered on status, and then the queryset
    # no longer finds the approved profiles afterwards (it once reported «-1 av de valgte»).
    selected = list(queryset)
    pending = [entrepreneur for entrepreneur in selected if entrepreneur.status == PublicationStatus.PENDING]
    for entrepreneur in pending:
        services.entrepreneur_approve(entrepreneur=entrepreneur, curator=request.user)
        modeladmin.log_change(request, entrepreneur, _("Godkjent og publisert"))
    _report_review(
        modeladmin,
        request,
        len(pending),
        len(selected) - len(pending),
        ngettext_lazy(
            "%(count)d profil ble godkjent og publisert.", "%(count)d profiler ble godkjent og publisert.", "count"
        ),
    )


@admin.action(
    description=_("Avvis de valgte med en begrunnelse (sender e-post til medlemmene)"), permissions=["approve"]
)
def reject_entrepreneurs(modeladmin, request, queryset):
    selected = list(queryset)
    pending = [entrepreneur for entrepreneur in selected if entrepreneur.status == PublicationStatus.PENDING]
    if not pending:
        _report_review(modeladmin, request, 0, len(selected), None)
        return None
    form = RejectionForm(request.POST if "apply" in request.POST else None)
    if form.is_valid():
        rejected = pending
        for entrepreneur in rejected:
            services.entrepreneur_reject(
                entrepreneur=entrepreneur, curator=request.user, reason=form.cleaned_data["reason"]
            )
            modeladmin.log_change(
                request, entrepreneur, _("Avvist: %(reason)s") % {"reason": form.cleaned_data["reason"]}
            )
        _report_review(
            modeladmin,
            request,
            len(rejected),
            len(selected) - len(rejected),
            ngettext_lazy("%(count)d profil ble avvist.", "%(count)d profiler ble avvist.", "count"),
        )
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Avvis profiler"),
        "opts": modeladmin.model._meta,
        "entrepreneurs": pending,
        "selected": queryset,
        "form": form,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "action": "reject_entrepreneurs",
    }
    return TemplateResponse(request, "directory/member/admin_reject.html", context)


@admin.action(
    description=_("Bekreft erklæringene om reserverte kontrakter for de valgte"), permissions=["confirm_declarations"]
)
def confirm_declarations(modeladmin, request, queryset):
    count = 0
    for entrepreneur in queryset.filter(models.Q(declares_work_integration=True) | models.Q(declares_non_profit=True)):
        confirmed = services.entrepreneur_confirm_declarations(entrepreneur=entrepreneur, curator=request.user)
        if confirmed:
            count += 1
            modeladmin.log_change(request, entrepreneur, _("Erklæringene om reserverte kontrakter er bekreftet"))
    modeladmin.message_user(
        request,
        ngettext(
            "Erklæringene til %(count)d virksomhet er bekreftet.",
            "Erklæringene til %(count)d virksomheter er bekreftet.",
            count,
        )
        % {"count": count},
        messages.SUCCESS if count else messages.WARNING,
    )


@admin.action(
    description=_("Trekk tilbake bekreftelsen av erklæringene for de valgte"), permissions=["confirm_declarations"]
)
def withdraw_confirmations(modeladmin, request, queryset):
    count = 0
    for entrepreneur in queryset:
        if services.entrepreneur_withdraw_confirmations(entrepreneur=entrepreneur, curator=request.user):
            count += 1
            modeladmin.log_change(request, entrepreneur, _("Bekreftelsen av erklæringene er trukket tilbake"))
    modeladmin.message_user(
        request,
        ngettext("%(count)d bekreftelse trukket tilbake.", "%(count)d bekreftelser trukket tilbake.", count)
        % {"count": count},
    )


def _report_review(modeladmin, request, done: int, skipped: int, done_message) -> None:
    """Say how many were decided and how many were left alone because they did not wait for a decision."""
    if done:
        modeladmin.message_user(request, done_message % {"count": done}, messages.SUCCESS)
    if skipped:
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d av de valgte venter ikke på godkjenning og ble ikke endret.",
                "%(count)d av de valgte venter ikke på godkjenning og ble ikke endret.",
                skipped,
            )
            % {"count": skipped},
            messages.WARNING,
        )


def changes_as_html(record: ChangeRecord, limit: int | None = None):
    """Each changed field as "label: «old» → «new»"; long texts cut to `limit` characters."""

    def text(value) -> str:
        if isinstance(value, bool):
            return str(_("ja") if value else _("nei"))
        value = ", ".join(value) if isinstance(value, list) else str(value)
        return Truncator(value).chars(limit) if limit else value

    rows = zip(record.changed_labels, record.changes.values(), strict=True)
    return format_html(
        "<ul>{}</ul>",
        format_html_join(
            "",
            "<li><strong>{}</strong>: «{}» → «{}»</li>",
            ((label, text(c["old"]), text(c["new"])) for label, c in rows),
        ),
    )


class ChangeRecordInline(admin.TabularInline):
    """Edits members made to the published profile: who, what and when."""

    model = ChangeRecord
    extra = 0
    fields = ["created", "user", "summary"]
    readonly_fields = ["created", "user", "summary"]
    can_delete = False
    show_change_link = True
    verbose_name_plural = _("endringer medlemmene har gjort i den publiserte profilen")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("endringer"))
    def summary(self, record: ChangeRecord):
        return changes_as_html(record, limit=200)


class EntrepreneurMembershipInline(admin.TabularInline):
    model = EntrepreneurMembership
    extra = 0
    fields = ["user", "status", "message", "created", "decided_at", "decided_by"]
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = _("medlemmer og forespørsler om å bli med")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


def _yes_no(value: bool) -> str:
    return str(_("ja") if value else _("nei"))


def _lines(values) -> str:
    return format_html_join(mark_safe("<br>"), "{}", ((value,) for value in values))


def _members(entrepreneur: SocialEntrepreneur) -> str:
    rows = EntrepreneurMembership.objects.approved().filter(entrepreneur=entrepreneur).select_related("user")
    return _lines(f"{row.user.name} <{row.user.email}>" if row.user.name else row.user.email for row in rows)


def _admin_link(obj) -> str:
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, obj)


def _with_note(message, note: str) -> str:
    """The history's message, with what the curator wrote when approving (if anything)."""
    return _("%(message)s. Merknad: %(note)s") % {"message": message, "note": note} if note else str(message)


class ReviewDecision(Decision):
    """Approve or reject a profile that waits for review (the actions «Godkjenn …» and «Avvis …»)."""

    slug = "vurder"
    name = "decide"
    title = _("Godkjenn eller avvis profilen")
    reason_help = _("Må fylles ut når du avviser. Sendes til medlemmene og vises på Min side. Si hva de må rette.")
    reason_max_length = SocialEntrepreneur._meta.get_field("rejection_reason").max_length

    def allowed(self, request) -> bool:
        return self.modeladmin.has_approve_permission(request)

    def queryset(self):
        return SocialEntrepreneur.objects.select_related("organisation_form")

    def is_open(self, obj) -> bool:
        return obj.status == PublicationStatus.PENDING

    def facts(self, request, obj):
        return [
            (_("Navn"), obj.name),
            (_("Organisasjonsnummer"), obj.orgnr),
            (_("Organisasjonsform"), obj.organisation_form),
            (_("Kort beskrivelse"), obj.summary),
            (_("Samfunnsoppdrag"), obj.social_mission),
            (_("Nettside"), obj.website),
            (_("E-post"), obj.email),
            (_("Sendt til godkjenning av"), _members(obj)),
            (_("Sendt til godkjenning"), when_text(obj.updated)),
            (_("Forrige begrunnelse for avvisning"), obj.rejection_reason),
            (_("Merknad fra Enhetsregisteret"), obj.register_flag),
            (_("Erklærer arbeidsintegrering"), _yes_no(obj.declares_work_integration)),
            (_("Erklærer at den er ideell"), _yes_no(obj.declares_non_profit)),
        ]

    def choices(self, request, obj):
        return [
            Choice("approve", _("Godkjenn og publiser")),
            Choice("reject", _("Avvis"), needs_reason=True),
        ]

    def decide(self, request, obj, choice, reason):
        if choice.value == "approve":
            services.entrepreneur_approve(entrepreneur=obj, curator=request.user)
            self.log(request, obj, _with_note(_("Godkjent og publisert"), reason))
            return _("%(name)s er godkjent og publisert. Medlemmene får e-post.") % {"name": obj.name}
        services.entrepreneur_reject(entrepreneur=obj, curator=request.user, reason=reason)
        self.log(request, obj, _("Avvist: %(reason)s") % {"reason": reason})
        return _("%(name)s er avvist. Medlemmene får e-post med begrunnelsen.") % {"name": obj.name}


class DeclarationsDecision(Decision):
    """Confirm declarations for reserved contracts (the action «Bekreft erklæringene …»)."""

    slug = "erklaeringer"
    name = "confirm"
    title = _("Bekreft erklæringene om reserverte kontrakter")

    def allowed(self, request) -> bool:
        return self.modeladmin.has_confirm_declarations_permission(request)

    def queryset(self):
        return SocialEntrepreneur.objects.select_related("organisation_form")

    def is_open(self, obj) -> bool:
        return (obj.declares_work_integration and obj.work_integration_confirmed_at is None) or (
            obj.declares_non_profit and obj.non_profit_confirmed_at is None
        )

    def closed_text(self, obj) -> str:
        return str(_("Dette er allerede avgjort: ingen erklæring venter på bekreftelse."))

    def facts(self, request, obj):
        def declared(declares: bool, confirmed_at) -> str:
            if not declares:
                return str(_("Ikke erklært"))
            if confirmed_at:
                return _("Erklært, bekreftet %(when)s") % {"when": when_text(confirmed_at)}
            return str(_("Erklært, venter på bekreftelse"))

        return [
            (_("Navn"), obj.name),
            (_("Organisasjonsnummer"), obj.orgnr),
            (_("Organisasjonsform"), obj.organisation_form),
            (_("Nettside"), obj.website),
            (_("Medlemmer"), _members(obj)),
            (_("Sist endret"), when_text(obj.updated)),
            (_("Merknad fra Enhetsregisteret"), obj.register_flag),
            (
                _("Arbeidsintegrerende virksomhet"),
                declared(obj.declares_work_integration, obj.work_integration_confirmed_at),
            ),
            (_("Ideell organisasjon"), declared(obj.declares_non_profit, obj.non_profit_confirmed_at)),
            (
                _("Slik sjekker du"),
                _(
                    "Sjekk organisasjonsformen for ideelle og andelen ansatte for arbeidsintegrerende "
                    "virksomheter, for eksempel i Enhetsregisteret og på nettsiden."
                ),
            ),
        ]

    def choices(self, request, obj):
        return [Choice("confirm", _("Bekreft erklæringene"))]

    def decide(self, request, obj, choice, reason):
        services.entrepreneur_confirm_declarations(entrepreneur=obj, curator=request.user)
        self.log(request, obj, _("Erklæringene om reserverte kontrakter er bekreftet"))
        return _("Erklæringene til %(name)s er bekreftet.") % {"name": obj.name}


@admin.register(SocialEntrepreneur)
class SocialEntrepreneurAdmin(DecisionPagesMixin, PermissionActionsMixin, admin.ModelAdmin):
    decisions = [ReviewDecision, DeclarationsDecision]
    formfield_overrides = HTTPS_URLS
    form = SocialEntrepreneurAdminForm
    list_display = ["name", "organisation_form", "nationwide", "status", "register_flag", "updated"]
    list_filter = [
        RegisterFlagFilter,
        "status",
        "nationwide",
        "organisation_form",
        "declares_work_integration",
        "declares_non_profit",
        "service_areas",
        "target_groups",
    ]
    list_select_related = ["organisation_form"]
    search_fields = ["name", "orgnr", "summary"]
    autocomplete_fields = ["counties", "municipalities"]
    filter_horizontal = ["service_areas", "target_groups"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = [
        *["created", "updated", "register_checked_at", "register_flag", "register_proposal"],
        *["work_integration_confirmed_at", "non_profit_confirmed_at"],
    ]
    inlines = [OfferInline, EntrepreneurMembershipInline, ChangeRecordInline]
    actions = [
        approve_entrepreneurs,
        reject_entrepreneurs,
        publish,
        unpublish,
        confirm_declarations,
        withdraw_confirmations,
    ]
    fieldsets = [
        (None, {"fields": ["name", "slug", "orgnr", "organisation_form", "founded", "status", "rejection_reason"]}),
        (_("Tekst"), {"fields": ["summary", "social_mission", "description"]}),
        (_("Kontakt"), {"fields": ["website", "email"]}),
        (
            _("Hvor og for hvem"),
            {"fields": ["nationwide", "counties", "municipalities", "service_areas", "target_groups"]},
        ),
        (_("Enhetsregisteret"), {"fields": ["register_checked_at", "register_flag", "register_proposal"]}),
        (
            _("Reserverte kontrakter"),
            {
                "fields": [
                    ("declares_work_integration", "work_integration_confirmed_at"),
                    ("declares_non_profit", "non_profit_confirmed_at"),
                ],
                "description": _(
                    "Medlemmene erklærer, kuratorer bekrefter med handlingen «Bekreft erklæringene» i listen. "
                    "Sjekk organisasjonsformen for ideelle og andelen ansatte for arbeidsintegrerende virksomheter."
                ),
            },
        ),
        (_("Kilde og historikk"), {"fields": ["source", "created", "updated"]}),
    ]

    def has_publish_permission(self, request) -> bool:
        return self.has_approve_permission(request)

    def get_readonly_fields(self, request, obj=None):
        # Without the approve permission the review fields cannot be changed in the form either.
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_approve_permission(request):
            fields += ["status", "rejection_reason"]
        return fields

    def has_confirm_declarations_permission(self, request) -> bool:
        return request.user.has_perm("directory.confirm_declarations")

    def save_model(self, request, obj, form, change):
        # A curator who changes a declaration in the form un-confirms it, as a member's change does.
        if change and "declares_work_integration" in form.changed_data:
            obj.work_integration_confirmed_at = None
        if change and {"declares_non_profit", "organisation_form"} & set(form.changed_data):
            obj.non_profit_confirmed_at = None
        super().save_model(request, obj, form, change)
        # A review decided in the change form tells the members, just as the actions do.
        if change and "status" in form.changed_data and form.initial.get("status") == PublicationStatus.PENDING:
            if obj.status == PublicationStatus.PUBLISHED:
                emails.entrepreneur_approved(obj)
            elif obj.status == PublicationStatus.REJECTED:
                emails.entrepreneur_rejected(obj)


@admin.register(ChangeRecord)
class ChangeRecordAdmin(admin.ModelAdmin):
    list_display = ["created", "entrepreneur", "user", "changed_fields"]
    list_filter = ["created"]
    list_select_related = ["entrepreneur", "user"]
    search_fields = ["entrepreneur__name", "user__email", "user__name"]
    date_hierarchy = "created"
    fields = ["entrepreneur", "user", "created", "changes_display"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def changelist_view(self, request, extra_context=None):
        # The desk counts edits made since the curator last opened this list.
        if request.method == "GET":
            desk.mark_seen(request.user, desk.CHANGES_QUEUE)
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("endrede felt"))
    def changed_fields(self, record: ChangeRecord) -> str:
        return ", ".join(record.changed_labels)

    @admin.display(description=_("endringer"))
    def changes_display(self, record: ChangeRecord):
        return changes_as_html(record)


@admin.register(Offer)
class OfferAdmin(PermissionActionsMixin, admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["title", "entrepreneur", "status", "updated"]
    list_filter = ["status", "service_areas", "collaboration_forms"]
    list_select_related = ["entrepreneur"]
    search_fields = ["title", "description", "entrepreneur__name"]
    autocomplete_fields = ["entrepreneur"]
    filter_horizontal = ["service_areas", "target_groups", "collaboration_forms"]
    actions = [publish_offers, unpublish_offers]


@admin.register(Case)
class CaseAdmin(PermissionActionsMixin, TranslationAdmin):
    list_display = ["title", "source_chapter", "year", "status"]
    list_filter = ["status", "source_chapter", "collaboration_forms", "service_areas", "procurement_applied"]
    search_fields = ["title", "summary", "body"]
    autocomplete_fields = ["public_bodies", "entrepreneurs"]
    filter_horizontal = ["collaboration_forms", "service_areas"]
    prepopulated_fields = {"slug": ["title"]}
    actions = [publish, unpublish]


def _decide(modeladmin, request, queryset, *, approve: bool) -> None:
    selected = list(queryset.select_related("user"))
    pending = [membership for membership in selected if membership.status == Membership.Status.PENDING]
    for membership in pending:
        services.membership_decide(membership=membership, decided_by=request.user, approve=approve)
        modeladmin.log_change(request, membership, _("Godkjent") if approve else _("Avslått"))
    if approve:
        message = ngettext_lazy("%(count)d forespørsel ble godkjent.", "%(count)d forespørsler ble godkjent.", "count")
    else:
        message = ngettext_lazy("%(count)d forespørsel ble avslått.", "%(count)d forespørsler ble avslått.", "count")
    _report_review(modeladmin, request, len(pending), len(selected) - len(pending), message)


@admin.action(description=_("Godkjenn de valgte forespørslene (sender e-post)"), permissions=["approve"])
def approve_join_requests(modeladmin, request, queryset):
    _decide(modeladmin, request, queryset, approve=True)


@admin.action(description=_("Avslå de valgte forespørslene (sender e-post)"), permissions=["approve"])
def reject_join_requests(modeladmin, request, queryset):
    _decide(modeladmin, request, queryset, approve=False)


class JoinRequestDecision(Decision):
    """Approve or turn down a request to join (the actions «Godkjenn/Avslå de valgte forespørslene»)."""

    slug = "vurder"
    name = "decide"
    title = _("Godkjenn eller avslå forespørselen")
    reason_help = _("Må fylles ut når du avslår. Sendes på e-post til den som spurte.")
    reason_max_length = 1000

    def allowed(self, request) -> bool:
        return self.modeladmin.has_approve_permission(request)

    def queryset(self):
        # The admin's list shows only pending requests; this page also shows the decided ones.
        return self.modeladmin.model._default_manager.select_related("user", "decided_by")

    def is_open(self, obj) -> bool:
        return obj.status == Membership.Status.PENDING

    def closed_text(self, obj) -> str:
        if obj.decided_at:
            return _("Dette er allerede avgjort: %(status)s %(when)s av %(who)s.") % {
                "status": obj.get_status_display().lower(),
                "when": when_text(obj.decided_at),
                "who": obj.decided_by or _("et medlem eller en kurator"),
            }
        return super().closed_text(obj)

    def organisation_facts(self, obj) -> list:
        raise NotImplementedError

    def facts(self, request, obj):
        user = obj.user
        return [
            (_("Hvem som spør"), f"{user.name} <{user.email}>" if user.name else user.email),
            (_("Spurt"), when_text(obj.created)),
            (_("Melding"), obj.message),
            *self.organisation_facts(obj),
        ]

    def choices(self, request, obj):
        return [
            Choice("approve", _("Godkjenn")),
            Choice("reject", _("Avslå"), needs_reason=True),
        ]

    def decide(self, request, obj, choice, reason):
        approve = choice.value == "approve"
        services.membership_decide(membership=obj, decided_by=request.user, approve=approve, reason=reason)
        if approve:
            self.log(request, obj, _with_note(_("Godkjent"), reason))
            return _("Forespørselen fra %(user)s er godkjent. De får e-post.") % {"user": obj.user}
        self.log(request, obj, _("Avslått: %(reason)s") % {"reason": reason})
        return _("Forespørselen fra %(user)s er avslått. De får e-post med begrunnelsen.") % {"user": obj.user}


class EntrepreneurJoinRequestDecision(JoinRequestDecision):
    def queryset(self):
        return super().queryset().select_related("entrepreneur")

    def organisation_facts(self, obj):
        entrepreneur = obj.entrepreneur
        members = EntrepreneurMembership.objects.approved().filter(entrepreneur=entrepreneur).count()
        facts = [
            (
                _("Sosial entreprenør"),
                _admin_link(entrepreneur),
            ),
            (_("Status for profilen"), entrepreneur.get_status_display()),
            (_("Medlemmer fra før"), str(members)),
            (_("Nettside"), entrepreneur.website),
        ]
        if obj.orgnr:
            # A claim of a listing: the curator compares the number given with the listing's.
            same = obj.orgnr == entrepreneur.orgnr
            facts += [
                (_("Oppgitt organisasjonsnummer"), obj.orgnr),
                (_("Organisasjonsnummer i oppføringen"), entrepreneur.orgnr or _("mangler")),
                (
                    _("Stemmer nummeret?"),
                    _("ja") if same else (_("oppføringen har ikke nummer") if not entrepreneur.orgnr else _("nei")),
                ),
            ]
        return facts


class BodyJoinRequestDecision(JoinRequestDecision):
    def queryset(self):
        return super().queryset().select_related("public_body")

    def organisation_facts(self, obj):
        body = obj.public_body
        members = BodyMembership.objects.approved().filter(public_body=body).count()
        return [
            (
                _("Offentlig virksomhet"),
                _admin_link(body),
            ),
            (_("Medlemmer fra før"), str(members)),
            (_("E-postdomener som hører til virksomheten"), ", ".join(body.email_domains or [])),
        ]


class JoinRequestAdmin(DecisionPagesMixin, PermissionActionsMixin, admin.ModelAdmin):
    """Requests to join that wait for a curator; deciding one e-mails the person who asked."""

    list_filter = ["created"]
    actions = [approve_join_requests, reject_join_requests]
    readonly_fields = ["user", "message", "status", "created", "decided_at", "decided_by"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(status=Membership.Status.PENDING)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("e-post"))
    def email(self, membership) -> str:
        return membership.user.email


@admin.register(EntrepreneurJoinRequest)
class EntrepreneurJoinRequestAdmin(JoinRequestAdmin):
    decisions = [EntrepreneurJoinRequestDecision]
    # A claim of a listing («Er dette din virksomhet?») carries the organisation number given.
    list_display = ["user", "email", "entrepreneur", "orgnr", "message", "created"]
    list_select_related = ["user", "entrepreneur"]
    search_fields = ["user__email", "user__name", "entrepreneur__name", "orgnr"]
    fields = ["entrepreneur", "orgnr", *JoinRequestAdmin.readonly_fields]
    readonly_fields = fields


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """Messages sent through the portal, for curators who look into abuse. Read only."""

    list_display = ["subject", "sender", "entrepreneur", "public_body", "recipient_count", "created"]
    list_select_related = ["sender", "entrepreneur", "public_body"]
    list_filter = ["created"]
    search_fields = ["subject", "sender__email", "entrepreneur__name", "public_body__name"]
    readonly_fields = ["sender", "entrepreneur", "public_body", "subject", "text", "recipient_count", "created"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(BodyJoinRequest)
class BodyJoinRequestAdmin(JoinRequestAdmin):
    decisions = [BodyJoinRequestDecision]
    list_display = ["user", "email", "public_body", "message", "created"]
    list_select_related = ["user", "public_body"]
    search_fields = ["user__email", "user__name", "public_body__name"]
    fields = ["public_body", *JoinRequestAdmin.readonly_fields]
    readonly_fields = fields
