"""Curation of needs and dialogues in Django admin; alert settings are shown for support."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from matchmaking.models import AlertDelivery, AlertSubscription, Concept, Interest, Message, Need


class InterestInline(admin.TabularInline):
    model = Interest
    extra = 0
    fields = ("entrepreneur", "kind", "state", "started_by", "created")
    readonly_fields = ("entrepreneur", "kind", "started_by", "created")
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Need)
class NeedAdmin(admin.ModelAdmin):
    list_display = ("title", "public_body", "status", "visibility", "published_at", "answer_deadline")
    list_filter = ("status", "visibility", "service_areas", "county")
    search_fields = ("title", "challenge", "effects", "public_body__name")
    list_select_related = ("public_body",)
    autocomplete_fields = ("public_body", "municipality")
    raw_id_fields = ("author",)
    filter_horizontal = ("service_areas", "target_groups", "collaboration_forms")
    readonly_fields = ("published_at", "created", "updated")
    date_hierarchy = "published_at"
    inlines = [InterestInline]


class MessageInline(admin.StackedInline):
    model = Message
    extra = 0
    fields = ("side", "author", "text", "created")
    readonly_fields = ("side", "author", "created")


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    list_display = ("need", "entrepreneur", "kind", "state", "updated")
    list_filter = ("kind", "state")
    search_fields = ("need__title", "entrepreneur__name")
    list_select_related = ("need", "entrepreneur")
    raw_id_fields = ("need", "entrepreneur", "started_by")
    readonly_fields = ("created", "updated")
    inlines = [MessageInline]


@admin.register(AlertSubscription)
class AlertSubscriptionAdmin(admin.ModelAdmin):
    list_display = ("user", "frequency", "active_since", "last_sent_at")
    list_filter = ("frequency",)
    search_fields = ("user__email",)
    raw_id_fields = ("user",)
    readonly_fields = ("last_sent_at", "updated")


@admin.register(AlertDelivery)
class AlertDeliveryAdmin(admin.ModelAdmin):
    list_display = ("need", "user", "sent_at")
    search_fields = ("need__title", "user__email")
    list_select_related = ("need", "user")
    raw_id_fields = ("need", "user")
    date_hierarchy = "sent_at"

    def has_add_permission(self, request):
        return False


@admin.register(Concept)
class ConceptAdmin(TranslationAdmin):
    """The thesaurus the matching reads needs and entrepreneurs through (matchmaking/scoring.py).

    The name is edited in bokmål, nynorsk and English side by side (TranslationAdmin); readers see it
    in match reasons, and the bokmål name is also one of the concept's terms."""

    list_display = ("name", "slug", "updated")
    search_fields = ("name_nb", "name_nn", "name_en", "slug", "terms")
    list_filter = ("service_areas", "target_groups")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("service_areas", "target_groups")
    fields = ("name", "slug", "terms", "service_areas", "target_groups")
