"""Sending e-mail from templates: each e-mail is three templates, subject, text and HTML.

    send_templated_mail("accounts/emails/confirm", ["kari@example.no"], {"link": …})

renders templates/accounts/emails/confirm_subject.txt, confirm.txt and confirm.html and sends one
message per recipient, so that no one sees the others' addresses. Each message is written in the
recipient's language: the one a user last chose on the site (User.language); an address without an
account gets the language that is active.

Sending means storing: EMAIL_BACKEND is django-post-office's queue, so the message is a row in the
database before the request ends, and the mail worker (`manage.py mail_worker`, below) hands it to
the mail server, retrying with a growing wait while the server is down. Mails that still fail after
the last retry are listed in admin (Post Office → E-mails, status «failed») for curators to requeue.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection
from django.template.loader import render_to_string
from django.utils import timezone, translation


def absolute_url(path: str) -> str:
    """A full address for links in e-mails: SITE_URL plus the path."""
    return settings.SITE_URL.rstrip("/") + path


def _render(template_prefix: str, context: dict) -> tuple[str, str, str]:
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    text = render_to_string(f"{template_prefix}.txt", context)
    html = render_to_string(f"{template_prefix}.html", context)
    return subject, text, html


def recipient_languages(recipients: list[str]) -> dict[str, str]:
    """Each address's language: the account's, or the active language for an address without one."""
    from accounts.models import User

    active = translation.get_language()
    known = dict(User.objects.filter(email__in=recipients).values_list("email", "language"))
    return {recipient: known.get(recipient) or active for recipient in recipients}


def send_templated_mail(
    template_prefix: str, recipients: list[str], context: dict, *, reply_to: list[str] | None = None
) -> int:
    """Render and send one message per recipient, in their language. Returns how many were sent.

    reply_to: where answers go (the sender of a message passed on through the portal), so that the
    recipient can answer without the portal ever showing the sender an address.
    """
    context = {"site_url": settings.SITE_URL.rstrip("/"), **context}
    rendered: dict[str, tuple[str, str, str]] = {}
    sent = 0
    for recipient, language in recipient_languages(list(dict.fromkeys(recipients))).items():
        if language not in rendered:
            with translation.override(language):
                rendered[language] = _render(template_prefix, context)
        subject, text, html = rendered[language]
        message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [recipient], reply_to=reply_to)
        message.attach_alternative(html, "text/html")
        message.send()  # the queue answers 0 for "stored, not sent yet"; failures raise
        sent += 1
    return sent


# The mail worker ---------------------------------------------------------------------------------

MAX_RETRY_DELAY = timedelta(hours=1)
# Any fixed number: several workers (one per app server, say) take turns instead of sending twice.
WORKER_LOCK_ID = 7_413_001


def retry_delay(retries: int, first: timedelta, longest: timedelta = MAX_RETRY_DELAY) -> timedelta:
    """How long to wait before the retry number `retries` (1, 2, …): doubling from `first`, at most `longest`."""
    if retries < 1:
        return timedelta(0)
    return min(first * 2 ** min(retries - 1, 30), longest)


def send_queued_mail() -> tuple[int, int, int] | None:
    """One round of the mail worker: send what is due; None when another worker holds the turn.

    post-office retries after a fixed interval; the retries are spread out here instead (1, 2, 4 …
    minutes, at most an hour between tries), so a mail server that is down for hours is not
    hammered and mails still go out soon after it is back.
    """
    from post_office.mail import send_queued
    from post_office.models import STATUS, Email

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [WORKER_LOCK_ID])
        if not cursor.fetchone()[0]:
            return None
    try:
        started = timezone.now()
        result = send_queued(processes=1)
        first = settings.POST_OFFICE.get("RETRY_INTERVAL", timedelta(minutes=1))
        requeued = Email.objects.filter(status=STATUS.requeued, last_updated__gte=started)
        for email in requeued.only("id", "number_of_retries", "last_updated"):
            email.scheduled_time = email.last_updated + retry_delay(email.number_of_retries or 1, first)
            email.save(update_fields=["scheduled_time"])
        return result
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [WORKER_LOCK_ID])
