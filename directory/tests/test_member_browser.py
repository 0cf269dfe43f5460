"""Browser journeys through self-service, with an axe-core scan of every new page."""

import re

import pytest
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from accounts.models import Membership
from directory.models import Offer, PublicationStatus, SocialEntrepreneur
from directory.tests import factories
from directory.tests.member_personas import contact, join, make_user, make_world
from veier.testing import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "sykler langs nidelva om sommeren"


def checked(page) -> None:
    """One h1 and no WCAG 2.1 A/AA violations."""
    assert page.locator("h1").count() == 1, page.url
    assert_accessible(page)


def path_in_last_mail(prefix: str) -> str:
    match = re.search(rf"https?://[^/\s]+({re.escape(prefix)}[^\s\"<>]*)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


def sign_in(page, user) -> None:
    """Give the browser a session for the user (the log-in page has tests of its own)."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": page.base_url}])


@pytest.fixture
def taxonomies():
    factories.service_area("Eldreomsorg")
    factories.service_area("Arbeidsinkludering")
    factories.target_group("Eldre")
    factories.collaboration_form("Pilotavtale")


def test_sign_up_register_an_organisation_add_an_offer_and_get_approved_into_search(browser_page, taxonomies):
    page = browser_page
    curator = make_user("kurator@veier.no", password=PASSWORD, is_staff=True, is_superuser=True)

    # Sign up, and confirm by the link in the e-mail.
    page.goto(page.base_url + "/konto/registrer/")
    page.get_by_label("Navn").fill("Siri Syklist")
    page.get_by_label("E-post").fill("siri@sykkelglede.no")
    page.get_by_label("Passord", exact=False).first.fill(PASSWORD)
    page.get_by_label("Gjenta passordet").fill(PASSWORD)
    page.get_by_role("button", name="Registrer deg").click()
    page.wait_for_url("**/konto/registrer/sendt/")
    page.goto(page.base_url + path_in_last_mail("/konto/bekreft/"))
    page.get_by_role("button", name="Bekreft og logg inn").click()
    page.wait_for_url("**/min-side/")
    expect(page.get_by_role("heading", name="Virksomhetene dine")).to_be_visible()
    checked(page)

    # Register: a wrong organisation number first, then the right one.
    page.get_by_role("link", name="Registrer virksomheten").click()
    page.wait_for_url("**/min-side/virksomhet/registrer/")
    checked(page)
    page.get_by_label("Organisasjonsnummer").fill("974 760 674")
    page.get_by_role("button", name="Gå videre").click()
    expect(page.get_by_role("group", name="Skjemaet har feil")).to_be_visible()
    assert page.get_by_label("Organisasjonsnummer").input_value() == "974 760 674"
    checked(page)
    page.get_by_label("Organisasjonsnummer").fill("974 760 673")
    page.get_by_role("button", name="Gå videre").click()
    expect(page.get_by_label("Navn på virksomheten")).to_be_visible()
    checked(page)

    page.get_by_label("Navn på virksomheten").fill("Sykkelglede Trondheim")
    page.get_by_label("Kort beskrivelse").fill("Vi tar eldre med på sykkeltur i rickshaw.")
    page.get_by_label("Beskrivelse", exact=True).fill("Frivillige piloter sykler med beboere på sykehjem.")
    page.get_by_label("Nettside").fill("https://sykkelglede.no")
    # The coverage picker works by keyboard: open a county, tick a municipality with Space.
    trondelag = page.locator("details", has=page.locator("summary", has_text="Trøndelag"))
    trondelag.locator("summary").press("Enter")
    expect(trondelag).to_have_attribute("open", "")
    trondheim = page.get_by_label("Trondheim", exact=True)
    expect(trondheim).to_be_visible()
    trondheim.focus()
    expect(trondheim).to_be_focused()
    page.keyboard.press("Space")
    expect(trondheim).to_be_checked()
    page.get_by_role("group", name="Tjenesteområder").get_by_label("Eldreomsorg").check()
    checked(page)
    page.get_by_role("button", name="Lagre som utkast").click()
    page.wait_for_url("**/min-side/virksomhet/sykkelglede-trondheim/")
    expect(page.get_by_text("Profilen er lagret som utkast.")).to_be_visible()
    checked(page)

    # An offer.
    page.get_by_role("link", name="Legg til et tilbud").click()
    checked(page)
    page.get_by_label("Tittel").fill("Sykkeltur for sykehjemsbeboere")
    page.get_by_label("Beskrivelse").fill("En time i rickshaw hver uke, med en frivillig pilot.")
    page.get_by_role("group", name="Samarbeidsformer").get_by_label("Pilotavtale").check()
    page.get_by_role("button", name="Lagre og publiser").click()
    page.wait_for_url("**/min-side/virksomhet/sykkelglede-trondheim/")
    expect(page.get_by_role("cell", name="Sykkeltur for sykehjemsbeboere", exact=True)).to_be_visible()

    # Send for review.
    page.get_by_role("button", name="Send til godkjenning").click()
    expect(page.get_by_text("Profilen er sendt til godkjenning.")).to_be_visible()
    expect(page.get_by_text("Venter på godkjenning").first).to_be_visible()
    checked(page)
    assert [message.to for message in mail.outbox[-1:]] == [["kurator@veier.no"]]

    # Not public yet.
    page.goto(page.base_url + "/entreprenorer/?q=Sykkelglede")
    assert "Sykkelglede Trondheim" not in page.locator("main").inner_text()

    # A curator approves it in admin with the action.
    curator_context = page.context.browser.new_context(locale="nb-NO")
    admin = curator_context.new_page()
    admin.goto(page.base_url + "/admin/login/?next=/admin/directory/socialentrepreneur/%3Fstatus__exact%3Dpending")
    admin.locator("#id_username").fill(curator.email)
    admin.locator("#id_password").fill(PASSWORD)
    admin.locator("input[type=submit]").click()
    admin.wait_for_url("**/admin/directory/socialentrepreneur/**")
    entrepreneur = SocialEntrepreneur.objects.get(slug="sykkelglede-trondheim")
    admin.locator(f'input[name="_selected_action"][value="{entrepreneur.pk}"]').check()
    admin.locator('select[name="action"]').select_option("approve_entrepreneurs")
    admin.locator('button[name="index"]').click()
    expect(admin.get_by_text("1 profil ble godkjent og publisert.")).to_be_visible()
    curator_context.close()
    assert mail.outbox[-1].to == ["siri@sykkelglede.no"]
    assert mail.outbox[-1].subject == "Profilen er godkjent og publisert: Sykkelglede Trondheim"

    # Now it is found, offer and all.
    page.goto(page.base_url + "/entreprenorer/?q=Sykkelglede")
    results = page.locator(".result-list")
    assert "Sykkelglede Trondheim" in results.inner_text()
    page.goto(page.base_url + "/entreprenorer/?q=sykehjemsbeboere")
    assert "Sykkelglede Trondheim" in page.locator(".result-list").inner_text()
    page.goto(page.base_url + "/min-side/")
    expect(page.get_by_text("Publisert").first).to_be_visible()


@pytest.fixture
def member_world(taxonomies):
    world = make_world()
    offer = factories.offer(world.entrepreneur, "Sykkeltur", description="En tur.", status=Offer.Status.PUBLISHED)
    person = contact(world.body, consent_public=True)
    applicant = make_user("ny@sykkel.no", name="Nils Ny")
    join(applicant, world.entrepreneur, status=Membership.Status.PENDING)
    draft = factories.entrepreneur("Halvferdig", status=PublicationStatus.REJECTED, orgnr="974760673")
    draft.rejection_reason = "Skriv mer om effekten."
    draft.save()
    join(world.owner, draft)
    return world, offer, person


def test_every_member_page_is_accessible(browser_page, member_world):
    world, offer, person = member_world
    page = browser_page
    sign_in(page, world.owner)
    slug, body = world.entrepreneur.slug, world.body.slug
    for path in [
        "/min-side/",
        f"/min-side/virksomhet/{slug}/",
        f"/min-side/virksomhet/{slug}/rediger/",
        f"/min-side/virksomhet/{slug}/medlemmer/",
        f"/min-side/virksomhet/{slug}/tilbud/ny/",
        f"/min-side/virksomhet/{slug}/tilbud/{offer.pk}/rediger/",
        f"/min-side/virksomhet/{slug}/tilbud/{offer.pk}/slett/",
        "/min-side/virksomhet/halvferdig/",
        f"/min-side/virksomhet/{world.other_entrepreneur.slug}/bli-med/",
        "/min-side/virksomhet/registrer/?orgnr=923609016",
        "/min-side/virksomhet/registrer/?navn=sykkel",
        "/min-side/offentlig/bli-med/",
        "/min-side/offentlig/bli-med/?q=kommune",
        f"/min-side/offentlig/{body}/",
        f"/min-side/offentlig/{body}/rediger/",
        f"/min-side/offentlig/{body}/kontaktpersoner/ny/",
        f"/min-side/offentlig/{body}/kontaktpersoner/{person.pk}/rediger/",
        f"/min-side/offentlig/{body}/kontaktpersoner/{person.pk}/slett/",
    ]:
        response = page.goto(page.base_url + path)
        assert response.status == 200, path
        checked(page)


def test_forms_with_errors_are_accessible_and_keep_the_input(browser_page, member_world):
    world, offer, person = member_world
    page = browser_page
    sign_in(page, world.owner)

    # Sending an incomplete profile for review: the missing fields are marked.
    page.goto(page.base_url + "/min-side/virksomhet/halvferdig/")
    page.get_by_role("link", name="Fyll ut profilen").click()
    page.get_by_label("Nettside").fill("javascript:alert(1)")
    page.get_by_role("button", name="Lagre og send til godkjenning").click()
    summary = page.get_by_role("group", name="Skjemaet har feil")
    expect(summary).to_be_visible()
    assert "Skriv en nettadresse som begynner med https://" in summary.inner_text()
    assert "Velg hvor dere arbeider" in summary.inner_text()
    assert page.get_by_label("Nettside").input_value() == "javascript:alert(1)"
    checked(page)
    # The summary's link takes the keyboard to the field.
    summary.get_by_role("link", name=re.compile("Nettside")).click()
    assert page.evaluate("document.activeElement.id") == "id_website"

    page.goto(page.base_url + f"/min-side/virksomhet/{world.entrepreneur.slug}/tilbud/ny/")
    page.get_by_label("Beskrivelse").fill("Uten tittel.")
    page.get_by_role("button", name="Lagre som utkast").click()
    expect(page.get_by_text("Skriv en tittel på tilbudet.").first).to_be_visible()
    assert page.get_by_label("Beskrivelse").input_value() == "Uten tittel."
    checked(page)

    page.goto(page.base_url + f"/min-side/offentlig/{world.body.slug}/kontaktpersoner/ny/")
    page.get_by_label("Navn").fill("Per Persen")
    page.get_by_label("Telefon").fill("ring meg")
    page.get_by_role("button", name="Legg til kontaktpersonen").click()
    expect(page.get_by_text("Skriv telefonnummeret med siffer").first).to_be_visible()
    assert page.get_by_label("Navn").input_value() == "Per Persen"
    checked(page)

    page.goto(page.base_url + "/min-side/offentlig/bli-med/?q=kommune")
    page.get_by_role("button", name="Be om å bli med").click()
    expect(page.get_by_text("Velg virksomheten du jobber i fra listen.").first).to_be_visible()
    checked(page)


def test_a_member_approves_a_join_request_and_deletes_an_offer(browser_page, member_world):
    world, offer, person = member_world
    page = browser_page
    sign_in(page, world.colleague)
    page.goto(page.base_url + "/min-side/")
    page.get_by_role("link", name="Nils Ny ber om å bli med i Sykkel for alle").click()
    page.wait_for_url("**/medlemmer/")
    page.get_by_role("button", name="Godkjenn Nils Ny").click()
    expect(page.get_by_text("Nils Ny er nå med i Sykkel for alle.")).to_be_visible()
    assert mail.outbox[-1].to == ["ny@sykkel.no"]

    page.goto(page.base_url + f"/min-side/virksomhet/{world.entrepreneur.slug}/")
    page.get_by_role("link", name="Slett Sykkeltur").click()
    page.get_by_role("button", name="Ja, slett tilbudet").click()
    expect(page.get_by_text("«Sykkeltur» er slettet.")).to_be_visible()
    assert not Offer.objects.filter(pk=offer.pk).exists()
