"""A small world with one of everything, private things marked, and the personas of the access matrix.

Used by the role × URL matrix and the hostile-input walker. Each private thing carries a marker
string that must never appear in a response to someone who may not see it.
"""

from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver

from accounts.models import BodyMembership, EntrepreneurMembership, User
from directory.models import ContactPerson, Offer, PublicationStatus
from directory.tests import factories
from veier.testing import grant

PASSWORD = "et langt og trygt passord"

PERSONAS = [
    "anonymous",
    "plain",
    "member",
    "other_member",
    "body_member",
    "curator_procurement",
    "curator",
    "superuser",
]

# Marker → the personas who may see it.
PRIVATE = {
    "PRIVAT-UTKAST-SAMMENDRAG": {"member", "curator", "superuser"},  # a draft entrepreneur's summary
    "PRIVAT-TILBUD-UTKAST": {"member", "curator", "superuser"},  # a draft offer
    "Skjult Kontaktperson": {"body_member", "curator", "superuser"},  # a contact without consent
    "PRIVAT-BEHOV-UTKAST": {"body_member", "curator", "superuser"},  # a draft need
    "PRIVAT-DIALOG-MELDING": {"member", "body_member", "curator", "superuser"},  # a dialogue
}

CURATOR_PERMISSIONS = [
    "directory.view_socialentrepreneur",
    "directory.change_socialentrepreneur",
    "directory.approve_socialentrepreneur",
    "directory.view_offer",
    "directory.change_offer",
    "directory.view_publicbody",
    "directory.change_publicbody",
    "directory.view_contactperson",
    "directory.change_contactperson",
    "directory.view_entrepreneurjoinrequest",
    "directory.approve_entrepreneurjoinrequest",
    "directory.view_bodyjoinrequest",
    "directory.approve_bodyjoinrequest",
    "matchmaking.view_need",
    "matchmaking.change_need",
    "matchmaking.view_interest",
]
PROCUREMENT_PERMISSIONS = [
    "procurement.view_thresholdperiod",
    "procurement.change_thresholdperiod",
    "procurement.view_guidancepage",
    "procurement.change_guidancepage",
]


@dataclass
class World:
    users: dict = field(default_factory=dict)
    kwargs: dict = field(default_factory=dict)  # URL parameter values by route name, then by parameter name


def _user(email: str, **fields) -> User:
    return User.objects.create_user(email, PASSWORD, name=email.split("@")[0].title(), **fields)


