"""Curation in Django admin: every directory model, with search, filters and publish actions."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

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
    ServiceArea,
    SocialEntrepreneur,
    TargetGroup,
)


@admin.action(description=_("Publiser de valgte"))
def publish(modeladmin, request, queryset):
    count = queryset.update(status=PublicationStatus.PUBLISHED)
    modeladmin.message_user(
        request, ngettext("%(count)d publisert.", "%(count)d publisert.", count) % {"count": count}, messages.SUCCESS
    )


@admin.action(description=_("Avpubliser de valgte (sett som utkast)"))
def unpublish(modeladmin, request, queryset):
    count = queryset.update(status=PublicationStatus.DRAFT)
    modeladmin.message_user(
        request,
        ngettext("%(count)d avpublisert.", "%(count)d avpublisert.", count) % {"count": count},
        messages.SUCCESS,
    )


@admin.action(description=_("Publiser de valgte tilbudene"))
def publish_offers(modeladmin, request, queryset):
    # One UPDATE statement: the offer trigger refreshes each entrepreneur's search document once.
    count = queryset.update(status=Offer.Status.PUBLISHED)
    modeladmin.message_user(request, ngettext("%(count)d publisert.", "%(count)d publisert.", count) % {"count": count})


@admin.action(description=_("Avpubliser de valgte tilbudene"))
def unpublish_offers(modeladmin, request, queryset):
    count = queryset.update(status=Offer.Status.DRAFT)
    modeladmin.message_user(
        request, ngettext("%(count)d avpublisert.", "%(count)d avpublisert.", count) % {"count": count}
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


class TaxonomyAdmin(admin.ModelAdmin):
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


@admin.register(PublicBody)
class PublicBodyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "municipality", "county", "parent", "status"]
    list_filter = ["status", "kind", "county"]
    list_select_related = ["municipality", "county", "parent"]
    search_fields = ["name", "former_name", "orgnr"]
    autocomplete_fields = ["municipality", "county", "parent"]
    filter_horizontal = ["service_areas"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ContactPersonInline]
    actions = [publish, unpublish]


@admin.register(ContactPerson)
class ContactPersonAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "public_body", "consent_public"]
    list_filter = ["consent_public", "service_areas"]
    list_select_related = ["public_body"]
    search_fields = ["name", "title", "email", "public_body__name"]
    autocomplete_fields = ["public_body"]
    filter_horizontal = ["service_areas"]


class OfferInline(admin.StackedInline):
    model = Offer
    extra = 0
    fields = ["title", "description", "service_areas", "target_groups", "collaboration_forms", "status"]
    filter_horizontal = ["service_areas", "target_groups", "collaboration_forms"]
    show_change_link = True


@admin.register(SocialEntrepreneur)
class SocialEntrepreneurAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation_form", "nationwide", "status", "updated"]
    list_filter = ["status", "nationwide", "organisation_form", "service_areas", "target_groups"]
    list_select_related = ["organisation_form"]
    search_fields = ["name", "orgnr", "summary"]
    autocomplete_fields = ["counties", "municipalities"]
    filter_horizontal = ["service_areas", "target_groups"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created", "updated"]
    inlines = [OfferInline]
    actions = [publish, unpublish]
    fieldsets = [
        (None, {"fields": ["name", "slug", "orgnr", "organisation_form", "founded", "status", "rejection_reason"]}),
        (_("Tekst"), {"fields": ["summary", "social_mission", "description"]}),
        (_("Kontakt"), {"fields": ["website", "email"]}),
        (
            _("Hvor og for hvem"),
            {"fields": ["nationwide", "counties", "municipalities", "service_areas", "target_groups"]},
        ),
        (_("Kilde og historikk"), {"fields": ["source", "created", "updated"]}),
    ]


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ["title", "entrepreneur", "status", "updated"]
    list_filter = ["status", "service_areas", "collaboration_forms"]
    list_select_related = ["entrepreneur"]
    search_fields = ["title", "description", "entrepreneur__name"]
    autocomplete_fields = ["entrepreneur"]
    filter_horizontal = ["service_areas", "target_groups", "collaboration_forms"]
    actions = [publish_offers, unpublish_offers]


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["title", "source_chapter", "year", "status"]
    list_filter = ["status", "source_chapter", "collaboration_forms", "service_areas", "procurement_applied"]
    search_fields = ["title", "summary", "body"]
    autocomplete_fields = ["public_bodies", "entrepreneurs"]
    filter_horizontal = ["collaboration_forms", "service_areas"]
    prepopulated_fields = {"slug": ["title"]}
    actions = [publish, unpublish]
