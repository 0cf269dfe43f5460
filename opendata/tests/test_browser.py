"""The open-data pages in a browser, with an axe-core scan in each language."""

import pytest

from veier.testing import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_a_reader_finds_the_downloads_and_the_api_documentation(browser_page, language):
    page = browser_page
    page.context.add_cookies([{"name": "sprak", "value": language, "url": page.base_url}])
    page.goto(page.base_url + "/data/")
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    assert page.locator("section#entreprenorer table code", has_text="tjenesteomrader").count() == 1
    assert_accessible(page)
    page.locator('a[href="/api/"]').first.click()
    page.wait_for_url("**/api/")
    assert page.locator("h1").count() == 1
    assert page.locator("pre code").count() >= 2
    assert_accessible(page)
