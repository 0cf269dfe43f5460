"""Reading deployment settings from the environment: pure functions, tested alone."""

from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ImproperlyConfigured

DATABASE_CACHE_TABLE = "veier_cache"


def cache_settings(url: str, debug: bool) -> dict:
    """Django's CACHES for a CACHE_URL.

    - ``redis://host:6379/0`` (or ``rediss://``): Django's own RedisCache;
    - ``db://`` or ``db://table``: the database cache (``manage.py createcachetable`` makes the table);
    - ``locmem://``: memory of one process, allowed only with DEBUG on;
    - empty: the database cache in production, per-process memory while developing and testing.

    Every app server must see the same cache (throttle counts, cached fragments and their
    invalidation), which per-process memory cannot give: hence the refusal in production.
    """
    scheme = urlsplit(url).scheme if url else ""
    if not url:
        scheme = "locmem" if debug else "db"
        url = f"{scheme}://"
    parts = urlsplit(url)
    options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    timeout = int(options.pop("timeout", 300))
    prefix = options.pop("prefix", "veier")
    if scheme in ("redis", "rediss"):
        location = parts._replace(query="").geturl()
        backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location}
    elif scheme == "db":
        table = (parts.netloc + parts.path).strip("/") or DATABASE_CACHE_TABLE
        backend = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": table}
    elif scheme == "locmem":
        if not debug:
            raise ImproperlyConfigured(
                "CACHE_URL=locmem:// keeps a cache per process, so app servers would disagree. "
                "In production use redis://host:6379/0 or db://."
            )
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "veier"}
    else:
        raise ImproperlyConfigured(f"CACHE_URL must start with redis://, rediss://, db:// or locmem://, not {url!r}")
    return {"default": {**backend, "TIMEOUT": timeout, "KEY_PREFIX": prefix}}
