"""Changes to needs, dialogues and alerts that touch several models, each inside one transaction."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import EntrepreneurMembership
from agreements import services as agreements_services
from directory.models import PublicBody, SocialEntrepreneur
from matchmaking import emails
from matchmaking.access import may_decide
from matchmaking.candidates import needs_for_entrepreneurs
from matchmaking.models import AlertDelivery, AlertSubscription, Interest, Message, Need

NEED_FIELDS = (
    "title",
    "challenge",
    "effects",
    "municipality",
    "county",
    "estimated_value",
    "procurement_category",
    "contract_months",
    "answer_deadline",
    "visibility",
)
NEED_MANY = ("service_areas", "target_groups", "collaboration_forms")

# Who may move a need to which status.
NEED_TRANSITIONS: dict[str, tuple[str, ...]] = {
    Need.Status.DRAFT: (Need.Status.OPEN,),
    Need.Status.OPEN: (Need.Status.IN_DIALOGUE, Need.Status.CLOSED),
    Need.Status.IN_DIALOGUE: (Need.Status.OPEN, Need.Status.CLOSED),
    Need.Status.CLOSED: (Need.Status.OPEN,),
}
# The states the deciding side may choose; "sent" is where every dialogue starts.
DECISIONS = (Interest.State.READ, Interest.State.IN_DIALOGUE, Interest.State.DECLINED, Interest.State.AGREED)
# The other side is told about these changes by e-mail ("read" is not worth a mail).
ANNOUNCED_STATES = (Interest.State.IN_DIALOGUE, Interest.State.DECLINED, Interest.State.AGREED)
# A digest is due when the last one is at least this old (a little less than the period, so that a
# cron job that runs a few minutes early still sends).
DIGEST_PERIODS = {
    AlertSubscription.Frequency.DAILY: timedelta(hours=20),
    AlertSubscription.Frequency.WEEKLY: timedelta(days=6, hours=20),
}
# At most this many needs in one digest, the best matches first.
DIGEST_SIZE = 10
# Needs published longer ago than this are not new any more, even for a weekly digest.
DIGEST_HORIZON = timedelta(days=14)


# --- Needs ----------------------------------------------------------------------------------------


def _apply(need: Need, data: dict) -> None:
    for name in NEED_FIELDS:
        if name in data:
            setattr(need, name, data[name])


@transaction.atomic
def need_create(*, body: PublicBody, author, data: dict, publish: bool = False) -> Need:
    """Save a new need for `body` from the form's cleaned data, as a draft or published."""
    need = Need(public_body=body, author=author)
    _apply(need, data)
    if publish:
        need.status = Need.Status.OPEN
        need.published_at = timezone.now()
    need.save()
    for name in NEED_MANY:
        getattr(need, name).set(data.get(name, []))
    return need


@transaction.atomic
def need_update(*, need: Need, data: dict) -> Need:
    """Change a need's description from the form's cleaned data."""
    _apply(need, data)
    need.save()
    for name in NEED_MANY:
        if name in data:
            getattr(need, name).set(data[name])
    return need


@transaction.atomic
def need_set_status(*, need: Need, status: str) -> Need:
    """Move a need to another status: publish a draft, mark it in dialogue, close or reopen it."""
    if status not in NEED_TRANSITIONS.get(need.status, ()):
        raise ValidationError(
            _("Behovet kan ikke gå fra «%(old)s» til «%(new)s».")
            % {"old": need.get_status_display(), "new": Need.Status(status).label}
        )
    need.status = status
    fields = ["status", "updated"]
    if status == Need.Status.OPEN and need.published_at is None:
        need.published_at = timezone.now()
        fields.append("published_at")
    need.save(update_fields=fields)
    return need


def need_publish(*, need: Need) -> Need:
    """Publish a draft: it becomes open and visible to those it is meant for."""
    return need_set_status(need=need, status=Need.Status.OPEN)


# --- Dialogue -------------------------------------------------------------------------------------


def _start(*, need: Need, entrepreneur: SocialEntrepreneur, user, kind: str) -> tuple[Interest, bool]:
    interest, created = Interest.objects.select_for_update().get_or_create(
        need=need, entrepreneur=entrepreneur, defaults={"kind": kind, "started_by": user}
    )
    return interest, created


