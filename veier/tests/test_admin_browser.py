"""axe on the admin pages curators use most: the start page with the desk, a list and the
entrepreneur change form. Violations that come from Django's own admin are listed by rule below
with the reason; anything else fails."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from directory import services
from directory.models import PublicationStatus
from directory.tests import factories
from directory.tests.member_personas import join, make_user
from veier.testing import AXE_TAGS

# Rule → (the only elements it may be found on, why they are Django's and not ours); see docs/decisions.md.
FROM_DJANGO = {
    # The search icons of the two-list selector (filter_horizontal) are <span>s with aria-label and no
    # role; Django's SelectFilter2.js builds them.
    "aria-prohibited-attr": (".search-label-icon.help-tooltip", "Django's SelectFilter2.js: aria-label on a span"),
    # The search box select2 (autocomplete_fields) adds inside the multiple-choice box has no label;
    # Django ships select2 and its set-up (autocomplete.js).
    "label": (".select2-search__field", "select2 in Django's autocomplete_fields: search input without label"),
}


def violations(page) -> dict[str, list[str]]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return {
        violation["id"]: [", ".join(map(str, node["target"])) for node in violation["nodes"]]
        for violation in results.response["violations"]
    }


@pytest.mark.browser
def test_the_admin_pages_curators_use_are_accessible(browser_page):
    curator = make_user("kurator@veier.no", is_staff=True, is_superuser=True)
    entrepreneur = factories.entrepreneur("Sykkel for alle", status=PublicationStatus.PENDING)
    factories.offer(entrepreneur, "Sykkeltur")
    # Rows in every inline table: members and the record of edits to the published profile.
    join(make_user("eier@sykkel.no"), entrepreneur)
    services.profile_change_record(
        entrepreneur=entrepreneur, user=None, changes={"summary": {"old": "Før", "new": "Etter"}}
    )
    client = Client()
    client.force_login(curator)
    browser_page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": browser_page.base_url,
            }
        ]
    )
    found = {}
    for url in [
        reverse("admin:index"),
        reverse("admin:directory_socialentrepreneur_changelist"),
        reverse("admin:directory_socialentrepreneur_change", args=[entrepreneur.pk]),
    ]:
        browser_page.goto(browser_page.base_url + url)
        for rule, nodes in violations(browser_page).items():
            django_part = FROM_DJANGO.get(rule, ("\x00", ""))[0]
            ours = [node for node in nodes if django_part not in node]
            if ours:
                found[(url, rule)] = ours
    assert found == {}, "\n".join(f"{url} {rule}: {nodes}" for (url, rule), nodes in found.items())


@pytest.mark.browser
def test_the_decision_page_is_accessible_also_with_its_error(browser_page):
    curator = make_user("kurator@veier.no", is_staff=True, is_superuser=True)
    entrepreneur = factories.entrepreneur("Sykkel for alle", status=PublicationStatus.PENDING)
    join(make_user("eier@sykkel.no"), entrepreneur)
    client = Client()
    client.force_login(curator)
    browser_page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": browser_page.base_url,
            }
        ]
    )
    browser_page.goto(
        browser_page.base_url + reverse("admin:directory_socialentrepreneur_decide", args=[entrepreneur.pk])
    )
    assert violations(browser_page) == {}
    # «Avvis» without a reason: the error is next to the field, tied to it, and the page stays accessible.
    browser_page.get_by_role("button", name="Avvis").click()
    browser_page.wait_for_load_state()
    reason = browser_page.get_by_label("Begrunnelse")
    assert reason.get_attribute("aria-invalid") == "true"
    assert "Skriv en begrunnelse" in browser_page.locator("#id_reason_error").inner_text()
    assert violations(browser_page) == {}
