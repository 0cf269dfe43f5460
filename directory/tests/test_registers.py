"""Enhetsregisteret on recorded responses: found, 404, 410, bankrupt, timeout; sync flags and proposals."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError

from directory import register_sync, registers
from directory.models import RegisterSyncRun
from directory.tests import factories
from directory.tests.member_personas import join, make_user
from directory.tests.register_responses import FakeRegister, found, recorded
from matchmaking.tests.conftest import field_error

DIGDIR = "991825827"
REMOVED = "821227062"
UNKNOWN = "974760673"


class TestLookup:
    def test_a_unit_in_good_standing(self, monkeypatch):
        FakeRegister({f"/enheter/{DIGDIR}": (200, found())}).install(monkeypatch)
        unit = registers.lookup(DIGDIR)
        assert unit.name == "DIGITALISERINGSDIREKTORATET"
        assert (unit.organisation_form_code, unit.organisation_form) == ("ORGL", "Organisasjonsledd")
        assert unit.municipality_number == "0301"
        assert (unit.nace_code, unit.nace) == ("84.110", "Generell offentlig administrasjon")
        assert unit.website_url == "https://www.digdir.no"
        assert unit.problems == () and unit.deleted is None

    def test_404_is_not_found(self, monkeypatch):
        FakeRegister().install(monkeypatch)
        with pytest.raises(registers.NotFound):
            registers.lookup(UNKNOWN)

    def test_410_is_removed(self, monkeypatch):
        FakeRegister({f"/enheter/{REMOVED}": (410, recorded("enhet_821227062_slettet.json"))}).install(monkeypatch)
        with pytest.raises(registers.Removed):
            registers.lookup(REMOVED)

    @pytest.mark.parametrize(
        ("flags", "problems"),
        [
            ({"konkurs": True}, ("konkurs",)),
            ({"underAvvikling": True}, ("under avvikling",)),
            ({"underTvangsavviklingEllerTvangsopplosning": True}, ("under tvangsavvikling eller tvangsoppløsning",)),
            ({"slettedato": "2026-01-31"}, ("slettet",)),
        ],
    )
    def test_bankruptcy_winding_up_and_deletion_are_problems(self, monkeypatch, flags, problems):
        # The recorded answer with the register's own flags set (see registers/README.md).
        FakeRegister({f"/enheter/{DIGDIR}": (200, found(**flags))}).install(monkeypatch)
        assert registers.lookup(DIGDIR).problems == problems

    def test_a_timeout_is_unavailable(self, monkeypatch):
        FakeRegister(timeout=True).install(monkeypatch)
        with pytest.raises(registers.Unavailable):
            registers.lookup(DIGDIR)

    @pytest.mark.parametrize("status", [500, 503, 429])
    def test_server_errors_are_unavailable(self, monkeypatch, status):
        FakeRegister({f"/enheter/{DIGDIR}": (status, {"status": status})}).install(monkeypatch)
        with pytest.raises(registers.Unavailable):
            registers.lookup(DIGDIR)

    def test_answers_are_cached(self, monkeypatch):
        register = FakeRegister({f"/enheter/{DIGDIR}": (200, found())}).install(monkeypatch)
        registers.lookup(DIGDIR)
        registers.lookup(DIGDIR)
        assert len(register.requests) == 1
        registers.lookup(DIGDIR, use_cache=False)
        assert len(register.requests) == 2

    def test_the_base_address_comes_from_settings(self, monkeypatch, settings):
        settings.ENHETSREGISTERET_URL = "https://speil.example/enhetsregisteret/api/"
        register = FakeRegister({f"/enheter/{DIGDIR}": (200, found())}).install(monkeypatch)
        registers.lookup(DIGDIR)
        assert str(register.requests[0].url) == f"https://speil.example/enhetsregisteret/api/enheter/{DIGDIR}"

    def test_tests_never_reach_the_network(self):
        # conftest.py refuses every request unless a test installs recorded answers.
        with pytest.raises(registers.Unavailable):
            registers.lookup(DIGDIR)

    def test_the_update_feed(self, monkeypatch):
        register = FakeRegister({"/oppdateringer/enheter": (200, recorded("oppdateringer_enheter.json"))})
        register.install(monkeypatch)
        assert registers.updated_since(datetime.date(2026, 6, 28)) == {DIGDIR, REMOVED}
        assert register.requests[0].url.params["dato"] == "2026-06-28T00:00:00.000Z"

    def test_public_page(self):
        assert registers.public_page(DIGDIR) == f"https://virksomhet.brreg.no/nb/oppslag/enheter/{DIGDIR}"


class TestReview:
    def _unit(self, **changes):
        return registers.parse_unit(found(**changes))

    def test_same_name_in_capitals_is_no_change(self):
        result = register_sync.review("Digitaliseringsdirektoratet", "https://www.digdir.no", self._unit(), None)
        assert result == register_sync.Review(checked=True)

    def test_a_new_name_and_a_missing_website_are_proposed(self):
        result = register_sync.review("Digdir", "", self._unit(), None)
        assert result.checked and result.proposal == {
            "name": "DIGITALISERINGSDIREKTORATET",
            "website": "https://www.digdir.no",
        }

    def test_problems_flag_and_uncheck(self):
        result = register_sync.review("Digdir", "", self._unit(konkurs=True), None)
        assert result == register_sync.Review(checked=False, flag="konkurs")

    def test_not_found_and_removed_flag(self):
        assert register_sync.review("X", "", None, registers.NotFound("1")).flag == "finnes ikke i Enhetsregisteret"
        assert register_sync.review("X", "", None, registers.Removed("1")).flag == "fjernet fra Enhetsregisteret"


@pytest.mark.django_db
class TestSync:
    @pytest.fixture
    def profiles(self):
        good = factories.entrepreneur("Digitaliseringsdirektoratet", orgnr=DIGDIR, website="https://www.digdir.no")
        gone = factories.public_body("Vestfold og Telemark fylkeskommune", kind="fylkeskommune", orgnr=REMOVED)
        unknown = factories.entrepreneur("Ukjent AS", orgnr=UNKNOWN)
        factories.entrepreneur("Uten nummer")
        return good, gone, unknown

    def _register(self, monkeypatch, **digdir):
        return FakeRegister(
            {
                f"/enheter/{DIGDIR}": (200, found(**digdir)),
                f"/enheter/{REMOVED}": (410, recorded("enhet_821227062_slettet.json")),
                "/oppdateringer/enheter": (200, recorded("oppdateringer_enheter.json")),
            }
        ).install(monkeypatch)

    def test_checks_flags_and_tells_curators_once(self, monkeypatch, profiles):
        good, gone, unknown = profiles
        curator = make_user("kurator@veier.no", is_staff=True)
        self._register(monkeypatch)
        call_command("sync_registers", verbosity=0)
        for profile in profiles:
            profile.refresh_from_db()
        assert good.register_checked_at is not None and good.register_flag == ""
        assert gone.register_checked_at is None and gone.register_flag == "fjernet fra Enhetsregisteret"
        assert unknown.register_checked_at is None and unknown.register_flag == "finnes ikke i Enhetsregisteret"
        run = RegisterSyncRun.objects.get()
        assert (run.checked, run.flagged, run.error) == (3, 2, "")
        assert [message.to for message in mail.outbox] == [[curator.email]]
        assert "Ukjent AS" in mail.outbox[0].body and "Vestfold og Telemark" in mail.outbox[0].body
        # The next run tells nobody again about the same flags.
        mail.outbox.clear()
        call_command("sync_registers", "--all", verbosity=0)
        assert mail.outbox == []

    def test_bankruptcy_removes_the_checked_mark(self, monkeypatch, profiles):
        good = profiles[0]
        self._register(monkeypatch)
        call_command("sync_registers", verbosity=0)
        self._register(monkeypatch, konkurs=True)
        call_command("sync_registers", "--all", verbosity=0)
        good.refresh_from_db()
        assert good.register_checked_at is None and good.register_flag == "konkurs"

    def test_a_changed_name_is_proposed_to_the_members(self, monkeypatch, profiles):
        good = profiles[0]
        good.name = "Digdir"
        good.save()
        member = make_user("eva@digdir.no")
        join(member, good)
        self._register(monkeypatch)
        call_command("sync_registers", verbosity=0)
        good.refresh_from_db()
        assert good.register_proposal == {"name": "DIGITALISERINGSDIREKTORATET"}
        assert good.name == "Digdir"  # only proposed
        proposals = [message for message in mail.outbox if message.to == [member.email]]
        assert len(proposals) == 1 and "DIGITALISERINGSDIREKTORATET" in proposals[0].body
        register_sync.take_proposal(organisation=good, user=member, accept=True)
        good.refresh_from_db()
        assert (good.name, good.register_proposal) == ("DIGITALISERINGSDIREKTORATET", {})

    def test_an_unreachable_register_changes_nothing_and_fails_the_command(self, monkeypatch, profiles):
        FakeRegister(timeout=True).install(monkeypatch)
        with pytest.raises(CommandError, match="Enhetsregisteret svarte ikke"):
            call_command("sync_registers", verbosity=0)
        assert RegisterSyncRun.objects.get().error
        assert not [p for p in profiles if (p.refresh_from_db() or p.register_flag)]

    def test_the_feed_is_read_from_the_last_run(self, monkeypatch, profiles):
        register = self._register(monkeypatch)
        call_command("sync_registers", "--since", "2026-06-01", verbosity=0)
        assert register.requests[0].url.params["dato"] == "2026-06-01T00:00:00.000Z"
        first = RegisterSyncRun.objects.get()
        call_command("sync_registers", verbosity=0)
        feed = [request for request in register.requests if "oppdateringer" in request.url.path]
        assert feed[-1].url.params["dato"] == f"{first.started_at.date().isoformat()}T00:00:00.000Z"

    def test_recently_checked_profiles_not_in_the_feed_are_skipped(self, monkeypatch):
        checked = factories.entrepreneur("Sjekket AS", orgnr="923609016")
        type(checked).objects.filter(pk=checked.pk).update(register_checked_at=datetime.datetime.now(datetime.UTC))
        register = FakeRegister({"/oppdateringer/enheter": (200, recorded("oppdateringer_enheter.json"))})
        register.install(monkeypatch)
        call_command("sync_registers", verbosity=0)
        assert not [request for request in register.requests if "923609016" in request.url.path]


@pytest.mark.django_db
class TestRegistrationForm:
    URL = "/min-side/virksomhet/registrer/"

    @pytest.fixture
    def newcomer(self, client, booklet):
        user = make_user("ny@digdir.no")
        client.force_login(user)
        return user

    def test_the_form_is_filled_from_the_register_for_the_member_to_confirm(self, client, newcomer, monkeypatch):
        # The recorded answer as a foundation founded in 2015 (see registers/README.md).
        answer = found(organisasjonsform={"kode": "STI", "beskrivelse": "Stiftelse"}, stiftelsesdato="2015-11-01")
        FakeRegister({f"/enheter/{DIGDIR}": (200, answer)}).install(monkeypatch)
        response = client.get(self.URL, {"orgnr": "991 825 827"})
        form = response.context["form"]
        assert form.initial["name"] == "DIGITALISERINGSDIREKTORATET"
        assert form.initial["website"] == "https://www.digdir.no"
        from directory.models import Municipality, OrganisationForm

        assert form.initial["organisation_form"] == OrganisationForm.objects.get(slug="stiftelse").pk
        assert form.initial["municipalities"] == [Municipality.objects.get(number="0301").pk]
        html = response.content.decode()
        assert "Hentet fra Enhetsregisteret" in html
        assert "84.110 Generell offentlig administrasjon" in html
        assert "1. november 2015" in html

        # Saving checks the number (from the cache) and takes the year it was founded.
        client.post(self.URL, {"orgnr": DIGDIR, "name": "Digdir", "action": "draft"})
        from directory.models import SocialEntrepreneur

        entrepreneur = SocialEntrepreneur.objects.get(orgnr=DIGDIR)
        assert entrepreneur.register_checked_at is not None
        assert entrepreneur.founded == 2015
        assert entrepreneur.register_proposal == {
            "name": "DIGITALISERINGSDIREKTORATET",
            "website": "https://www.digdir.no",
        }

    def test_a_number_the_register_does_not_know_is_explained_by_the_field(self, client, newcomer, monkeypatch):
        FakeRegister().install(monkeypatch)
        response = client.get(self.URL, {"orgnr": UNKNOWN})
        assert response.context["form"] is None
        assert "Enhetsregisteret har ingen enhet med dette organisasjonsnummeret" in field_error(response, "id_orgnr")
        assert f'value="{UNKNOWN}"' in response.content.decode()

    def test_a_removed_unit_is_explained_by_the_field(self, client, newcomer, monkeypatch):
        FakeRegister({f"/enheter/{REMOVED}": (410, recorded("enhet_821227062_slettet.json"))}).install(monkeypatch)
        response = client.get(self.URL, {"orgnr": REMOVED})
        assert "fjernet fra Enhetsregisteret" in field_error(response, "id_orgnr")

    def test_when_the_register_is_down_the_member_goes_on_by_hand(self, client, newcomer, monkeypatch):
        FakeRegister(timeout=True).install(monkeypatch)
        response = client.get(self.URL, {"orgnr": DIGDIR})
        assert response.context["form"].initial == {"orgnr": DIGDIR}
        assert "Vi fikk ikke kontakt med Enhetsregisteret" in response.content.decode()
        response = client.post(self.URL, {"orgnr": DIGDIR, "name": "Digdir", "action": "draft"}, follow=True)
        from directory.models import SocialEntrepreneur

        entrepreneur = SocialEntrepreneur.objects.get(orgnr=DIGDIR)
        assert entrepreneur.register_checked_at is None
        assert "ikke sjekket mot Enhetsregisteret ennå" in response.content.decode()


@pytest.mark.django_db
class TestProfiles:
    def test_the_public_profile_links_the_number_and_says_when_it_was_checked(self, client, monkeypatch):
        entrepreneur = factories.entrepreneur(
            "Digitaliseringsdirektoratet", orgnr=DIGDIR, website="https://www.digdir.no"
        )
        html = client.get(entrepreneur.get_absolute_url()).content.decode()
        assert f'href="https://virksomhet.brreg.no/nb/oppslag/enheter/{DIGDIR}"' in html
        assert "ikke sjekket mot Enhetsregisteret ennå" in html
        FakeRegister({f"/enheter/{DIGDIR}": (200, found())}).install(monkeypatch)
        register_sync.check(entrepreneur)
        html = client.get(entrepreneur.get_absolute_url()).content.decode()
        assert "sjekket mot Enhetsregisteret" in html and "ikke sjekket" not in html

    def test_members_take_or_dismiss_a_proposal_others_cannot(self, client):
        entrepreneur = factories.entrepreneur(
            "Digdir", orgnr=DIGDIR, register_proposal={"name": "DIGITALISERINGSDIREKTORATET"}
        )
        member, outsider = make_user("eva@digdir.no"), make_user("ola@annen.no")
        join(member, entrepreneur)
        url = f"/min-side/virksomhet/{entrepreneur.slug}/enhetsregisteret/"
        client.force_login(outsider)
        assert client.post(url, {"action": "accept"}).status_code == 403
        client.force_login(member)
        page = client.get(f"/min-side/virksomhet/{entrepreneur.slug}/").content.decode()
        assert "Enhetsregisteret har andre opplysninger" in page
        assert client.get(url).status_code == 405
        client.post(url, {"action": "dismiss"})
        entrepreneur.refresh_from_db()
        assert (entrepreneur.name, entrepreneur.register_proposal) == ("Digdir", {})
        client.logout()
        assert client.post(url, {"action": "accept"}).status_code == 302  # to log in
