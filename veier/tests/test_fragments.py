"""Cached fragments and their invalidation; cache headers of anonymous pages."""

import time

import pytest
from django.utils.http import http_date, parse_http_date

from veier import fragments

pytestmark = pytest.mark.django_db


def test_a_generation_is_stable_until_bumped():
    first = fragments.generations(["taxonomy", "places"])
    assert fragments.generations(["taxonomy", "places"]) == first
    fragments.bump("taxonomy")
    second = fragments.generations(["taxonomy", "places"])
    assert second[0] != first[0] and second[1] == first[1]


def test_get_or_build_builds_once_per_generation():
    built = []

    def build():
        built.append(1)
        return f"panel {len(built)}"

    assert fragments.get_or_build("t", ["nb", "x"], build, ["taxonomy"]) == "panel 1"
    assert fragments.get_or_build("t", ["nb", "x"], build, ["taxonomy"]) == "panel 1"
    assert fragments.get_or_build("t", ["nn", "x"], build, ["taxonomy"]) == "panel 2"  # per language
    fragments.bump("places")  # another dependency: still cached
    assert fragments.get_or_build("t", ["nb", "x"], build, ["taxonomy"]) == "panel 1"
    fragments.bump("taxonomy")
    assert fragments.get_or_build("t", ["nb", "x"], build, ["taxonomy"]) == "panel 3"


def test_saving_public_data_moves_last_changed_but_a_queued_mail_does_not():
    from post_office.models import Email

    from directory.models import ServiceArea

    before = time.time()
    ServiceArea.objects.create(name="Testområde", slug="testomrade")
    changed = fragments.last_changed()
    assert changed is not None and changed >= before
    Email.objects.create(from_email="a@example.no", to=["x@example.no"], subject="Hei")
    assert fragments.last_changed() == changed


class TestAnonymousPagesMayBeKept:
    def test_headers(self, client):
        response = client.get("/anskaffelser/")
        assert response.status_code == 200
        assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
        assert "Cookie" in response["Vary"]
        assert response.has_header("ETag")
        assert parse_http_date(response["Last-Modified"]) <= time.time() + 1
        assert not response.cookies  # nothing per visitor in a page a proxy may keep

    def test_the_same_page_twice_has_the_same_etag_and_answers_304(self, client):
        first = client.get("/eksempler/")
        second = client.get("/eksempler/")
        assert first["ETag"] == second["ETag"]
        assert client.get("/eksempler/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        assert client.get("/eksempler/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304

    def test_a_change_of_data_moves_last_modified(self, client):
        from directory.models import ServiceArea

        old = http_date(time.time() - 3600 * 24 * 400)
        fragments.cache.set(fragments.CHANGED_AT_KEY, 0)
        first = client.get("/eksempler/")["Last-Modified"]
        time.sleep(1.1)
        ServiceArea.objects.create(name="Testområde", slug="testomrade")
        second = client.get("/eksempler/")
        assert parse_http_date(second["Last-Modified"]) > parse_http_date(first)
        assert client.get("/eksempler/", HTTP_IF_MODIFIED_SINCE=first).status_code == 200
        assert client.get("/eksempler/", HTTP_IF_MODIFIED_SINCE=old).status_code == 200

    def test_head_gets_the_same_headers(self, client):
        got, head = client.get("/anskaffelser/"), client.head("/anskaffelser/")
        assert head["ETag"] == got["ETag"] and head["Cache-Control"] == got["Cache-Control"]

    def test_not_for_signed_in_users(self, client, django_user_model):
        client.force_login(django_user_model.objects.create_user(email="k@example.no", password="x" * 12))
        response = client.get("/anskaffelser/")
        assert "public" not in response.get("Cache-Control", "")

    def test_not_for_pages_with_a_form_that_sets_a_cookie(self, client):
        response = client.get("/konto/logg-inn/")
        assert response.cookies  # the CSRF cookie
        assert "public" not in response.get("Cache-Control", "")

    def test_not_for_errors(self, client):
        response = client.get("/entreprenorer/finnes-ikke/")
        assert response.status_code == 404
        assert "public" not in response.get("Cache-Control", "")
