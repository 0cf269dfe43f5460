"""Public-body staff start at once: each municipality's own domain, subdomains, and shared domains."""

import pytest
from django.core.management import call_command
from django.forms import modelform_factory
from django.urls import reverse

from accounts.models import BodyMembership, Membership
from directory import domains
from directory.admin import PublicBodyAdminForm
from directory.models import PublicBody, SharedEmailDomain
from directory.tests import factories
from directory.tests.member_personas import make_user

JOIN = reverse("members:body-join")


@pytest.mark.parametrize(
    ("name", "domain"),
    [
        ("Trondheim", "trondheim.kommune.no"),
        ("Bærum", "baerum.kommune.no"),
        ("Tromsø", "tromso.kommune.no"),
        ("Østre Toten", "ostre-toten.kommune.no"),
        ("Aurskog-Høland", "aurskog-holand.kommune.no"),
        ("Ålesund", "alesund.kommune.no"),
        # Names in Sami: the municipality's domain uses its Norwegian name, which the rule cannot know.
        ("Kárášjohka", None),
        ("", None),
    ],
)
def test_a_municipality_s_domain_under_kommune_no(name, domain):
    assert domains.municipality_domain(name) == domain


@pytest.mark.parametrize(
    ("address", "own", "shared", "expected"),
    [
        ("kari@trondheim.kommune.no", ["trondheim.kommune.no"], [], True),
        ("Kari@Trondheim.Kommune.NO", ["trondheim.kommune.no"], [], True),
        ("kari@bga.oslo.kommune.no", ["oslo.kommune.no"], [], True),
        ("kari@ikke-trondheim.kommune.no", ["trondheim.kommune.no"], [], False),
        ("kari@trondheim.kommune.no.example.com", ["trondheim.kommune.no"], [], False),
        ("kari@kommune.no", ["trondheim.kommune.no"], [], False),
        ("kari@nav.no", ["nav.no"], ["nav.no"], False),
        ("kari@trondelag.nav.no", ["trondelag.nav.no"], ["nav.no"], False),
        ("kari@gmail.com", [], [], False),
        ("ikke-en-adresse", ["trondheim.kommune.no"], [], False),
        ("kari@trondheim.kommune.no", ["", " "], [], False),
    ],
)
def test_who_joins_at_once(address, own, shared, expected):
    assert domains.joins_at_once(address, own, shared) is expected


def test_parent_domains_stop_above_the_top_level():
    assert domains.parent_domains("bga.oslo.kommune.no") == ["bga.oslo.kommune.no", "oslo.kommune.no", "kommune.no"]


@pytest.mark.parametrize(
    ("kind", "municipality", "county", "expected"),
    [
        ("kommune", "Trondheim", "50", ["trondheim.kommune.no"]),
        ("fylkeskommune", None, "50", ["trondelagfylke.no"]),
        ("fylkeskommune", None, "99", []),
        ("nav-kontor", "Trondheim", "50", []),
        ("bydel", "Oslo", "03", []),
        ("statlig", None, None, []),
    ],
)
def test_default_domains_by_kind(kind, municipality, county, expected):
    assert domains.default_domains(kind, municipality, county) == expected


@pytest.mark.django_db
class TestSeeded:
    def test_every_municipality_and_county_municipality_of_the_booklet_has_its_domain(self, booklet):
        bodies = PublicBody.objects.filter(kind__in=["kommune", "fylkeskommune"])
        assert bodies.count() >= 20
        assert not bodies.filter(email_domains=[]).exists()
        assert PublicBody.objects.get(slug="trondheim-kommune").email_domains == ["trondheim.kommune.no"]
        assert PublicBody.objects.get(slug="baerum-kommune").email_domains == ["baerum.kommune.no"]

    def test_nav_offices_get_no_domain_and_nav_no_is_shared(self, booklet):
        assert not PublicBody.objects.filter(kind="nav-kontor").exclude(email_domains=[]).exists()
        assert SharedEmailDomain.objects.filter(domain="nav.no").exists()

    def test_loading_again_keeps_a_curator_s_domains(self, booklet):
        PublicBody.objects.filter(slug="trondheim-kommune").update(email_domains=["tk.example.no"])
        call_command("load_booklet", verbosity=0)
        assert PublicBody.objects.get(slug="trondheim-kommune").email_domains == ["tk.example.no"]


