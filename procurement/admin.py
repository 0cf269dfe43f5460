from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from procurement.models import GuidanceItem, GuidancePage, GuidanceSection, Myth, ThresholdPeriod, ThresholdUncertainty


class ThresholdUncertaintyInline(TranslationTabularInline):
    model = ThresholdUncertainty
    extra = 0


@admin.register(ThresholdPeriod)
class ThresholdPeriodAdmin(TranslationAdmin):
    # Translation* admin classes show each translated field once per language.
    list_display = (
        "valid_from",
        "lower_limit",
        "national_threshold",
        "eea_central_government",
        "eea_other_buyers",
        "eea_works",
        "eea_special_services",
        "last_verified",
    )
    ordering = ("valid_from",)
    date_hierarchy = "valid_from"
    search_fields = ("sources", "notes")
    inlines = [ThresholdUncertaintyInline]
    fieldsets = (
        (None, {"fields": ("valid_from",)}),
        (
            _("Beløp i kroner uten mva."),
            {
                "fields": (
                    "lower_limit",
                    "national_threshold",
                    "eea_central_government",
                    "eea_other_buyers",
                    "eea_works",
                    "eea_special_services",
                )
            },
        ),
        (_("Kilder og kontroll"), {"fields": ("sources", "notes", "last_verified")}),
    )


class GuidanceSectionInline(TranslationStackedInline):
    model = GuidanceSection
    extra = 0
    show_change_link = True
    fields = ("order", "heading", "body", "display", "link_url", "link_text")


@admin.register(GuidancePage)
class GuidancePageAdmin(TranslationAdmin):
    list_display = ("title", "slug", "order", "show_myths")
    list_editable = ("order",)
    search_fields = ("title", "summary", "intro", "sections__heading", "sections__body")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [GuidanceSectionInline]


class GuidanceItemInline(TranslationStackedInline):
    model = GuidanceItem
    extra = 0
    fields = (
        "order",
        "title",
        "text",
        ("when", "start_month", "end_month"),
        "highlight",
        ("link_url", "link_text"),
    )


@admin.register(GuidanceSection)
class GuidanceSectionAdmin(TranslationAdmin):
    list_display = ("heading", "page", "order", "display")
    list_filter = ("page", "display")
    search_fields = ("heading", "body", "items__title", "items__text")
    inlines = [GuidanceItemInline]


@admin.register(Myth)
class MythAdmin(TranslationAdmin):
    list_display = ("number", "claim")
    search_fields = ("claim", "answer")
