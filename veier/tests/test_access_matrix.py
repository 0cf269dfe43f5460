"""Issue 11: the role × URL matrix.

Every route of the site (outside Django admin), GET and POST (an empty form), for each persona:
the status is the expected one, and no private thing appears in the answer to someone who may not
see it. Routes added later that are not in EXPECTED still get the second check and "no 5xx".
Django admin is checked per model below.
"""

import pytest
from django.db import transaction
from django.test import Client

from veier.tests.world import PERSONAS, PRIVATE, build_world, routes, url_for

pytestmark = pytest.mark.django_db

# route name → (GET statuses, POST statuses), each in PERSONAS order:
# anonymous, plain user, entrepreneur member, member of another entrepreneur, body member,
# curator with only procurement permissions, curator with the right permissions, superuser.
# "L" is a redirect to the log-in page, "R" any other redirect.
EXPECTED = {
    "directory:home": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "directory:entrepreneur-list": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "directory:entrepreneur-detail": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "directory:body-list": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "directory:body-detail": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "directory:case-list": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "directory:case-detail": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "procurement:guide": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "procurement:thresholds": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "procurement:guidance-list": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "procurement:guidance-detail": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "procurement:api-regime": ("400 400 400 400 400 400 400 400", "405 405 405 405 405 405 405 405"),
    "accounts:signup": ("200 R R R R R R R", "200 R R R R R R R"),
    "accounts:signup-done": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "accounts:confirm": ("400 400 400 400 400 400 400 400", "400 400 400 400 400 400 400 400"),
    "accounts:confirm-resend": ("200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200"),
    "accounts:confirm-resent": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "accounts:login": ("200 R R R R R R R", "200 200 200 200 200 200 200 200"),
    "accounts:logout": ("405 405 405 405 405 405 405 405", "R R R R R R R R"),
    "accounts:password-change": ("L 200 200 200 200 200 200 200", "L 200 200 200 200 200 200 200"),
    "accounts:password-reset": ("200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200"),
    "accounts:password-reset-sent": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "accounts:password-reset-complete": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "accounts:password-reset-confirm": ("200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200"),
    "accounts:my-data": ("L 200 200 200 200 200 200 200", "L 405 405 405 405 405 405 405"),
    "accounts:delete": ("L 200 200 200 200 200 200 200", "L 200 200 200 200 200 200 200"),
    "accounts:dashboard": ("L 200 200 200 200 200 200 200", "L 405 405 405 405 405 405 405"),
    "members:entrepreneur-register": ("L 200 200 200 200 200 200 200", "L 200 200 200 200 200 200 200"),
    "members:entrepreneur-detail": ("L 403 200 403 403 403 200 200", "L 405 405 405 405 405 405 405"),
    "members:entrepreneur-edit": ("L 403 200 403 403 403 200 200", "L 403 200 403 403 403 200 200"),
    "members:entrepreneur-submit": ("L 405 405 405 405 405 405 405", "L 403 R 403 403 403 R R"),
    "members:entrepreneur-join": ("L 404 R 404 404 404 200 200", "L 404 R 404 404 404 R R"),
    "members:entrepreneur-members": ("L 403 200 403 403 403 200 200", "L 403 R 403 403 403 R R"),
    "members:offer-create": ("L 403 200 403 403 403 200 200", "L 403 200 403 403 403 200 200"),
    "members:offer-edit": ("L 404 200 404 404 404 200 200", "L 404 200 404 404 404 200 200"),
    "members:offer-publish": ("L 405 405 405 405 405 405 405", "L 404 R 404 404 404 R R"),
    "members:offer-unpublish": ("L 405 405 405 405 405 405 405", "L 404 R 404 404 404 R R"),
    "members:offer-delete": ("L 404 200 404 404 404 200 200", "L 404 R 404 404 404 R R"),
    "members:body-join": ("L 200 200 200 200 200 200 200", "L 200 200 200 200 200 200 200"),
    "members:body-detail": ("L 403 403 403 200 403 200 200", "L 405 405 405 405 405 405 405"),
    "members:body-edit": ("L 403 403 403 200 403 200 200", "L 403 403 403 R 403 R R"),
    "members:contact-create": ("L 403 403 403 200 403 200 200", "L 403 403 403 200 403 200 200"),
    "members:contact-edit": ("L 404 404 404 200 404 200 200", "L 404 404 404 200 404 200 200"),
    "members:contact-delete": ("L 404 404 404 200 404 200 200", "L 404 404 404 R 404 R R"),
    "matchmaking:need-list": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "matchmaking:need-create": ("L 403 403 403 200 403 403 403", "L 403 403 403 200 403 403 403"),
    "matchmaking:need-detail": ("L 404 404 404 200 404 200 200", "405 405 405 405 405 405 405 405"),
    "matchmaking:need-edit": ("L 404 404 404 200 404 200 200", "L 404 404 404 200 404 200 200"),
    "matchmaking:need-status": ("L 405 405 405 405 405 405 405", "L 404 404 404 R 404 R R"),
    "matchmaking:need-matches": ("L 404 404 404 200 404 200 200", "L 405 405 405 405 405 405 405"),
    "matchmaking:need-answer": ("L 405 405 405 405 405 405 405", "L 403 200 200 403 403 403 403"),
    "matchmaking:need-invite": ("L 403 403 403 200 403 403 403", "L 403 403 403 200 403 403 403"),
    "matchmaking:interest-message": ("L 405 405 405 405 405 405 405", "L 404 200 404 200 404 403 403"),
    "matchmaking:interest-state": ("L 405 405 405 405 405 405 405", "L 404 403 404 R 404 403 403"),
    "matchmaking:alert-settings": ("L 403 200 200 403 403 403 403", "L 403 200 200 403 403 403 403"),
    "matchmaking:alert-unsubscribe": ("404 404 404 404 404 404 404 404", "404 404 404 404 404 404 404 404"),
    "set_language": ("405 405 405 405 405 405 405 405", "R R R R R R R R"),
    "privacy": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "accessibility": ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
}


