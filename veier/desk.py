"""The curators' desk on the admin start page: what waits for a curator, by queue.

Each queue names the Django permission that lets a curator decide it; a curator sees only the
queues their permissions name (never more because they are staff). Each line links to the admin
page where the matter is decided: for reviews, join requests, claims, declarations and case
proposals, the one-screen decision page (veier/decisions.py). The queues ask the apps' models
directly and cost a fixed number of queries whatever their length (a count and the first few rows each).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

from veier.decisions import decision_url

# How many rows of each queue the desk lists; the queue's link shows the rest.
SHOWN = 5
# Guidance facts (threshold values) are checked against Lovdata at least twice a year.
VERIFY_EVERY = timedelta(days=183)
CHANGES_QUEUE = "profile-changes"


@dataclass
class Item:
    text: str
    url: str
    waited: str = ""


@dataclass
class Queue:
    key: str
    title: str
    count: int
    url: str
    items: list[Item] = field(default_factory=list)


def is_overdue(last_verified: date | None, today: date) -> bool:
    """A fact is overdue for checking when it was never verified or was verified too long ago."""
    return last_verified is None or today - last_verified > VERIFY_EVERY


def _changelist(model, **params) -> str:
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def _change(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def _waited(since: datetime, now: datetime) -> str:
    return _("har ventet %(time)s") % {"time": timesince(since, now)}


def _pending_profiles(user, now):
    from directory.models import PublicationStatus, SocialEntrepreneur

    if not user.has_perm("directory.approve_socialentrepreneur"):
        return None
    # entrepreneur_submit saves `updated`, and members cannot edit a profile while it waits.
    rows = SocialEntrepreneur.objects.filter(status=PublicationStatus.PENDING).order_by("updated", "pk")
    return Queue(
        "pending-profiles",
        _("Profiler som venter på godkjenning"),
        rows.count(),
        _changelist(SocialEntrepreneur, status__exact=PublicationStatus.PENDING),
        [Item(e.name, decision_url(e), _waited(e.updated, now)) for e in rows[:SHOWN]],
    )


def _declarations(user, now):
    from django.db.models import Q

    from directory.models import SocialEntrepreneur

    if not user.has_perm("directory.confirm_declarations"):
        return None
    # Declarations for reserved contracts count only once a curator has confirmed them.
    waiting = Q(declares_work_integration=True, work_integration_confirmed_at__isnull=True) | Q(
        declares_non_profit=True, non_profit_confirmed_at__isnull=True
    )
    rows = SocialEntrepreneur.objects.filter(waiting).order_by("updated", "pk")
    return Queue(
        "declarations",
        _("Erklæringer om reserverte kontrakter som venter på bekreftelse"),
        rows.count(),
        _changelist(SocialEntrepreneur),
        [Item(e.name, decision_url(e, "confirm"), _waited(e.updated, now)) for e in rows[:SHOWN]],
    )


def _join_requests(user, now, *, claims: bool):
    from directory.member_models import EntrepreneurJoinRequest

    if not user.has_perm("directory.approve_entrepreneurjoinrequest"):
        return None
    # A claim of a listing («Er dette din virksomhet?») is a join request that gives an orgnr.
    rows = EntrepreneurJoinRequest.objects.filter(status="pending").select_related("user", "entrepreneur")
    rows = rows.exclude(orgnr="") if claims else rows.filter(orgnr="")
    rows = rows.order_by("created", "pk")
    return Queue(
        "claims" if claims else "entrepreneur-join-requests",
        _("Krav på oppføringer") if claims else _("Forespørsler om å bli med i sosiale entreprenører"),
        rows.count(),
        _changelist(EntrepreneurJoinRequest),
        [Item(f"{r.user} → {r.entrepreneur}", decision_url(r), _waited(r.created, now)) for r in rows[:SHOWN]],
    )


def _body_join_requests(user, now):
    from directory.member_models import BodyJoinRequest

    if not user.has_perm("directory.approve_bodyjoinrequest"):
        return None
    rows = BodyJoinRequest.objects.filter(status="pending").select_related("user", "public_body")
    rows = rows.order_by("created", "pk")
    return Queue(
        "body-join-requests",
        _("Forespørsler om å bli med i offentlige virksomheter"),
        rows.count(),
        _changelist(BodyJoinRequest),
        [Item(f"{r.user} → {r.public_body}", decision_url(r), _waited(r.created, now)) for r in rows[:SHOWN]],
    )


def _profile_changes(user, now):
    from directory.member_models import ChangeRecord, DeskSeen

    if not user.has_perm("directory.view_changerecord"):
        return None
    seen = DeskSeen.objects.filter(user=user, queue=CHANGES_QUEUE).values_list("seen_at", flat=True).first()
    rows = ChangeRecord.objects.select_related("entrepreneur").order_by("created", "pk")
    params = {}
    if seen:
        rows = rows.filter(created__gt=seen)
        params["created__gt"] = seen.isoformat()
    return Queue(
        CHANGES_QUEUE,
        _("Endringer i publiserte profiler siden du sist så"),
        rows.count(),
        _changelist(ChangeRecord, **params),
        [Item(str(r), _change(r), timesince(r.created, now)) for r in rows[:SHOWN]],
    )


def _register_flags(user, now):
    from directory.models import PublicBody, SocialEntrepreneur

    queues = []
    for model, perm, key, title in [
        (
            SocialEntrepreneur,
            "directory.change_socialentrepreneur",
            "register-entrepreneurs",
            _("Sosiale entreprenører med merknad fra Enhetsregisteret"),
        ),
        (
            PublicBody,
            "directory.change_publicbody",
            "register-bodies",
            _("Offentlige virksomheter med merknad fra Enhetsregisteret"),
        ),
    ]:
        if not user.has_perm(perm):
            continue
        rows = model.objects.exclude(register_flag="").order_by("name", "pk")
        queues.append(
            Queue(
                key,
                title,
                rows.count(),
                _changelist(model, enhetsregisteret="merknad"),
                [Item(f"{r.name}: {r.register_flag}", _change(r)) for r in rows[:SHOWN]],
            )
        )
    return queues


def _case_proposals(user, now):
    from agreements.models import CaseProposal

    if not user.has_perm("agreements.change_caseproposal"):
        return None
    rows = CaseProposal.objects.filter(status=CaseProposal.Status.PENDING).order_by("updated", "pk")
    return Queue(
        "case-proposals",
        _("Avtaler som er tilbudt som eksempler"),
        rows.count(),
        _changelist(CaseProposal, status__exact=CaseProposal.Status.PENDING),
        [Item(r.title, decision_url(r), _waited(r.updated, now)) for r in rows[:SHOWN]],
    )


def _guidance(user, now):
    from procurement.models import ThresholdPeriod

    if not user.has_perm("procurement.change_thresholdperiod"):
        return None
    today = timezone.localdate(now)
    rows = ThresholdPeriod.objects.filter(last_verified__lt=today - VERIFY_EVERY).order_by("last_verified", "pk")
    return Queue(
        "guidance-facts",
        _("Terskelverdier som ikke er kontrollert det siste halvåret"),
        rows.count(),
        _changelist(ThresholdPeriod, last_verified__lt=(today - VERIFY_EVERY).isoformat()),
        [
            Item(
                _("Gjelder fra %(date)s, sist kontrollert %(checked)s")
                % {"date": r.valid_from.isoformat(), "checked": r.last_verified.isoformat()},
                _change(r),
            )
            for r in rows[:SHOWN]
        ],
    )


def _failed_mails(user, now):
    from post_office.models import STATUS, Email

    if not user.has_perm("post_office.view_email"):
        return None
    # The mail worker gives up after its last retry; a curator looks at why and requeues it.
    rows = Email.objects.filter(status=STATUS.failed).order_by("last_updated", "pk")
    return Queue(
        "failed-mails",
        _("E-poster som ikke kom fram"),
        rows.count(),
        _changelist(Email, status__exact=STATUS.failed),
        [
            Item(
                _("%(subject)s (til %(count)s mottakere)") % {"subject": r.subject, "count": len(r.to)}
                if len(r.to) != 1
                else r.subject,
                _change(r),
                _waited(r.last_updated, now),
            )
            for r in rows[:SHOWN]
        ],
    )


def queues_for(user, now: datetime | None = None) -> list[Queue]:
    """The queues this curator may act on, in the order the desk shows them."""
    now = now or timezone.now()
    found = [
        _pending_profiles(user, now),
        _declarations(user, now),
        _join_requests(user, now, claims=True),
        _join_requests(user, now, claims=False),
        _body_join_requests(user, now),
        _profile_changes(user, now),
        *_register_flags(user, now),
        _case_proposals(user, now),
        _guidance(user, now),
        _failed_mails(user, now),
    ]
    return [queue for queue in found if queue is not None]


def mark_seen(user, queue: str, when: datetime | None = None) -> None:
    from directory.member_models import DeskSeen

    DeskSeen.objects.update_or_create(user=user, queue=queue, defaults={"seen_at": when or timezone.now()})