def build_world() -> World:
    from matchmaking import services as matchmaking_services
    from matchmaking.models import Interest
    from matchmaking.tests.conftest import make_need

    world = World()
    for name in ("Eldreomsorg", "Arbeidsinkludering"):
        factories.service_area(name)
    for name in ("Eldre", "Langtidsledige"):
        factories.target_group(name)
    for name in ("Pilotavtale", "Samarbeidsavtale"):
        factories.collaboration_form(name)
    municipality = factories.municipality("5001")
    published = factories.entrepreneur("Åpen Virksomhet", summary="Offentlig sammendrag.")
    draft = factories.entrepreneur(
        "Hemmelig Utkast", status=PublicationStatus.DRAFT, orgnr="974760673", summary="PRIVAT-UTKAST-SAMMENDRAG"
    )
    other = factories.entrepreneur("Annen Virksomhet")
    factories.offer(published, "Offentlig tilbud", status=Offer.Status.PUBLISHED)
    draft_offer = factories.offer(published, "PRIVAT-TILBUD-UTKAST", status=Offer.Status.DRAFT)
    body = factories.public_body("Testkommune", municipality=municipality)
    ContactPerson.objects.create(public_body=body, name="Synlig Kontaktperson", consent_public=True)
    hidden = ContactPerson.objects.create(public_body=body, name="Skjult Kontaktperson", consent_public=False)
    case = factories.case("Et eksempel", public_bodies=[body], entrepreneurs=[published])

    users = world.users
    users["plain"] = _user("vanlig@example.no")
    users["member"] = _user("medlem@example.no")
    users["other_member"] = _user("annen@example.no")
    users["body_member"] = _user("kommune@example.no")
    users["curator_procurement"] = grant(_user("innkjop@example.no", is_staff=True), *PROCUREMENT_PERMISSIONS)
    users["curator"] = grant(_user("kurator@example.no", is_staff=True), *CURATOR_PERMISSIONS)
    users["superuser"] = _user("sjef@example.no", is_staff=True, is_superuser=True)
    # Not a persona of the matrix: member of everything and superuser, to reach every form.
    users["insider"] = _user("innsider@example.no", is_staff=True, is_superuser=True)
    approved = EntrepreneurMembership.Status.APPROVED
    for entrepreneur in (published, draft):
        EntrepreneurMembership.objects.create(user=users["member"], entrepreneur=entrepreneur, status=approved)
        EntrepreneurMembership.objects.create(user=users["insider"], entrepreneur=entrepreneur, status=approved)
    BodyMembership.objects.create(user=users["insider"], public_body=body, status=approved)
    EntrepreneurMembership.objects.create(user=users["other_member"], entrepreneur=other, status=approved)
    BodyMembership.objects.create(user=users["body_member"], public_body=body, status=approved)
    EntrepreneurMembership.objects.create(user=users["plain"], entrepreneur=other)  # pending: not a member

    draft_need = make_need(body, users["body_member"], status="draft", title="PRIVAT-BEHOV-UTKAST")
    open_need = make_need(body, users["body_member"], title="Et åpent behov")
    interest = matchmaking_services.interest_send(
        need=open_need, entrepreneur=published, user=users["member"], text="PRIVAT-DIALOG-MELDING"
    )
    assert Interest.objects.filter(pk=interest.pk).exists()

    from procurement.models import GuidancePage

    guidance = GuidancePage.objects.order_by("pk").first()
    world.kwargs = {
        "directory:entrepreneur-detail": {"slug": published.slug},
        "directory:body-detail": {"slug": body.slug},
        "directory:case-detail": {"slug": case.slug},
        "procurement:guidance-detail": {"slug": guidance.slug if guidance else "finnes-ikke"},
        "members:entrepreneur-join": {"slug": draft.slug},
        "members:offer-edit": {"slug": published.slug, "pk": draft_offer.pk},
        "members:offer-publish": {"slug": published.slug, "pk": draft_offer.pk},
        "members:offer-unpublish": {"slug": published.slug, "pk": draft_offer.pk},
        "members:offer-delete": {"slug": published.slug, "pk": draft_offer.pk},
        "members:contact-edit": {"slug": body.slug, "pk": hidden.pk},
        "members:contact-delete": {"slug": body.slug, "pk": hidden.pk},
        "matchmaking:need-answer": {"pk": open_need.pk},
        "matchmaking:need-invite": {"pk": open_need.pk, "slug": other.slug},
        "matchmaking:interest-message": {"pk": open_need.pk, "interest_pk": interest.pk},
        "matchmaking:interest-state": {"pk": open_need.pk, "interest_pk": interest.pk},
        # Defaults by parameter name, for every other route.
        "*": {
            "slug": published.slug,
            "pk": draft_need.pk,
            "interest_pk": interest.pk,
            "token": "ugyldig-lenke",
            "uidb64": "MQ",
        },
    }
    world.body_slug = body.slug
    return world


def routes() -> list[tuple[str, URLPattern]]:
    """Every named route of the site outside Django admin, with its fully qualified name."""
    found = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    continue
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif pattern.name:
                found.append((f"{namespace}:{pattern.name}" if namespace else pattern.name, pattern))

    walk(get_resolver().url_patterns, None)
    return found


def route_kwargs(world: World, name: str) -> dict:
    """The values for the route's parameters: the world's objects, or for parameters the world does
    not know yet (routes added later) a number or a word that finds nothing."""
    pattern = dict(routes())[name]
    values = {**world.kwargs["*"], **world.kwargs.get(name, {})}
    # Member pages of a public body take the body's slug.
    if name.startswith(("members:body", "members:contact")):
        values["slug"] = world.body_slug
    return {
        key: values.get(key, 999999 if type(converter).__name__ == "IntConverter" else "ukjent")
        for key, converter in pattern.pattern.converters.items()
    }


def url_for(world: World, name: str) -> str:
    from django.urls import reverse

    return reverse(name, kwargs=route_kwargs(world, name))
