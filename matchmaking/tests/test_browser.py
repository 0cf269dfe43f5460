"""Browser journey: a municipal member posts a need, sees the matches with reasons, invites an
entrepreneur, and the entrepreneur answers from /min-side/. Every page gets an axe-core scan."""

import pytest
from django.conf import settings
from django.test import Client

from directory.tests import factories
from matchmaking import services
from matchmaking.models import AlertSubscription, Interest, Need
from matchmaking.tests.conftest import join_body, join_entrepreneur, make_user
from veier.testing import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, user) -> None:
    """Sign the browser in as `user` (the log-in form itself is tested with the accounts)."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
          "url": page.base_url}]
    )  # fmt: skip


def checked(page) -> None:
    assert page.locator("h1").count() == 1, page.url
    assert_accessible(page)


@pytest.fixture
def people():
    trondheim = factories.municipality("5001")
    body = factories.public_body("Trondheim kommune", municipality=trondheim)
    owner = make_user("kari@trondheim.kommune.no", "Kari Kommune")
    join_body(owner, body)
    entrepreneur = factories.entrepreneur(
        "Omsorgsappen AS",
        summary="Digital kontakt mellom sykehjem og pårørende.",
        municipalities=[trondheim],
        service_areas=[factories.service_area("Eldreomsorg")],
        target_groups=[factories.target_group("Personer med demens")],
    )
    offer = factories.offer(
        entrepreneur,
        "Kontakt med pårørende til personer med demens",
        description="Pårørende får beskjed fra sykehjemmet i en app.",
        collaboration_forms=[factories.collaboration_form("Pilotavtale")],
    )
    offer.service_areas.set([factories.service_area("Eldreomsorg")])
    factories.entrepreneur(
        "Ungdomsløftet", nationwide=True, service_areas=[factories.service_area("Arbeidsinkludering")]
    )
    member = make_user("siri@omsorgsappen.no", "Siri Gründer")
    join_entrepreneur(member, entrepreneur)
    return {"owner": owner, "member": member, "entrepreneur": entrepreneur}


def test_post_a_need_see_matches_invite_and_the_entrepreneur_answers_from_min_side(browser_page, people):
    page = browser_page
    log_in(page, people["owner"])
    page.goto(page.base_url + "/behov/ny/")
    checked(page)

    # Bad input first: the summary and the messages are shown, and what was typed stays.
    page.get_by_label("Tittel").fill("Tryggere pårørende i demensomsorgen")
    page.get_by_role("button", name="Publiser behovet").click()
    assert page.get_by_role("group", name="Skjemaet har feil").is_visible()
    assert page.get_by_label("Tittel").input_value() == "Tryggere pårørende i demensomsorgen"
    checked(page)

    page.get_by_label("Utfordringen").fill(
        "Pårørende til beboere med demens ringer sykehjemmet mange ganger om dagen, og de ansatte har ikke tid."
    )
    page.get_by_label("Effektene dere ønsker").fill("Pårørende føler seg trygge, og de ansatte får mer tid.")
    page.get_by_role("group", name="Tjenesteområder").get_by_label("Eldreomsorg").check()
    page.get_by_role("group", name="Målgrupper").get_by_label("Personer med demens").check()
    # While the value is typed, the rules that apply are shown (from the guide's API).
    page.get_by_label("Anslått verdi i kroner").fill("450 000")
    hint = page.locator("#regime-hint")
    # 450 000 kr is under the 500 000 kr lower limit in force since 1 July 2026, which is in doubt.
    hint.get_by_text("Utenfor regelverket").wait_for()
    assert "Usikker verdi – Nedre grense for regelverket" in hint.inner_text()
    assert hint.get_by_role("link", name="Se hva reglene krever").get_attribute("href").startswith("/anskaffelser/?")
    checked(page)

    page.get_by_role("button", name="Publiser behovet").click()
    page.wait_for_url("**/behov/*/")
    need = Need.objects.get()
    assert need.status == Need.Status.OPEN
    assert page.get_by_text("Behovet er publisert.").is_visible()
    assert page.get_by_text("behandle alle likt").is_visible()
    checked(page)

    page.get_by_role("link", name="Se hvem som kan passe").click()
    page.wait_for_url(f"**/behov/{need.pk}/treff/")
    first = page.locator(".result-list > li").first
    assert "Omsorgsappen AS" in first.inner_text()
    assert "Tilbyr eldreomsorg" in first.inner_text()
    assert "Arbeider i Trondheim" in first.inner_text()
    checked(page)

    first.get_by_role("link", name="Inviter Omsorgsappen AS").click()
    page.wait_for_url(f"**/behov/{need.pk}/inviter/omsorgsappen-as/")
    checked(page)
    page.get_by_label("Invitasjonen").fill("Vi har lest om dere. Kan dere fortelle hvordan dere arbeider?")
    page.get_by_role("button", name="Send invitasjonen").click()
    page.wait_for_url(f"**/behov/{need.pk}/#dialog-*")
    assert page.get_by_text("Invitasjonen er sendt til Omsorgsappen AS.").is_visible()
    checked(page)

    # Another need of the body fits the entrepreneur's offer too; it is listed as fitting, while the
    # one they were invited to is listed with the dialogues.
    services.need_create(
        body=need.public_body,
        author=people["owner"],
        data={
            "title": "Besøk til hjemmeboende med demens",
            "challenge": "Mange hjemmeboende med demens er alene store deler av dagen.",
            "effects": "Pårørende får avlastning.",
            "service_areas": [factories.service_area("Eldreomsorg")],
            "municipality": factories.municipality("5001"),
            "county": factories.county("50"),
            "visibility": "public",
        },
        publish=True,
    )

    # The entrepreneur finds the invitation on /min-side/ and answers it.
    log_in(page, people["member"])
    page.goto(page.base_url + "/min-side/")
    invitations = page.locator("section", has=page.get_by_role("heading", name="Svar og invitasjoner"))
    assert "Invitasjon fra virksomheten" in invitations.inner_text()
    fits = page.locator("section", has=page.get_by_role("heading", name="Behov som passer for dere"))
    assert "Besøk til hjemmeboende med demens" in fits.inner_text()
    assert "Tilbyr eldreomsorg" in fits.inner_text()
    assert "Tryggere pårørende" not in fits.inner_text()
    checked(page)

    invitations.get_by_role("link", name="Tryggere pårørende i demensomsorgen").click()
    page.wait_for_url(f"**/behov/{need.pk}/**")
    assert page.get_by_text("Vi har lest om dere.").is_visible()
    checked(page)
    dialogue = page.locator("article.dialogue")
    dialogue.get_by_label("Melding").fill("Gjerne! Vi har prøvd det ut på to sykehjem.")
    dialogue.get_by_role("button", name="Send melding").click()
    page.wait_for_load_state()
    assert page.get_by_text("Meldingen er sendt.").is_visible()
    assert Interest.objects.get().state == Interest.State.IN_DIALOGUE
    assert page.locator("article.dialogue .ds-tag", has_text="I dialog").is_visible()
    checked(page)


def test_the_other_new_pages_are_accessible(browser_page, people):
    page = browser_page
    owner, member = people["owner"], people["member"]
    body = owner.bodymembership_set.get().public_body
    need = services.need_create(
        body=body,
        author=owner,
        data={
            "title": "Færre ensomme eldre",
            "challenge": "Mange får sjelden besøk.",
            "effects": "Mer selskap i hverdagen.",
            "service_areas": [factories.service_area("Eldreomsorg")],
            "municipality": factories.municipality("5001"),
            "county": factories.county("50"),
            "visibility": "public",
        },
        publish=True,
    )
    services.interest_send(need=need, entrepreneur=people["entrepreneur"], user=member, text="Vi kan bidra.")

    # Visitors: the list with filters, a need, and an empty list.
    page.goto(page.base_url + "/behov/")
    assert page.get_by_role("link", name="Færre ensomme eldre").is_visible()
    checked(page)
    page.goto(page.base_url + "/behov/?omrade=finnes-ikke&kommune=1804")
    checked(page)
    page.goto(page.base_url + need.get_absolute_url())
    assert page.locator("main").get_by_role("link", name="Logg inn").is_visible()
    checked(page)

    # The entrepreneur: the need with its dialogue and a bad message, the alert settings.
    log_in(page, member)
    page.goto(page.base_url + need.get_absolute_url())
    page.locator("article.dialogue").get_by_role("button", name="Send melding").click()
    assert page.get_by_role("group", name="Skjemaet har feil").is_visible()
    checked(page)
    page.goto(page.base_url + "/varsler/")
    page.get_by_label("Daglig oppsummering").check()
    page.get_by_role("button", name="Lagre").click()
    assert page.get_by_text("Varslene er lagret.").is_visible()
    checked(page)

    # The unsubscribe link from a digest, without logging in.
    page.context.clear_cookies()
    token = AlertSubscription.objects.get(user=member).unsubscribe_token
    page.goto(page.base_url + f"/varsler/avmeld/{token}/")
    checked(page)
    page.get_by_role("button", name="Ja, meld meg av").click()
    assert page.get_by_text("Du får ikke flere varsler").is_visible()
    checked(page)

    # The body: the need with the answer and the status form, the edit form, a page only members may use.
    log_in(page, owner)
    page.goto(page.base_url + need.get_absolute_url())
    dialogue = page.locator("article.dialogue")
    dialogue.get_by_label("Ny status").select_option("agreed")
    dialogue.get_by_role("button", name="Endre status").click()
    assert page.get_by_text("Dialogen har nå status «enige».").is_visible()
    checked(page)
    page.goto(page.base_url + f"/behov/{need.pk}/rediger/")
    checked(page)
    log_in(page, member)
    page.goto(page.base_url + "/behov/ny/")
    assert page.get_by_role("heading", name="Du må være medlem").is_visible()
    checked(page)
