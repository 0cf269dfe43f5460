"""Issue 11, findings 1, 8, 10 and 11: production defaults, headers, a database restart, the embedded helper."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "test-" + "k" * 60,
    "ALLOWED_HOSTS": "veier.example.no",
    "SITE_URL": "https://veier.example.no",
    # Never connected to: the pages asked for below do not touch the database.
    "DATABASE_URL": "postgres://nobody@127.0.0.1:1/unused",
}

# Runs in a separate Python, because settings are read once per process.
PROBE = r"""
import json, os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "veier.settings")
django.setup()
from django.test import Client
from django.conf import settings
# collectstatic is not run for tests: plain storage instead of the manifest production uses.
settings.STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
client = Client(HTTP_HOST="veier.example.no")
page = client.get("/konto/logg-inn/", HTTP_X_FORWARDED_PROTO="https")
insecure = client.get("/konto/logg-inn/")
language = client.post("/i18n/setlang/", {"language": "nn", "next": "/"}, HTTP_X_FORWARDED_PROTO="https")
print(json.dumps({
    "status": page.status_code,
    "headers": dict(page.headers),
    "cookies": {name: dict(morsel.items()) for name, morsel in page.cookies.items()},
    "language_cookie": dict(language.cookies["sprak"].items()),
    "insecure": [insecure.status_code, insecure.headers.get("Location", "")],
    "html": page.content.decode(),
    "debug": settings.DEBUG,
    "site_url": settings.SITE_URL,
    "health_checks": settings.DATABASES["default"]["CONN_HEALTH_CHECKS"],
}))
"""


def _python(code: str, env: dict) -> subprocess.CompletedProcess:
    settings_variables = ("DEBUG", "SECRET_KEY", "SITE_URL", "DATABASE_URL", "PORT")
    clean = {key: value for key, value in os.environ.items() if key not in settings_variables}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def production():
    result = _python(PROBE, PRODUCTION)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_headers(production):
    headers = {key.lower(): value for key, value in production["headers"].items()}
    assert production["status"] == 200 and production["debug"] is False
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "camera=()" in headers["permissions-policy"] and "geolocation=()" in headers["permissions-policy"]
    assert headers["strict-transport-security"].startswith("max-age=31536000")
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"
    assert production["insecure"] == [301, "https://veier.example.no/konto/logg-inn/"]


def test_production_cookies_are_secure(production):
    csrf = production["cookies"]["csrftoken"]
    assert csrf["secure"] is True and csrf["samesite"] == "Lax"
    language = production["language_cookie"]
    assert language["secure"] is True and language["httponly"] is True and language["samesite"] == "Lax"


def test_pages_have_no_inline_script_or_style(production):
    """The policy forbids inline script and style, so the pages must not need them."""
    html = production["html"]
    assert "<script>" not in html and "<style" not in html and " style=" not in html
    assert "onclick=" not in html and "javascript:" not in html


def test_health_checks_are_on(production):
    assert production["health_checks"] is True


SETUP = "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'veier.settings'; django.setup(); "


def test_with_debug_unset_the_portal_runs_in_production_mode():
    env = {key: value for key, value in PRODUCTION.items() if key != "DEBUG"}
    result = _python(SETUP + "from django.conf import settings; print('DEBUG', settings.DEBUG)", env)
    assert result.returncode == 0, result.stderr
    assert "DEBUG False" in result.stdout


@pytest.mark.parametrize(
    "missing, message",
    [("SECRET_KEY", "Set SECRET_KEY"), ("SITE_URL", "Set SITE_URL"), ("DATABASE_URL", "DATABASE_URL is not set")],
)
def test_production_refuses_to_start_without_its_settings(missing, message):
    result = _python(SETUP, {key: value for key, value in PRODUCTION.items() if key != missing})
    assert result.returncode != 0
    assert message in result.stderr


def test_site_url_in_development_follows_port():
    env = {"DEBUG": "1", "PORT": "8123", "DATABASE_URL": PRODUCTION["DATABASE_URL"]}
    result = _python(SETUP + "from django.conf import settings; print(settings.SITE_URL)", env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "http://127.0.0.1:8123"


def test_dev_py_sets_site_url_from_port(monkeypatch):
    sys.path.insert(0, str(ROOT))
    try:
        import dev
    finally:
        sys.path.remove(str(ROOT))
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setenv("PORT", "9031")
    dev.development_environment()
    assert os.environ["SITE_URL"] == "http://127.0.0.1:9031"
    assert os.environ["DEBUG"] in ("1", "true")


# --- A database restart (finding 8) -------------------------------------------------------------


def _terminate_connections_of_this_database(keep: int) -> int:
    """What a restart does to kept connections: the server closes them under the portal's feet."""
    import psycopg2

    params = connection.get_connection_params()
    params["dbname"] = "postgres"
    killer = psycopg2.connect(**params)
    killer.autocommit = True
    with killer.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid() AND pid <> %s",
            [connection.settings_dict["NAME"], keep],
        )
        (terminated,) = cursor.fetchone()
    killer.close()
    return terminated


