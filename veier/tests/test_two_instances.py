"""Two app servers, one database, one cache: what one learns, the other knows.

Two gunicorn instances (production settings, one worker each) on two ports share the test database
and a cache — Redis (Django's RedisCache) or the database cache. A visitor whose requests alternate
between them, as behind a load balancer, meets one throttle, one session and one set of cached
fragments.
"""

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from html import unescape
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from accounts.tests.helpers import PASSWORD, make_user

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(settings.BASE_DIR)
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def database_url() -> str:
    """The test database as a URL for the gunicorn processes (a socket folder is URL-quoted)."""
    db = connection.settings_dict
    user = urllib.parse.quote(db["USER"] or "", safe="")
    password = ":" + urllib.parse.quote(db["PASSWORD"], safe="") if db.get("PASSWORD") else ""
    host = urllib.parse.quote(str(db["HOST"] or "localhost"), safe="")
    return f"postgres://{user}{password}@{host}:{db['PORT'] or 5432}/{db['NAME']}"


class Browser:
    """One visitor: cookies kept across both instances (cookies do not depend on the port), CSRF
    token sent back, HTTPS as the load balancer reports it (X-Forwarded-Proto)."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, port: int, path: str, data: dict | None = None) -> tuple[int, str, dict]:
        origin = f"https://127.0.0.1:{port}"
        headers = {"X-Forwarded-Proto": "https", "Origin": origin, "Referer": origin + path}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{key}={value}" for key, value in self.cookies.items())
        body = None
        if data is not None:
            data = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **data}
            body = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, headers=headers)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        return response.status, response.read().decode(), dict(response.headers)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def production_env(cache_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_hex(32),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "https://127.0.0.1",
        "DATABASE_URL": database_url(),
        "CACHE_URL": cache_url,
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "WEB_CONCURRENCY": "1",
        "CONN_MAX_AGE": "0",
        "LOG_LEVEL": "ERROR",
        "ACCESS_LOG": "0",
    }


def start_instances(count: int, cache_url: str) -> list[tuple[int, subprocess.Popen]]:
    env = production_env(cache_url)
    instances = []
    for _ in range(count):
        port = free_port()
        process = subprocess.Popen(
            [str(GUNICORN), "veier.wsgi", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        instances.append((port, process))
    for port, process in instances:
        deadline = time.monotonic() + 60
        while True:
            try:
                if Browser().request(port, "/helse/klar/")[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                stop_instances(instances)
                raise RuntimeError(f"gunicorn on {port} did not start: {process.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
    return instances


def stop_instances(instances) -> None:
    for _port, process in instances:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for _port, process in instances:
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def _static_manifest():
    """Production serves hashed static files from a manifest that collectstatic writes (once a run)."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=ROOT,
        env=production_env("db://"),
        check=True,
    )


@pytest.fixture(params=["redis", "db"])
def cache_url(request, live_db):
    if request.param == "redis":
        if not redis_reachable():
            if os.environ.get("CI"):
                pytest.fail("CI starts Redis at 127.0.0.1:6379 (.ci/run); it does not answer")
            pytest.skip("no Redis server at 127.0.0.1:6379 on this machine")
        # A prefix of its own, so parallel test runs sharing the machine's Redis never meet.
        return f"redis://127.0.0.1:6379/0?prefix=test-{secrets.token_hex(6)}"
    from django.core.management import call_command

    call_command("createcachetable", "veier_cache_test")
    return "db://veier_cache_test"


@pytest.fixture
def two_instances(cache_url, live_db, _static_manifest, settings):
    from django.conf import global_settings
    from django.core.management import call_command

    # The instances check passwords with production's hashers, so users are made with them too.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS

    call_command("load_booklet", verbosity=0)
    instances = start_instances(2, cache_url)
    yield [port for port, _process in instances]
    stop_instances(instances)


