"""Browser journey: a buyer finds an entrepreneur, writes to it through the portal, and the member
receives the e-mail; an unclaimed listing offers a notice and a claim. axe scans every new page."""

import pytest
from django.core import mail

from directory.tests import factories
from directory.tests.member_personas import join, make_user
from directory.tests.test_member_browser import checked, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_buyer_finds_an_entrepreneur_and_writes_to_it(browser_page, live_db):
    page = browser_page
    area = factories.service_area("Eldreomsorg")
    entrepreneur = factories.entrepreneur(
        "Sykkel for alle", summary="Vi sykler med beboere på sykehjem.", nationwide=True, service_areas=[area]
    )
    member = make_user("eva@sykkelforalle.no", name="Eva Eier")
    join(member, entrepreneur)
    buyer = make_user("kjell@trondheim.kommune.no", name="Kjell Kjøper")
    sign_in(page, buyer)

    # The category name finds it (search documents hold the names of service areas).
    page.goto(page.base_url + "/entreprenorer/?q=eldreomsorg")
    page.get_by_role("link", name="Sykkel for alle").click()
    page.wait_for_url("**/entreprenorer/sykkel-for-alle/")
    checked(page)
    assert member.email not in page.content()

    page.get_by_role("link", name="Skriv til Sykkel for alle").click()
    page.wait_for_url("**/entreprenorer/sykkel-for-alle/kontakt/")
    checked(page)
    assert member.email not in page.content()
    # Bad input first: the message is too short, and what was typed stays.
    page.locator("#id_subject").fill("Sykkeltur for beboerne")
    page.locator("#id_text").fill("Hei")
    page.get_by_role("button", name="Send meldingen").click()
    checked(page)
    assert page.locator("#id_subject").input_value() == "Sykkeltur for beboerne"
    page.locator("#id_text").fill("Hei! Kan dere sykle med beboerne våre i vår?")
    page.get_by_role("button", name="Send meldingen").click()
    page.wait_for_url("**/entreprenorer/sykkel-for-alle/")
    assert "Meldingen er sendt til Sykkel for alle" in page.content()

    assert [message.to for message in mail.outbox] == [[member.email]]
    assert mail.outbox[0].reply_to == [buyer.email]
    assert "beboerne våre i vår" in mail.outbox[0].body

    page.goto(page.base_url + "/min-side/")
    assert "Sykkeltur for beboerne" in page.content()
    checked(page)


def test_an_unclaimed_listing_offers_a_notice_and_a_claim(browser_page, live_db):
    page = browser_page
    factories.entrepreneur("Hogst AS", summary="Arbeid for tidligere straffedømte.", nationwide=True)
    sign_in(page, make_user("kjell@trondheim.kommune.no"))
    page.goto(page.base_url + "/entreprenorer/hogst-as/")
    assert "ingen kan nås gjennom portalen" in page.content()
    page.get_by_role("button", name="Gi meg beskjed når noen kan nås her").click()
    page.wait_for_url("**/entreprenorer/hogst-as/")
    checked(page)
    page.get_by_role("link", name="Er dette din virksomhet? Gjør krav på profilen").click()
    page.wait_for_url("**/gjor-krav/")
    checked(page)
    page.locator("#id_orgnr").fill("923 609 017")
    page.get_by_role("button", name="Gjør krav på profilen").click()
    checked(page)
    assert "Kontrollsifferet stemmer ikke" in page.content()