@pytest.mark.django_db(transaction=True)
def test_the_first_request_after_the_database_dropped_its_connections_succeeds(client):
    """Finding 8: with CONN_MAX_AGE a worker keeps its connection; a restart used to fail its next request.

    The test client leaves out what a WSGI server does at the start of every request (Django's
    close_old_connections, which arms the health check), so the test does it, as gunicorn would.
    """
    from django.db import close_old_connections

    from directory.tests import factories

    factories.entrepreneur("Etter Omstart")
    connection.settings_dict["CONN_MAX_AGE"] = 600  # kept between requests, as in production
    try:
        close_old_connections()
        assert client.get("/entreprenorer/").status_code == 200
        connection.ensure_connection()
        assert _terminate_connections_of_this_database(keep=0) >= 1  # the worker's kept connection too
        close_old_connections()
        response = client.get("/entreprenorer/etter-omstart/")
        assert response.status_code == 200
        assert "Etter Omstart" in response.content.decode()
    finally:
        connection.settings_dict["CONN_MAX_AGE"] = 0
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_a_form_posted_while_the_database_is_down_gets_a_page_that_keeps_the_input(client):
    from unittest import mock

    from django.db import OperationalError

    client.raise_request_exception = False
    with mock.patch("accounts.services.user_signup", side_effect=OperationalError("server closed the connection")):
        password = "et langt passord"
        data = {"name": "Nora", "email": "nora@example.no", "password1": password, "password2": password}
        response = client.post("/konto/registrer/", data)
    assert response.status_code == 503
    html = response.content.decode()
    assert "Det du sendte, er ikke lagret." in html and "tilbake-knapp" in html
    assert response["Retry-After"] == "30"


@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="restarts the embedded server, which is not in use")
@pytest.mark.django_db(transaction=True)
def test_a_restart_of_the_embedded_server_costs_no_request(client):
    from django.db import close_old_connections

    from veier import embedded_db

    connection.settings_dict["CONN_MAX_AGE"] = 600
    try:
        close_old_connections()  # as a WSGI server does at the start of each request
        assert client.get("/entreprenorer/").status_code == 200
        assert embedded_db.stop_server()
        new = embedded_db.embedded_database_settings(connection.settings_dict["NAME"])  # starts it again
        connection.settings_dict.update(HOST=new["HOST"], PORT=new["PORT"])
        close_old_connections()
        assert client.get("/entreprenorer/").status_code == 200
    finally:
        connection.settings_dict["CONN_MAX_AGE"] = 0
        connection.close()


# --- The embedded database helper (finding 11) ----------------------------------------------------


@pytest.mark.parametrize("content", ["", "[12", "null", '{"a": 1}', '[true, -4, "x", 999999999]'])
def test_a_broken_pid_file_is_repaired(tmp_path, content):
    from veier.embedded_db import repair_pid_file

    path = tmp_path / ".handle_pids.json"
    path.write_text(content)
    assert repair_pid_file(path) == []
    assert json.loads(path.read_text()) == []


def test_running_processes_are_kept_and_dead_ones_pruned(tmp_path):
    from veier.embedded_db import repair_pid_file

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    path = tmp_path / ".handle_pids.json"
    path.write_text(json.dumps([os.getpid(), dead.pid]))
    assert repair_pid_file(path) == [os.getpid()]
    assert json.loads(path.read_text()) == [os.getpid()]
