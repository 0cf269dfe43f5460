"""Self-service writes: registering and reviewing social entrepreneurs, join requests, offers and contacts.

Each function is keyword-only, runs in one transaction and sends the e-mails that belong to the step.
Views and admin call these; they decide who may call them (accounts/access.py).
"""

from django.db import transaction
from django.db.models import Model, QuerySet
from django.utils import timezone

from accounts.models import BodyMembership, EntrepreneurMembership, Membership
from directory import domains, emails
from directory.member_models import ChangeRecord
from directory.models import (
    ContactPerson,
    Offer,
    PublicationStatus,
    PublicBody,
    SharedEmailDomain,
    SocialEntrepreneur,
)
from directory.text import norwegian_slugify

# Paths under /min-side/virksomhet/ that a slug must not take.
RESERVED_SLUGS = {"registrer"}

ENTREPRENEUR_FIELDS = [
    "orgnr",
    "name",
    "organisation_form",
    "summary",
    "social_mission",
    "description",
    "website",
    "email",
    "nationwide",
    "declares_work_integration",
    "declares_non_profit",
]
ENTREPRENEUR_MANY = ["counties", "municipalities", "service_areas", "target_groups"]
OFFER_FIELDS = ["title", "description", "price", "price_model", "evidence", "evidence_url"]
OFFER_MANY = ["service_areas", "target_groups", "collaboration_forms"]
CONTACT_FIELDS = ["name", "title", "email", "phone", "consent_public"]
CONTACT_MANY = ["service_areas"]


class InvalidTransition(Exception):
    """The object is not in a state where this step makes sense (e.g. approving a draft)."""


