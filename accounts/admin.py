from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import BodyMembership, EntrepreneurMembership, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active"]
    search_fields = ["email", "name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personalia"), {"fields": ["name"]}),
        (_("Tilganger"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Datoer"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "status", "created", "decided_at", "decided_by"]
    list_filter = ["status"]
    list_select_related = ["user", "decided_by"]
    search_fields = ["user__email", "user__name"]
    autocomplete_fields = ["user"]
    readonly_fields = ["created", "decided_at", "decided_by"]


@admin.register(EntrepreneurMembership)
class EntrepreneurMembershipAdmin(MembershipAdmin):
    list_display = ["user", "entrepreneur", *MembershipAdmin.list_display[1:]]
    list_select_related = ["user", "entrepreneur", "decided_by"]
    search_fields = [*MembershipAdmin.search_fields, "entrepreneur__name"]
    autocomplete_fields = ["user", "entrepreneur"]


@admin.register(BodyMembership)
class BodyMembershipAdmin(MembershipAdmin):
    list_display = ["user", "public_body", *MembershipAdmin.list_display[1:]]
    list_select_related = ["user", "public_body", "decided_by"]
    search_fields = [*MembershipAdmin.search_fields, "public_body__name"]
    autocomplete_fields = ["user", "public_body"]