@transaction.atomic
def interest_send(*, need: Need, entrepreneur: SocialEntrepreneur, user, text: str) -> Interest:
    """An entrepreneur answers a need. If they already talk about it, the answer joins that dialogue."""
    if not need.accepts_answers:
        raise ValidationError(_("Behovet tar ikke imot svar lenger."))
    interest, created = _start(need=need, entrepreneur=entrepreneur, user=user, kind=Interest.Kind.ANSWER)
    if not created:
        return interest_reply(interest=interest, side=Message.Side.ENTREPRENEUR, user=user, text=text)
    Message.objects.create(interest=interest, side=Message.Side.ENTREPRENEUR, author=user, text=text)
    emails.answer_received(interest, text)
    return interest


@transaction.atomic
def interest_invite(*, need: Need, entrepreneur: SocialEntrepreneur, user, text: str) -> Interest:
    """A public body invites an entrepreneur to talk about a need; joins an existing dialogue if there is one."""
    if need.is_draft:
        raise ValidationError(_("Publiser behovet før dere inviterer noen."))
    interest, created = _start(need=need, entrepreneur=entrepreneur, user=user, kind=Interest.Kind.INVITATION)
    if not created:
        return interest_reply(interest=interest, side=Message.Side.BODY, user=user, text=text)
    Message.objects.create(interest=interest, side=Message.Side.BODY, author=user, text=text)
    # Nobody to tell yet: the invitation is kept and delivered when someone claims the listing.
    if emails.entrepreneur_addresses(interest):
        emails.invitation_received(interest, text)
        interest.delivered_at = timezone.now()
        interest.save(update_fields=["delivered_at"])
    return interest


def invitation_reaches_someone(entrepreneur: SocialEntrepreneur) -> bool:
    """Whether an invitation sent now is e-mailed at once (to members, or the public contact address)."""
    return bool(emails.addresses_of_entrepreneur(entrepreneur))


@transaction.atomic
def deliver_waiting_invitations(*, entrepreneur: SocialEntrepreneur) -> int:
    """Send the invitations kept for an entrepreneur that now has someone to receive them.

    Only for needs that are still open or in dialogue; invitations about closed needs stay as they
    are (the need's page says they never arrived). Returns how many were delivered.
    """
    if not emails.addresses_of_entrepreneur(entrepreneur):
        return 0
    waiting = (
        Interest.objects.select_for_update()
        .filter(
            entrepreneur=entrepreneur,
            kind=Interest.Kind.INVITATION,
            delivered_at__isnull=True,
            need__status__in=Need.ACTIVE_STATUSES,
        )
        .select_related("need__public_body", "entrepreneur")
        .prefetch_related("messages")
    )
    delivered = 0
    for interest in waiting:
        first = interest.messages.all()[0] if interest.messages.all() else None
        emails.invitation_received(interest, first.text if first else "")
        interest.delivered_at = timezone.now()
        interest.save(update_fields=["delivered_at"])
        delivered += 1
    return delivered


def _move_need_into_dialogue(need: Need) -> None:
    if need.status == Need.Status.OPEN:
        need.status = Need.Status.IN_DIALOGUE
        need.save(update_fields=["status", "updated"])


@transaction.atomic
def interest_reply(*, interest: Interest, side: str, user, text: str) -> Interest:
    """Write in a dialogue. When the side that decides answers, the dialogue is under way."""
    Message.objects.create(interest=interest, side=side, author=user, text=text)
    if may_decide(interest, side) and interest.state in (Interest.State.SENT, Interest.State.READ):
        interest.state = Interest.State.IN_DIALOGUE
        _move_need_into_dialogue(interest.need)
    interest.save(update_fields=["state", "updated"])
    emails.message_received(interest, side, text)
    return interest


@transaction.atomic
def interest_set_state(*, interest: Interest, side: str, state: str) -> Interest:
    """The deciding side marks the dialogue read, in dialogue, declined or agreed."""
    if not may_decide(interest, side):
        raise PermissionDenied
    if state not in DECISIONS:
        raise ValidationError(_("Velg lest, i dialog, avslått eller enige."))
    if state == interest.state:
        return interest
    interest.state = state
    interest.save(update_fields=["state", "updated"])
    if state in (Interest.State.IN_DIALOGUE, Interest.State.AGREED):
        _move_need_into_dialogue(interest.need)
    if state in ANNOUNCED_STATES:
        emails.state_changed(interest, side)
    return interest


# --- Alerts ---------------------------------------------------------------------------------------


def alert_subscription_for(user) -> AlertSubscription:
    """The user's alert setting; a fresh (unsaved) one with no alerts if they never chose."""
    return AlertSubscription.objects.filter(user=user).first() or AlertSubscription(user=user)


