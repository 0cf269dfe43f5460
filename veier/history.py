"""The curators' decision history as CSV: who decided what, when and why, for a period.

Decisions made in admin (approve, reject, publish, unpublish, confirm …) are Django LogEntry rows,
written by the admin's actions and change forms; each object's own history page shows them too.
"""

import csv
from datetime import date, datetime, time, timedelta

from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

ACTIONS = {1: "add", 2: "change", 3: "delete"}


def parse_day(value: str | None, default: date) -> date:
    """A YYYY-MM-DD day from the query string; anything else (also NUL bytes, huge input) is the default."""
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return default


def history_csv(request):
    if not request.user.has_perm("admin.view_logentry"):
        raise PermissionDenied
    today = timezone.localdate()
    until = parse_day(request.GET.get("til"), today)
    since = parse_day(request.GET.get("fra"), until - timedelta(days=30))
    tz = timezone.get_current_timezone()
    start = datetime.combine(since, time.min, tz)
    end = datetime.combine(until + timedelta(days=1), time.min, tz)
    entries = (
        LogEntry.objects.filter(action_time__gte=start, action_time__lt=end)
        .select_related("user", "content_type")
        .order_by("action_time", "pk")
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="beslutninger-{since}-{until}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [_("tidspunkt"), _("kurator"), _("handling"), _("type"), _("objekt-id"), _("objekt"), _("hva og hvorfor")]
    )
    for entry in entries.iterator():
        writer.writerow(
            [
                timezone.localtime(entry.action_time).isoformat(timespec="seconds"),
                entry.user.email if entry.user else "",
                ACTIONS.get(entry.action_flag, entry.action_flag),
                f"{entry.content_type.app_label}.{entry.content_type.model}" if entry.content_type else "",
                entry.object_id or "",
                # Spreadsheets run cells that start with = + - @ as formulas; a leading ' keeps them text.
                _text(entry.object_repr),
                _text(entry.get_change_message()),
            ]
        )
    return response


def _text(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
