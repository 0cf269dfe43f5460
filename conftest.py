"""Shared test fixtures: named personas, the booklet's data and a headless browser with axe-core."""

import os

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Every persona's password is hashed in every test; the production hasher is slow on purpose
    # (and much slower on a shared, loaded machine), so the tests use a fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_thesaurus():
    """The matching keeps its thesaurus in memory; a test's rolled-back data must not outlive the test."""
    from matchmaking.candidates import forget_thesaurus

    forget_thesaurus()
    yield
    forget_thesaurus()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached fragments must not leak from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def booklet(db):
    """The taxonomies and the booklet's bodies, entrepreneurs, offers and cases."""
    call_command("load_booklet", verbosity=0)


@pytest.fixture(scope="session")
def _playwright_browser():
    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run in a
    # thread with a running loop unless told that this is deliberate (the live server runs apart).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


PROJECT_APPS = ["accounts", "directory", "matchmaking", "procurement", "agreements", "opendata"]


@pytest.fixture(scope="session")
def _migrated_data(django_db_setup, django_db_blocker) -> str:
    """The rows our data migrations created (counties, municipalities, …), serialized."""
    from django.apps import apps
    from django.core import serializers

    with django_db_blocker.unblock():
        objects = [
            obj
            for app in PROJECT_APPS
            for model in apps.get_app_config(app).get_models()
            for obj in model._default_manager.order_by("pk")
        ]
        return serializers.serialize("json", objects)


@pytest.fixture
def live_db(transactional_db, _migrated_data):
    """A database whose writes are committed, so that the live server's thread sees them.

    Django empties every table after a transactional test, the data migrations' rows included; they
    are put back here. (pytest-django's serialized_rollback loses its snapshot when ordinary
    database tests run first in the same session.)
    """
    from django.core import serializers
    from django.db import transaction

    from directory.models import County

    if not County.objects.exists():
        with transaction.atomic():
            for obj in serializers.deserialize("json", _migrated_data):
                obj.save()


@pytest.fixture
def browser_page(_playwright_browser, live_server, live_db):
    """A fresh browser page (own cookies) with `page.base_url` pointing at the live server."""
    context = _playwright_browser.new_context(locale="nb-NO")
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _enhetsregisteret_offline(monkeypatch, request):
    """No test reaches Enhetsregisteret: requests fail as if the register were down, unless a test
    installs recorded responses (directory/tests/registers/). Each test has its own cache keys for
    the register's answers, so that none leaks into the next (the rest of the cache is left alone)."""
    import httpx

    from directory import registers

    def refuse(request):
        raise httpx.ConnectError("tests never call the network", request=request)

    monkeypatch.setattr(registers, "TRANSPORT", httpx.MockTransport(refuse))
    monkeypatch.setattr(registers, "CACHE_PREFIX", f"enhetsregisteret-test:{request.node.nodeid}")
