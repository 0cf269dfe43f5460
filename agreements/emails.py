"""E-mails about agreements and follow-ups. One small function per e-mail; each renders
templates/agreements/emails/<name>_subject.txt, .txt and .html, with absolute links."""

from agreements.models import Agreement, FollowUp, Side
from matchmaking.emails import body_addresses, entrepreneur_addresses
from veier.mail import absolute_url, send_templated_mail

PREFIX = "agreements/emails/"


def _addresses(interest, side: str) -> list[str]:
    return body_addresses(interest) if side == Side.BODY else entrepreneur_addresses(interest)


def _other(side: str) -> str:
    return Side.ENTREPRENEUR if side == Side.BODY else Side.BODY


def agreement_to_confirm(agreement: Agreement, side: str) -> int:
    """Ask the other side to confirm an agreement that `side` recorded or changed."""
    interest = agreement.interest
    context = {
        "agreement": agreement,
        "need": interest.need,
        "from_name": interest.need.public_body.name if side == Side.BODY else interest.entrepreneur.name,
        "agreement_url": absolute_url(agreement.get_absolute_url()),
    }
    return send_templated_mail(PREFIX + "agreement_to_confirm", _addresses(interest, _other(side)), context)


def follow_up_question(follow_up: FollowUp) -> int:
    """Ask one side of a dialogue whether it ended in an agreement, is still going or stopped."""
    interest = follow_up.interest
    context = {
        "follow_up": follow_up,
        "need": interest.need,
        "other_name": interest.entrepreneur.name if follow_up.side == Side.BODY else interest.need.public_body.name,
        "answer_url": absolute_url(follow_up.get_absolute_url()),
    }
    return send_templated_mail(PREFIX + "follow_up", _addresses(interest, follow_up.side), context)


def case_decided(proposal, reason: str = "") -> int:
    """Tell both sides whether a curator published their agreement as a case, or why not."""
    interest = proposal.agreement.interest
    published = proposal.case is not None and proposal.status == proposal.Status.PUBLISHED
    context = {
        "proposal": proposal,
        "published": published,
        "reason": "" if published else reason,
        "case_url": absolute_url(proposal.case.get_absolute_url()) if published else "",
        "agreement_url": absolute_url(proposal.agreement.get_absolute_url()),
    }
    recipients = [*body_addresses(interest), *entrepreneur_addresses(interest)]
    return send_templated_mail(PREFIX + "case_decided", recipients, context)