@transaction.atomic
def alert_set_frequency(*, user, frequency: str) -> AlertSubscription:
    """Choose no alerts, a daily or a weekly digest. Turning alerts on counts needs from now."""
    subscription, _created = AlertSubscription.objects.select_for_update().get_or_create(user=user)
    if subscription.frequency == AlertSubscription.Frequency.NONE and frequency != subscription.frequency:
        subscription.active_since = timezone.now()
    subscription.frequency = frequency
    subscription.save()
    return subscription


@transaction.atomic
def alert_unsubscribe(*, subscription: AlertSubscription) -> AlertSubscription:
    subscription.frequency = AlertSubscription.Frequency.NONE
    subscription.save(update_fields=["frequency", "updated"])
    return subscription


def _digest_needs(since: datetime):
    return (
        Need.objects.accepting_answers()
        .filter(published_at__gte=since)
        .select_related("public_body", "municipality", "county")
        .prefetch_related("service_areas", "target_groups", "collaboration_forms")
        .order_by("-published_at", "-pk")
    )


def need_digests_send(*, frequency: str, now: datetime | None = None) -> int:
    """Send every subscriber of this frequency whose digest is due the new needs that fit their
    offers. A need is never sent twice to the same user. Returns how many e-mails were sent."""
    now = now or timezone.now()
    due_before = now - DIGEST_PERIODS[frequency]
    subscriptions = (
        AlertSubscription.objects.filter(frequency=frequency, user__is_active=True)
        .exclude(last_sent_at__gt=due_before)
        .select_related("user")
        .prefetch_related(
            Prefetch(
                "user__entrepreneurmembership_set",
                queryset=EntrepreneurMembership.objects.approved().filter(entrepreneur__status="published"),
                to_attr="approved_entrepreneur_memberships",
            )
        )
        .order_by("pk")
    )
    sent = 0
    for subscription in subscriptions:
        sent += _send_digest(subscription, now)
    return sent


@transaction.atomic
def _send_digest(subscription: AlertSubscription, now: datetime) -> int:
    memberships = subscription.user.approved_entrepreneur_memberships
    entrepreneur_ids = [membership.entrepreneur_id for membership in memberships]
    if not entrepreneur_ids:
        return 0
    since = max(subscription.active_since, now - DIGEST_HORIZON)
    already = AlertDelivery.objects.filter(user=subscription.user).values("need_id")
    # Needs they were sent before, or already talk about, are not news.
    needs = _digest_needs(since).exclude(pk__in=already).exclude(interests__entrepreneur_id__in=entrepreneur_ids)
    matches = needs_for_entrepreneurs(entrepreneur_ids, needs, limit=DIGEST_SIZE)
    # Public bodies' planned procurements that fit, added since the last digest (issue 12).
    plans = agreements_services.planned_for_alert(
        entrepreneur_ids, since=max(since, subscription.last_sent_at or since)
    )
    if not matches and not plans:
        return 0
    AlertDelivery.objects.bulk_create(
        [AlertDelivery(user=subscription.user, need=match.need, sent_at=now) for match in matches],
        ignore_conflicts=True,
    )
    subscription.last_sent_at = now
    subscription.save(update_fields=["last_sent_at", "updated"])
    return emails.need_digest(subscription, matches, plans)


# --- Personal data --------------------------------------------------------------------------------


def export_user_data(user) -> dict:
    """The matchmaking data that belongs to this user, for their JSON download."""
    needs = Need.objects.filter(author=user).select_related("public_body").order_by("created", "pk")
    messages = (
        Message.objects.filter(author=user)
        .select_related("interest__need", "interest__entrepreneur")
        .order_by("created", "pk")
    )
    subscription = AlertSubscription.objects.filter(user=user).first()
    deliveries = AlertDelivery.objects.filter(user=user).select_related("need").order_by("sent_at", "pk")
    return {
        "needs_written": [
            {
                "id": need.pk,
                "title": need.title,
                "public_body": need.public_body.name,
                "status": need.status,
                "challenge": need.challenge,
                "effects": need.effects,
                "created": need.created.isoformat(),
            }
            for need in needs
        ],
        "dialogue_messages": [
            {
                "need": message.interest.need.title,
                "need_id": message.interest.need_id,
                "entrepreneur": message.interest.entrepreneur.name,
                "side": message.side,
                "text": message.text,
                "sent": message.created.isoformat(),
            }
            for message in messages
        ],
        "need_alerts": {
            "frequency": subscription.frequency if subscription else AlertSubscription.Frequency.NONE.value,
            "last_sent": subscription.last_sent_at.isoformat() if subscription and subscription.last_sent_at else None,
            "needs_sent": [
                {"need": delivery.need.title, "need_id": delivery.need_id, "sent": delivery.sent_at.isoformat()}
                for delivery in deliveries
            ],
        },
    }
