"""E-mails of self-service: review of profiles and join requests. One small function per e-mail."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.models import BodyMembership, EntrepreneurMembership
from directory.models import SocialEntrepreneur
from veier.mail import absolute_url, send_templated_mail

PREFIX = "directory/emails/"


def curator_addresses() -> list[str]:
    return list(get_user_model().objects.filter(is_staff=True, is_active=True).values_list("email", flat=True))


def member_addresses(entrepreneur: SocialEntrepreneur) -> list[str]:
    return list(
        EntrepreneurMembership.objects.approved()
        .filter(entrepreneur=entrepreneur, user__is_active=True)
        .values_list("user__email", flat=True)
    )


def entrepreneur_submitted(entrepreneur: SocialEntrepreneur) -> int:
    """Tell curators that a profile waits for their review."""
    context = {
        "entrepreneur": entrepreneur,
        # The decision page: the profile's facts, «Godkjenn» / «Avvis» and the reason in one screen.
        "review_url": absolute_url(reverse("admin:directory_socialentrepreneur_decide", args=[entrepreneur.pk])),
    }
    return send_templated_mail(PREFIX + "entrepreneur_submitted", curator_addresses(), context)


def entrepreneur_approved(entrepreneur: SocialEntrepreneur) -> int:
    """Tell the members that their profile is approved and public."""
    context = {
        "entrepreneur": entrepreneur,
        "profile_url": absolute_url(entrepreneur.get_absolute_url()),
        "manage_url": absolute_url(reverse("members:entrepreneur-detail", args=[entrepreneur.slug])),
    }
    return send_templated_mail(PREFIX + "entrepreneur_approved", member_addresses(entrepreneur), context)


def entrepreneur_rejected(entrepreneur: SocialEntrepreneur) -> int:
    """Tell the members why their profile was not approved, and where to fix it."""
    context = {
        "entrepreneur": entrepreneur,
        "reason": entrepreneur.rejection_reason,
        "edit_url": absolute_url(reverse("members:entrepreneur-edit", args=[entrepreneur.slug])),
    }
    return send_templated_mail(PREFIX + "entrepreneur_rejected", member_addresses(entrepreneur), context)


def entrepreneur_join_requested(membership: EntrepreneurMembership) -> int:
    """Ask the organisation's members (or, when it has none, the curators) to decide a join request."""
    entrepreneur = membership.entrepreneur
    members = member_addresses(entrepreneur)
    if members:
        decide_url = reverse("members:entrepreneur-members", args=[entrepreneur.slug])
    else:
        decide_url = reverse("admin:directory_entrepreneurjoinrequest_changelist")
    context = {
        "membership": membership,
        "entrepreneur": entrepreneur,
        "requester": membership.user,
        "to_members": bool(members),
        "decide_url": absolute_url(decide_url),
    }
    return send_templated_mail(PREFIX + "entrepreneur_join_requested", members or curator_addresses(), context)


def body_join_requested(membership: BodyMembership) -> int:
    """Ask the curators to decide a request to join a public body."""
    context = {
        "membership": membership,
        "body": membership.public_body,
        "requester": membership.user,
        "decide_url": absolute_url(reverse("admin:directory_bodyjoinrequest_changelist")),
    }
    return send_templated_mail(PREFIX + "body_join_requested", curator_addresses(), context)


def membership_decided(membership: EntrepreneurMembership | BodyMembership, reason: str = "") -> int:
    """Tell the user whether they may now take part in the organisation (and why not, when a curator said)."""
    if isinstance(membership, BodyMembership):
        organisation = membership.public_body
        url_name = "members:body-detail"
    else:
        organisation = membership.entrepreneur
        url_name = "members:entrepreneur-detail"
    context = {
        "membership": membership,
        "organisation": organisation,
        "approved": membership.is_approved,
        "reason": "" if membership.is_approved else reason,
        "manage_url": absolute_url(reverse(url_name, args=[organisation.slug])),
    }
    return send_templated_mail(PREFIX + "membership_decided", [membership.user.email], context)
