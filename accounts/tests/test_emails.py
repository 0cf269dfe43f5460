"""The accounts e-mails: subject, text and HTML, absolute links that work, no other person's address."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts import emails
from accounts.models import User
from accounts.tests.helpers import SITE_URL, links_in, make_user, site_paths

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(db) -> User:
    return User.objects.create_user("ny@example.no", "et langt passord", name="Nina <Ny>", is_active=False)


def only_message():
    assert len(mail.outbox) == 1
    return mail.outbox[0]


def test_the_confirmation_has_a_subject_text_html_and_an_absolute_link_that_works(client, waiting):
    emails.confirm_signup(waiting)
    message = only_message()
    assert message.to == ["ny@example.no"]
    assert message.subject == "Bekreft e-postadressen din – Veier til samarbeid"
    assert "Hei, Nina <Ny>!" in message.body  # plain text is not HTML-escaped
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Hei, Nina &lt;Ny&gt;!" in html  # and HTML is
    assert '<html lang="nb">' in html
    assert "Var det ikke du som registrerte deg?" in message.body
    [link] = [link for link in links_in(message.body) if "/konto/bekreft/" in link]
    assert link.startswith(SITE_URL + "/konto/bekreft/")
    assert f'href="{link}"' in html
    assert client.post(link[len(SITE_URL) :]).status_code == 302


def test_already_registered_links_to_log_in_and_to_a_working_reset_link(client, db):
    user = make_user("kjent@example.no", "Kjell Kjent")
    emails.already_registered(user)
    message = only_message()
    assert message.subject == "Du har allerede en konto – Veier til samarbeid"
    assert "Adressen har allerede en konto, så vi har ikke laget en ny." in message.body
    paths = site_paths(message.body)
    assert paths[0] == reverse("accounts:login")
    reset = paths[1]
    assert reset.startswith("/konto/glemt-passord/")
    assert "Lag et nytt passord" in client.get(reset, follow=True).content.decode()
    for path in paths:
        assert f'href="{SITE_URL}{path}"' in message.alternatives[0][0]


def test_the_password_reset_mail_has_a_working_link(client, db):
    user = make_user("kjent@example.no", "Kjell Kjent")
    emails.password_reset(user, emails.password_reset_link(user))
    message = only_message()
    assert message.subject == "Lag et nytt passord – Veier til samarbeid"
    assert "Hei, Kjell Kjent!" in message.body
    assert "Lenken virker én gang og i 3 dager." in message.body
    [path] = [path for path in site_paths(message.body) if path.startswith("/konto/glemt-passord/")]
    assert "Lag et nytt passord" in client.get(path, follow=True).content.decode()
