"""Profiles, needs and the procurement guide are kept whole for anonymous visitors (issue 13), and
renewed when anything they show changes: memberships, needs, plans, threshold periods, the date."""

import datetime

import pytest
from django.contrib.auth.models import update_last_login
from django.utils import timezone

from accounts.models import BodyMembership
from agreements.models import PlannedProcurement
from directory.models import ContactPerson
from directory.tests import factories
from matchmaking.models import Need
from matchmaking.tests.conftest import *  # noqa: F403 (the shared personas are fixtures)
from matchmaking.tests.conftest import join_entrepreneur, make_need, make_user
from procurement.models import ThresholdPeriod, ThresholdUncertainty
from veier import fragments

pytestmark = pytest.mark.django_db

# The guide's verdict for a purchase the procurement rules do not cover.
BELOW = "Kjøpet er under nedre grense"
GUIDE = "/anskaffelser/?verdi=750000&oppdragsgiver=kommunal&kategori=helse-sosial&dato=2026-12-01"


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def thresholds(db):
    """The seeded periods (procurement's migrations): the lower limit is 500 000 kr from 1 July 2026."""
    return ThresholdPeriod.objects.order_by("valid_from")


def on_day(monkeypatch, day: datetime.date) -> None:
    """Make `day` today for the pages (the time of day is kept)."""
    now = timezone.localtime()
    moved = now.replace(year=day.year, month=day.month, day=day.day)
    monkeypatch.setattr(timezone, "localdate", lambda value=None, timezone=None: day if value is None else value.date())
    monkeypatch.setattr(timezone, "localtime", lambda value=None, timezone=None: moved if value is None else value)


class TestKeptPages:
    @pytest.mark.parametrize("kind", ["entrepreneur", "body", "case", "needs", "thresholds", "guide"])
    def test_a_second_visit_asks_the_database_nothing(
        self, client, entrepreneur, body, need, thresholds, kind, django_assert_num_queries
    ):
        url = {
            "entrepreneur": entrepreneur.get_absolute_url(),
            "body": body.get_absolute_url(),
            "case": factories.case("Samskaping i Trondheim").get_absolute_url(),
            "needs": "/behov/",
            "thresholds": "/anskaffelser/terskelverdier/",
            "guide": GUIDE,
        }[kind]
        first = page(client, url)
        with django_assert_num_queries(0):
            assert page(client, url) == first

    def test_each_language_and_host_is_kept_apart(self, client, entrepreneur, settings):
        settings.ALLOWED_HOSTS = ["testserver", "veier.example.no"]
        url = entrepreneur.get_absolute_url()
        assert "http://testserver/entreprenorer/" in page(client, url)  # the JSON-LD's absolute address
        assert "testserver" not in client.get(url, HTTP_HOST="veier.example.no").content.decode()
        client.cookies["sprak"] = "en"
        assert '<html lang="en"' in page(client, url)

    def test_a_signed_in_member_is_never_served_a_kept_page_nor_leaves_one(self, client, entrepreneur):
        page(client, entrepreneur.get_absolute_url())
        client.force_login(make_user("kari@example.no", "Kari Nordmann"))
        assert "Logg ut" in page(client, entrepreneur.get_absolute_url())
        client.logout()
        client.cookies.pop("sessionid", None)
        assert "Logg ut" not in page(client, entrepreneur.get_absolute_url())


class TestCasePage:
    def test_a_new_entrepreneur_in_the_case_shows_at_once(self, client, entrepreneur):
        case = factories.case("Samskaping i Trondheim")
        assert entrepreneur.name not in page(client, case.get_absolute_url())
        case.entrepreneurs.add(entrepreneur)
        assert entrepreneur.name in page(client, case.get_absolute_url())


class TestEntrepreneurProfile:
    def test_a_new_offer_shows_at_once(self, client, entrepreneur):
        assert "Besøk på sykehjem" not in page(client, entrepreneur.get_absolute_url())
        factories.offer(entrepreneur, "Besøk på sykehjem")
        assert "Besøk på sykehjem" in page(client, entrepreneur.get_absolute_url())

    def test_the_first_member_makes_it_reachable_and_a_deactivated_one_not(self, client, entrepreneur):
        write = f"/entreprenorer/{entrepreneur.slug}/kontakt/"
        assert write not in page(client, entrepreneur.get_absolute_url())
        member = make_user("siri@omsorgsappen.no", "Siri Gründer")
        join_entrepreneur(member, entrepreneur)
        assert write in page(client, entrepreneur.get_absolute_url())
        member.is_active = False
        member.save()
        assert write not in page(client, entrepreneur.get_absolute_url())

    def test_a_check_against_enhetsregisteret_shows_at_once(self, client, entrepreneur):
        from directory.register_sync import Review, apply_review

        entrepreneur.orgnr = "974760673"
        entrepreneur.save()
        assert "ikke sjekket mot Enhetsregisteret" in page(client, entrepreneur.get_absolute_url())
        apply_review(entrepreneur, Review(checked=True))  # stored with update(), which sends no signal
        assert "ikke sjekket mot Enhetsregisteret" not in page(client, entrepreneur.get_absolute_url())

    def test_a_log_in_does_not_renew_the_kept_pages(self, entrepreneur_member):
        before = fragments.generations(["members"])
        update_last_login(None, entrepreneur_member)
        assert fragments.generations(["members"]) == before


