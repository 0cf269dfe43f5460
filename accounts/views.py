"""Sign-up, log-in, passwords, and the signed-in user's own pages (/min-side/, data download, deletion).

No page says whether an address has an account: sign-up, a new confirmation link and password reset
always end on the same "check your e-mail" page, and the owner of the address learns the rest by mail.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import services, throttle
from accounts.forms import DeleteAccountForm, EmailForm, LoginForm, NewPasswordForm, PasswordChangeForm, SignupForm
from accounts.models import BodyMembership, EntrepreneurMembership
from accounts.tokens import AlreadyConfirmed, LinkExpired, LinkInvalid, user_for_confirmation_token
from agreements import services as agreements_services
from directory import member_views as directory_member_views
from directory import services as directory_services
from directory.models import PublicationStatus, SocialEntrepreneur
from matchmaking import services as matchmaking_services
from matchmaking import views as matchmaking_views

AUTH_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _safe_next(request: HttpRequest) -> str:
    """The ?next= address to return to after logging in, if it is a path on this site; else "".

    Only absolute paths: a bare word would be taken by redirect() for the name of a view, and a
    full address on another site would send the user away after they typed their password.
    """
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return next_url if allowed and next_url.startswith("/") and not next_url.startswith("//") else ""


@sensitive_post_parameters("password1", "password2")
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    if request.method == "POST":
        form = SignupForm(request.POST)
        if form.is_spam():
            return redirect("accounts:signup-done")
        if form.is_valid() and throttle.allow(request, "signup", form=form, address=form.cleaned_data["email"]):
            data = form.cleaned_data
            services.user_signup(name=data["name"], email=data["email"], password=data["password1"])
            return redirect("accounts:signup-done")
    else:
        form = SignupForm()
    return render(request, "accounts/signup.html", {"form": form})


@require_GET
def signup_done(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/check_email.html", {"reason": "signup"})


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button and POST confirms, so that mail scanners that open links confirm nothing."""
    try:
        user = user_for_confirmation_token(token)
    except AlreadyConfirmed:
        return render(request, "accounts/confirm_invalid.html", {"reason": "confirmed"})
    except LinkExpired:
        return render(request, "accounts/confirm_invalid.html", {"reason": "expired"}, status=400)
    except LinkInvalid:
        return render(request, "accounts/confirm_invalid.html", {"reason": "invalid"}, status=400)
    if request.method == "POST":
        services.user_confirm(user=user)
        login(request, user, backend=AUTH_BACKEND)
        services.user_remember_language(user=user, language=request.LANGUAGE_CODE)
        messages.success(request, _("E-postadressen er bekreftet, og du er logget inn. Velkommen!"))
        return redirect("accounts:dashboard")
    return render(request, "accounts/confirm.html", {"confirming": user})


@require_http_methods(["GET", "POST"])
def confirm_resend(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = EmailForm(request.POST)
        if form.is_valid() and throttle.allow(request, "resend", form=form, address=form.cleaned_data["email"]):
            services.confirmation_resend(email=form.cleaned_data["email"])
            return redirect("accounts:confirm-resent")
    else:
        form = EmailForm()
    return render(request, "accounts/confirm_resend.html", {"form": form})


@require_GET
def confirm_resent(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/check_email.html", {"reason": "resend"})


@sensitive_post_parameters("password")
@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    next_url = _safe_next(request)
    if request.method == "POST":
        form = LoginForm(request, request.POST)
        if form.is_valid():
            login(request, form.user, backend=AUTH_BACKEND)
            services.user_remember_language(user=form.user, language=request.LANGUAGE_CODE)
            return HttpResponseRedirect(next_url or settings.LOGIN_REDIRECT_URL)
    else:
        if request.user.is_authenticated:
            return HttpResponseRedirect(next_url or settings.LOGIN_REDIRECT_URL)
        form = LoginForm(request)
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("Du er logget ut."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


@sensitive_post_parameters("old_password", "new_password1", "new_password2")
@login_required
@require_http_methods(["GET", "POST"])
def password_change(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = PasswordChangeForm(request.user, request.POST)
        if form.is_valid():
            form.save()
            update_session_auth_hash(request, request.user)  # stay logged in here, out everywhere else
            messages.success(request, _("Passordet er endret."))
            return redirect("accounts:dashboard")
    else:
        form = PasswordChangeForm(request.user)
    return render(request, "accounts/password_change.html", {"form": form})


@require_http_methods(["GET", "POST"])
def password_reset(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = EmailForm(request.POST)
        if form.is_valid() and throttle.allow(request, "reset", form=form, address=form.cleaned_data["email"]):
            services.password_reset_request(email=form.cleaned_data["email"])
            return redirect("accounts:password-reset-sent")
    else:
        form = EmailForm()
    return render(request, "accounts/password_reset.html", {"form": form})


@require_GET
def password_reset_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/check_email.html", {"reason": "reset"})


# Django's view checks the link and keeps the token out of the address bar (and so out of Referer
# headers) while the new password is typed; the form and the pages are ours.
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    form_class=NewPasswordForm,
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password-reset-complete"),
    reset_url_token="nytt-passord",
)


@require_GET
def password_reset_complete(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/password_reset_complete.html")


def _curator_queue() -> dict:
    """What waits for curators: profiles and memberships to approve."""
    return {
        "pending_entrepreneurs": SocialEntrepreneur.objects.filter(status=PublicationStatus.PENDING).count(),
        "pending_entrepreneur_memberships": EntrepreneurMembership.objects.pending().count(),
        "pending_body_memberships": BodyMembership.objects.pending().count(),
    }


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    # The other apps' sections: the user's organisations, their state and what waits (directory),
    # needs and dialogues (matchmaking).
    context = {
        **directory_member_views.dashboard_context(user),
        **matchmaking_views.dashboard_context(user, request.GET.get("side")),
        **agreements_services.dashboard_context(user),
        "curator_queue": _curator_queue() if user.is_staff else None,
    }
    return render(request, "accounts/dashboard.html", context)


@login_required
@never_cache
@require_GET
def my_data(request: HttpRequest) -> HttpResponse:
    user = request.user
    data = {
        "exported_at": timezone.now().isoformat(),
        **services.export_user_data(user),
        **directory_services.export_user_data(user),
        **matchmaking_services.export_user_data(user),
    }
    response = JsonResponse(
        data, json_dumps_params={"ensure_ascii": False, "indent": 2}, content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="mine-data.json"'
    return response


@sensitive_post_parameters("password")
@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = DeleteAccountForm(request.user, request.POST)
        if form.is_valid():
            user = request.user
            deleted = services.user_delete(user=user)
            logout(request)
            if deleted:
                messages.success(
                    request,
                    _("Kontoen din er slettet, sammen med disse upubliserte profilene: %(names)s.")
                    % {"names": ", ".join(deleted)},
                )
            else:
                messages.success(request, _("Kontoen din er slettet."))
            return redirect("directory:home")
    else:
        form = DeleteAccountForm(request.user)
    context = {
        "form": form,
        "deleted_with_account": services.entrepreneurs_deleted_with(request.user).order_by("name"),
        "staying_entrepreneurs": EntrepreneurMembership.objects.approved()
        .filter(user=request.user)
        .exclude(entrepreneur__in=services.entrepreneurs_deleted_with(request.user))
        .select_related("entrepreneur")
        .order_by("entrepreneur__name"),
    }
    return render(request, "accounts/delete.html", context)
