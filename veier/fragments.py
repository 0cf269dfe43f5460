"""Render once what does not change per request, and forget it when the data changes.

Cached fragments (a filter panel, the municipality list, taxonomy counts) are stored under keys that
contain the *generation* of the data they show. Saving or deleting a row of that data gives the
generation a new value, so every app server sharing the cache builds the fragment afresh on its
next request: nothing is deleted, stale entries just stop being asked for and expire.

    panel = fragments.get_or_build("panel", [language, selection], build, depends_on=["taxonomy"])

A generation changes on post_save, post_delete and m2m_changed of the models tied to it
(`invalidate_on_change`), at once and again when the transaction commits, so that a server that
rebuilt the fragment from the old rows in between does not keep it. Bulk `update()` sends no
signals: code that changes public data that way calls `bump()` itself. Every fragment also expires
after FRAGMENT_SECONDS, which bounds what anything missed could cost.
"""

import hashlib
import secrets
import time
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

FRAGMENT_SECONDS = 15 * 60
CHANGED_AT_KEY = "data:changed-at"


def _generation_key(name: str) -> str:
    return f"generation:{name}"


def _new_token() -> str:
    return f"{time.time_ns():x}{secrets.token_hex(2)}"


def generations(names: Iterable[str]) -> list[str]:
    """The current generation of each name (one cache round trip when they exist)."""
    names = list(names)
    keys = [_generation_key(name) for name in names]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, _new_token(), timeout=None)  # add: a concurrent first visitor's value wins
            found[key] = cache.get(key)
    return [str(found[key]) for key in keys]


def fragment_key(prefix: str, parts: Iterable, depends_on: Iterable[str]) -> str:
    raw = "\x1f".join([*map(str, parts), *generations(depends_on)])
    return f"fragment:{prefix}:{hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()}"


# Values also kept in this process (get_or_build(..., in_process=True)), by their full key.
_IN_PROCESS: dict[str, tuple[float, object]] = {}
IN_PROCESS_LIMIT = 256


def get_or_build(
    prefix: str,
    parts: Iterable,
    build: Callable,
    depends_on: Iterable[str],
    timeout: int = FRAGMENT_SECONDS,
    *,
    in_process: bool = False,
):
    """The cached value for these parts and data generations, built by `build()` when missing.

    `in_process=True` also keeps the value in this process's memory under the same key, for values
    read on every request (taxonomies, places): unpickling 372 places or the taxonomies' instances
    from the cache cost more than the search they serve. The key still holds the generations read
    from the shared cache, so a change on any app server is seen here on the next request. The
    value is shared between requests: callers must not change it.
    """
    key = fragment_key(prefix, parts, depends_on)
    if in_process:
        kept = _IN_PROCESS.get(key)
        if kept is not None and kept[0] > time.monotonic():
            return kept[1]
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    if in_process:
        if len(_IN_PROCESS) >= IN_PROCESS_LIMIT:
            _IN_PROCESS.clear()  # old generations' values; rebuilt from the cache on demand
        _IN_PROCESS[key] = (time.monotonic() + timeout, value)
    return value


def bump(*names: str) -> None:
    """The data behind these names changed: fragments built from it are no longer served."""
    cache.set_many({_generation_key(name): _new_token() for name in names}, timeout=None)
    cache.set(CHANGED_AT_KEY, time.time(), timeout=None)


def last_changed() -> float | None:
    """When public data last changed (a Unix time), for Last-Modified; None if not known."""
    return cache.get(CHANGED_AT_KEY)


def _bump_now_and_after_commit(names: tuple[str, ...]) -> None:
    bump(*names)
    transaction.on_commit(lambda: bump(*names))


def invalidate_on_change(models: Iterable, *names: str, ignore_fields: Iterable[str] = ()) -> None:
    """Bump these generations whenever a row of these models (or one of their many-to-many links)
    is saved or deleted. A save that names only `ignore_fields` in `update_fields` (a user's
    last_login) changes nothing shown and bumps nothing."""
    ignored = frozenset(ignore_fields)

    def receiver(sender, **kwargs):
        update_fields = kwargs.get("update_fields")
        if ignored and update_fields and ignored.issuperset(update_fields):
            return
        if kwargs.get("action", "post_").startswith("post_"):
            _bump_now_and_after_commit(names)

    for model in models:
        uid = f"fragments:{model._meta.label}:{','.join(names)}"
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=uid + ":save")
        post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=uid + ":delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                receiver, sender=field.remote_field.through, weak=False, dispatch_uid=f"{uid}:{field.name}"
            )


