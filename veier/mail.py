"""Sending e-mail from templates: each e-mail is three templates, subject, text and HTML.

    send_templated_mail("accounts/emails/confirm", ["kari@example.no"], {"link": …})

renders templates/accounts/emails/confirm_subject.txt, confirm.txt and confirm.html and sends one
message per recipient, so that no one sees the others' addresses. Each message is written in the
recipient's language: the one a user last chose on the site (User.language); an address without an
account gets the language that is active.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


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
        sent += message.send()
    return sent
