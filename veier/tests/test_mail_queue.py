"""Mail that is never lost: stored first, sent by the worker, retried with a growing wait.

A local SMTP stub (aiosmtpd) stands in for the mail server: first nothing listens on its port (the
server refuses connections), then it accepts.
"""

import socket
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from post_office.models import STATUS, Email

from accounts.tests.helpers import make_user
from veier.mail import retry_delay, send_queued_mail, send_templated_mail

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_port():
    return free_port()


@pytest.fixture
def queued_mail(settings, smtp_port):
    """Production's mail settings: the queue in front of SMTP on the stub's port."""
    settings.EMAIL_BACKEND = "post_office.EmailBackend"
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.smtp.EmailBackend"},
        "DEFAULT_PRIORITY": "medium",
        "MAX_RETRIES": 3,
        "RETRY_INTERVAL": timedelta(minutes=1),
    }
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5


CONTEXT = {
    "user": {"name": "Kari", "email": "kari@example.no"},
    "reset_link": "http://x/",
    "login_link": "http://y/",
    "valid_days": 3,
}


def queue_mail_to(address: str) -> None:
    send_templated_mail("accounts/emails/already_registered", [address], CONTEXT)


def make_due():
    """Let the waiting time pass."""
    Email.objects.update(scheduled_time=timezone.now() - timedelta(seconds=1))


def test_retry_delay_doubles_up_to_an_hour():
    first = timedelta(minutes=1)
    assert [retry_delay(n, first).total_seconds() / 60 for n in range(1, 9)] == [1, 2, 4, 8, 16, 32, 60, 60]
    assert retry_delay(0, first) == timedelta(0)
    assert retry_delay(10_000, first) == timedelta(hours=1)


def test_mail_waits_while_the_server_refuses_and_goes_out_when_it_accepts(client, queued_mail, smtp_port):
    make_user("kjent@example.no", "Kjell Kjent")

    # The mail server is down; the request that sends mail still succeeds.
    response = client.post("/konto/glemt-passord/", {"email": "kjent@example.no"})
    assert response.status_code == 302
    email = Email.objects.get()
    assert email.status == STATUS.queued
    assert email.to == ["kjent@example.no"]
    assert email.subject == "Lag et nytt passord – Veier til samarbeid"
    assert "/konto/glemt-passord/" in email.html_message

    # The worker tries, the server refuses: the mail waits 1 minute, then 2.
    before = timezone.now()
    assert send_queued_mail() == (0, 0, 1)
    email.refresh_from_db()
    assert (email.status, email.number_of_retries) == (STATUS.requeued, 1)
    assert timedelta(seconds=55) < email.scheduled_time - before < timedelta(seconds=65)
    assert send_queued_mail() == (0, 0, 0)  # not due yet: nothing tried
    make_due()
    before = timezone.now()
    assert send_queued_mail() == (0, 0, 1)
    email.refresh_from_db()
    assert email.number_of_retries == 2
    assert timedelta(seconds=115) < email.scheduled_time - before < timedelta(seconds=125)
    assert "refused" in email.logs.latest("date").message.lower()

    # The server is back: the mail goes out, once.
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        make_due()
        assert send_queued_mail() == (1, 0, 0)
        assert send_queued_mail() == (0, 0, 0)
    finally:
        controller.stop()
    email.refresh_from_db()
    assert email.status == STATUS.sent
    [received] = inbox.messages
    assert received.rcpt_tos == ["kjent@example.no"]
    assert (
        "Lag et nytt passord" in received.content.decode("utf-8", "replace") or "=?utf-8?" in received.content.decode()
    )


def test_after_the_last_retry_the_mail_is_failed_and_curators_see_it_in_admin(client, queued_mail):
    queue_mail_to("borte@example.no")
    for _attempt in range(4):  # the first try and three retries
        make_due()
        send_queued_mail()
    email = Email.objects.get()
    assert email.status == STATUS.failed

    curator = make_user("kurator@example.no", "Kari Kurator", is_staff=True)
    client.force_login(curator)
    assert client.get("/admin/post_office/email/").status_code == 403  # staff alone is not enough
    curator.user_permissions.add(Permission.objects.get(codename="view_email", content_type__app_label="post_office"))
    response = client.get("/admin/post_office/email/?status__exact=1")
    assert response.status_code == 200
    assert "borte@example.no" in response.content.decode()


def test_send_templated_mail_counts_queued_messages(queued_mail):
    assert (
        send_templated_mail(
            "accounts/emails/already_registered", ["a@example.no", "b@example.no", "a@example.no"], CONTEXT
        )
        == 2
    )
    assert Email.objects.filter(status=STATUS.queued).count() == 2


def test_two_workers_take_turns(queued_mail):
    """While one worker holds the turn (an advisory lock in PostgreSQL), another sends nothing."""
    from django.db import connections

    from veier.mail import WORKER_LOCK_ID

    queue_mail_to("a@example.no")
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [WORKER_LOCK_ID])
        assert send_queued_mail() is None
        assert Email.objects.get().status == STATUS.queued
    finally:
        other.close()


def test_the_worker_command_runs_one_round(queued_mail, smtp_port):
    queue_mail_to("a@example.no")
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    try:
        call_command("mail_worker", "--once")
    finally:
        controller.stop()
    assert Email.objects.get().status == STATUS.sent
    assert len(inbox.messages) == 1


def test_tests_and_development_still_see_mail_at_once(settings):
    """The test runner's outbox replaces the queue, so other tests keep reading mail.outbox."""
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"
    queue_mail_to("a@example.no")
    assert len(mail.outbox) == 1
