"""E-mails about needs: answers, invitations, messages, changes of state and the alert digests.

One small function per e-mail; each renders templates/matchmaking/emails/<name>_subject.txt, .txt
and .html, with absolute links.
"""

from django.urls import reverse

from accounts.models import BodyMembership, EntrepreneurMembership
from matchmaking.models import AlertSubscription, Interest, Message
from veier.mail import absolute_url, send_templated_mail

PREFIX = "matchmaking/emails/"


def body_addresses(interest: Interest) -> list[str]:
    return list(
        BodyMembership.objects.approved()
        .filter(public_body_id=interest.need.public_body_id, user__is_active=True)
        .values_list("user__email", flat=True)
    )


def addresses_of_entrepreneur(entrepreneur) -> list[str]:
    """The entrepreneur's members; if it has none yet, its public contact address."""
    members = list(
        EntrepreneurMembership.objects.approved()
        .filter(entrepreneur_id=entrepreneur.pk, user__is_active=True)
        .values_list("user__email", flat=True)
    )
    if members:
        return members
    return [entrepreneur.email] if entrepreneur.email else []


def entrepreneur_addresses(interest: Interest) -> list[str]:
    return addresses_of_entrepreneur(interest.entrepreneur)


def _context(interest: Interest, **extra) -> dict:
    return {
        "interest": interest,
        "need": interest.need,
        "body": interest.need.public_body,
        "entrepreneur": interest.entrepreneur,
        "dialogue_url": absolute_url(interest.get_absolute_url()),
        **extra,
    }


def answer_received(interest: Interest, text: str) -> int:
    """Tell the body's members that an entrepreneur has answered their need."""
    return send_templated_mail(PREFIX + "answer_received", body_addresses(interest), _context(interest, text=text))


def invitation_received(interest: Interest, text: str) -> int:
    """Tell the entrepreneur that a public body invites them to talk about a need."""
    context = _context(interest, text=text, signup_url=absolute_url(reverse("accounts:signup")))
    return send_templated_mail(PREFIX + "invitation_received", entrepreneur_addresses(interest), context)


def _other_side(interest: Interest, side: str) -> list[str]:
    return entrepreneur_addresses(interest) if side == Message.Side.BODY else body_addresses(interest)


def message_received(interest: Interest, side: str, text: str) -> int:
    """Tell the other side of a dialogue that there is a new message."""
    context = _context(interest, text=text, from_body=side == Message.Side.BODY)
    return send_templated_mail(PREFIX + "message_received", _other_side(interest, side), context)


def state_changed(interest: Interest, side: str) -> int:
    """Tell the other side that the dialogue is under way, declined or agreed."""
    context = _context(interest, from_body=side == Message.Side.BODY)
    return send_templated_mail(PREFIX + "state_changed", _other_side(interest, side), context)


def need_digest(subscription: AlertSubscription, matches: list, plans: list = ()) -> int:
    """The daily or weekly list of new needs that fit the user's offers, with an unsubscribe link."""
    context = {
        "subscription": subscription,
        "weekly": subscription.frequency == AlertSubscription.Frequency.WEEKLY,
        "items": [
            {"match": match, "need": match.need, "url": absolute_url(match.need.get_absolute_url())}
            for match in matches
        ],
        "plans": [{"plan": plan, "url": absolute_url(plan.public_body.get_absolute_url())} for plan in plans],
        "unsubscribe_url": absolute_url(
            reverse("matchmaking:alert-unsubscribe", args=[subscription.unsubscribe_token])
        ),
        "settings_url": absolute_url(reverse("matchmaking:alert-settings")),
    }
    return send_templated_mail(PREFIX + "need_digest", [subscription.user.email], context)
