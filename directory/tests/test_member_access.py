"""Every protected self-service view, for owner, colleague, outsider, curator and anonymous.

Members (owner, colleague) and curators get in. Anonymous users are sent to log in. Outsiders get 404
for what they may not see (drafts, unpublished offers, contacts without consent, unpublished bodies)
and 403 for what they may see but not change.
"""

import pytest
from django.urls import reverse

from accounts.models import EntrepreneurMembership, Membership
from directory.models import Offer, PublicationStatus
from directory.tests import factories
from directory.tests.member_personas import PERSONAS, contact, join, make_user, make_world

# (url name, method, what it acts on, whether outsiders may see that thing)
ENTREPRENEUR_CASES = [
    ("entrepreneur-detail", "get"),
    ("entrepreneur-edit", "get"),
    ("entrepreneur-edit", "post"),
    ("entrepreneur-submit", "post"),
    ("entrepreneur-members", "get"),
    ("entrepreneur-members", "post"),
    ("offer-create", "get"),
    ("offer-create", "post"),
]
OFFER_CASES = [
    ("offer-edit", "get"),
    ("offer-edit", "post"),
    ("offer-publish", "post"),
    ("offer-unpublish", "post"),
    ("offer-delete", "get"),
    ("offer-delete", "post"),
]
BODY_CASES = [
    ("body-detail", "get"),
    ("body-edit", "get"),
    ("body-edit", "post"),
    ("contact-create", "get"),
    ("contact-create", "post"),
]
CONTACT_CASES = [
    ("contact-edit", "get"),
    ("contact-edit", "post"),
    ("contact-delete", "get"),
    ("contact-delete", "post"),
]

CASES = [
    *[(name, method, "published-entrepreneur", True) for name, method in ENTREPRENEUR_CASES],
    *[(name, method, "draft-entrepreneur", False) for name, method in ENTREPRENEUR_CASES],
    *[(name, method, "published-offer", True) for name, method in OFFER_CASES],
    *[(name, method, "draft-offer", False) for name, method in OFFER_CASES],
    *[(name, method, "offer-of-draft-entrepreneur", False) for name, method in OFFER_CASES],
    *[(name, method, "published-body", True) for name, method in BODY_CASES],
    *[(name, method, "unpublished-body", False) for name, method in BODY_CASES],
    *[(name, method, "public-contact", True) for name, method in CONTACT_CASES],
    *[(name, method, "private-contact", False) for name, method in CONTACT_CASES],
]

VALID_DATA = {
    "entrepreneur-edit": {
        "orgnr": "923609016",
        "name": "Sykkel for alle",
        "summary": "Kort.",
        "description": "Lang.",
        "nationwide": "on",
        "action": "save",
    },
    "offer-create": {"title": "Sykkeltur", "description": "Vi sykler.", "action": "draft"},
    "offer-edit": {"title": "Sykkeltur", "description": "Vi sykler."},
    "body-edit": {"invitation": "Vi ønsker samarbeid om eldreomsorg."},
    "contact-create": {"name": "Per Kontakt"},
    "contact-edit": {"name": "Per Kontakt"},
}


def _setup(target: str):
    """The world, and the URL arguments of the thing the view acts on."""
    entrepreneur_status = PublicationStatus.DRAFT if "draft-entrepreneur" in target else PublicationStatus.PUBLISHED
    body_status = PublicationStatus.DRAFT if target == "unpublished-body" else PublicationStatus.PUBLISHED
    world = make_world(entrepreneur_status=entrepreneur_status, body_status=body_status)
    applicant = make_user("vil-bli-med@sykkel.no")
    join(applicant, world.entrepreneur, status=Membership.Status.PENDING)
    extra = {"membership": EntrepreneurMembership.objects.get(user=applicant).pk, "decision": "godkjenn"}
    if "entrepreneur" in target and "offer" not in target:
        return world, [world.entrepreneur.slug], extra
    if "offer" in target:
        status = Offer.Status.DRAFT if target == "draft-offer" else Offer.Status.PUBLISHED
        offer = factories.offer(world.entrepreneur, "Sykkeltur", status=status)
        return world, [world.entrepreneur.slug, offer.pk], {}
    if "body" in target:
        return world, [world.body.slug], {}
    person = contact(world.body, consent_public=target == "public-contact")
    return world, [world.body.slug, person.pk], {}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "method", "target", "visible"), CASES)
