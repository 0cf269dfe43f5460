"""Sending e-mail from templates: each e-mail is three templates, subject, text and HTML.

    send_templated_mail("accounts/emails/confirm", ["kari@example.no"], {"link": …})

renders templates/accounts/emails/confirm_subject.txt, confirm.txt and confirm.html, in the
language that is active (so the recipient gets the language they were using), and sends one
message per recipient so that no one sees the others' addresses.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def absolute_url(path: str) -> str:
    """A full address for links in e-mails: SITE_URL plus the path."""
    return settings.SITE_URL.rstrip("/") + path


def send_templated_mail(
    template_prefix: str, recipients: list[str], context: dict, *, reply_to: list[str] | None = None
) -> int:
    """Render and send one message per recipient. Returns how many were sent.

    reply_to: where answers go (the sender of a message passed on through the portal), so that the
    recipient can answer without the portal ever showing the sender an address.
    """
    context = {"site_url": settings.SITE_URL.rstrip("/"), **context}
    subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
    text = render_to_string(f"{template_prefix}.txt", context)
    html = render_to_string(f"{template_prefix}.html", context)
    sent = 0
    for recipient in dict.fromkeys(recipients):
        message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [recipient], reply_to=reply_to)
        message.attach_alternative(html, "text/html")
        sent += message.send()
    return sent
