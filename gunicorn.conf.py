"""gunicorn settings for the web process: `gunicorn veier.wsgi` reads this file from the working directory.

Every value can be changed through the environment, so one file serves every app server:
PORT or GUNICORN_BIND, WEB_CONCURRENCY (worker processes), GUNICORN_THREADS, GUNICORN_TIMEOUT.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND") or f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# Synchronous workers: the pages are CPU-bound Django views; 2 per core plus one is gunicorn's rule.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A request that takes longer than this is killed and its worker replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Replace workers now and then, so that a slow leak cannot grow without bound.
max_requests = 5000
max_requests_jitter = 500
# The heartbeat file lives in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - gunicorn's own advice
# Trust X-Forwarded-Proto only from the load balancer's addresses (comma-separated).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Django writes one JSON line per request with its request id (veier.access), so gunicorn's own
# access log is off; gunicorn's messages go to standard error as JSON too.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "veier.logging.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "loggers": {
        "gunicorn.error": {"handlers": ["console"], "level": loglevel.upper(), "propagate": False},
        "gunicorn.access": {"handlers": [], "propagate": False},
    },
}
# No preload: each worker imports the project itself, so a deploy's code change never half-applies.
preload_app = False


def post_worker_init(worker):
    """Move everything the worker has loaded (Django, the URL maps, the translations) out of the
    garbage collector's sight: a full collection walked those objects on every run and took
    15–35 ms, landing in about one request in twenty (docs/benchmarks.md, «Matching»)."""
    import gc

    gc.freeze()
