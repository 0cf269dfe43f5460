"""Contact through the portal, claims and what happens when a listing gets its first member.

- send_message: the portal e-mails a signed-in user's message to the organisation's approved
  members, with the sender's address as Reply-To; no member's address is ever shown to the sender.
- The rate limits count the sender's stored messages and claims (sliding windows, in the database
  so that every server process sees the same count; the sender's row is locked while counting).
  When accounts/throttle.py offers one policy for every way in that sends e-mail, these two move
  there; the views only call wait_before_sending / wait_before_claiming.
- A listing with no approved member cannot be reached; a user may ask to be told when it has one
  (ClaimWatch). first_member_joined() tells them, and delivers the invitations kept for it.
"""

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.models import BodyMembership, EntrepreneurMembership
from directory import domains
from directory.contact_models import ClaimWatch, ContactMessage
from directory.models import PublicBody, SharedEmailDomain, SocialEntrepreneur
from veier.mail import absolute_url, send_templated_mail

PREFIX = "directory/emails/"


@dataclass(frozen=True)
class Limit:
    window: timedelta
    count: int


# Per sender: a few messages in a row, and not a mailing list's worth in a day.
LIMITS = (Limit(timedelta(hours=1), 5), Limit(timedelta(days=1), 20))
# Claims of listings per user («Er dette din virksomhet?»).
CLAIM_LIMIT = Limit(timedelta(days=1), 5)


class RateLimited(Exception):
    def __init__(self, wait: timedelta):
        super().__init__(wait)
        self.wait = wait


def member_addresses(organisation: SocialEntrepreneur | PublicBody) -> list[str]:
    """The approved, active members' addresses: who a message to the organisation reaches."""
    if isinstance(organisation, SocialEntrepreneur):
        memberships = EntrepreneurMembership.objects.filter(entrepreneur=organisation)
    else:
        memberships = BodyMembership.objects.filter(public_body=organisation)
    return list(memberships.approved().filter(user__is_active=True).values_list("user__email", flat=True))


def has_members(organisation: SocialEntrepreneur | PublicBody) -> bool:
    return bool(member_addresses(organisation))


def _target(organisation) -> dict:
    if isinstance(organisation, SocialEntrepreneur):
        return {"entrepreneur": organisation}
    return {"public_body": organisation}


def _wait(times, limit: Limit, now) -> timedelta | None:
    """How long until fewer than limit.count of these times are inside the window (None: not full)."""
    recent = list(times.filter(created__gt=now - limit.window).order_by("-created").values_list("created", flat=True))
    recent = recent[: limit.count]
    if len(recent) < limit.count:
        return None
    # The limit-th most recent one has to leave the window first.
    return recent[limit.count - 1] + limit.window - now


def wait_before_sending(sender, now=None) -> timedelta | None:
    """How long the sender must wait before the next message, or None if they may send now."""
    now = now or timezone.now()
    waits = [_wait(ContactMessage.objects.filter(sender=sender), limit, now) for limit in LIMITS]
    waits = [wait for wait in waits if wait is not None]
    return max(waits) if waits else None


def wait_before_claiming(user, now=None) -> timedelta | None:
    """Each claim e-mails the curators: a few a day per user is plenty for a real organisation."""
    claims = EntrepreneurMembership.objects.filter(user=user).exclude(orgnr="")
    return _wait(claims, CLAIM_LIMIT, now or timezone.now())


@transaction.atomic
def send_message(*, sender, organisation, subject: str, text: str) -> ContactMessage:
    """Store the message and e-mail it to the organisation's members. Raises RateLimited."""
    # Lock the sender's row so that two requests at once cannot both pass the count.
    get_user_model().objects.select_for_update().filter(pk=sender.pk).first()
    wait = wait_before_sending(sender)
    if wait is not None:
        raise RateLimited(wait)
    recipients = [address for address in member_addresses(organisation) if address != sender.email]
    message = ContactMessage.objects.create(
        sender=sender, subject=subject, text=text, recipient_count=len(recipients), **_target(organisation)
    )
    context = {
        "message": message,
        "organisation": organisation,
        "sender_name": sender.name or sender.email,
        "sender_email": sender.email,
        "profile_url": absolute_url(organisation.get_absolute_url()),
    }
    send_templated_mail(PREFIX + "contact_message", recipients, context, reply_to=[sender.email])
    return message


def sent_messages(user, limit: int = 20) -> list[ContactMessage]:
    """The user's copies of what they sent, newest first, for Min side."""
    return list(ContactMessage.objects.filter(sender=user).select_related("entrepreneur", "public_body")[:limit])


def watch(*, user, organisation) -> ClaimWatch:
    """Remember that the user wants to know when the listing gets a member."""
    item, _created = ClaimWatch.objects.get_or_create(user=user, **_target(organisation))
    if item.notified_at is not None:
        item.notified_at = None
        item.save(update_fields=["notified_at"])
    return item


def is_watching(user, organisation) -> bool:
    return (
        user.is_authenticated
        and ClaimWatch.objects.filter(user=user, notified_at__isnull=True, **_target(organisation)).exists()
    )


def first_member_joined(organisation) -> None:
    """A listing that nobody could be reached through now has a member: deliver the invitations kept
    for it and tell those who asked. Called after every approval; does nothing when there is nothing
    waiting."""
    if isinstance(organisation, SocialEntrepreneur):
        from matchmaking.services import deliver_waiting_invitations

        deliver_waiting_invitations(entrepreneur=organisation)
    watches = list(
        ClaimWatch.objects.filter(
            notified_at__isnull=True, user__is_active=True, **_target(organisation)
        ).select_related("user")
    )
    if not watches:
        return
    context = {
        "organisation": organisation,
        "contact_url": absolute_url(contact_path(organisation)),
        "profile_url": absolute_url(organisation.get_absolute_url()),
    }
    send_templated_mail(PREFIX + "listing_claimed", [item.user.email for item in watches], context)
    ClaimWatch.objects.filter(pk__in=[item.pk for item in watches]).update(notified_at=timezone.now())


def contact_path(organisation) -> str:
    if isinstance(organisation, SocialEntrepreneur):
        return reverse("directory:entrepreneur-contact", args=[organisation.slug])
    return reverse("directory:body-contact", args=[organisation.slug])


# Claiming a listing


def website_domain(url: str) -> str:
    """The host of a web address without 'www.': 'https://www.hogst.no/om' → 'hogst.no'."""
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    return host.removeprefix("www.")


def claim_approved_at_once(user, entrepreneur: SocialEntrepreneur) -> bool:
    """A confirmed address at the organisation's own website domain proves the claim at once."""
    if getattr(user, "confirmed_at", None) is None or not entrepreneur.website:
        return False
    own = website_domain(entrepreneur.website)
    if not domains.is_valid_domain(own):
        return False
    shared = list(SharedEmailDomain.objects.values_list("domain", flat=True))
    return domains.joins_at_once(user.email, [own], shared)
