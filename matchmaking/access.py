"""Who may see and change needs and dialogues: one helper per kind, as in accounts/access.py.

- A draft need is seen only by the body's approved members (and curators), and by its author while
  they wait for approval as a member (they may edit it, not publish it).
- An open or in-dialogue need is seen by everyone when public, by signed-in users when it is for
  signed-in users only; a closed need only by the body's members and the entrepreneurs it talked to.
- A dialogue is seen by the body's members and the entrepreneur's members (and curators), and only
  they may write in it.

Helpers raise Http404 when the user may not see the thing and PermissionDenied when they may see it
but not change it.

"Curators" here means users whose Django permissions name the action: `matchmaking.view_need` to see
any need, `matchmaking.change_need` to change one, `matchmaking.view_interest` to read any dialogue
(never to write in it). Being staff alone gives nothing.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.access import has_permission, may_view
from accounts.models import BodyMembership, EntrepreneurMembership
from directory.models import PublicBody, SocialEntrepreneur
from matchmaking.models import Interest, Message, Need


def member_body_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(BodyMembership.objects.approved().filter(user=user).values_list("public_body_id", flat=True))


def pending_body_ids(user) -> set[int]:
    """Bodies the user has asked to join and waits for a curator: they may draft needs there."""
    if not user.is_authenticated:
        return set()
    return set(BodyMembership.objects.pending().filter(user=user).values_list("public_body_id", flat=True))


def bodies_for_drafting(user):
    """The published bodies the user may write needs for: approved members publish, those waiting
    for approval save drafts that they publish once approved."""
    ids = member_body_ids(user) | pending_body_ids(user)
    return PublicBody.objects.published().filter(pk__in=ids).order_by("name")


def is_waiting_author(user, need: Need) -> bool:
    """The user wrote this draft while waiting for approval as a member of its body."""
    return (
        user.is_authenticated
        and need.is_draft
        and need.author_id == user.pk
        and need.public_body_id in pending_body_ids(user)
    )


def member_entrepreneur_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(EntrepreneurMembership.objects.approved().filter(user=user).values_list("entrepreneur_id", flat=True))


def bodies_for_member(user):
    """The published public bodies the user is an approved member of."""
    return PublicBody.objects.published().filter(pk__in=member_body_ids(user)).order_by("name")


def entrepreneurs_for_member(user):
    """The published entrepreneurs the user is an approved member of (only those may answer needs)."""
    return SocialEntrepreneur.objects.published().filter(pk__in=member_entrepreneur_ids(user)).order_by("name")


def may_see_need(user, need: Need) -> bool:
    if user.is_authenticated and (may_view(user, Need) or need.public_body_id in member_body_ids(user)):
        return True
    if need.is_draft:
        return is_waiting_author(user, need)
    if user.is_authenticated and need.interests.filter(entrepreneur_id__in=member_entrepreneur_ids(user)).exists():
        return True
    if not need.is_active:
        return False
    return need.visibility == Need.Visibility.PUBLIC or user.is_authenticated


def _need(pk: int) -> Need:
    need = Need.objects.select_related("public_body", "municipality", "county", "author").filter(pk=pk).first()
    if need is None:
        raise Http404
    return need


def get_need_for_user(user, pk: int) -> Need:
    """The need, if the user may see it."""
    need = _need(pk)
    if not may_see_need(user, need):
        raise Http404
    return need


def get_need_for_member(user, pk: int, *, drafting: bool = False) -> Need:
    """The need, if the user is an approved member of its body (or may change needs): they may change it.

    With drafting=True (editing the text), also the author of a draft who waits for approval.
    """
    need = _need(pk)
    if need.public_body_id in member_body_ids(user) or has_permission(user, Need, "change"):
        return need
    if drafting and is_waiting_author(user, need):
        return need
    if may_see_need(user, need):
        raise PermissionDenied
    raise Http404


def side_of(user, interest: Interest) -> str | None:
    """Which side of the dialogue the user writes for, or None if they take no part in it."""
    if not user.is_authenticated:
        return None
    if interest.need.public_body_id in member_body_ids(user):
        return Message.Side.BODY
    if interest.entrepreneur_id in member_entrepreneur_ids(user):
        return Message.Side.ENTREPRENEUR
    return None


def get_interest_for_participant(user, need_pk: int, pk: int) -> tuple[Interest, str]:
    """The dialogue and the side the user writes for, if they take part in it.

    Curators who may view dialogues get 403; everyone else 404.
    """
    interest = (
        Interest.objects.select_related("need__public_body", "entrepreneur").filter(pk=pk, need_id=need_pk).first()
    )
    if interest is None:
        raise Http404
    side = side_of(user, interest)
    if side is not None:
        return interest, side
    if may_view(user, Interest):
        raise PermissionDenied
    raise Http404


def may_decide(interest: Interest, side: str) -> bool:
    """Whoever received the first message decides the state: the body for answers, the entrepreneur
    for invitations."""
    return (side == Message.Side.BODY) == interest.decided_by_body
