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


def test_a_value_kept_in_process_is_the_same_object_until_a_generation_moves(monkeypatch):
    from django.core.cache import cache

    built = []

    def build():
        built.append(1)
        return [f"terms {len(built)}"]

    first = fragments.get_or_build("k", ["nb"], build, ["taxonomy"], in_process=True)
    # Not read from the shared cache again (no unpickling): the very same list.
    shared_get = cache.get

    def get(key, *args, **kwargs):
        assert not key.startswith("fragment:"), "the value was read from the shared cache again"
        return shared_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", get)
    assert fragments.get_or_build("k", ["nb"], build, ["taxonomy"], in_process=True) is first
    monkeypatch.undo()
    # Another app server renews the generation in the shared cache: seen on the next call.
    cache.set("generation:taxonomy", "renewed elsewhere", timeout=None)
    assert fragments.get_or_build("k", ["nb"], build, ["taxonomy"], in_process=True) == ["terms 2"]
    # A value whose time is up is not served from the process either.
    key = fragments.fragment_key("k", ["nb"], ["taxonomy"])
    fragments._IN_PROCESS[key] = (time.monotonic() - 1, ["stale"])
    assert fragments.get_or_build("k", ["nb"], build, ["taxonomy"], in_process=True) == ["terms 2"]


def test_the_values_kept_in_process_are_bounded(monkeypatch):
    monkeypatch.setattr(fragments, "IN_PROCESS_LIMIT", 3)
    fragments._IN_PROCESS.clear()
    for number in range(10):
        fragments.get_or_build("bounded", [number], lambda: "value", ["taxonomy"], in_process=True)
    assert 1 <= len(fragments._IN_PROCESS) <= 3


def test_a_renamed_service_area_is_shown_at_once_in_the_filters_and_results(client):
    from directory.models import ServiceArea
    from directory.tests import factories

    area = factories.service_area("Eldreomsorg")
    factories.entrepreneur("Besøksvenner AS", service_areas=[area])
    assert "Eldreomsorg" in client.get("/entreprenorer/?q=besøksvenner").content.decode()
    ServiceArea.objects.filter(pk=area.pk).update(name="Omsorg for eldre")
    fragments.bump("taxonomy")  # what a bulk change must do (an admin save sends the signal itself)
    html = client.get("/entreprenorer/?q=besøksvenner&sortering=navn").content.decode()
    assert "Omsorg for eldre" in html and ">Eldreomsorg<" not in html


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