# Rows of these apps and models are not shown on public pages: changing them leaves Last-Modified.
NOT_PUBLIC_APPS = {"sessions", "admin", "contenttypes", "post_office", "auth", "axes"}
NOT_PUBLIC_MODELS = {"accounts.LoginFailure", "accounts.User"}


def _touch_changed_at(sender, **kwargs):
    if kwargs.get("action", "post_").startswith("post_") and _is_public(sender):
        cache.set(CHANGED_AT_KEY, time.time(), timeout=None)


def _is_public(model) -> bool:
    meta = model._meta
    if meta.auto_created:  # a many-to-many table: public when either side is
        return any(_is_public(field.related_model) for field in meta.fields if field.is_relation)
    return meta.app_label not in NOT_PUBLIC_APPS and meta.label not in NOT_PUBLIC_MODELS


def connect_last_changed() -> None:
    """Any saved or deleted public row moves Last-Modified of the anonymous pages."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_touch_changed_at, weak=False, dispatch_uid=f"fragments:changed-at:{id(signal)}")


# Whole pages for anonymous visitors -----------------------------------------------------------------


def same_for_every_visitor(request) -> bool:
    """A GET by someone not signed in, with no session and no message waiting: the page depends only
    on its address and the language (the pages that use this show nothing else of the visitor)."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in request.COOKIES
        and not request.user.is_authenticated
    )


def cached_for_visitors(*depends_on: str, by_date: bool = False):
    """Serve a page to anonymous visitors from the cache, keyed by its address (host included: some
    pages write absolute links), the language and the generations of the data it shows, so a save
    anywhere is seen on every app server at once. `by_date`: the page also depends on today's date
    (deadlines passed, what is in force), so it is kept per day.

    Public pages are read far more often than they change, and most visits are to the same few
    addresses. A response that sets a cookie or says how to cache itself is not kept; every kept page
    expires after FRAGMENT_SECONDS.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not same_for_every_visitor(request):
                return view(request, *args, **kwargs)
            query = sorted((key, tuple(values)) for key, values in request.GET.lists())
            parts = [request.scheme, request.get_host(), request.path, get_language(), query]
            if by_date:
                parts.append(timezone.localdate().isoformat())
            key = fragment_key("page", parts, depends_on)
            kept = cache.get(key)
            if kept is not None:
                content, content_type = kept
                return HttpResponse(content, content_type=content_type)
            response = view(request, *args, **kwargs)
            if (
                response.status_code == 200
                and not response.streaming
                and not response.cookies
                and not response.has_header("Cache-Control")
            ):
                cache.set(key, (response.content, response["Content-Type"]), FRAGMENT_SECONDS)
            return response

        return wrapper

    return decorator


# Filter panels ------------------------------------------------------------------------------------

# The parameters a filter panel does not show: free text and the page (the panel is the same for
# every search word and every page of results, so those would only multiply its copies).
NOT_IN_PANEL = {"q", "side"}


def filter_panel_key(request) -> str:
    """The cache key of a list page's filter panel: its page, the language, the selected filters
    (which also decide the error messages beside the fields), and the taxonomies and places it lists."""
    from django.utils.translation import get_language

    selection = sorted((key, tuple(values)) for key, values in request.GET.lists() if key not in NOT_IN_PANEL)
    return fragment_key("filters", [request.path, get_language(), selection], ["taxonomy", "places"])


def context(request) -> dict:
    """`filter_panel_key` for `{% cache FRAGMENT_SECONDS "filters" filter_panel_key %}` around a
    panel's fields; worked out only on pages that use it."""
    from django.utils.functional import SimpleLazyObject

    return {
        "filter_panel_key": SimpleLazyObject(lambda: filter_panel_key(request)),
        "FRAGMENT_SECONDS": FRAGMENT_SECONDS,
    }
