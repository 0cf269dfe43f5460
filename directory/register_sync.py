"""Keep profiles current with Enhetsregisteret: checks, flags for curators, proposals for members.

review() is a pure function from what the register says to what changes on a profile; apply and
sync do the database work. manage.py sync_registers runs sync() daily (README, "Enhetsregisteret").
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from directory import registers
from directory.models import PublicBody, RegisterSyncRun, SocialEntrepreneur
from veier import fragments
from veier.mail import absolute_url, send_templated_mail

# Profiles not checked for this long are checked again even if the feed does not list them.
STALE_AFTER = datetime.timedelta(days=30)
# The first run, with no earlier one to start from, reads the feed from this far back.
FIRST_FEED_DAYS = 7


@dataclass(frozen=True)
class Review:
    checked: bool
    flag: str = ""
    proposal: dict = field(default_factory=dict)


def _same_name(ours: str, theirs: str) -> bool:
    """The register writes names in capitals ("HOGST AS"); only a different name is a change."""
    return " ".join(ours.split()).casefold() == " ".join(theirs.split()).casefold()


def review(name: str, website: str, unit: registers.Unit | None, error: registers.RegisterError | None) -> Review:
    """What the register's answer means for a profile with this name and website."""
    if isinstance(error, registers.NotFound):
        return Review(checked=False, flag="finnes ikke i Enhetsregisteret")
    if isinstance(error, registers.Removed):
        return Review(checked=False, flag="fjernet fra Enhetsregisteret")
    if unit is None:
        raise ValueError("review needs a unit or a NotFound/Removed error")
    if unit.problems:
        return Review(checked=False, flag=", ".join(unit.problems))
    proposal = {}
    if unit.name and not _same_name(name, unit.name):
        proposal["name"] = unit.name
    if unit.website_url and not website:
        proposal["website"] = unit.website_url
    return Review(checked=True, proposal=proposal)


@dataclass
class Outcome:
    flagged: bool = False
    proposed: bool = False


def apply_review(organisation: SocialEntrepreneur | PublicBody, result: Review, now=None) -> Outcome:
    """Store the review on the profile; say whether it newly flagged or proposed something."""
    now = now or timezone.now()
    outcome = Outcome(
        flagged=bool(result.flag) and result.flag != organisation.register_flag,
        proposed=bool(result.proposal) and result.proposal != organisation.register_proposal,
    )
    organisation.register_checked_at = now if result.checked else None
    organisation.register_flag = result.flag
    organisation.register_proposal = result.proposal
    type(organisation).objects.filter(pk=organisation.pk).update(
        register_checked_at=organisation.register_checked_at,
        register_flag=organisation.register_flag,
        register_proposal=organisation.register_proposal,
    )
    # update() sends no signal: the profile, kept whole for visitors, shows when it was checked.
    fragments.bump("directory")
    return outcome


def check(organisation: SocialEntrepreneur | PublicBody, *, use_cache: bool = True) -> Outcome:
    """Look the organisation up and store what the register says. Raises registers.Unavailable."""
    unit = error = None
    try:
        unit = registers.lookup(organisation.orgnr, use_cache=use_cache)
    except (registers.NotFound, registers.Removed) as problem:
        error = problem
    outcome = apply_review(organisation, review(organisation.name, organisation.website, unit, error))
    if unit is not None and unit.founded and isinstance(organisation, SocialEntrepreneur) and not organisation.founded:
        # The year it was founded comes from the register, when the profile has none.
        organisation.founded = unit.founded.year
        SocialEntrepreneur.objects.filter(pk=organisation.pk).update(founded=organisation.founded)
        fragments.bump("directory")
    return outcome


def _feed_start(now) -> datetime.date:
    last = RegisterSyncRun.objects.filter(finished_at__isnull=False, error="").order_by("-started_at").first()
    return (last.started_at if last else now - datetime.timedelta(days=FIRST_FEED_DAYS)).date()


def sync(*, since: datetime.date | None = None, check_all: bool = False, stdout=None) -> RegisterSyncRun:
    """Re-check the profiles the update feed lists since the last run, those not checked for a while,
    and (check_all) every one. Unreachable register: the run stops, records the error, changes nothing
    more."""
    now = timezone.now()
    run = RegisterSyncRun.objects.create(started_at=now)
    flagged: list = []
    proposed: list = []
    try:
        changed = registers.updated_since(since or _feed_start(now))
        for model in (SocialEntrepreneur, PublicBody):
            organisations = model.objects.exclude(orgnr__isnull=True).exclude(orgnr="")
            if not check_all:
                stale = now - STALE_AFTER
                organisations = [
                    organisation
                    for organisation in organisations
                    if organisation.orgnr in changed
                    or organisation.register_checked_at is None
                    or organisation.register_checked_at < stale
                ]
            for organisation in organisations:
                # A unit the feed lists has changed: ask the register, not the cache.
                outcome = check(organisation, use_cache=organisation.orgnr not in changed)
                run.checked += 1
                if outcome.flagged:
                    flagged.append(organisation)
                if outcome.proposed:
                    proposed.append(organisation)
    except registers.Unavailable as error:
        run.error = f"Enhetsregisteret svarte ikke: {error}"[:300]
    run.flagged, run.proposed, run.finished_at = len(flagged), len(proposed), timezone.now()
    run.save()
    _tell(flagged, proposed)
    return run


def _tell(flagged: list, proposed: list) -> None:
    """Curators hear of new flags in one e-mail; each profile's members hear of a proposal."""
    from directory import contact
    from directory.emails import curator_addresses

    if flagged:
        items = [
            {
                "name": organisation.name,
                "flag": organisation.register_flag,
                "url": absolute_url(
                    reverse(
                        "admin:directory_socialentrepreneur_change"
                        if isinstance(organisation, SocialEntrepreneur)
                        else "admin:directory_publicbody_change",
                        args=[organisation.pk],
                    )
                ),
            }
            for organisation in flagged
        ]
        send_templated_mail("directory/emails/register_flags", curator_addresses(), {"items": items})
    for organisation in proposed:
        if isinstance(organisation, SocialEntrepreneur):
            manage = reverse("members:entrepreneur-detail", args=[organisation.slug])
        else:
            manage = reverse("members:body-detail", args=[organisation.slug])
        context = {"organisation": organisation, "proposal": organisation.register_proposal,
                   "manage_url": absolute_url(manage)}  # fmt: skip
        send_templated_mail("directory/emails/register_proposal", contact.member_addresses(organisation), context)


@transaction.atomic
def take_proposal(*, organisation: SocialEntrepreneur | PublicBody, user, accept: bool) -> list[str]:
    """The members take the register's proposal (its name, its website) or dismiss it. Changes to an
    entrepreneur go through services.entrepreneur_update, so that a published profile records them."""
    from directory import services

    values = {name: organisation.register_proposal[name] for name in ("name", "website")
              if accept and organisation.register_proposal.get(name)}  # fmt: skip
    organisation.register_proposal = {}
    if isinstance(organisation, SocialEntrepreneur):
        organisation.save(update_fields=["register_proposal"])
        if values:
            services.entrepreneur_update(entrepreneur=organisation, user=user, values=values)
    else:
        for name, value in values.items():
            setattr(organisation, name, value)
        organisation.save()
    return list(values)
