"""Every public page beside a bare Django view, on one gunicorn with production settings.

    DATABASE_URL=postgres://…/veier_pages CACHE_URL=redis://127.0.0.1:6379/3 \
        .venv/bin/python bench/pages.py [--seconds 10] [--workers 2] [--connections 8]

Loopback only. Migrates the database and loads the booklet's data, collects static files, starts
gunicorn (DEBUG=0, `bench.settings`: production settings plus `/__bare__/`, a view returning
HttpResponse("ok") through the same middleware), warms each page, then runs `wrk -t2 -c<n>` against
each page in turn and prints a Markdown table: requests/s and the share of the bare view's.
"""

import argparse
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
GUIDE = "/anskaffelser/?verdi=750000&oppdragsgiver=kommunal&kategori=helse-sosial&dato=2026-12-01"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(port: int, workers: int) -> dict[str, str]:
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to a database for the benchmark (it is migrated and given the booklet data).")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_hex(32),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "https://127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "CACHE_URL": os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/3"),
        "WEB_CONCURRENCY": str(workers),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "ACCESS_LOG": "0",
        "LOG_LEVEL": "ERROR",
    }


def manage(env, *arguments) -> str:
    return subprocess.run(
        [str(PYTHON), "manage.py", *arguments], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def sample_paths(env) -> dict[str, str]:
    """One of each kind of page, with real slugs and ids from the booklet's data."""
    code = (
        "from directory.models import SocialEntrepreneur as E, PublicBody as B, Case as C\n"
        "from matchmaking.models import Need as N\n"
        "print(E.objects.published().order_by('name').first().slug)\n"
        "print(B.objects.published().order_by('name').first().slug)\n"
        "print(C.objects.published().order_by('title').first().slug)\n"
        "need = N.objects.filter(status='open').order_by('pk').first()\n"
        "print(need.pk if need else '')\n"
    )
    entrepreneur, body, case, need = manage(env, "shell", "--verbosity", "0", "-c", code).split("\n")[:4]
    paths = {
        'bare view (`HttpResponse("ok")`)': "/__bare__/",
        "`/`": "/",
        "`/entreprenorer/`": "/entreprenorer/",
        "`/entreprenorer/?q=demens`": "/entreprenorer/?q=demens",
        "`/entreprenorer/?omrade=eldreomsorg&fylke=50`": "/entreprenorer/?omrade=eldreomsorg&fylke=50",
        "`/entreprenorer/<slug>/`": f"/entreprenorer/{entrepreneur}/",
        "`/virksomheter/`": "/virksomheter/",
        "`/virksomheter/<slug>/`": f"/virksomheter/{body}/",
        "`/eksempler/`": "/eksempler/",
        "`/eksempler/<slug>/`": f"/eksempler/{case}/",
        "`/behov/`": "/behov/",
        "`/anskaffelser/?verdi=…`": GUIDE,
        "`/anskaffelser/terskelverdier/`": "/anskaffelser/terskelverdier/",
        "`/anskaffelser/veiledning/`": "/anskaffelser/veiledning/",
    }
    if need:
        paths["`/behov/<id>/`"] = f"/behov/{need}/"
    return paths


def wrk(url: str, seconds: int, connections: int) -> tuple[float, str, int]:
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    # The latency distribution's line, not a "+/- Stdev" share such as "85.50%" in the thread stats.
    p50 = re.search(r"^\s*50%\s+(\S+)", output, re.MULTILINE).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, p50, int(errors.group(1)) if errors else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--only", help="a regular expression: measure only matching paths (and the bare view)")
    options = parser.parse_args()
    port = free_port()
    env = environment(port, options.workers)
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    manage(env, "load_booklet")
    manage(env, "collectstatic", "--no-input", "--verbosity", "0")
    paths = sample_paths(env)
    server = subprocess.Popen([str(GUNICORN), "veier.wsgi"], cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/helse/klar/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        bare_rate = None
        print("| page | requests/s | p50 | share of the bare view | non-2xx |\n|---|---|---|---|---|")
        for label, path in paths.items():
            if options.only and path != "/__bare__/" and not re.search(options.only, path):
                continue
            status = urllib.request.urlopen(base + path, timeout=30).status  # warm caches, check it works
            assert status == 200, (path, status)
            rate, p50, errors = wrk(base + path, options.seconds, options.connections)
            bare_rate = bare_rate or rate
            print(f"| {label} | {rate:,.0f} | {p50} | {100 * rate / bare_rate:.1f} % | {errors} |", flush=True)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
