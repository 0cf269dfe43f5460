"""The decision history as CSV for a period: who, when, what and why; only with the permission."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from directory.models import PublicationStatus, SocialEntrepreneur
from directory.tests import factories
from directory.tests.member_personas import make_user

URL = reverse("decision-history")


def log(user, obj, message, days_ago=0):
    entry = LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj),
        action_flag=CHANGE,
        change_message=message,
    )
    LogEntry.objects.filter(pk=entry.pk).update(action_time=timezone.now() - timedelta(days=days_ago))


@pytest.fixture
def reader(db):
    user = make_user("les@veier.no", is_staff=True)
    user.user_permissions.add(Permission.objects.get(content_type__app_label="admin", codename="view_logentry"))
    return user


def rows(response):
    return list(csv.reader(io.StringIO(response.content.decode())))


@pytest.mark.django_db
def test_the_period_is_exported_with_who_what_and_why(client, reader):
    entrepreneur = factories.entrepreneur("=Sykkel", status=PublicationStatus.REJECTED)
    curator = make_user("kurator@veier.no", is_staff=True)
    log(curator, entrepreneur, "Avvist: mangler beskrivelse", days_ago=1)
    log(curator, entrepreneur, "Publisert", days_ago=40)
    client.force_login(reader)
    today = timezone.localdate()
    response = client.get(URL, {"fra": str(today - timedelta(days=7)), "til": str(today)})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    found = rows(response)
    assert found[0][:3] == ["tidspunkt", "kurator", "handling"]
    assert [row[1:] for row in found[1:]] == [
        [
            "kurator@veier.no",
            "change",
            "directory.socialentrepreneur",
            str(entrepreneur.pk),
            "'=Sykkel",
            "Avvist: mangler beskrivelse",
        ]
    ]
    # The default period is the last 30 days.
    assert len(rows(client.get(URL))) == 2


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["ikke-en-dato", "2026-13-40", "\x00", "9" * 10000])
def test_bad_dates_fall_back_to_the_default(client, reader, value):
    client.force_login(reader)
    assert client.get(URL, {"fra": value, "til": value}).status_code == 200


@pytest.mark.django_db
def test_staff_without_the_permission_are_refused(client):
    client.force_login(make_user("tom@veier.no", is_staff=True))
    assert client.get(URL).status_code == 403


@pytest.mark.django_db
def test_anonymous_go_to_the_admin_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_the_form_on_the_start_page_only_with_the_permission(client, reader):
    client.force_login(reader)
    assert URL in client.get(reverse("admin:index")).content.decode()
    client.force_login(make_user("tom@veier.no", is_staff=True))
    assert URL not in client.get(reverse("admin:index")).content.decode()


@pytest.mark.django_db
def test_a_rejection_in_admin_is_in_the_objects_history(client):
    curator = make_user("kurator@veier.no", is_staff=True, is_superuser=True)
    entrepreneur = factories.entrepreneur("Sykkel", status=PublicationStatus.PENDING)
    client.force_login(curator)
    from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

    changelist = reverse("admin:directory_socialentrepreneur_changelist")
    client.post(
        changelist,
        {
            "action": "reject_entrepreneurs",
            ACTION_CHECKBOX_NAME: [entrepreneur.pk],
            "apply": "1",
            "reason": "Mangler tekst",
        },
    )
    assert SocialEntrepreneur.objects.get(pk=entrepreneur.pk).status == PublicationStatus.REJECTED
    history = client.get(reverse("admin:directory_socialentrepreneur_history", args=[entrepreneur.pk]))
    page = history.content.decode()
    assert "Avvist: Mangler tekst" in page and "kurator@veier.no" in page
