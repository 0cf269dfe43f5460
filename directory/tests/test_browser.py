"""Browser journeys through the public directory, with an axe-core scan of every page type."""

import pytest
from django.core.management import call_command

from veier.testing import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def booklet_live():
    """The booklet's data, committed so that the live server's thread sees it."""
    call_command("load_booklet", verbosity=0)


def test_a_municipal_employee_searches_filters_and_opens_a_profile(browser_page, booklet_live):
    page = browser_page
    page.goto(page.base_url + "/")
    page.get_by_label("Hva trenger dere hjelp til?").fill("demens")
    page.get_by_role("button", name="Søk", exact=True).click()

    page.wait_for_url("**/entreprenorer/?q=demens")
    results = page.locator(".result-list")
    assert "JodaCare" in results.inner_text()
    assert_accessible(page)

    # On a wide screen the filters are open, as on the other lists.
    assert page.locator("details.filters").get_attribute("open") is not None
    page.get_by_role("group", name="Tjenesteområde").get_by_label("Eldreomsorg").check()
    page.get_by_role("button", name="Bruk filtrene").click()
    page.wait_for_url("**omrade=eldreomsorg**")
    chip = page.locator(".filter-chip", has_text="Eldreomsorg")
    assert chip.is_visible()
    assert "JodaCare" in page.locator(".result-list").inner_text()

    chip.click()
    page.wait_for_load_state()
    assert "omrade" not in page.url

    page.get_by_role("link", name="JodaCare").first.click()
    assert page.locator("h1").inner_text().startswith("JodaCare")
    assert_accessible(page)


def test_a_typo_still_finds_something_and_an_empty_search_suggests_what_to_try(browser_page, booklet_live):
    page = browser_page
    page.goto(page.base_url + "/entreprenorer/?q=forskerfabrik")
    assert "Forskerfabrikken" in page.locator(".result-list").inner_text()
    page.goto(page.base_url + "/entreprenorer/?q=zzqxjw")
    assert page.get_by_text("Vi fant ingen som passer.").is_visible()
    assert_accessible(page)


PAGES = [
    "/",
    "/entreprenorer/",
    "/entreprenorer/?q=sykehjem&omrade=ukjent&kommune=5001",
    "/entreprenorer/jodacare/",
    "/virksomheter/",
    "/virksomheter/trondheim-kommune/",
    "/eksempler/",
    "/eksempler/?samarbeidsform=pilotavtale",
    "/finnes-ikke/",
]


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_every_public_page_type_is_accessible(browser_page, booklet_live, language):
    page = browser_page
    page.context.add_cookies([{"name": "sprak", "value": language, "url": page.base_url}])
    for path in PAGES:
        page.goto(page.base_url + path)
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
    # A case page, whichever the booklet's first is.
    page.goto(page.base_url + "/eksempler/")
    page.locator(".result-list a").first.click()
    assert_accessible(page)
