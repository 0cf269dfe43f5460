"""Issue 11, finding 5: hostile input never gives a server error and is never reflected unescaped.

The walker takes every route of the site and, for personas who reach its forms, sends a corpus of
payloads in every field and parameter the page offers (and a few every page might read), as GET
parameters, as POST fields, repeated, and in the path. Every answer must be below 500 and must not
contain a payload's markup unescaped.
"""

import re
from urllib.parse import quote

import pytest

from veier.tests.test_access_matrix import request_in_pristine_world
from veier.tests.world import build_world, route_kwargs, routes, url_for

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
ATTRIBUTE = "\"'><img src=x onerror=alert(1)>"
PAYLOADS = [
    SCRIPT,
    ATTRIBUTE,
    "a\x00b",
    "x" * 100_000,
    "99999999999999999999999999",
    "-1",
    "1e309",
    "../../etc/passwd",
]
# Bytes that are not UTF-8: a lone surrogate (ED A0 80) and a stray continuation byte, percent-encoded
# as a client would send them.
RAW_PAYLOADS = ["%ED%A0%80", "%C3%28", "%00"]
# Parameters read by views that no form on the page shows.
ALWAYS = ["next", "q", "side", "orgnr", "navn", "action", "handling", "sjekk", "status", "membership", "decision"]
ROTATIONS = (0, 3, 6)
FIELD = re.compile(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"')
UNESCAPED = [SCRIPT, "<img src=x onerror=alert(1)>"]


def _names(html: str) -> list[str]:
    names = [name for name in FIELD.findall(html) if name != "csrfmiddlewaretoken"]
    return list(dict.fromkeys([*names, *ALWAYS]))


def _check(problems: list, label: str, response) -> None:
    if response.status_code >= 500:
        problems.append(f"{label}: {response.status_code}")
        return
    if response.streaming:
        return
    text = response.content.decode("utf-8", "replace")
    for markup in UNESCAPED:
        if markup in text:
            problems.append(f"{label}: reflects {markup!r} unescaped")


def _rotation(names: list[str], offset: int, payloads: list[str]) -> dict[str, str]:
    """Each field a different payload, shifted by `offset`: a few requests give every field several."""
    return {field: payloads[(index + offset) % len(payloads)] for index, field in enumerate(names)}


def _persona_for(world, url: str) -> str:
    """The insider reaches every form behind log-in; pages that send a signed-in user away get anonymous."""
    page = request_in_pristine_world(world, "insider", "get", url)
    return "anonymous" if page.status_code in (301, 302) else "insider"


def _walk(world, name: str) -> list[str]:
    url = url_for(world, name)
    problems: list[str] = []
    persona = _persona_for(world, url)
    page = request_in_pristine_world(world, persona, "get", url)
    names = _names(page.content.decode("utf-8", "replace")) if not page.streaming else ALWAYS
    for method in ("get", "post"):
        for offset in ROTATIONS:
            data = _rotation(names, offset, PAYLOADS)
            response = request_in_pristine_world(world, persona, method, url, data=data)
            _check(problems, f"{persona} {method.upper()} {url} rotation {offset}", response)
            if response.status_code == 405:
                break  # the route does not take this method; one answer says so
        else:
            query = "&".join(f"{quote(field)}={raw}" for field, raw in _rotation(names, 0, RAW_PAYLOADS).items())
            repeated = "&".join(f"{quote(field)}=1&{quote(field)}={quote(SCRIPT)}" for field in names)
            for hostile in (query, repeated):
                if method == "get":
                    response = request_in_pristine_world(world, persona, "get", f"{url}?{hostile}")
                else:
                    response = request_in_pristine_world(
                        world, persona, "post", url, data=hostile, content_type="application/x-www-form-urlencoded"
                    )
                _check(problems, f"{persona} {method.upper()} {url} {hostile[:40]!r}", response)
    return problems


def _path_variants(world, name: str) -> list[str]:
    """The route with each of its parameters replaced by hostile text (where the converter lets it through)."""
    from django.urls import NoReverseMatch, reverse

    base = route_kwargs(world, name)
    urls = []
    for parameter in base:
        for payload in ["a\x00b", SCRIPT, "99999999999999999999999"]:
            try:
                urls.append(reverse(name, kwargs={**base, parameter: payload}))
            except NoReverseMatch:
                continue
    return urls


ROUTE_NAMES = [name for name, _pattern in routes()]


@pytest.mark.parametrize("name", ROUTE_NAMES)
def test_hostile_input_in_every_field_and_parameter(name, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    world = build_world()
    problems = _walk(world, name)
    for url in _path_variants(world, name):
        response = request_in_pristine_world(world, "insider", "get", url)
        _check(problems, f"insider GET path {url[:80]!r}", response)
    assert not problems, "\n".join(problems[:50])


def test_a_nul_byte_in_a_path_token_is_a_400_not_a_500(client, db):
    """The review's reproduction: /varsler/avmeld/<token>/ with a NUL byte, anonymous."""
    response = client.get("/varsler/avmeld/abc%00def/")
    assert response.status_code == 400
    assert "Tegn vi ikke kan ta imot" in response.content.decode()


def test_a_nul_byte_in_the_registration_search_finds_nothing_and_is_no_500(client, db):
    from accounts.models import User

    client.force_login(User.objects.create_user("ny@example.no", "et langt passord her"))
    response = client.get("/min-side/virksomhet/registrer/", {"navn": "Grønn\x00"})
    assert response.status_code == 200
    assert client.get("/min-side/virksomhet/registrer/", {"orgnr": "974760673\x00"}).status_code == 200
    assert client.get("/min-side/offentlig/bli-med/", {"q": "\x00"}).status_code == 200


def test_a_nul_byte_in_a_form_field_is_answered_beside_the_field(client, db):
    response = client.post("/konto/logg-inn/", {"email": "a\x00@example.no", "password": "x"})
    assert response.status_code == 200
    assert "Null-tegn er ikke tillatt." in response.content.decode()
    assert 'value="a' in response.content.decode()  # kept


def test_nul_bytes_in_a_cookie_or_a_lone_surrogate_are_refused_before_the_database(client, db):
    client.cookies["sessionid"] = "abc\x00defghijkl"
    assert client.get("/").status_code == 400


def test_a_lone_surrogate_in_a_parameter_is_refused(rf, db):
    """HTTP clients cannot send one through form encoding (it decodes to U+FFFD), but a server or
    middleware that decodes with surrogateescape could hand one over: it never reaches a view."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse, QueryDict

    from veier.middleware import RejectUnsafeCharactersMiddleware

    request = rf.get("/entreprenorer/")
    request.GET = QueryDict(mutable=True)
    request.GET["q"] = "eldre\ud800"
    request.user = AnonymousUser()
    response = RejectUnsafeCharactersMiddleware(lambda request: HttpResponse("view"))(request)
    assert response.status_code == 400


CHECKBOX = re.compile(r'<input[^>]*type="checkbox"[^>]*name="([^"]+)"|<input[^>]*name="([^"]+)"[^>]*type="checkbox"')
SELF_SERVICE_FORMS = [
    "members:entrepreneur-edit",
    "members:entrepreneur-register",
    "members:offer-create",
    "members:offer-edit",
    "members:contact-create",
    "members:contact-edit",
    "matchmaking:need-create",
    "matchmaking:need-edit",
    "matchmaking:alert-settings",
]


@pytest.mark.parametrize("value", ["abc", "99999999999999999999999", "-1", "1.5"])
def test_tampered_checkboxes_get_the_fields_message(value, settings):
    """Finding 5: a value no checkbox offers, in every multiple-choice field of the self-service forms."""
    world = build_world()
    problems, checked = [], 0
    for name in SELF_SERVICE_FORMS:
        url = url_for(world, name)
        if name == "members:entrepreneur-register":
            url += "?orgnr=923609016"  # the profile form appears after the number step
        page = request_in_pristine_world(world, "insider", "get", url)
        html = page.content.decode()
        names = [a or b for a, b in CHECKBOX.findall(html)]
        fields = sorted({field for field in names if names.count(field) > 1})  # one box alone is a yes/no
        for field in fields:
            response = request_in_pristine_world(world, "insider", "post", url.split("?")[0], data={field: [value]})
            checked += 1
            error = re.search(rf'id="id_{re.escape(field)}_error"[^>]*>(.*?)</', response.content.decode(), re.S)
            message = error.group(1) if error else "no message"
            if response.status_code != 200 or "fra listen" not in message:
                problems.append(f"{name} {field}={value!r}: {response.status_code} {message}")
    assert checked >= 10, "the forms have fewer checkbox fields than expected: did the pages change?"
    assert not problems, "\n".join(problems)