class TestBodyPage:
    def test_a_posted_need_shows_at_once_and_a_closed_one_goes(self, client, body, owner):
        assert "Dagtilbud for personer med demens" not in page(client, body.get_absolute_url())
        need = make_need(body, owner, title="Dagtilbud for personer med demens")
        assert "Dagtilbud for personer med demens" in page(client, body.get_absolute_url())
        need.status = Need.Status.CLOSED
        need.save()
        assert "Dagtilbud for personer med demens" not in page(client, body.get_absolute_url())

    def test_a_contact_who_consents_shows_at_once(self, client, body):
        contact = ContactPerson.objects.create(public_body=body, name="Per Kontakt", consent_public=False)
        assert "Per Kontakt" not in page(client, body.get_absolute_url())
        contact.consent_public = True
        contact.save()
        assert "Per Kontakt" in page(client, body.get_absolute_url())

    def test_an_approved_member_makes_it_reachable(self, client, body):
        assert f"/virksomheter/{body.slug}/kontakt/" not in page(client, body.get_absolute_url())
        BodyMembership.objects.create(
            user=make_user("ola@kommune.no"), public_body=body, status=BodyMembership.Status.APPROVED
        )
        assert f"/virksomheter/{body.slug}/kontakt/" in page(client, body.get_absolute_url())

    def test_a_planned_purchase_shows_at_once_and_leaves_when_its_date_has_passed(
        self, client, body, thresholds, monkeypatch
    ):
        today = timezone.localdate()
        assert "Nytt dagsenter" not in page(client, body.get_absolute_url())
        PlannedProcurement.objects.create(
            public_body=body,
            title="Nytt dagsenter",
            service_area=factories.service_area("Eldreomsorg"),
            estimated_value=600_000,
            procurement_category="helse-sosial",
            preparation_starts=today,
            competition_expected=today + datetime.timedelta(days=1),
        )
        assert "Nytt dagsenter" in page(client, body.get_absolute_url())
        on_day(monkeypatch, today + datetime.timedelta(days=2))
        assert "Nytt dagsenter" not in page(client, body.get_absolute_url())


class TestNeedList:
    def test_a_posted_need_is_listed_at_once(self, client, body, owner):
        assert "Dagtilbud for personer med demens" not in page(client, "/behov/")
        make_need(body, owner, title="Dagtilbud for personer med demens")
        assert "Dagtilbud for personer med demens" in page(client, "/behov/")

    def test_a_changed_need_is_shown_changed(self, client, need):
        assert need.title in page(client, "/behov/")
        need.title = "Et nytt navn på behovet"
        need.save()
        assert "Et nytt navn på behovet" in page(client, "/behov/")

    def test_a_deadline_passes_with_the_date(self, client, body, owner, monkeypatch):
        today = timezone.localdate()
        make_need(body, owner, answer_deadline=today)
        assert "Svarfristen er ute" not in page(client, "/behov/")
        on_day(monkeypatch, today + datetime.timedelta(days=1))
        assert "Svarfristen er ute" in page(client, "/behov/")


class TestThresholdTable:
    def test_a_changed_value_and_uncertainty_show_at_once(self, client, thresholds):
        latest = thresholds.last()
        assert "123&nbsp;456&nbsp;789" not in page(client, "/anskaffelser/terskelverdier/").replace("\xa0", "&nbsp;")
        latest.eea_works = 123_456_789
        latest.save()
        html = page(client, "/anskaffelser/terskelverdier/").replace("\xa0", " ").replace("&nbsp;", " ")
        assert "123 456 789" in html
        ThresholdUncertainty.objects.update_or_create(
            period=latest, field="eea_works", defaults={"explanation": "Ikke kunngjort ennå."}
        )
        assert "Ikke kunngjort ennå." in page(client, "/anskaffelser/terskelverdier/")

    def test_the_period_in_force_follows_the_date(self, client, thresholds, monkeypatch):
        first, latest = thresholds.first(), thresholds.last()
        on_day(monkeypatch, latest.valid_from - datetime.timedelta(days=1))
        before = page(client, "/anskaffelser/terskelverdier/")
        on_day(monkeypatch, latest.valid_from)
        after = page(client, "/anskaffelser/terskelverdier/")
        assert first != latest and before != after


class TestGuide:
    def test_the_answer_says_when_it_was_asked_even_when_kept(self, client, thresholds, monkeypatch):
        assert "<!--spurt-->" not in page(client, GUIDE)
        now = timezone.localtime().replace(hour=9, minute=41)
        monkeypatch.setattr(timezone, "localtime", lambda value=None, timezone=None: now if value is None else value)
        assert "09:41" in page(client, GUIDE) or "9:41" in page(client, GUIDE)
        later = now.replace(hour=10, minute=7)
        monkeypatch.setattr(timezone, "localtime", lambda value=None, timezone=None: later if value is None else value)
        assert "10:07" in page(client, GUIDE)

    def test_what_a_visitor_types_is_never_taken_for_the_time(self, client, thresholds):
        html = page(client, "/anskaffelser/?verdi=<!--spurt-->&oppdragsgiver=kommunal&kategori=helse-sosial")
        assert "&lt;!--spurt--&gt;" in html

    def test_a_changed_threshold_changes_the_answer_at_once(self, client, thresholds):
        assert BELOW not in page(client, GUIDE)  # 750 000 kr: over the 500 000 kr lower limit
        period = thresholds.filter(valid_from__lte=datetime.date(2026, 12, 1)).last()
        period.lower_limit = 800_000
        period.save()
        assert BELOW in page(client, GUIDE)

    def test_without_a_date_the_answer_is_for_today(self, client, thresholds, monkeypatch):
        url = "/anskaffelser/?verdi=300000&oppdragsgiver=kommunal&kategori=helse-sosial"
        on_day(monkeypatch, datetime.date(2026, 6, 30))
        assert BELOW not in page(client, url)  # over the 100 000 kr lower limit
        on_day(monkeypatch, datetime.date(2026, 7, 1))
        assert BELOW in page(client, url)  # under the 500 000 kr lower limit from 1 July