def unique_entrepreneur_slug(name: str) -> str:
    """A slug from the name that no other entrepreneur has: 'grønn-start', then 'gronn-start-2', …"""
    base = norwegian_slugify(name)[:190] or "virksomhet"
    taken = set(SocialEntrepreneur.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    taken |= RESERVED_SLUGS
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _apply(obj: Model, values: dict, fields: list[str], many: list[str]) -> None:
    """Set the given fields and many-to-many relations from values (the object must be saved already)."""
    for name in fields:
        if name in values:
            setattr(obj, name, values[name])
    obj.save()
    for name in many:
        if name in values:
            getattr(obj, name).set(values[name])


def _approve_now(membership: Membership, decided_by) -> None:
    membership.status = Membership.Status.APPROVED
    membership.decided_at = timezone.now()
    membership.decided_by = decided_by


# Social entrepreneurs


@transaction.atomic
def entrepreneur_register(*, user, values: dict) -> SocialEntrepreneur:
    """A new profile as a draft, with the user as its first (approved) member."""
    entrepreneur = SocialEntrepreneur(slug=unique_entrepreneur_slug(values["name"]), status=PublicationStatus.DRAFT)
    _apply(entrepreneur, values, ENTREPRENEUR_FIELDS, ENTREPRENEUR_MANY)
    membership = EntrepreneurMembership(user=user, entrepreneur=entrepreneur)
    _approve_now(membership, user)
    membership.save()
    return entrepreneur


def _recorded_value(value):
    """A value as it is kept in a change record: text, a boolean, or the names of related objects."""
    if isinstance(value, Model):
        return str(value)
    if isinstance(value, QuerySet | list | tuple | set):
        return sorted(str(item) for item in value)
    if value is None:
        return ""
    return value


@transaction.atomic
def entrepreneur_update(*, entrepreneur: SocialEntrepreneur, user, values: dict) -> ChangeRecord | None:
    """Save a member's edits. Edits to a published profile are public at once and recorded."""
    changes = {}
    for name in ENTREPRENEUR_FIELDS:
        if name in values and _recorded_value(getattr(entrepreneur, name)) != _recorded_value(values[name]):
            changes[name] = {"old": _recorded_value(getattr(entrepreneur, name)), "new": _recorded_value(values[name])}
    for name in ENTREPRENEUR_MANY:
        if name in values:
            old = _recorded_value(getattr(entrepreneur, name).all())
            new = _recorded_value(values[name])
            if old != new:
                changes[name] = {"old": old, "new": new}
    _drop_unbacked_confirmations(entrepreneur, changes)
    _apply(entrepreneur, values, ENTREPRENEUR_FIELDS, ENTREPRENEUR_MANY)
    if entrepreneur.is_published and changes:
        return profile_change_record(entrepreneur=entrepreneur, user=user, changes=changes)
    return None


def _drop_unbacked_confirmations(entrepreneur: SocialEntrepreneur, changes: dict) -> None:
    """A curator's confirmation covers what was declared when it was given: withdrawing a declaration
    or changing the organisation form (the evidence of being non-profit) needs a new confirmation."""
    if "declares_work_integration" in changes:
        entrepreneur.work_integration_confirmed_at = None
    if "declares_non_profit" in changes or "organisation_form" in changes:
        entrepreneur.non_profit_confirmed_at = None


@transaction.atomic
def entrepreneur_confirm_declarations(*, entrepreneur: SocialEntrepreneur, curator) -> list[str]:
    """Confirm what the entrepreneur has declared and not yet had confirmed; returns the fields confirmed."""
    now = timezone.now()
    confirmed = []
    if entrepreneur.declares_work_integration and entrepreneur.work_integration_confirmed_at is None:
        entrepreneur.work_integration_confirmed_at = now
        confirmed.append("work_integration_confirmed_at")
    if entrepreneur.declares_non_profit and entrepreneur.non_profit_confirmed_at is None:
        entrepreneur.non_profit_confirmed_at = now
        confirmed.append("non_profit_confirmed_at")
    if confirmed:
        entrepreneur.save(update_fields=[*confirmed, "updated"])
    return confirmed


@transaction.atomic
def entrepreneur_withdraw_confirmations(*, entrepreneur: SocialEntrepreneur, curator) -> bool:
    """Take back both confirmations (the declarations stay, waiting for a new check)."""
    if entrepreneur.work_integration_confirmed_at is None and entrepreneur.non_profit_confirmed_at is None:
        return False
    entrepreneur.work_integration_confirmed_at = entrepreneur.non_profit_confirmed_at = None
    entrepreneur.save(update_fields=["work_integration_confirmed_at", "non_profit_confirmed_at", "updated"])
    return True


def profile_change_record(*, entrepreneur: SocialEntrepreneur, user, changes: dict) -> ChangeRecord:
    """Record who changed which fields of a published profile, from what to what."""
    return ChangeRecord.objects.create(entrepreneur=entrepreneur, user=user, changes=changes)


@transaction.atomic
def entrepreneur_submit(*, entrepreneur: SocialEntrepreneur, user) -> None:
    """Send a draft (or a rejected profile, fixed) to the curators for review."""
    if entrepreneur.status not in (PublicationStatus.DRAFT, PublicationStatus.REJECTED):
        raise InvalidTransition(entrepreneur.status)
    entrepreneur.status = PublicationStatus.PENDING
    entrepreneur.save(update_fields=["status", "updated"])
    emails.entrepreneur_submitted(entrepreneur)


@transaction.atomic
def entrepreneur_approve(*, entrepreneur: SocialEntrepreneur, curator) -> None:
    """Publish a profile that waits for review and tell its members."""
    if entrepreneur.status != PublicationStatus.PENDING:
        raise InvalidTransition(entrepreneur.status)
    entrepreneur.status = PublicationStatus.PUBLISHED
    entrepreneur.rejection_reason = ""
    entrepreneur.save(update_fields=["status", "rejection_reason", "updated"])
    emails.entrepreneur_approved(entrepreneur)


@transaction.atomic
def entrepreneur_reject(*, entrepreneur: SocialEntrepreneur, curator, reason: str) -> None:
    """Send a profile back to its members with the reason; they fix it and send it again."""
    if entrepreneur.status != PublicationStatus.PENDING:
        raise InvalidTransition(entrepreneur.status)
    if not reason.strip():
        raise ValueError("A rejection needs a reason.")
    entrepreneur.status = PublicationStatus.REJECTED
    entrepreneur.rejection_reason = reason.strip()
    entrepreneur.save(update_fields=["status", "rejection_reason", "updated"])
    emails.entrepreneur_rejected(entrepreneur)


# Memberships


@transaction.atomic
def membership_request(*, user, entrepreneur: SocialEntrepreneur, message: str = "") -> EntrepreneurMembership:
    """Ask to join an entrepreneur. Its members (or a curator) decide; no duplicate profile is made.

    Asking again after being turned down opens the request again; asking while a request is open or
    as a member changes nothing.
    """
    membership, created = EntrepreneurMembership.objects.get_or_create(
        user=user, entrepreneur=entrepreneur, defaults={"message": message}
    )
    if not created and membership.status != Membership.Status.REJECTED:
        return membership
    if not created:
        membership.status = Membership.Status.PENDING
        membership.message = message
        membership.decided_at = membership.decided_by = None
        membership.save()
    emails.entrepreneur_join_requested(membership)
    return membership


@transaction.atomic
def membership_decide(
    *, membership: EntrepreneurMembership | BodyMembership, decided_by, approve: bool, reason: str = ""
) -> None:
    """Approve or turn down a pending join request, and tell the user (with the reason, when given)."""
    if membership.status != Membership.Status.PENDING:
        raise InvalidTransition(membership.status)
    membership.status = Membership.Status.APPROVED if approve else Membership.Status.REJECTED
    membership.decided_at = timezone.now()
    membership.decided_by = decided_by
    membership.save(update_fields=["status", "decided_at", "decided_by"])
    emails.membership_decided(membership, reason=reason)
    if approve:
        _joined(membership)


def _joined(membership: EntrepreneurMembership | BodyMembership) -> None:
    """After an approval: a claimed listing gets the organisation number it was claimed with, and
    what waited for the listing to get a member (invitations, people who asked to be told) goes out."""
    from directory import contact

    if isinstance(membership, EntrepreneurMembership):
        organisation = membership.entrepreneur
        number = membership.orgnr
        if number and not organisation.orgnr and not SocialEntrepreneur.objects.filter(orgnr=number).exists():
            organisation.orgnr = number
            organisation.save(update_fields=["orgnr", "updated"])
    else:
        organisation = membership.public_body
    contact.first_member_joined(organisation)


@transaction.atomic
def entrepreneur_claim(
    *, user, entrepreneur: SocialEntrepreneur, orgnr: str, message: str = ""
) -> EntrepreneurMembership:
    """Claim a listing nobody is a member of («Er dette din virksomhet?»).

    Approved at once when the user's confirmed address is at the organisation's own website domain;
    otherwise the curators get the request (the listing has no members to ask) with the number given.
    """
    from directory import contact

    membership, created = EntrepreneurMembership.objects.get_or_create(
        user=user, entrepreneur=entrepreneur, defaults={"message": message, "orgnr": orgnr}
    )
    if not created and membership.status == Membership.Status.APPROVED:
        return membership
    membership.message, membership.orgnr = message, orgnr
    if contact.claim_approved_at_once(user, entrepreneur):
        _approve_now(membership, None)
        membership.save()
        _joined(membership)
        return membership
    membership.status = Membership.Status.PENDING
    membership.decided_at = membership.decided_by = None
    membership.save()
    emails.entrepreneur_join_requested(membership)
    return membership


def shared_domains() -> list[str]:
    return list(SharedEmailDomain.objects.values_list("domain", flat=True))


def has_verified_domain(user, body: PublicBody) -> bool:
    """Whether the user's confirmed e-mail address is on one of the body's domains (or a subdomain),
    and not on a domain many bodies share (nav.no)."""
    if getattr(user, "confirmed_at", None) is None:
        return False
    return domains.joins_at_once(user.email, body.email_domains, shared_domains())


def bodies_for_address(user) -> list[PublicBody]:
    """The published bodies the user's confirmed address joins at once, for the join page to offer."""
    if getattr(user, "confirmed_at", None) is None:
        return []
    address_domains = domains.parent_domains(domains.email_domain(user.email))
    candidates = PublicBody.objects.published().filter(email_domains__overlap=address_domains).order_by("name")
    shared = shared_domains()
    return [body for body in candidates[:10] if domains.joins_at_once(user.email, body.email_domains, shared)]


@transaction.atomic
def body_join(*, user, body: PublicBody, message: str = "") -> BodyMembership:
    """Ask to join a public body: approved at once on a verified e-mail domain, otherwise by a curator."""
    membership, created = BodyMembership.objects.get_or_create(
        user=user, public_body=body, defaults={"message": message}
    )
    if not created and membership.status != Membership.Status.REJECTED:
        return membership
    membership.message = message
    if has_verified_domain(user, body):
        _approve_now(membership, None)
        membership.save()
        _joined(membership)
        return membership
    membership.status = Membership.Status.PENDING
    membership.decided_at = membership.decided_by = None
    membership.save()
    emails.body_join_requested(membership)
    return membership


# Offers, public bodies and contact persons


@transaction.atomic
def offer_save(*, entrepreneur: SocialEntrepreneur, values: dict, offer: Offer | None = None) -> Offer:
    """Create or change an offer. A new offer is a draft unless values says otherwise."""
    if offer is None:
        offer = Offer(entrepreneur=entrepreneur, status=values.get("status", Offer.Status.DRAFT))
    elif "status" in values:
        offer.status = values["status"]
    _apply(offer, values, OFFER_FIELDS, OFFER_MANY)
    return offer


def offer_set_status(*, offer: Offer, status: str) -> None:
    offer.status = status
    offer.save(update_fields=["status", "updated"])


@transaction.atomic
def body_update(*, body: PublicBody, values: dict) -> None:
    """Change a public body's statement of what it invites collaboration on, and its service areas."""
    _apply(body, values, ["invitation"], ["service_areas"])


@transaction.atomic
def contact_save(*, body: PublicBody, values: dict, contact: ContactPerson | None = None) -> ContactPerson:
    contact = contact or ContactPerson(public_body=body)
    _apply(contact, values, CONTACT_FIELDS, CONTACT_MANY)
    return contact


# Personal data


def export_user_data(user) -> dict:
    """The profile changes the user made, for the personal-data download (accounts exports the memberships)."""
    records = ChangeRecord.objects.filter(user=user).select_related("entrepreneur").order_by("created", "pk")
    from directory.contact_models import ContactMessage

    sent = ContactMessage.objects.filter(sender=user).select_related("entrepreneur", "public_body").order_by("created")
    return {
        "contact_messages": [
            {
                "to": message.organisation.name,
                "sent": message.created.isoformat(),
                "subject": message.subject,
                "text": message.text,
            }
            for message in sent
        ],
        "profile_changes": [
            {
                "organisation": record.entrepreneur.name,
                "slug": record.entrepreneur.slug,
                "changed": record.created.isoformat(),
                "changes": record.changes,
            }
            for record in records
        ],
    }
