import logging
import time

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

from veier.logging import new_request_id, request_id_var

access_log = logging.getLogger("veier.access")


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
            response.close()
            response.streaming_content = []
        else:
            length = len(response.content)
            response.content = b""
            response["Content-Length"] = str(length)
        return response
