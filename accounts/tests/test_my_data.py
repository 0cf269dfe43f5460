"""Downloading your own data as JSON."""

import json

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

MY_DATA = reverse("accounts:my-data")


def download(client, user) -> dict:
    client.force_login(user)
    response = client.get(MY_DATA)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="mine-data.json"'
    assert "no-store" in response["Cache-Control"]
    return json.loads(response.content)


def test_anonymous_users_are_sent_to_log_in(client):
    response = client.get(MY_DATA)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_download_has_the_user_and_memberships_but_no_password_hash(client, owner):
    data = download(client, owner)
    assert data["user"]["email"] == "eier@example.no"
    assert data["user"]["name"] == "Eva Eier"
    assert data["user"]["date_joined"]
    assert "password" not in json.dumps(data)
    assert owner.password not in json.dumps(data)
    entrepreneurs = {item["organisation"]: item["status"] for item in data["entrepreneur_memberships"]}
    assert entrepreneurs == {"Grønn Start": "approved", "Lys Vei": "approved"}
    assert [(item["organisation"], item["status"]) for item in data["public_body_memberships"]] == [
        ("Testkommune", "pending")
    ]
    assert "exported_at" in data


def test_the_file_is_readable_utf8(client, owner):
    client.force_login(owner)
    assert "Grønn Start" in client.get(MY_DATA).content.decode("utf-8")


@pytest.mark.parametrize("persona", ["colleague", "outsider", "curator"])
def test_each_user_gets_only_their_own_data(client, request, persona, owner):
    user = request.getfixturevalue(persona)
    text = json.dumps(download(client, user), ensure_ascii=False)
    assert user.email in text
    assert owner.email not in text and "Grønn Start" not in text and "Testkommune" not in text


def test_the_data_of_the_other_apps_is_merged_in(client, owner, monkeypatch):
    monkeypatch.setattr("directory.services.export_user_data", lambda user: {"directory_part": [user.email]})
    monkeypatch.setattr("matchmaking.services.export_user_data", lambda user: {"matchmaking_part": 1})
    data = download(client, owner)
    assert data["directory_part"] == [owner.email]
    assert data["matchmaking_part"] == 1
    assert data["user"]["email"] == owner.email


def test_a_post_is_not_allowed(client, owner):
    client.force_login(owner)
    assert client.post(MY_DATA).status_code == 405
