"""One throttle for every way in: log-ins (portal and admin), sign-ups, password resets, new
confirmation links, and every form that makes the portal send e-mail (join requests, dialogue
messages, contact messages …).

How to use it in a view that sends e-mail (the usual case, a form):

    from accounts import throttle

    if form.is_valid() and throttle.allow(request, "contact", form=form, address=form.cleaned_data["email"]):
        send_the_mail(...)
        return redirect(...)
    return render(request, "...", {"form": form})   # a refused attempt re-renders the bound form

`allow` counts one attempt for the scope, by the address (when given; for a signed-in user pass
`request.user.email`) and by the client IP. When either is over its limit it adds a non-field error
with a plain Norwegian "wait N minutes" message to the form and returns False, so what was typed is
kept. For a POST-only view without a form, decorate it:

    @throttle.limit("invite")                      # counts by IP, and by the user's address when signed in
    def invite(request, pk): ...

which answers a refused attempt with a 429 page. Limits are per scope in LIMITS below; a scope that
is not listed gets DEFAULT_LIMIT. Add your scope there when the default does not fit.

Lower level, for log-ins: `check(request, scope, address=...)` returns an `Attempt`; `attempt.refused`,
`attempt.wait`, and `attempt.succeeded()` (a right password: the attempt is not a failure, and the
address's earlier failures are forgotten). `forget(scope, address)` clears an address (a new password
set through a reset link ends the log-in lock, so a locked-out owner always has a way in).

Counting is atomic: the attempt is written first and counted afterwards, so of N parallel attempts at
most the limit get through (check-then-write would let them all pass). Rows live in the database
(`accounts.Attempt`), or, when the default cache is Redis or Memcached (shared by every process and
with an atomic `incr`), in that cache. Refused attempts are not counted, so waiting is always enough.
Call it outside `transaction.atomic()`, so that other processes see the attempt at once.
"""

import contextlib
import functools
import ipaddress
import math
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Limit:
    per_address: int
    per_ip: int
    window: timedelta


# Log-in counts failed passwords; every other scope counts requests that would send e-mail.
LIMITS = {
    "login": Limit(per_address=5, per_ip=20, window=timedelta(minutes=15)),
    "signup": Limit(per_address=3, per_ip=10, window=timedelta(hours=1)),
    "resend": Limit(per_address=3, per_ip=10, window=timedelta(hours=1)),
    "reset": Limit(per_address=3, per_ip=10, window=timedelta(hours=1)),
    "join": Limit(per_address=10, per_ip=20, window=timedelta(hours=1)),
    "message": Limit(per_address=30, per_ip=60, window=timedelta(hours=1)),
    "contact": Limit(per_address=5, per_ip=20, window=timedelta(hours=1)),
}
DEFAULT_LIMIT = Limit(per_address=10, per_ip=30, window=timedelta(hours=1))

# Kept for the log-in tests and messages that name the numbers.
MAX_FAILURES_PER_EMAIL = LIMITS["login"].per_address
MAX_FAILURES_PER_IP = LIMITS["login"].per_ip
WINDOW = LIMITS["login"].window

SHARED_CACHE_BACKENDS = (
    "django.core.cache.backends.redis.RedisCache",
    "django.core.cache.backends.memcached.PyMemcacheCache",
    "django.core.cache.backends.memcached.PyLibMCCache",
)


def limit_for(scope: str) -> Limit:
    return LIMITS.get(scope, DEFAULT_LIMIT)


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


def _keys(address: str | None, ip: str | None, limit: Limit) -> list[tuple[str, int]]:
    keys = []
    if address:
        keys.append((f"e-post:{normalise_email(address)}"[:300], limit.per_address))
    if ip:
        keys.append((f"ip:{ip}", limit.per_ip))
    return keys


def _uses_cache() -> bool:
    return settings.CACHES.get("default", {}).get("BACKEND") in SHARED_CACHE_BACKENDS


@dataclass
class Attempt:
    """One counted attempt; `refused` with `wait` when a limit was reached."""

    scope: str
    address: str | None
    wait: timedelta | None = None
    _undo: list = field(default_factory=list, repr=False)

    @property
    def refused(self) -> bool:
        return self.wait is not None

    @property
    def minutes(self) -> int:
        """Whole minutes to tell the user, rounded up so that they never come back too early."""
        return wait_minutes(self.wait) if self.wait else 0

    def succeeded(self) -> None:
        """The attempt was not a failure (a right password): uncount it and forget the address's failures."""
        for undo in self._undo:
            undo()
        self._undo = []
        if self.address:
            forget(self.scope, self.address)


def wait_minutes(wait: timedelta) -> int:
    return max(1, math.ceil(wait.total_seconds() / 60))


