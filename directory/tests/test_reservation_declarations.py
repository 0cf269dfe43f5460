"""The two declarations behind reserved contracts: members declare, curators confirm, and only
confirmed declarations count in the directory's filters."""

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from directory import services
from directory.models import OrganisationForm, SocialEntrepreneur
from directory.tests import factories
from directory.tests.member_personas import make_user, make_world

LIST = "/entreprenorer/"
CHANGELIST = reverse("admin:directory_socialentrepreneur_changelist")


def _names(response) -> list[str]:
    return [entrepreneur.name for entrepreneur in response.context["page"].object_list]


def _ideell_form() -> OrganisationForm:
    return OrganisationForm.objects.get_or_create(slug="forening", defaults={"name": "Forening"})[0]


@pytest.fixture
def world(db):
    return make_world()


@pytest.mark.django_db
class TestTheDirectoryFilters:
    @pytest.fixture
    def entrepreneurs(self):
        now = timezone.now()
        trondelag = [factories.county("50")]
        factories.entrepreneur(
            "Bekreftet arbeid", counties=trondelag, declares_work_integration=True, work_integration_confirmed_at=now
        )
        factories.entrepreneur("Bare erklært arbeid", counties=trondelag, declares_work_integration=True)
        factories.entrepreneur(
            "Bekreftet ideell", nationwide=True, declares_non_profit=True, non_profit_confirmed_at=now
        )
        factories.entrepreneur("Bare erklært ideell", nationwide=True, declares_non_profit=True)
        factories.entrepreneur(
            "Begge deler",
            municipalities=[factories.municipality("0301")],
            declares_work_integration=True,
            work_integration_confirmed_at=now,
            declares_non_profit=True,
            non_profit_confirmed_at=now,
        )
        factories.entrepreneur(
            "Utkast med bekreftelse",
            status="draft",
            nationwide=True,
            declares_work_integration=True,
            work_integration_confirmed_at=now,
        )

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("arbeidsintegrerende=ja", ["Begge deler", "Bekreftet arbeid"]),
            ("arbeidsintegrerende=on", ["Begge deler", "Bekreftet arbeid"]),
            ("ideell=ja", ["Begge deler", "Bekreftet ideell"]),
            ("arbeidsintegrerende=ja&ideell=ja", ["Begge deler"]),
            ("arbeidsintegrerende=ja&fylke=50", ["Bekreftet arbeid"]),
            ("ideell=ja&fylke=50", ["Bekreftet ideell"]),
            ("arbeidsintegrerende=false", None),
        ],
    )
    def test_only_confirmed_declarations_of_published_profiles_count(self, client, entrepreneurs, query, expected):
        response = client.get(f"{LIST}?{query}")
        assert response.status_code == 200
        if expected is None:  # an unticked box is no filter
            assert len(_names(response)) == 5
        else:
            assert _names(response) == expected

    def test_the_active_filter_can_be_removed(self, client, entrepreneurs):
        response = client.get(LIST, {"arbeidsintegrerende": "ja", "fylke": "50"})
        chips = response.context["active_filters"]
        work = next(chip for chip in chips if "Arbeidsintegrerende" in str(chip["field"]))
        assert "arbeidsintegrerende" not in work["remove_url"]
        assert "fylke=trondelag" in work["remove_url"] or "fylke=50" in work["remove_url"]

    def test_the_query_count_does_not_grow_with_the_rows(self, client, entrepreneurs):
        def count() -> int:
            cache.clear()  # both counts without cached fragments: rows must not add queries when rendering
            with CaptureQueriesContext(connection) as queries:
                client.get(LIST, {"arbeidsintegrerende": "ja"})
            return len(queries)

        few = count()
        for number in range(10):
            factories.entrepreneur(
                f"Flere {number}",
                nationwide=True,
                declares_work_integration=True,
                work_integration_confirmed_at=timezone.now(),
            )
        assert count() == few

    def test_the_profile_shows_confirmed_declarations_only(self, client, entrepreneurs):
        confirmed = client.get("/entreprenorer/bekreftet-arbeid/").content.decode()
        assert "Kan ta reserverte kontrakter som" in confirmed
        unconfirmed = client.get("/entreprenorer/bare-erklart-arbeid/").content.decode()
        assert "Kan ta reserverte kontrakter som" not in unconfirmed


