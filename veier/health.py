"""Health checks for a load balancer.

- ``/helse/``: liveness — the process answers; touches nothing else, so a database outage does not
  make every app server look dead at once (restarting them would not help).
- ``/helse/klar/``: readiness — the database answers a query and the shared cache stores and returns
  a value; 503 otherwise, so the balancer stops sending requests to this server.

They are answered by a middleware at the top of the stack: a balancer asks by IP address over plain
HTTP, which ALLOWED_HOSTS and the HTTPS redirect would otherwise refuse, and a health check needs
no session, language or CSRF. The answers are never cached.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

LIVE_PATH = "/helse/"
READY_PATH = "/helse/klar/"


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    found = cache.get(key)
    cache.delete(key)
    if found != "1":
        raise RuntimeError("the cache did not return the value just stored")


def readiness() -> tuple[bool, dict[str, str]]:
    checks = {}
    for name, check in (("database", check_database), ("cache", check_cache)):
        try:
            check()
            checks[name] = "ok"
        except Exception as error:  # any failure means not ready; say which, log why
            logger.warning("readiness check %s failed: %s", name, error)
            checks[name] = "feil"
            if name == "database":
                connection.close_if_unusable_or_obsolete()
    return all(value == "ok" for value in checks.values()), checks


def live_view(request) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain; charset=utf-8")


def ready_view(request) -> HttpResponse:
    ready, checks = readiness()
    return JsonResponse({"status": "ok" if ready else "feil", **checks}, status=200 if ready else 503)


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        view = {LIVE_PATH: live_view, READY_PATH: ready_view}.get(request.path_info)
        if view is None:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = HttpResponse(status=405)
            response["Allow"] = "GET, HEAD"
            return response
        response = view(request)
        add_never_cache_headers(response)
        if request.method == "HEAD":
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
