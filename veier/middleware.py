import logging
import re
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from veier.fragments import last_changed
from veier.logging import new_request_id, request_id_var

access_log = logging.getLogger("veier.access")

logger = logging.getLogger(__name__)


class LanguageCookieMiddleware:
    """Bokmål unless the visitor has chosen another language with the switcher.

    Django's LocaleMiddleware would follow the browser's Accept-Language, so most visitors with an
    English-language browser would get the English translation of a Norwegian public service. Here
    only the explicit choice (the language cookie) counts.

    The read API (paths under /api/) is used by programs, which have no cookie: there the standard
    Accept-Language header chooses the language of the text fields, and the response varies by it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        is_api = request.path.startswith("/api/")
        if language not in self.supported:
            language = translation.get_language_from_request(request) if is_api else settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # Override, not activate: the thread's language is put back after the response, so that
        # code running later in the same thread (a test creating model rows with translated
        # fields, which modeltranslation writes in the active language) is not left in this one.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie", "Accept-Language"] if is_api else ["Cookie"])
        return response


class RequestIdMiddleware:
    """Give each request an id (X-Request-ID), put it on every log line, and log one line per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = new_request_id(request.META.get("HTTP_X_REQUEST_ID"))
        token = request_id_var.set(request_id)
        request.request_id = request_id
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            # Health checks come every few seconds from each balancer: logged only when debugging.
            level = logging.DEBUG if request.path_info.startswith("/helse/") else logging.INFO
            access_log.log(
                level,
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id_var.reset(token)


class HeadAsGetMiddleware:
    """HEAD is GET without the body (RFC 9110 § 9.3.2), for every view.

    Many views are guarded by @require_GET or require_http_methods(["GET", "POST"]), which answer
    HEAD with 405; load balancers, link checkers and caches send HEAD. Rather than each view
    remembering require_safe, the view sees GET here and the body is dropped on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "HEAD":
            return self.get_response(request)
        request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            request.method = "HEAD"
        if response.streaming:
            # Not response.close(): that signals the end of the request (and closes the database
            # connection) while the middleware above still works; the unread iterator is dropped.
            response.streaming_content = []
        else:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response


class PublicCacheHeadersMiddleware:
    """Let browsers and proxies keep anonymous pages: Cache-Control, Last-Modified (and, through
    ConditionalGetMiddleware, ETag and 304 answers).

    Only a page that is the same for every anonymous visitor qualifies: a GET answered 200 to a
    visitor who is not signed in, that sets no cookie (a form's CSRF cookie, a session, a message)
    and says nothing about caching itself. It varies on Cookie (the language choice), so a proxy
    never serves one language's page, or a signed-in user's, to another.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.cookies
            and not response.has_header("Cache-Control")
            and not getattr(getattr(request, "user", None), "is_authenticated", False)
        ):
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_PAGE_MAX_AGE)
            patch_vary_headers(response, ["Cookie"])
            if not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date(last_modified())
        return response


def last_modified() -> float:
    """When anonymous pages may last have changed: the last change of public data, but no earlier
    than the start of today (pages that depend on the date, like open needs, change at midnight) nor
    than this process's start (a deploy may change every page)."""
    midnight = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
    return max(last_changed() or 0, midnight, PROCESS_STARTED)


PROCESS_STARTED = time.time()


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
LONE_SURROGATES = re.compile("[\ud800-\udfff]")
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_unsafe_characters(request) -> bool:
    """A NUL or a lone surrogate in the path or a cookie, or a lone surrogate anywhere.

    Parameters and form fields may hold a NUL: forms answer it beside the field ("Null-tegn er ikke
    tillatt", Django's validator on every CharField), which keeps what was typed. The path and the
    cookies have no field to answer beside, and views pass them straight to lookups.
    """
    texts = [request.path_info, *request.COOKIES.keys(), *request.COOKIES.values()]
    if any(UNSAFE_CHARACTERS.search(text) for text in texts):
        return True
    data = [request.GET]
    if request.method == "POST" and request.content_type in FORM_TYPES:
        data.append(request.POST)
    return any(
        LONE_SURROGATES.search(text)
        for query in data
        for key, values in query.lists()
        for text in [key, *(value for value in values if isinstance(value, str))]
    )


class RejectUnsafeCharactersMiddleware:
    """Answer 400 to a request that carries a NUL byte in its path or cookies, or a lone surrogate
    anywhere, before any view or session lookup passes them to the database."""

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