def _check_database(attempt: Attempt, keys, limit: Limit) -> None:
    from accounts.models import Attempt as AttemptRow

    now = timezone.now()
    AttemptRow.objects.filter(scope=attempt.scope, created__lte=now - limit.window).delete()
    rows = AttemptRow.objects.bulk_create([AttemptRow(scope=attempt.scope, key=key, created=now) for key, _ in keys])
    ids = [row.pk for row in rows]
    waits = []
    for key, maximum in keys:
        # Counted after writing: each of N parallel attempts sees at least its own place in the queue.
        recent = list(
            AttemptRow.objects.filter(scope=attempt.scope, key=key, created__gt=now - limit.window)
            .exclude(pk__in=ids)
            .order_by("-created")
            .values_list("created", flat=True)[:maximum]
        )
        if len(recent) >= maximum:
            # The maximum-th most recent earlier attempt has to leave the window first.
            waits.append(recent[maximum - 1] + limit.window - now)
    if waits:
        AttemptRow.objects.filter(pk__in=ids).delete()  # refused attempts are not counted
        attempt.wait = max(max(waits), timedelta(seconds=1))
    else:
        attempt._undo.append(lambda: AttemptRow.objects.filter(pk__in=ids).delete())


def _check_cache(attempt: Attempt, keys, limit: Limit) -> None:
    """Fixed windows in a shared cache: add() then incr() is atomic in Redis and Memcached."""
    cache = caches["default"]
    seconds = int(limit.window.total_seconds())
    now = timezone.now().timestamp()
    slot = int(now // seconds)
    counted = []
    refused = False
    for key, maximum in keys:
        cache_key = f"throttle:{attempt.scope}:{key}:{slot}"
        cache.add(cache_key, 0, timeout=seconds + 60)
        counted.append(cache_key)
        if cache.incr(cache_key) > maximum:
            refused = True
    if refused:
        for cache_key in counted:
            _uncount(cache, cache_key)
        attempt.wait = timedelta(seconds=max(1, (slot + 1) * seconds - now))
    else:
        attempt._undo.append(lambda: [_uncount(cache, cache_key) for cache_key in counted])


def _uncount(cache, cache_key: str) -> None:
    """Take one attempt back off a count. The count may be gone already: a parallel log-in to the
    same account succeeded and forgot the address's attempts (seen in the load test as a 500 for
    the second log-in), or its window ended. Then there is nothing to take back."""
    with contextlib.suppress(ValueError):
        cache.decr(cache_key)


def check(request: HttpRequest, scope: str, *, address: str | None = None) -> Attempt:
    """Count one attempt of `scope` by this address (if any) and the request's IP."""
    limit = limit_for(scope)
    attempt = Attempt(scope=scope, address=address)
    keys = _keys(address, client_ip(request), limit)
    if not keys:
        return attempt
    if _uses_cache():
        _check_cache(attempt, keys, limit)
    else:
        _check_database(attempt, keys, limit)
    return attempt


def forget(scope: str, address: str) -> None:
    """Forget an address's attempts in a scope, once its owner has proved who they are."""
    from accounts.models import Attempt as AttemptRow

    key = f"e-post:{normalise_email(address)}"[:300]
    if _uses_cache():
        cache = caches["default"]
        seconds = int(limit_for(scope).window.total_seconds())
        cache.delete(f"throttle:{scope}:{key}:{int(timezone.now().timestamp() // seconds)}")
    else:
        AttemptRow.objects.filter(scope=scope, key=key).delete()


def forget_address(address: str) -> None:
    """Forget every attempt by an address (its account is deleted)."""
    from accounts.models import Attempt as AttemptRow

    AttemptRow.objects.filter(key=f"e-post:{normalise_email(address)}"[:300]).delete()


def message(attempt: Attempt) -> str:
    minutes = attempt.minutes
    if attempt.scope == "login":
        return ngettext(
            "Du har prøvd å logge inn for mange ganger. Vent %(minutes)d minutt, og prøv igjen.",
            "Du har prøvd å logge inn for mange ganger. Vent %(minutes)d minutter, og prøv igjen.",
            minutes,
        ) % {"minutes": minutes}
    return ngettext(
        "Du har sendt for mange skjemaer på kort tid. Vent %(minutes)d minutt, og prøv igjen. "
        "Det du skrev, er tatt vare på.",
        "Du har sendt for mange skjemaer på kort tid. Vent %(minutes)d minutter, og prøv igjen. "
        "Det du skrev, er tatt vare på.",
        minutes,
    ) % {"minutes": minutes}


def allow(request: HttpRequest, scope: str, *, form=None, address: str | None = None) -> bool:
    """Count one attempt; if refused, put the reason on the form (kept as typed) and return False."""
    attempt = check(request, scope, address=address)
    if attempt.refused and form is not None:
        form.add_error(None, message(attempt))
    return not attempt.refused


def limit(scope: str):
    """Decorator for POST views without a form: count by IP and the signed-in user's address; 429 when over."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST":
                address = request.user.email if request.user.is_authenticated else None
                attempt = check(request, scope, address=address)
                if attempt.refused:
                    return render(
                        request,
                        "throttled.html",
                        {"message": message(attempt), "title": _("Vent litt")},
                        status=429,
                    )
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
