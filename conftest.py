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


@pytest.fixture
def browser_page(_playwright_browser, live_server):
    """A fresh browser page (own cookies) with `page.base_url` pointing at the live server."""
    context = _playwright_browser.new_context(locale="nb-NO")
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()
