"""Who may see and change agreements, follow-ups, effect plans and a body's plans: one helper per kind.

- An agreement, its effect plan and measurements are seen by the two parties (approved members of the
  body and of the entrepreneur) and by curators with the Django permission to view agreements;
  only the parties change them. Curators change them in admin, as their permissions allow.
- A follow-up question is answered only by the side it was sent to.
- A body's current agreements and planned procurements are public when the body is; its members
  and curators with the permission to change planned procurements keep them.

Helpers raise Http404 when the user may not see the thing and PermissionDenied when they may see it
but not change it. `is_staff` alone never opens anything.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from agreements.models import Agreement, FollowUp
from directory.models import PublicBody
from matchmaking.access import member_body_ids, side_of
from matchmaking.models import Interest

VIEW_AGREEMENTS = "agreements.view_agreement"
KEEP_PLANS = "agreements.change_plannedprocurement"


def get_interest_for_party(user, need_pk: int, pk: int) -> tuple[Interest, str]:
    """The dialogue and the side the user speaks for, if they take part in it (to record an agreement)."""
    interest = (
        Interest.objects.select_related("need__public_body", "entrepreneur").filter(pk=pk, need_id=need_pk).first()
    )
    if interest is None:
        raise Http404
    side = side_of(user, interest)
    if side is not None:
        return interest, side
    if user.has_perm(VIEW_AGREEMENTS):
        raise PermissionDenied
    raise Http404


def _agreement(need_pk: int, interest_pk: int) -> Agreement:
    agreement = (
        Agreement.objects.select_related(
            "interest__need__public_body", "interest__entrepreneur", "collaboration_form", "recorded_by"
        )
        .filter(interest_id=interest_pk, interest__need_id=need_pk)
        .first()
    )
    if agreement is None:
        raise Http404
    return agreement


def get_agreement_for_user(user, need_pk: int, interest_pk: int) -> tuple[Agreement, str | None]:
    """The agreement and the user's side (None for a curator who may only look)."""
    agreement = _agreement(need_pk, interest_pk)
    side = side_of(user, agreement.interest)
    if side is not None or user.has_perm(VIEW_AGREEMENTS):
        return agreement, side
    raise Http404


def get_agreement_for_party(user, need_pk: int, interest_pk: int) -> tuple[Agreement, str]:
    """The agreement and the user's side, if they are a party and so may change it."""
    agreement, side = get_agreement_for_user(user, need_pk, interest_pk)
    if side is None:
        raise PermissionDenied
    return agreement, side


def get_follow_up_for_party(user, pk: int) -> FollowUp:
    """A follow-up question, if it was sent to the user's side of the dialogue."""
    follow_up = (
        FollowUp.objects.select_related("interest__need__public_body", "interest__entrepreneur").filter(pk=pk).first()
    )
    if follow_up is None:
        raise Http404
    if side_of(user, follow_up.interest) == follow_up.side:
        return follow_up
    raise Http404


def may_keep_plans(user, body: PublicBody) -> bool:
    return user.is_authenticated and (body.pk in member_body_ids(user) or user.has_perm(KEEP_PLANS))


def get_body_for_planner(user, slug: str) -> PublicBody:
    """The public body, if the user may keep its agreements and plans."""
    body = PublicBody.objects.filter(slug=slug).first()
    if body is None:
        raise Http404
    if may_keep_plans(user, body):
        return body
    if body.status == "published":
        raise PermissionDenied
    raise Http404
