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
    page.get_by_label("Dato anskaffelsen starter").fill("2024-05-01")
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
    page.get_by_role("link", name="Terskelverdier siden 2017", exact=True).click()
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


def _pdf_pages(pdf: bytes) -> int:
    """The number of pages in a PDF made by Chromium (one /Type /Page object per page)."""
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_a_keyboard_user_lands_on_the_answer_and_can_print_it_on_two_pages(browser_page):
    from django.utils import timezone

    from directory.tests import factories

    factories.entrepreneur(
        "Ideell i Trøndelag",
        counties=[factories.county("50")],
        declares_non_profit=True,
        non_profit_confirmed_at=timezone.now(),
    )
    page = browser_page
    page.goto(f"{page.base_url}/anskaffelser/")

    # Only the keyboard: type the value, choose with the arrow keys, send with Enter.
    page.get_by_label("Anslått verdi i kroner, uten mva.").focus()
    page.keyboard.type("8 mill")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the first buyer: statlig
    page.keyboard.press("ArrowDown")  # kommunal
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the first category
    page.keyboard.press("ArrowDown")  # helse-sosial
    page.keyboard.press("Tab")
    page.keyboard.type("01052024")  # the date field's segments in nb-NO: day, month, year
    page.get_by_label("Fylket dere kjøper i (valgfritt)").select_option("50")
    page.get_by_label("Anslått verdi i kroner, uten mva.").focus()
    page.keyboard.press("Enter")

    heading = page.get_by_role("heading", name="Svar: Anskaffelsesforskriften del I og IV (helse- og sosialtjenester)")
    heading.wait_for()
    assert page.url.endswith("#svar")
    assert page.evaluate("document.activeElement.id") == "svar"
    assert page.get_by_role("heading", name="Kan vi reservere konkurransen?").is_visible()
    link = page.get_by_role("link", name=re.compile("1 bekreftet virksomhet i katalogen arbeider i Trøndelag"))
    assert link.get_attribute("href") == "/entreprenorer/?ideell=ja&fylke=50"
    assert_accessible(page)

    pdf = page.pdf(format="A4", print_background=False)
    assert 1 <= _pdf_pages(pdf) <= 2

    # The longest answers (part III, with every point) also fit on two pages.
    page.goto(
        f"{page.base_url}/anskaffelser/?verdi=3+mill&oppdragsgiver=kommunal&kategori=varer-tjenester&dato=2026-07-01#svar"
    )
    page.get_by_role("heading", name=re.compile("^Svar: ")).wait_for()
    assert page.evaluate("document.activeElement.id") == "svar"
    assert 1 <= _pdf_pages(page.pdf(format="A4")) <= 2

    # With JavaScript off the page still opens at the answer with focus on its heading (autofocus).
    context = page.context.browser.new_context(locale="nb-NO", java_script_enabled=False)
    plain = context.new_page()
    plain.goto(
        f"{page.base_url}/anskaffelser/?verdi=600+000&oppdragsgiver=kommunal&kategori=varer-tjenester&dato=2024-05-01#svar"
    )
    assert plain.evaluate("document.activeElement.id") == "svar"
    context.close()


def test_the_glossary_and_the_threshold_page_pass_axe(browser_page):
    page = browser_page
    page.goto(f"{page.base_url}/anskaffelser/ordliste/")
    page.get_by_role("heading", name="Ordliste for offentlige anskaffelser").wait_for()
    assert_accessible(page)
    page.goto(f"{page.base_url}/anskaffelser/terskelverdier/")
    assert page.get_by_role("heading", name="EUs terskelverdier i euro for 2026–2027").is_visible()
    assert_accessible(page)