def _status(response) -> str:
    if response.status_code in (301, 302):
        location = response["Location"]
        return "L" if location.startswith("/konto/logg-inn/") or location.startswith("/admin/login/") else "R"
    return str(response.status_code)


def _client(world, persona: str) -> Client:
    client = Client(raise_request_exception=False)  # a server error is an answer to check, not a crash
    if persona != "anonymous":
        client.force_login(world.users[persona])
    return client


def request_in_pristine_world(world, persona: str, method: str, url: str, **kwargs):
    """One request, its database changes rolled back: every cell of the matrix sees the same world."""
    client = _client(world, persona)
    with transaction.atomic():
        response = getattr(client, method)(url, **kwargs)
        transaction.set_rollback(True)
    return response


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_route_answers_each_persona_as_expected_and_leaks_nothing(persona):
    world = build_world()
    hidden = [marker for marker, allowed in PRIVATE.items() if persona not in allowed]
    problems = []
    for name, _pattern in routes():
        url = url_for(world, name)
        expected = EXPECTED.get(name)
        for method_index, method in enumerate(("get", "post")):
            response = request_in_pristine_world(world, persona, method, url)
            status = _status(response)
            if response.status_code >= 500:
                problems.append(f"{method.upper()} {url}: {response.status_code}")
                continue
            if expected is not None:
                wanted = expected[method_index].split()[PERSONAS.index(persona)]
                if wanted != status:
                    problems.append(f"{method.upper()} {url}: {status}, expected {wanted}")
            body = b"".join(response) if response.streaming else response.content
            text = body.decode("utf-8", "replace")
            problems += [f"{method.upper()} {url} shows {marker!r}" for marker in hidden if marker in text]
    assert not problems, "\n".join(problems)


def test_the_matrix_covers_every_route_that_exists_today():
    """A route in EXPECTED that no longer exists means the table is stale."""
    assert set(EXPECTED) <= {name for name, _pattern in routes()}
