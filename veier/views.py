"""Pages of the portal as a whole: the language switch and the statements linked from the footer."""

from datetime import date

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language as django_set_language

from accounts import services as account_services


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch; a signed-in user's choice is also kept for the e-mails they get."""
    response = django_set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        account_services.user_remember_language(user=request.user, language=language)
    return response


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    """What personal data the portal keeps, why, for how long, and how to get a copy or have it deleted."""
    return render(request, "pages/privacy.html")


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement, in the structure of Digdir's uustatus for WCAG 2.1 AA."""
    return render(request, "pages/accessibility.html", {"checked": date.fromisoformat(settings.ACCESSIBILITY_CHECKED)})


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page links to; send them to the icon."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))