@pytest.mark.django_db
class TestMembersDeclare:
    def _edit(self, client, entrepreneur, **overrides):
        data = {
            "orgnr": entrepreneur.orgnr,
            "name": entrepreneur.name,
            "summary": entrepreneur.summary,
            "description": entrepreneur.description,
            "nationwide": "on",
            "service_areas": [area.pk for area in entrepreneur.service_areas.all()],
            "action": "save",
        }
        data.update(overrides)
        url = reverse("members:entrepreneur-edit", args=[entrepreneur.slug])
        return client.post(url, {key: value for key, value in data.items() if value is not None})

    def test_a_declaration_waits_for_a_curator(self, client, world):
        client.force_login(world.owner)
        response = self._edit(client, world.entrepreneur, declares_work_integration="on")
        assert response.status_code == 302
        world.entrepreneur.refresh_from_db()
        assert world.entrepreneur.declares_work_integration
        assert world.entrepreneur.work_integration_confirmed_at is None
        assert not SocialEntrepreneur.objects.confirmed_work_integration().exists()

    def test_members_see_whether_their_declaration_is_confirmed(self, client, world):
        client.force_login(world.owner)
        self._edit(client, world.entrepreneur, declares_work_integration="on")
        page = reverse("members:entrepreneur-detail", args=[world.entrepreneur.slug])
        assert "Erklært, venter på bekreftelse fra redaksjonen" in client.get(page).content.decode()
        world.entrepreneur.refresh_from_db()
        services.entrepreneur_confirm_declarations(entrepreneur=world.entrepreneur, curator=world.curator)
        assert "Bekreftet av redaksjonen" in client.get(page).content.decode()

    def test_non_profit_needs_the_organisation_form_as_evidence(self, client, world):
        client.force_login(world.owner)
        response = self._edit(client, world.entrepreneur, declares_non_profit="on", name="Nytt navn")
        html = response.content.decode()
        assert response.status_code == 200
        assert 'id="id_declares_non_profit_error"' in html
        assert "Velg organisasjonsform over. Den er dokumentasjonen på at dere er en ideell organisasjon." in html
        assert 'value="Nytt navn"' in html  # nothing typed is lost
        world.entrepreneur.refresh_from_db()
        assert not world.entrepreneur.declares_non_profit

    def test_withdrawing_a_declaration_drops_its_confirmation(self, client, world):
        entrepreneur = world.entrepreneur
        entrepreneur.declares_work_integration = True
        entrepreneur.work_integration_confirmed_at = timezone.now()
        entrepreneur.save()
        client.force_login(world.owner)
        assert self._edit(client, entrepreneur).status_code == 302
        entrepreneur.refresh_from_db()
        assert not entrepreneur.declares_work_integration
        assert entrepreneur.work_integration_confirmed_at is None

    def test_changing_the_organisation_form_needs_a_new_confirmation_of_non_profit(self, client, world):
        entrepreneur = world.entrepreneur
        entrepreneur.organisation_form = _ideell_form()
        entrepreneur.declares_non_profit = True
        entrepreneur.non_profit_confirmed_at = timezone.now()
        entrepreneur.save()
        other = OrganisationForm.objects.create(name="Aksjeselskap", slug="as")
        client.force_login(world.owner)
        response = self._edit(client, entrepreneur, organisation_form=other.pk, declares_non_profit="on")
        assert response.status_code == 302
        entrepreneur.refresh_from_db()
        assert entrepreneur.declares_non_profit
        assert entrepreneur.non_profit_confirmed_at is None

    def test_the_database_refuses_a_confirmation_without_its_declaration(self, world):
        with pytest.raises(IntegrityError), transaction.atomic():
            SocialEntrepreneur.objects.filter(pk=world.entrepreneur.pk).update(
                work_integration_confirmed_at=timezone.now()
            )


@pytest.mark.django_db
class TestCuratorsConfirm:
    @pytest.fixture
    def declared(self, world):
        entrepreneur = world.entrepreneur
        entrepreneur.organisation_form = _ideell_form()
        entrepreneur.declares_work_integration = True
        entrepreneur.declares_non_profit = True
        entrepreneur.save()
        return entrepreneur

    def _confirm(self, client, entrepreneur):
        return client.post(CHANGELIST, {"action": "confirm_declarations", "_selected_action": [entrepreneur.pk]})

    def test_a_curator_with_the_permission_confirms_both(self, client, world, declared):
        client.force_login(world.curator)
        assert self._confirm(client, declared).status_code == 302
        declared.refresh_from_db()
        assert declared.work_integration_confirmed_at is not None
        assert declared.non_profit_confirmed_at is not None
        assert list(SocialEntrepreneur.objects.confirmed_non_profit()) == [declared]

    def test_staff_without_the_permission_cannot_confirm(self, client, world, declared):
        staff = make_user("ansatt@veier.no", is_staff=True)
        staff.user_permissions.add(
            Permission.objects.get(codename="view_socialentrepreneur"),
            Permission.objects.get(codename="change_socialentrepreneur"),
        )
        client.force_login(staff)
        changelist = client.get(CHANGELIST)
        assert changelist.status_code == 200
        assert "confirm_declarations" not in changelist.content.decode()
        self._confirm(client, declared)
        declared.refresh_from_db()
        assert declared.work_integration_confirmed_at is None

    def test_a_curator_given_only_that_permission_and_change_can_confirm(self, client, world, declared):
        staff = make_user("bekrefter@veier.no", is_staff=True)
        staff.user_permissions.add(
            *Permission.objects.filter(
                codename__in=["view_socialentrepreneur", "change_socialentrepreneur", "confirm_declarations"]
            )
        )
        client.force_login(staff)
        self._confirm(client, declared)
        declared.refresh_from_db()
        assert declared.work_integration_confirmed_at is not None

    @pytest.mark.parametrize("persona", ["owner", "outsider"])
    def test_members_cannot_reach_the_action(self, client, world, declared, persona):
        client.force_login(world.persona(persona))
        response = self._confirm(client, declared)
        assert response.status_code == 302 and "/login/" in response["Location"]
        declared.refresh_from_db()
        assert declared.work_integration_confirmed_at is None

    def test_anonymous_cannot_reach_the_action(self, client, world, declared):
        response = self._confirm(client, declared)
        assert response.status_code == 302
        declared.refresh_from_db()
        assert declared.work_integration_confirmed_at is None

    def test_withdrawing_keeps_the_declarations(self, world, declared):
        services.entrepreneur_confirm_declarations(entrepreneur=declared, curator=world.curator)
        assert services.entrepreneur_withdraw_confirmations(entrepreneur=declared, curator=world.curator)
        declared.refresh_from_db()
        assert declared.declares_work_integration and declared.declares_non_profit
        assert declared.work_integration_confirmed_at is None and declared.non_profit_confirmed_at is None

    def test_confirming_twice_changes_nothing(self, world, declared):
        first = services.entrepreneur_confirm_declarations(entrepreneur=declared, curator=world.curator)
        assert first == ["work_integration_confirmed_at", "non_profit_confirmed_at"]
        assert services.entrepreneur_confirm_declarations(entrepreneur=declared, curator=world.curator) == []
