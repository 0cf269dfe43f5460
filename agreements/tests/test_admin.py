"""Curation in admin: every agreements model has a working change list and change form for a
curator with the permission, and nothing for staff without it."""

import pytest
from django.contrib.auth.models import Permission

from agreements import services
from agreements.models import EffectPlan, FollowUp, Side
from matchmaking.tests.conftest import make_user

pytestmark = pytest.mark.django_db

MODELS = ["agreement", "followup", "effectplan", "measurement", "bodyagreement", "plannedprocurement", "caseproposal"]


@pytest.fixture
def rows(agreement, owner):
    services.plan_save(agreement=agreement, data={"people_reached": 3})
    FollowUp.objects.create(interest=agreement.interest, side=Side.BODY, stage=4, sent_at=agreement.created)
    return agreement


@pytest.mark.parametrize("model", MODELS)
def test_a_curator_with_the_view_permission_sees_the_list(client, rows, model):
    curator = make_user(f"{model}@veier.test", "Kari Kurator", is_staff=True)
    curator.user_permissions.add(Permission.objects.get(codename=f"view_{model}", content_type__app_label="agreements"))
    client.force_login(curator)
    assert client.get(f"/admin/agreements/{model}/").status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_staff_without_permission_see_nothing(client, rows, curator, model):
    client.force_login(curator)
    assert client.get(f"/admin/agreements/{model}/").status_code == 403


def test_a_superuser_opens_the_change_forms(client, rows):
    admin = make_user("admin@veier.test", "Ada Admin", is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get(f"/admin/agreements/agreement/{rows.pk}/change/").status_code == 200
    assert client.get(f"/admin/agreements/effectplan/{EffectPlan.objects.get().pk}/change/").status_code == 200
    assert client.get(f"/admin/agreements/followup/{FollowUp.objects.get().pk}/change/").status_code == 200
