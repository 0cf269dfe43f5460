from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from procurement import freshness
from procurement.models import GuidanceItem, GuidancePage, GuidanceSection, Myth, ThresholdPeriod, ThresholdUncertainty
from procurement.services import guidance_facts


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
    change_list_template = "admin/procurement/thresholdperiod/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view(self.last_verified_view)
        return [path("sist-kontrollert/", view, name="procurement_last_verified"), *super().get_urls()]

    def last_verified_view(self, request):
        """Every period and guidance page by the date it was last verified, oldest first, with its doubts.

        Needs the view permission on both periods and guidance pages: it shows both.
        """
        if not (
            request.user.has_perm("procurement.view_thresholdperiod")
            and request.user.has_perm("procurement.view_guidancepage")
        ):
            raise PermissionDenied
        today = timezone.localdate()
        rows = [
            {
                "fact": fact,
                "too_old": freshness.is_too_old(fact.last_verified, today),
            }
            for fact in freshness.oldest_first(guidance_facts())
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Sist kontrollert"),
            "opts": self.model._meta,
            "rows": rows,
            "max_age_months": freshness.MAX_AGE_MONTHS,
        }
        return TemplateResponse(request, "admin/procurement/last_verified.html", context)


class GuidanceSectionInline(TranslationStackedInline):
    model = GuidanceSection
    extra = 0
    show_change_link = True
    fields = ("order", "heading", "body", "display", "link_url", "link_text")


@admin.register(GuidancePage)
class GuidancePageAdmin(TranslationAdmin):
    list_display = ("title", "slug", "order", "show_myths", "last_verified")
    list_editable = ("order",)
    search_fields = ("title", "summary", "intro", "sections__heading", "sections__body")
    prepopulated_fields = {"slug": ("title",)}
    list_filter = ("last_verified",)
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
