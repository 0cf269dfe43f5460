import logging
import re

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.cache import patch_vary_headers

logger = logging.getLogger(__name__)


class LanguageCookieMiddleware:
    """Bokmål unless the visitor has chosen another language with the switcher.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so most visitors with an
    English-language browser would get the English translation of a Norwegian public service. Here
    only the explicit choice (the language cookie) counts.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response


class PermissionsPolicyMiddleware:
    """Permissions-Policy on every response: the portal uses no camera, microphone, location …"""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        return response


# NUL bytes cannot be stored in PostgreSQL text (psycopg2 refuses the query) and lone surrogates
# cannot be encoded; no browser sends either from what a person types.
UNSAFE_CHARACTERS = re.compile("[\x00\ud800-\udfff]")


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _texts(request):
    """Every piece of text the request carries that a view might pass on."""
    yield request.path_info
    for key, values in request.GET.lists():
        yield key
        yield from values
    for key, value in request.COOKIES.items():
        yield key
        yield value
    if request.method == "POST" and request.content_type in FORM_TYPES:
        for key, values in request.POST.lists():
            yield key
            yield from (value for value in values if isinstance(value, str))


def _has_unsafe_characters(request) -> bool:
    return any(UNSAFE_CHARACTERS.search(text) for text in _texts(request))


class RejectUnsafeCharactersMiddleware:
    """Answer 400 to a request whose address, parameters, form fields or cookies hold a NUL byte or a
    lone surrogate, before any view, session lookup or form passes them to the database.

    One check at the edge instead of one in every view: a view that looks up `?orgnr=` or a token in
    the path would otherwise answer such a value with a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_unsafe_characters(request):
            return render(request, "bad_characters.html", status=400)
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """When the database cannot be reached, say so with a 503 page that keeps the visitor's work.

    The page is rendered without touching the database (no user, no session) and tells the visitor
    that what they sent was not saved, and that going back in the browser brings the form back with
    what they typed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("Database unavailable for %s %s", request.method, request.path, exc_info=exception)
        context = {"posted": request.method == "POST", "LANGUAGE_CODE": translation.get_language()}
        response = HttpResponse(
            loader.get_template("503.html").render(context), status=503, content_type="text/html; charset=utf-8"
        )
        response["Retry-After"] = "30"
        return response
