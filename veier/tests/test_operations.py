"""Operations: cache settings, health checks, HEAD, request ids in JSON logs, backups."""

import json
import logging
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve

from veier.backup import count_differences
from veier.config import cache_settings
from veier.logging import JsonFormatter, RequestIdFilter, new_request_id

# --- CACHE_URL -------------------------------------------------------------------------------------


def test_cache_url_redis_uses_djangos_redis_cache():
    caches = cache_settings("redis://127.0.0.1:6379/1?timeout=60", debug=False)
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert caches["default"]["LOCATION"] == "redis://127.0.0.1:6379/1"
    assert caches["default"]["TIMEOUT"] == 60


def test_cache_url_db_names_the_table():
    assert cache_settings("db://my_cache", debug=False)["default"]["LOCATION"] == "my_cache"
    assert cache_settings("db://", debug=False)["default"]["LOCATION"] == "veier_cache"


def test_production_without_cache_url_uses_the_database_cache():
    assert cache_settings("", debug=False)["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


def test_development_without_cache_url_uses_memory():
    assert cache_settings("", debug=True)["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


@pytest.mark.parametrize("url", ["locmem://", "memcached://x", "nonsense"])
def test_production_refuses_per_process_or_unknown_caches(url):
    with pytest.raises(ImproperlyConfigured):
        cache_settings(url, debug=False)


# --- Health ------------------------------------------------------------------------------------------


def test_liveness_answers_without_the_database(client):
    """No database access is allowed in this test: touching it would raise."""
    response = client.get("/helse/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readiness_checks_database_and_cache(client):
    response = client.get("/helse/klar/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_health_answers_any_host_over_plain_http(client, settings):
    """A load balancer asks by IP address over HTTP: no 400 for the host, no HTTPS redirect."""
    settings.ALLOWED_HOSTS = ["veier.example.no"]
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/helse/", HTTP_HOST="10.0.0.7").status_code == 200
    assert client.get("/helse/klar/", HTTP_HOST="10.0.0.7").status_code == 200
    assert client.get("/", HTTP_HOST="10.0.0.7").status_code == 400


@pytest.mark.django_db
def test_readiness_fails_when_the_database_is_down(client, monkeypatch):
    def refuse(*args, **kwargs):
        from django.db import OperationalError

        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr("veier.health.check_database", refuse)
    response = client.get("/helse/klar/")
    assert response.status_code == 503
    assert response.json() == {"status": "feil", "database": "feil", "cache": "ok"}
    assert client.get("/helse/").status_code == 200  # alive, only not ready


@pytest.mark.django_db
def test_readiness_fails_when_the_database_is_unreachable(client):
    """A real connection to a port where nothing listens, as when PostgreSQL is stopped."""
    from django.db import connections

    original = dict(connections["default"].settings_dict)
    connections["default"].close()
    connections["default"].settings_dict.update(HOST="127.0.0.1", PORT="1")
    try:
        response = client.get("/helse/klar/")
    finally:
        connections["default"].close()
        connections["default"].settings_dict.clear()
        connections["default"].settings_dict.update(original)
    assert response.status_code == 503
    assert response.json()["database"] == "feil"


@pytest.mark.django_db
def test_readiness_fails_when_the_cache_is_down(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    response = client.get("/helse/klar/")  # changing CACHES resets Django's cache handlers
    assert response.status_code == 503
    assert response.json() == {"status": "feil", "database": "ok", "cache": "feil"}


def test_health_refuses_other_methods(client):
    response = client.post("/helse/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_head_of_health_has_no_body(client):
    response = client.head("/helse/")
    assert response.status_code == 200
    assert response.content == b""


# --- HEAD wherever GET works --------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.extend(value for name, value in attrs if name == "href" and value)


def _plain_get_routes(resolver=None, prefix=""):
    """Paths of every route without parameters (admin and the language switch aside)."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if not route.startswith(("admin/", "i18n/")):
                yield from _plain_get_routes(pattern, route)
        elif isinstance(pattern, URLPattern) and "<" not in route:
            yield "/" + route


def _crawl(client, start_paths, per_route=2):
    """Internal pages reachable by links from the start paths, at most `per_route` for each route
    (two profiles tell as much as forty): {path: GET response}."""
    seen, queue, pages, per = set(), list(start_paths), {}, {}
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        try:
            route = resolve(urlsplit(path).path).route
        except Resolver404:
            route = path
        if per.get(route, 0) >= per_route:
            continue
        per[route] = per.get(route, 0) + 1
        response = client.get(path)
        pages[path] = response
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            parser = _Links()
            parser.feed(response.content.decode())
            for link in parser.links:
                target = urlsplit(urljoin(path, link))
                if target.scheme or target.netloc or target.path.startswith(("/admin/", "/static/", "/i18n/")):
                    continue
                queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return pages


@pytest.mark.django_db
def test_head_works_wherever_get_does(client, booklet, django_user_model):
    """HEAD answers like GET, without a body, on every page the site links to and every plain route,
    for a visitor and for a signed-in user."""
    routes = sorted(set(_plain_get_routes()))
    assert "/" in routes and "/entreprenorer/" in routes
    user = django_user_model.objects.create_user(email="kari@example.no", password="et langt passord 123")
    for signed_in in (False, True):
        if signed_in:
            client.force_login(user)
        pages = _crawl(client, routes)
        assert {"entreprenorer/<slug:slug>/", "virksomheter/<slug:slug>/", "eksempler/<slug:slug>/"} <= {
            resolve(urlsplit(path).path).route for path in pages if pages[path].status_code == 200
        }
        for path, got in pages.items():
            head = client.head(path)
            assert head.status_code == got.status_code, f"HEAD {path}: {head.status_code}, GET: {got.status_code}"
            body = b"".join(head.streaming_content) if head.streaming else head.content
            assert body == b"", path
            if got.status_code == 200 and not got.streaming:
                assert head["Content-Length"] == str(len(got.content)), path


@pytest.mark.django_db
def test_head_of_start_page_was_405_and_is_200(client):
    response = client.head("/")
    assert response.status_code == 200
    assert response.content == b""


def test_post_only_views_still_refuse_head_as_they_refuse_get(client):
    """HEAD takes the GET path: a view that refuses GET refuses HEAD too."""
    assert client.get("/konto/logg-ut/").status_code == client.head("/konto/logg-ut/").status_code


# --- Logs with the request id --------------------------------------------------------------------------


def test_request_id_comes_from_a_sane_header_or_is_made():
    assert new_request_id("abc-123") == "abc-123"
    made = new_request_id('x"\n{"forged": 1}')
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    assert re.fullmatch(r"[0-9a-f]{32}", new_request_id(None))
    assert new_request_id("a" * 65) != "a" * 65


def test_json_formatter_writes_one_object_a_line():
    record = logging.LogRecord("veier.test", logging.WARNING, __file__, 1, "Hei %s\nny linje", ("verden",), None)
    record.path = "/behov/"
    RequestIdFilter().filter(record)
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "Hei verden\nny linje"
    assert entry["level"] == "WARNING"
    assert entry["path"] == "/behov/"
    assert entry["request_id"] == "-"


@pytest.mark.django_db
def test_every_log_line_of_a_request_carries_its_id(client, caplog):
    caplog.set_level(logging.INFO, logger="veier.access")
    response = client.get("/helse/klar/", HTTP_X_REQUEST_ID="lb-42")
    assert response["X-Request-ID"] == "lb-42"
    response = client.get("/anskaffelser/", HTTP_X_REQUEST_ID="lb-43")
    assert response["X-Request-ID"] == "lb-43"
    (record,) = [r for r in caplog.records if r.name == "veier.access"]
    assert record.request_id == "lb-43"
    assert record.status == 200
    assert record.path == "/anskaffelser/"
    entry = json.loads(JsonFormatter().format(record))
    assert entry["request_id"] == "lb-43" and entry["method"] == "GET" and entry["duration_ms"] >= 0


def test_a_response_without_a_request_id_header_gets_a_new_one(client):
    first, second = client.get("/helse/")["X-Request-ID"], client.get("/helse/")["X-Request-ID"]
    assert first != second


# --- Backups ----------------------------------------------------------------------------------------


def test_count_differences_names_each_table_that_differs():
    assert count_differences({"a": 1, "b": 2}, {"a": 1, "b": 2}) == []
    assert count_differences({"a": 1, "b": 2, "c": 3}, {"a": 1, "b": 0, "d": 4}) == [
        "b: 2 → 0",
        "c: 3 → missing",
        "d: missing → 4",
    ]


def test_backup_dumps_restores_and_compares_row_counts(live_db, tmp_path, capsys):
    from directory.models import ServiceArea

    ServiceArea.objects.create(name="Backupområde", slug="backupomrade")
    cache.set("kept", "1")
    output = tmp_path / "backup.dump"
    call_command("backup", "--verify", "--output", str(output))
    assert output.stat().st_size > 0
    printed = capsys.readouterr().out
    assert "every count equal" in printed
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [connection.settings_dict["NAME"] + "_restore_check"]
        )
        assert cursor.fetchone() is None  # the copy is dropped


def test_backup_verify_fails_when_a_count_differs(live_db, tmp_path, monkeypatch):
    from django.core.management.base import CommandError

    import veier.backup

    real = veier.backup.row_counts
    calls = []

    def restored_loses_a_row(conn):
        counts = real(conn)
        calls.append(counts)
        if len(calls) == 2:  # the restored copy
            counts["directory_servicearea"] -= 1
        return counts

    monkeypatch.setattr(veier.backup, "row_counts", restored_loses_a_row)
    from directory.models import ServiceArea

    ServiceArea.objects.create(name="Backupområde", slug="backupomrade")
    with pytest.raises(CommandError, match="directory_servicearea"):
        call_command("backup", "--verify", "--output", str(tmp_path / "b.dump"))