@pytest.mark.django_db
class TestJoiningByDomain:
    def test_a_trondheim_address_joins_trondheim_kommune_at_once(self, client, booklet):
        user = make_user("kari.nordmann@trondheim.kommune.no")
        client.force_login(user)
        body = PublicBody.objects.get(slug="trondheim-kommune")
        # The join page offers the body before any search.
        response = client.get(JOIN)
        assert list(response.context["bodies"]) == [body]
        assert "blir du medlem med en gang" in response.content.decode()
        client.post(JOIN, {"q": "", "body": body.pk, "message": ""})
        assert BodyMembership.objects.get(user=user).status == Membership.Status.APPROVED

    def test_a_nav_address_joins_no_nav_office_without_a_curator(self, client, booklet):
        office = PublicBody.objects.filter(kind="nav-kontor").first()
        # Even if a curator had typed nav.no on the office, the shared domain wins.
        PublicBody.objects.filter(pk=office.pk).update(email_domains=["nav.no"])
        user = make_user("kari.nordmann@nav.no")
        client.force_login(user)
        assert list(client.get(JOIN).context["bodies"]) == []
        client.post(JOIN, {"q": office.name, "body": office.pk, "message": "Veileder"})
        assert BodyMembership.objects.get(user=user).status == Membership.Status.PENDING

    def test_an_exception_added_in_admin_joins_at_once(self, client, db):
        body = factories.public_body("Bydel Gamle Oslo", kind="bydel", email_domains=["bga.oslo.kommune.no"])
        user = make_user("kari@bga.oslo.kommune.no")
        client.force_login(user)
        client.post(JOIN, {"q": "gamle", "body": body.pk, "message": ""})
        assert BodyMembership.objects.get(user=user).status == Membership.Status.APPROVED


@pytest.mark.django_db
class TestAdmin:
    def _form(self, domains_text: str, **extra):
        municipality = factories.municipality("5001")
        data = {
            "name": "Trondheim kommune",
            "slug": "trondheim-kommune",
            "kind": "kommune",
            "municipality": municipality.pk,
            "email_domains": domains_text,
            "status": "published",
            **extra,
        }
        form_class = modelform_factory(
            PublicBody,
            form=PublicBodyAdminForm,
            fields=["name", "slug", "kind", "municipality", "email_domains", "status"],
        )
        return form_class(data)

    def test_domains_are_normalised(self):
        SharedEmailDomain.objects.get_or_create(domain="nav.no")
        form = self._form("@Trondheim.Kommune.no ,trondheim.kommune.no")
        assert form.is_valid(), form.errors
        assert form.cleaned_data["email_domains"] == ["trondheim.kommune.no"]

    @pytest.mark.parametrize("value", ["kommune.no", "no", "ikke et domene", "nav.no", "trondelag.nav.no"])
    def test_broad_or_shared_domains_are_refused_by_the_field(self, value):
        SharedEmailDomain.objects.get_or_create(domain="nav.no")
        form = self._form(value)
        assert not form.is_valid()
        assert "email_domains" in form.errors

    def test_a_new_municipality_gets_its_domain(self, admin_client):
        municipality = factories.municipality("5001")
        response = admin_client.post(
            reverse("admin:directory_publicbody_add"),
            {
                "name": "Trondheim kommune",
                "slug": "trondheim-kommune",
                "kind": "kommune",
                "municipality": municipality.pk,
                "email_domains": "",
                "status": "published",
                "contact_persons-TOTAL_FORMS": "0",
                "contact_persons-INITIAL_FORMS": "0",
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
        assert PublicBody.objects.get(slug="trondheim-kommune").email_domains == ["trondheim.kommune.no"]