def form_error(html: str) -> str:
    return unescape(" ".join(re.findall(r'class="[^"]*ds-validation-message[^"]*"[^>]*>(.*?)<', html, re.S)))


def test_the_log_in_throttle_counts_across_both_instances(two_instances):
    a, b = two_instances
    make_user("kari@example.no", "Kari")
    browser = Browser()
    browser.request(a, "/konto/logg-inn/")
    for attempt in range(5):  # five wrong passwords, alternating between the instances
        status, html, _ = browser.request(
            (a, b)[attempt % 2], "/konto/logg-inn/", {"email": "kari@example.no", "password": "feil passord"}
        )
        assert status == 200
        assert "E-post eller passord er feil" in html
        assert "for mange ganger" not in html
    # The sixth attempt, on either instance and even with the right password, waits.
    for port in (b, a):
        status, html, _ = browser.request(port, "/konto/logg-inn/", {"email": "kari@example.no", "password": PASSWORD})
        assert status == 200
        assert "Du har prøvd å logge inn for mange ganger" in html


def test_a_session_started_on_one_instance_is_known_on_the_other(two_instances):
    a, b = two_instances
    make_user("ola@example.no", "Ola")
    browser = Browser()
    assert browser.request(b, "/min-side/")[0] == 302  # not signed in
    browser.request(a, "/konto/logg-inn/")
    status, _html, headers = browser.request(a, "/konto/logg-inn/", {"email": "ola@example.no", "password": PASSWORD})
    assert status == 302
    status, html, _ = browser.request(b, "/min-side/")
    assert status == 200
    assert "Ola" in html


class FormFields(HTMLParser):
    """The fields of the first form on a page with their current values, as a browser would send them."""

    def __init__(self):
        super().__init__()
        self.fields: dict[str, str] = {}
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "checkbox", "file"):
            self.fields[name] = attrs.get("value") or ""
        elif tag == "input" and name and attrs.get("type") == "checkbox" and "checked" in attrs:
            self.fields[name] = attrs.get("value") or "on"
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None


def test_a_fragment_renewed_by_a_change_on_one_instance_is_fresh_on_the_other(two_instances):
    """The start page's service areas with their counts are rendered once and cached. A curator
    renames an area through admin on instance A; a visitor on instance B sees the new name at once."""
    from directory.models import ServiceArea

    a, b = two_instances
    make_user("kurator@example.no", "Kurator", is_staff=True, is_superuser=True)
    area = ServiceArea.objects.get(slug="eldreomsorg")
    visitor = Browser()
    assert f">{area.name}</a>" in visitor.request(b, "/")[1]
    assert f">{area.name}</a>" in visitor.request(a, "/")[1]
    # A change behind the application's back is not seen on either: the fragment is cached.
    ServiceArea.objects.filter(pk=area.pk).update(name="Endret utenom")
    assert "Endret utenom" not in visitor.request(b, "/")[1]

    curator = Browser()
    curator.request(a, "/konto/logg-inn/")
    assert curator.request(a, "/konto/logg-inn/", {"email": "kurator@example.no", "password": PASSWORD})[0] == 302
    change = f"/admin/directory/servicearea/{area.pk}/change/"
    status, html, _ = curator.request(a, change)
    assert status == 200
    parser = FormFields()
    parser.feed(html)
    fields = {key: value for key, value in parser.fields.items() if key != "csrfmiddlewaretoken"}
    # With the content translations, admin edits the bokmål name as name_nb beside nn and en.
    fields["name_nb" if "name_nb" in fields else "name"] = "Eldreomsorg og velferdsteknologi"
    fields["_save"] = "Lagre"
    status, html, _ = curator.request(a, change, fields)
    assert status == 302, form_error(html) or html[:2000]

    assert ">Eldreomsorg og velferdsteknologi</a>" in visitor.request(b, "/")[1]
    assert ">Eldreomsorg og velferdsteknologi</a>" in visitor.request(a, "/")[1]
