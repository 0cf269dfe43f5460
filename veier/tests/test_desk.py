"""The curators' desk on the admin start page: each queue only for the permission that decides it."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from directory import services
from directory.member_models import ChangeRecord
from directory.models import PublicationStatus, SocialEntrepreneur
from directory.tests import factories
from directory.tests.member_personas import join, make_user
from procurement.models import ThresholdPeriod
from veier import desk

INDEX = reverse("admin:index")


def curator(email: str, *perms: str):
    user = make_user(email, is_staff=True)
    for perm in perms:
        app_label, codename = perm.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


def queues(client, user) -> dict:
    client.force_login(user)
    response = client.get(INDEX)
    assert response.status_code == 200
    return {queue.key: queue for queue in response.context["queues"]}


def pending(name: str, days_ago: int) -> SocialEntrepreneur:
    entrepreneur = factories.entrepreneur(name, status=PublicationStatus.PENDING)
    SocialEntrepreneur.objects.filter(pk=entrepreneur.pk).update(updated=timezone.now() - timedelta(days=days_ago))
    return entrepreneur


@pytest.mark.django_db
class TestPermissions:
    def test_staff_without_permissions_see_no_queue(self, client):
        pending("Venter", 2)
        response = client.force_login(curator("tom@veier.no")) or client.get(INDEX)
        assert response.context["queues"] == []
        assert "Du har ingen tillatelser som gir deg køer her." in response.content.decode()

    @pytest.mark.parametrize(
        ("perm", "keys"),
        [
            ("directory.approve_socialentrepreneur", {"pending-profiles"}),
            ("directory.change_socialentrepreneur", {"register-entrepreneurs"}),
            ("directory.approve_entrepreneurjoinrequest", {"claims", "entrepreneur-join-requests"}),
            ("directory.approve_bodyjoinrequest", {"body-join-requests"}),
            ("directory.view_changerecord", {"profile-changes"}),
            ("directory.change_publicbody", {"register-bodies"}),
            ("agreements.change_caseproposal", {"case-proposals"}),
            ("procurement.change_thresholdperiod", {"guidance-facts"}),
            ("directory.confirm_declarations", {"declarations"}),
            ("post_office.view_email", {"failed-mails"}),
        ],
    )
    def test_each_queue_needs_its_permission(self, client, perm, keys):
        assert set(queues(client, curator("k@veier.no", perm))) == keys

    def test_a_superuser_sees_every_queue(self, client):
        found = queues(client, make_user("super@veier.no", is_staff=True, is_superuser=True))
        assert len(found) == 11


@pytest.mark.django_db
class TestQueues:
    def test_failed_mails_oldest_first_and_not_the_waiting_ones(self, client):
        from post_office.models import STATUS, Email

        def email(to: str, subject: str, status) -> Email:
            return Email.objects.create(from_email="portal@example.no", to=[to], subject=subject, status=status)

        old = email("a@example.no", "Eldst", STATUS.failed)
        email("b@example.no", "Nyere", STATUS.failed)
        email("c@example.no", "Venter", STATUS.queued)
        Email.objects.filter(pk=old.pk).update(last_updated=timezone.now() - timedelta(days=2))
        queue = queues(client, curator("k@veier.no", "post_office.view_email"))["failed-mails"]
        assert queue.count == 2
        assert [item.text for item in queue.items] == ["Eldst", "Nyere"]
        assert queue.items[0].url == reverse("admin:post_office_email_change", args=[old.pk])

    def test_pending_profiles_oldest_first_with_how_long(self, client):
        pending("Nyeste", 1)
        oldest = pending("Eldste", 10)
        pending("Midt", 5)
        factories.entrepreneur("Publisert")
        queue = queues(client, curator("k@veier.no", "directory.approve_socialentrepreneur"))["pending-profiles"]
        assert queue.count == 3
        assert [item.text for item in queue.items] == ["Eldste", "Midt", "Nyeste"]
        assert queue.items[0].waited == "har ventet 1\xa0uke, 3\xa0dager"
        assert queue.items[0].url == reverse("admin:directory_socialentrepreneur_decide", args=[oldest.pk])
        assert queue.url.endswith("?status__exact=pending")
        page = client.get(INDEX).content.decode()
        assert "Profiler som venter på godkjenning" in page and f'href="{queue.items[0].url}"' in page

    def test_only_the_first_rows_are_listed_and_the_count_is_all(self, client):
        for number in range(desk.SHOWN + 2):
            pending(f"Profil {number}", 20 - number)
        queue = queues(client, curator("k@veier.no", "directory.approve_socialentrepreneur"))["pending-profiles"]
        assert queue.count == desk.SHOWN + 2
        assert len(queue.items) == desk.SHOWN
        assert f"Se alle {desk.SHOWN + 2}" in client.get(INDEX).content.decode()

    def test_claims_and_join_requests_are_apart(self, client):
        entrepreneur = factories.entrepreneur("Sykkel")
        asker = make_user("spor@sykkel.no")
        claimer = make_user("krav@sykkel.no")
        join(asker, entrepreneur, status="pending")
        claim = join(claimer, entrepreneur, status="pending")
        claim.orgnr = "923609016"
        claim.save()
        join(make_user("ferdig@sykkel.no"), entrepreneur)
        found = queues(client, curator("k@veier.no", "directory.approve_entrepreneurjoinrequest"))
        assert found["claims"].count == 1
        assert found["claims"].items[0].text.startswith("krav@sykkel.no")
        assert found["entrepreneur-join-requests"].count == 1

    def test_edits_count_since_the_curator_last_opened_the_list(self, client):
        entrepreneur = factories.entrepreneur("Sykkel")
        user = curator("k@veier.no", "directory.view_changerecord")
        services.profile_change_record(
            entrepreneur=entrepreneur, user=None, changes={"summary": {"old": "a", "new": "b"}}
        )
        assert queues(client, user)["profile-changes"].count == 1
        assert client.get(reverse("admin:directory_changerecord_changelist")).status_code == 200
        assert queues(client, user)["profile-changes"].count == 0
        services.profile_change_record(entrepreneur=entrepreneur, user=None, changes={"name": {"old": "a", "new": "b"}})
        queue = queues(client, user)["profile-changes"]
        assert queue.count == 1
        # The queue's link shows the same rows the desk counted.
        assert list(client.get(queue.url).context["cl"].queryset) == [ChangeRecord.objects.first()]
        # Another curator has not looked yet.
        other = curator("annen@veier.no", "directory.view_changerecord")
        assert queues(client, other)["profile-changes"].count == 2

    def test_declarations_waiting_for_confirmation(self, client):
        factories.entrepreneur("Venter", declares_work_integration=True)
        factories.entrepreneur("Ingen erklæring")
        confirmed = factories.entrepreneur("Bekreftet", declares_non_profit=True)
        SocialEntrepreneur.objects.filter(pk=confirmed.pk).update(non_profit_confirmed_at=timezone.now())
        queue = queues(client, curator("k@veier.no", "directory.confirm_declarations"))["declarations"]
        assert queue.count == 1
        assert [item.text for item in queue.items] == ["Venter"]

    def test_register_flags(self, client):
        factories.entrepreneur("Konkurs AS", register_flag="Konkurs")
        factories.entrepreneur("Frisk AS")
        queue = queues(client, curator("k@veier.no", "directory.change_socialentrepreneur"))["register-entrepreneurs"]
        assert queue.count == 1
        assert queue.items[0].text == "Konkurs AS: Konkurs"
        assert [e.name for e in client.get(queue.url).context["cl"].queryset] == ["Konkurs AS"]

    def test_threshold_periods_past_their_check(self, client):
        today = timezone.localdate()
        ThresholdPeriod.objects.update(last_verified=today)
        stale = ThresholdPeriod.objects.order_by("valid_from").first()
        stale.last_verified = today - desk.VERIFY_EVERY - timedelta(days=1)
        stale.save()
        queue = queues(client, curator("k@veier.no", "procurement.change_thresholdperiod"))["guidance-facts"]
        assert queue.count == 1
        assert [p.pk for p in client.get(queue.url).context["cl"].queryset] == [stale.pk]


@pytest.mark.parametrize(
    ("last_verified", "overdue"),
    [(None, True), (date(2026, 6, 1), False), (date(2026, 5, 31), True)],
)
def test_is_overdue_at_the_boundary(last_verified, overdue):
    # 183 days before 2026-12-01 is 2026-06-01.
    assert desk.is_overdue(last_verified, date(2026, 12, 1)) is overdue


def test_queries_do_not_grow_with_the_queues(client, django_assert_max_num_queries, db):
    user = make_user("super@veier.no", is_staff=True, is_superuser=True)
    client.force_login(user)
    for number in range(12):
        pending(f"Profil {number}", number)
    with django_assert_max_num_queries(40):
        client.get(INDEX)
