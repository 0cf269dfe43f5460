"""A visitor's journey through the procurement guide in headless Chromium, with axe-core on every page."""

import re

import pytest

from veier.testing import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_municipality_finds_the_rules_for_a_purchase_and_the_guidance(browser_page):
    page = browser_page
    page.goto(f"{page.base_url}/anskaffelser/")
    assert page.locator("h1").inner_text() == "Hvilke regler gjelder for kjøpet?"
    assert_accessible(page)

    # Ask: 1,3 million kroner of services for a municipality on 1 May 2024.
    page.get_by_label("Anslått verdi i kroner, uten mva.").fill("1,3 mill")
    page.get_by_label("Kommune, fylkeskommune eller annen offentlig oppdragsgiver").check()
    page.get_by_label("Varer og tjenester").check()
    page.get_by_label("Dato", exact=True).fill("2024-05-01")
    page.get_by_role("button", name="Vis hvilke regler som gjelder").click()

    answer = page.get_by_role("heading", name="Svar: Anskaffelsesforskriften del I og II")
    answer.wait_for()
    assert "dato=2024-05-01" in page.url
    assert page.get_by_text("Kunngjør i Doffin.").is_visible()
    assert page.get_by_label("Anslått verdi i kroner, uten mva.").input_value() == "1,3 mill"
    assert page.locator("h1").count() == 1
    assert_accessible(page)

    # The shared link gives the same answer.
    page.locator("a", has_text=re.compile(r"/anskaffelser/\?.*dato=2024-05-01")).click()
    page.get_by_role("heading", name="Svar: Anskaffelsesforskriften del I og II").wait_for()

    # The calculation: 400 000 a year for 2 years with 2 option years is 1 600 000.
    page.get_by_label("Anslått verdi i kroner, uten mva.").fill("")
    page.locator("summary", has_text="Regn ut verdien").click()
    page.get_by_label("Verdi per år i kroner").fill("400 000")
    page.get_by_label("Antall år avtalen varer").fill("2")
    page.get_by_label("Antall år dere kan forlenge (opsjoner)").fill("2")
    page.get_by_role("button", name="Vis hvilke regler som gjelder").click()
    page.get_by_role("heading", name="Svar: Anskaffelsesforskriften del I og II").wait_for()
    assert "1\u00a0600\u00a0000\u00a0kr" in page.locator(".procurement-verdict dd").first.inner_text()

    # A mistake: the error is summarised at the top, shown beside the field, and the input is kept.
    page.get_by_label("Verdi per år i kroner").fill("")
    page.get_by_label("Antall år avtalen varer").fill("")
    page.get_by_label("Antall år dere kan forlenge (opsjoner)").fill("")
    page.get_by_label("Anslått verdi i kroner, uten mva.").fill("-5")
    page.get_by_role("button", name="Vis hvilke regler som gjelder").click()
    summary = page.locator(".ds-error-summary")
    summary.wait_for()
    assert "Beløpet kan ikke være negativt." in summary.inner_text()
    assert page.locator("#id_verdi_error").inner_text() == "Beløpet kan ikke være negativt."
    assert page.get_by_label("Anslått verdi i kroner, uten mva.").input_value() == "-5"
    assert_accessible(page)

    # The threshold table for every period.
    page.get_by_role("link", name="Terskelverdier siden 2017").click()
    page.get_by_role("heading", name="Terskelverdier for offentlige anskaffelser", level=1).wait_for()
    assert page.get_by_role("columnheader", name="Fra 06.04.2018").is_visible()
    assert_accessible(page)

    # The guidance from the booklet, page by page.
    page.goto(f"{page.base_url}/anskaffelser/veiledning/")
    assert_accessible(page)
    titles = page.locator("main h2 a").all_inner_texts()
    assert "Kommunens plan- og budsjettår" in titles
    for title in titles:
        page.goto(f"{page.base_url}/anskaffelser/veiledning/")
        page.get_by_role("link", name=title, exact=True).click()
        page.get_by_role("heading", name=title, level=1).wait_for()
        assert_accessible(page)

    page.goto(f"{page.base_url}/anskaffelser/veiledning/planaret/")
    assert page.locator("ol.timeline > li").count() == 4
    assert page.get_by_text("Godt tidspunkt å ta kontakt").is_visible()
