"""Throttling of failed log-ins: a sliding window per e-mail address and per client IP address.

Failures are rows in the database (LoginFailure) so that every gunicorn process counts the same
ones; rows older than the window are deleted whenever a new failure is recorded. A throttled
attempt is not checked and not counted, so waiting is always enough to get in again.
"""

import ipaddress
import math
from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone

from accounts.models import LoginFailure

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_IP = 20


def client_ip(request: HttpRequest) -> str | None:
    """The address the request came from.

    REMOTE_ADDR only: X-Forwarded-For can be written by anyone, so trusting it would let an attacker
    pick a fresh address for every attempt. Behind a reverse proxy, the proxy must set REMOTE_ADDR
    (for gunicorn: --forwarded-allow-ips with a proxy that overwrites the header).
    """
    address = request.META.get("REMOTE_ADDR", "")
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None  # a Unix socket, for example


def normalise_email(email: str) -> str:
    return email.strip().lower()


def _wait_for(failures, limit: int, now) -> timedelta | None:
    """How long until fewer than `limit` of these failures are inside the window, or None if already."""
    recent = list(
        failures.filter(created__gt=now - WINDOW).order_by("-created").values_list("created", flat=True)[:limit]
    )
    if len(recent) < limit:
        return None
    # The limit-th most recent failure is the one that has to leave the window.
    return recent[limit - 1] + WINDOW - now


def wait_time(email: str, ip: str | None) -> timedelta | None:
    """How long this e-mail address or IP address must wait before trying again; None when it may try now."""
    now = timezone.now()
    waits = [_wait_for(LoginFailure.objects.filter(email=normalise_email(email)), MAX_FAILURES_PER_EMAIL, now)]
    if ip:
        waits.append(_wait_for(LoginFailure.objects.filter(ip=ip), MAX_FAILURES_PER_IP, now))
    waits = [wait for wait in waits if wait is not None]
    return max(waits) if waits else None


def wait_minutes(wait: timedelta) -> int:
    """Whole minutes to tell the user, rounded up so that they never come back too early."""
    return max(1, math.ceil(wait.total_seconds() / 60))


def record_failure(email: str, ip: str | None) -> None:
    now = timezone.now()
    LoginFailure.objects.filter(created__lte=now - WINDOW).delete()
    LoginFailure.objects.create(email=normalise_email(email)[:254], ip=ip, created=now)


def clear_failures(email: str) -> None:
    """Forget an address's failures once its owner has proved who they are."""
    LoginFailure.objects.filter(email=normalise_email(email)).delete()
