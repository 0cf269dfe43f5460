"""Deleting your account: personal data goes, shared and published organisations stay."""

import pytest
from django.contrib.auth import get_user
from django.urls import reverse

from accounts.models import Attempt, BodyMembership, EntrepreneurMembership, User
from accounts.services import user_delete
from accounts.tests.helpers import (
    PASSWORD,
    approve,
    assert_error_beside_field_and_in_summary,
    assert_password_not_echoed,
    make_user,
)
from directory.models import PublicationStatus, SocialEntrepreneur
from directory.tests import factories

pytestmark = pytest.mark.django_db

DELETE = reverse("accounts:delete")


def test_anonymous_users_are_sent_to_log_in(client):
    response = client.get(DELETE)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={DELETE}"
    assert client.post(DELETE, {"password": PASSWORD})["Location"].startswith(reverse("accounts:login"))


def test_the_confirmation_page_says_what_goes_and_what_stays(client, owner):
    client.force_login(owner)
    response = client.get(DELETE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Disse profilene blir også slettet" in html
    goes, stays = html.split("Disse profilene blir liggende")
    assert "Grønn Start" in goes and "Lys Vei" not in goes
    assert "Lys Vei" in stays
    assert reverse("accounts:my-data") in html


@pytest.mark.parametrize(
    "password, message",
    [("", "Skriv passordet ditt for å bekrefte at du vil slette kontoen."), ("feil passord her", "Passordet er feil.")],
)
def test_a_wrong_or_missing_password_is_explained_beside_the_field_and_nothing_is_deleted(
    client, owner, password, message
):
    client.force_login(owner)
    response = client.post(DELETE, {"password": password})
    assert response.status_code == 200
    assert_error_beside_field_and_in_summary(response, "password", message)
    if password:
        assert_password_not_echoed(response, password)
    assert User.objects.filter(pk=owner.pk).exists()
    assert get_user(client) == owner


def test_deleting_removes_personal_data_and_unshared_drafts_and_keeps_the_rest(
    client, owner, colleague, draft_entrepreneur, shared_entrepreneur, body
):
    Attempt.objects.create(scope="login", key=f"e-post:{owner.email}", created=owner.date_joined)
    client.force_login(owner)
    response = client.post(DELETE, {"password": PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == "/"
    assert "Kontoen din er slettet, sammen med disse upubliserte profilene: Grønn Start." in response.content.decode()
    assert not get_user(client).is_authenticated
    assert not User.objects.filter(email=owner.email).exists()
    assert not EntrepreneurMembership.objects.filter(user_id=owner.pk).exists()
    assert not BodyMembership.objects.filter(user_id=owner.pk).exists()
    assert not Attempt.objects.filter(key=f"e-post:{owner.email}").exists()
    assert not SocialEntrepreneur.objects.filter(pk=draft_entrepreneur.pk).exists()
    assert SocialEntrepreneur.objects.filter(pk=shared_entrepreneur.pk).exists()
    assert EntrepreneurMembership.objects.filter(user=colleague, entrepreneur=shared_entrepreneur).exists()
    body.refresh_from_db()  # public bodies always stay


@pytest.mark.parametrize("persona", ["colleague", "outsider", "curator"])
def test_each_user_deletes_only_their_own_account(client, request, persona, owner):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    assert client.post(DELETE, {"password": PASSWORD}).status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert User.objects.filter(pk=owner.pk).exists()


class TestWhichEntrepreneursGo:
    """user_delete: only unpublished entrepreneurs whose only approved member was this user."""

    @pytest.mark.parametrize(
        "status, deleted",
        [
            (PublicationStatus.DRAFT, True),
            (PublicationStatus.PENDING, True),
            (PublicationStatus.REJECTED, True),
            (PublicationStatus.PUBLISHED, False),
        ],
    )
    def test_by_publication_status(self, status, deleted):
        user = make_user("alene@example.no")
        entrepreneur = factories.entrepreneur(status=status)
        approve(user, entrepreneur)
        assert user_delete(user=user) == ([entrepreneur.name] if deleted else [])
        assert SocialEntrepreneur.objects.filter(pk=entrepreneur.pk).exists() is not deleted

    def test_a_draft_shared_with_another_approved_member_stays(self, db):
        user, other = make_user("en@example.no"), make_user("to@example.no")
        entrepreneur = factories.entrepreneur(status=PublicationStatus.DRAFT)
        approve(user, entrepreneur)
        approve(other, entrepreneur)
        assert user_delete(user=user) == []
        assert SocialEntrepreneur.objects.filter(pk=entrepreneur.pk).exists()

    def test_a_draft_with_only_a_pending_member_besides_goes(self, db):
        user, other = make_user("en@example.no"), make_user("to@example.no")
        entrepreneur = factories.entrepreneur(status=PublicationStatus.DRAFT)
        approve(user, entrepreneur)
        EntrepreneurMembership.objects.create(user=other, entrepreneur=entrepreneur)
        assert user_delete(user=user) == [entrepreneur.name]
        assert User.objects.filter(pk=other.pk).exists()

    def test_a_draft_where_the_user_was_only_pending_stays(self, db):
        user = make_user("en@example.no")
        entrepreneur = factories.entrepreneur(status=PublicationStatus.DRAFT)
        EntrepreneurMembership.objects.create(user=user, entrepreneur=entrepreneur)
        assert user_delete(user=user) == []
        assert SocialEntrepreneur.objects.filter(pk=entrepreneur.pk).exists()

    def test_decisions_made_by_the_user_stay_without_their_name(self, db):
        user, member = make_user("kurator@example.no", is_staff=True), make_user("medlem@example.no")
        entrepreneur = factories.entrepreneur()
        membership = approve(member, entrepreneur)
        membership.decided_by = user
        membership.save()
        user_delete(user=user)
        membership.refresh_from_db()
        assert membership.decided_by is None
