"""Every page type in bokmål, nynorsk and English at 320 and 1280 CSS px: no sideways scrolling
(WCAG 1.4.10 Reflow) and no WCAG 2.1 A/AA violation found by axe-core.

320 CSS px is also what a 1280 px wide window shows at 400 % zoom; 640 px (200 % zoom) lies between.
"""

import pytest
from django.core.management import call_command
from django.utils import timezone

from veier.testing import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "sommerfugl i vinden"

PUBLIC_PAGES = [
    "/",
    "/entreprenorer/",
    "/entreprenorer/?q=demens&omrade=eldreomsorg&fylke=50&kommune=5001",
    "/entreprenorer/jodacare/",
    "/virksomheter/",
    "/virksomheter/trondheim-kommune/",
    "/eksempler/",
    "/eksempler/trondheim-jodacare-pilotavtale/",
    "/behov/",
    "/anskaffelser/",
    "/anskaffelser/?verdi=2500000&oppdragsgiver=kommunal&kategori=helse-sosial",
    "/anskaffelser/terskelverdier/",
    "/anskaffelser/veiledning/",
    "/anskaffelser/veiledning/myter/",
    "/anskaffelser/veiledning/planaret/",
    "/planer/",
    "/statistikk/",
    "/personvern/",
    "/tilgjengelighet/",
    "/konto/logg-inn/",
    "/konto/registrer/",
    "/finnes-ikke/",
]
MEMBER_PAGES = ["/min-side/", "/behov/ny/", "/behov/{need}/", "/behov/{need}/treff/"]


@pytest.fixture
def site():
    """The booklet, and a member of Trondheim kommune with an open need (committed for the live server)."""
    from accounts.models import BodyMembership, User
    from directory.models import CollaborationForm, PublicBody, ServiceArea, TargetGroup
    from matchmaking.models import Need

    call_command("load_booklet", verbosity=0)
    body = PublicBody.objects.get(slug="trondheim-kommune")
    user = User.objects.create_user("kari@trondheim.kommune.no", PASSWORD, name="Kari Nordmann")
    BodyMembership.objects.create(user=user, public_body=body, status=BodyMembership.Status.APPROVED)
    need = Need.objects.create(
        public_body=body,
        author=user,
        title="Tryggere pårørende i demensomsorgen",
        challenge="Pårørende ringer sykehjemmet mange ganger om dagen.",
        effects="Pårørende føler seg informert.",
        municipality=body.municipality,
        county=body.municipality.county,
        procurement_category="helse-sosial",
        visibility=Need.Visibility.PUBLIC,
        status=Need.Status.OPEN,
        published_at=timezone.now(),
    )
    need.service_areas.set(ServiceArea.objects.filter(slug="eldreomsorg"))
    need.target_groups.set(TargetGroup.objects.filter(slug="personer-med-demens"))
    need.collaboration_forms.set(CollaborationForm.objects.filter(slug="pilotavtale"))
    return user, need


def log_in(page, email: str) -> None:
    page.goto(page.base_url + "/konto/logg-inn/")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/min-side/")


def assert_reflows(page, width: int) -> None:
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} is {scroll_width} px wide in a {width} px window"


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_every_page_type_reflows_and_is_accessible(browser_page, site, language, width):
    user, need = site
    page = browser_page
    page.set_viewport_size({"width": width, "height": 900})
    page.context.add_cookies([{"name": "sprak", "value": language, "url": page.base_url}])
    for path in PUBLIC_PAGES:
        page.goto(page.base_url + path)
        assert page.locator("html").get_attribute("lang") == language, path
        assert_reflows(page, width)
        assert_accessible(page)
    log_in(page, user.email)
    for path in MEMBER_PAGES:
        page.goto(page.base_url + path.format(need=need.pk))
        assert_reflows(page, width)
        assert_accessible(page)


def test_the_filters_are_open_on_wide_screens_and_behind_a_button_on_narrow(browser_page, site):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(page.base_url + "/entreprenorer/")
    assert page.locator("details.filters").evaluate("details => details.open")
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto(page.base_url + "/entreprenorer/")
    filters = page.locator("details.filters")
    assert not filters.evaluate("details => details.open")
    page.locator("summary", has_text="Filtrer").click()
    assert filters.evaluate("details => details.open")
    # No box inside the panel scrolls on its own: every fieldset shows all its options.
    nested = page.evaluate(
        """() => [...document.querySelectorAll('.search-form *')].filter(
            el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight
        ).length"""
    )
    assert nested == 0


def test_the_municipality_list_follows_the_chosen_county(browser_page, site):
    page = browser_page
    page.goto(page.base_url + "/entreprenorer/")
    municipality = page.locator("select[name=kommune]")
    assert municipality.locator("optgroup").count() == 15
    page.locator("select[name=fylke]").select_option(label="Trøndelag")
    groups = municipality.locator("optgroup")
    assert groups.count() == 1
    assert groups.first.get_attribute("label") == "Trøndelag"
    assert municipality.locator("option", has_text="Trondheim").count() == 1
    assert municipality.locator("option", has_text="Bodø").count() == 0
    # A municipality in another county is let go when the county changes.
    municipality.select_option(label="Trondheim")
    page.locator("select[name=fylke]").select_option(label="Nordland")
    assert municipality.input_value() == ""
    page.locator("select[name=fylke]").select_option(index=0)
    assert municipality.locator("optgroup").count() == 15


def test_the_menu_marks_the_current_section(browser_page, site):
    page = browser_page
    page.goto(page.base_url + "/eksempler/trondheim-jodacare-pilotavtale/")
    current = page.locator(".site-nav a[aria-current]")
    assert current.count() == 1
    assert current.inner_text() == "Eksempler"
