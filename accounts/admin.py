from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import AdminLoginForm
from accounts.models import Attempt, BodyMembership, EntrepreneurMembership, User

# The admin's log-in goes through the same throttle as the portal's.
admin.site.login_form = AdminLoginForm


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "name", "is_staff", "is_active", "date_joined", "confirmed_at"]
    list_filter = ["is_staff", "is_superuser", "is_active"]
    search_fields = ["email", "name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personalia"), {"fields": ["name"]}),
        (_("Tilganger"), {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        (_("Datoer"), {"fields": ["last_login", "date_joined", "confirmed_at"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]

    def save_model(self, request, obj, form, change):
        if not change and obj.confirmed_at is None:
            # A curator vouches for the address; without this the account would look like an unconfirmed sign-up.
            obj.confirmed_at = timezone.now()
        super().save_model(request, obj, form, change)


class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "status", "created", "decided_at", "decided_by"]
    list_filter = ["status"]
    list_select_related = ["user", "decided_by"]
    search_fields = ["user__email", "user__name"]
    autocomplete_fields = ["user"]
    # Decisions go through the join-request lists (directory admin), which e-mail the applicant.
    readonly_fields = ["status", "created", "decided_at", "decided_by"]


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


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    """Read-only: who is being throttled now (rows older than the window are deleted as new ones come)."""

    list_display = ["scope", "key", "created"]
    list_filter = ["scope"]
    search_fields = ["key"]
    date_hierarchy = "created"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