def test_members_and_curators_get_in_outsiders_get_404_or_403_and_anonymous_users_log_in(
    client, persona, name, method, target, visible
):
    world, args, extra = _setup(target)
    user = world.persona(persona)
    if user is not None:
        client.force_login(user)
    url = reverse(f"members:{name}", args=args)
    data = None
    if method == "post":
        data = {**VALID_DATA.get(name, {}), **extra}
        if name == "entrepreneur-edit":
            data["service_areas"] = [factories.service_area("Eldreomsorg").pk]
    response = client.post(url, data) if method == "post" else client.get(url)

    if persona == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith("/konto/logg-inn/?next=")
    elif persona == "outsider":
        assert response.status_code == (403 if visible else 404)
    elif method == "post":
        form = response.context and response.context.get("form")
        assert response.status_code == 302, form.errors if form else response
    else:
        assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", ["entrepreneur-register", "body-join"])
def test_registering_and_joining_a_body_need_only_a_signed_in_user(client, persona, name):
    world = make_world()
    user = world.persona(persona)
    if user is not None:
        client.force_login(user)
    response = client.get(reverse(f"members:{name}"))
    if persona == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith("/konto/logg-inn/")
    else:
        assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona", "published", "expected"),
    [
        ("owner", True, 302),  # already a member: sent to the organisation's page
        ("colleague", False, 302),
        ("outsider", True, 200),
        ("outsider", False, 404),  # someone else's draft, unless they know its organisation number
        ("curator", False, 200),
        ("anonymous", True, 302),
    ],
)
def test_asking_to_join_is_open_for_published_profiles_only(client, persona, published, expected):
    status = PublicationStatus.PUBLISHED if published else PublicationStatus.DRAFT
    world = make_world(entrepreneur_status=status)
    user = world.persona(persona)
    if user is not None:
        client.force_login(user)
    response = client.get(reverse("members:entrepreneur-join", args=[world.entrepreneur.slug]))
    assert response.status_code == expected


@pytest.mark.django_db
def test_an_outsider_who_knows_the_organisation_number_may_ask_to_join_a_draft(client):
    world = make_world(entrepreneur_status=PublicationStatus.DRAFT)
    client.force_login(world.outsider)
    url = reverse("members:entrepreneur-join", args=[world.entrepreneur.slug])
    assert client.get(url + "?orgnr=923 609 016").status_code == 200
    assert client.get(url + "?orgnr=974760673").status_code == 404


@pytest.mark.django_db
def test_the_organisation_number_shows_a_drafts_name_but_not_its_text(client):
    # The name that belongs to an organisation number is public in Enhetsregisteret; what the
    # members wrote in their draft is not, until a curator publishes it.
    world = make_world(entrepreneur_status=PublicationStatus.DRAFT)
    world.entrepreneur.summary = "Utkast som ingen andre skal lese"
    world.entrepreneur.save(update_fields=["summary"])
    client.force_login(world.outsider)
    url = reverse("members:entrepreneur-join", args=[world.entrepreneur.slug])
    page = client.get(url + "?orgnr=923 609 016").content.decode()
    assert world.entrepreneur.name in page
    assert "Utkast som ingen andre skal lese" not in page


@pytest.mark.django_db
def test_a_pending_member_is_still_an_outsider(client):
    world = make_world(entrepreneur_status=PublicationStatus.DRAFT)
    waiting = make_user("venter@sykkel.no")
    join(waiting, world.entrepreneur, status=Membership.Status.PENDING)
    client.force_login(waiting)
    assert client.get(reverse("members:entrepreneur-detail", args=[world.entrepreneur.slug])).status_code == 404
    assert client.get(reverse("members:entrepreneur-edit", args=[world.entrepreneur.slug])).status_code == 404


@pytest.mark.django_db
def test_an_offer_is_found_only_under_its_own_entrepreneur(client):
    world = make_world()
    offer = factories.offer(world.other_entrepreneur, "Annet tilbud")
    client.force_login(world.owner)
    url = reverse("members:offer-edit", args=[world.entrepreneur.slug, offer.pk])
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_a_contact_is_found_only_under_its_own_body(client):
    world = make_world()
    person = contact(world.other_body)
    client.force_login(world.owner)
    url = reverse("members:contact-edit", args=[world.body.slug, person.pk])
    assert client.get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("entrepreneur-submit", ["slug"]),
        ("offer-publish", ["slug", "offer"]),
        ("offer-unpublish", ["slug", "offer"]),
    ],
)
def test_changes_need_post(client, name, args):
    world = make_world()
    offer = factories.offer(world.entrepreneur)
    client.force_login(world.owner)
    values = {"slug": world.entrepreneur.slug, "offer": offer.pk}
    assert client.get(reverse(f"members:{name}", args=[values[arg] for arg in args])).status_code == 405
