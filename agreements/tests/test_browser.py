"""Browser journey: a municipality records an agreement from a dialogue, the entrepreneur confirms,
an indicator gets a baseline and two measurements, and the chart and its table show them. Every
page gets an axe-core scan."""

import datetime

import pytest

from directory.tests import factories
from matchmaking import services as matchmaking_services
from matchmaking.tests.conftest import join_body, join_entrepreneur, make_need, make_user
from matchmaking.tests.test_browser import checked, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def dialogue(live_db):
    body = factories.public_body("Trondheim kommune", municipality=factories.municipality("5001"))
    owner = make_user("kari@trondheim.kommune.no", "Kari Kommune")
    join_body(owner, body)
    entrepreneur = factories.entrepreneur("Omsorgsappen AS", municipalities=[factories.municipality("5001")])
    member = make_user("siri@omsorgsappen.no", "Siri Gründer")
    join_entrepreneur(member, entrepreneur)
    need = make_need(body, owner)
    interest = matchmaking_services.interest_send(
        need=need, entrepreneur=entrepreneur, user=member, text="Vi kan hjelpe."
    )
    return {"owner": owner, "member": member, "need": need, "interest": interest}


def test_record_confirm_and_measure_an_agreement(browser_page, dialogue):
    page = browser_page
    need = dialogue["need"]
    log_in(page, dialogue["owner"])
    page.goto(f"{page.base_url}/behov/{need.pk}/")
    page.get_by_role("link", name="Registrer en avtale med Omsorgsappen AS").click()
    checked(page)

    # A bad date first: the message is by the field, and what was typed stays.
    page.get_by_label("Hva dere er enige om").fill("En pilot på to sykehjem i ett år.")
    page.get_by_label("Til (valgfritt)").fill("2020-01-01")
    page.get_by_role("button", name="Registrer avtalen").click()
    assert page.get_by_text("Sluttdatoen kan ikke være før startdatoen.").first.is_visible()
    assert page.get_by_label("Hva dere er enige om").input_value() == "En pilot på to sykehjem i ett år."
    checked(page)
    page.get_by_label("Til (valgfritt)").fill("")
    page.get_by_role("button", name="Registrer avtalen").click()
    assert page.get_by_role("heading", name="Avtale: Tryggere pårørende i demensomsorgen").is_visible()
    assert page.get_by_text("Venter på bekreftelse fra Omsorgsappen AS.").is_visible()
    checked(page)

    log_in(page, dialogue["member"])
    page.goto(f"{page.base_url}/min-side/")
    page.get_by_role("link", name="Tryggere pårørende i demensomsorgen").last.click()
    page.get_by_role("button", name="Bekreft avtalen").click()
    assert page.get_by_text("Begge parter har bekreftet avtalen.").is_visible()

    new = page.get_by_role("region", name="Ny indikator")
    new.get_by_role("textbox", name="Indikator").fill("Pårørende som føler seg informert")
    new.get_by_role("textbox", name="Enhet").fill("prosent")
    new.get_by_role("group", name="Nivå").get_by_label("Virkning").check()
    new.get_by_role("textbox", name="Nullpunkt", exact=False).first.fill("40")
    new.get_by_label("Nullpunktet ble målt").fill("2026-10-01")
    new.get_by_label("Mål (valgfritt)").fill("80")
    page.get_by_role("button", name="Legg til indikatoren").click()
    checked(page)

    for day, value in (("2027-01-01", "55"), ("2027-04-01", "62,5")):
        form = page.get_by_role("group", name="Ny måling av «Pårørende som føler seg informert»")
        form.get_by_label("Dato").fill(day)
        form.get_by_label("Verdi").fill(value)
        page.get_by_role("button", name="Lagre målingen").click()

    table = page.get_by_role("table", name="Pårørende som føler seg informert (prosent), målt over tid")
    rows = table.locator("tbody tr")
    assert rows.count() == 3
    assert rows.nth(1).inner_text().startswith("1. januar 2027\t55")
    assert rows.nth(2).inner_text().startswith("1. april 2027\t62,5")
    assert page.locator(".effect-chart svg circle").count() == 3
    assert page.get_by_text("Endring fra nullpunktet: 22,50 prosent").is_visible()
    checked(page)


def test_plans_and_statistics_pages_are_accessible(browser_page, dialogue):
    from agreements.models import BodyAgreement, PlannedProcurement

    page = browser_page
    body = dialogue["need"].public_body
    area = factories.service_area("Eldreomsorg")
    PlannedProcurement.objects.create(
        public_body=body,
        title="Dagtilbud for personer med demens",
        service_area=area,
        estimated_value=450_000,
        preparation_starts=datetime.date(2030, 1, 1),
        competition_expected=datetime.date(2030, 6, 1),
    )
    BodyAgreement.objects.create(
        public_body=body,
        title="Arbeidstrening for unge",
        service_area=area,
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2030, 12, 31),
    )
    page.goto(f"{page.base_url}/planer/?innen_maneder=abc")
    assert page.get_by_text("Skriv antall måneder som et helt tall").first.is_visible()
    checked(page)
    page.goto(f"{page.base_url}/planer/")
    assert page.get_by_text("Dagtilbud for personer med demens").is_visible()
    checked(page)
    page.goto(f"{page.base_url}{body.get_absolute_url()}")
    assert page.get_by_role("heading", name="Planer og avtaler").is_visible()
    checked(page)
    page.goto(f"{page.base_url}/statistikk/")
    assert page.get_by_role("table", name="Tall etter fylke").is_visible()
    checked(page)
    log_in(page, dialogue["owner"])
    page.goto(f"{page.base_url}/min-side/offentlig/{body.slug}/planer/anskaffelser/ny/")
    checked(page)
