import gc
import platform
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, connections

from directory.benchmark import SYNTHETIC_SOURCE, fill_synthetic_data, time_search, time_word_searches


class Command(BaseCommand):
    help = (
        "Fill a separate database (<name>_benchmark) with clearly synthetic entrepreneurs and offers, then "
        "report search latency and the list page's server time (p50/p95 over a fixed set of queries)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--entrepreneurs", type=int, default=100_000)
        parser.add_argument("--offers-per-entrepreneur", type=int, default=2)
        parser.add_argument("--rounds", type=int, default=5, help="How many times to run the set of queries.")
        parser.add_argument("--refill", action="store_true", help="Drop and refill the benchmark database.")

    def handle(self, *args, **options):
        # As a gunicorn worker does once it has loaded the project (gunicorn.conf.py, post_worker_init).
        gc.freeze()
        name = f"{settings.DATABASES['default']['NAME']}_benchmark"
        self._use_database(name, refill=options["refill"])
        from directory.models import Offer, SocialEntrepreneur

        existing = SocialEntrepreneur.objects.filter(source=SYNTHETIC_SOURCE).count()
        if existing != options["entrepreneurs"]:
            if existing:
                self._use_database(name, refill=True)
            self.stdout.write(f"Filling {name} with {options['entrepreneurs']:,} synthetic entrepreneurs …")
            start = time.perf_counter()
            fill_synthetic_data(options["entrepreneurs"], options["offers_per_entrepreneur"])
            self.stdout.write(f"  filled in {time.perf_counter() - start:.0f} s")
        entrepreneurs = SocialEntrepreneur.objects.count()
        offers = Offer.objects.count()

        time_search(rounds=1)  # warm the caches; the first round is not counted
        search, page = time_search(rounds=options["rounds"])
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            server_version = cursor.fetchone()[0]
            cursor.execute("SHOW shared_buffers")
            shared_buffers = cursor.fetchone()[0]
        self.stdout.write(
            f"Database {name}: {entrepreneurs:,} entrepreneurs, {offers:,} offers; PostgreSQL {server_version} "
            f"(shared_buffers {shared_buffers}); "
            f"{platform.machine()}, Python {platform.python_version()}"
        )
        time_word_searches(rounds=1)  # warm up the peer too
        words, peer, per_query = time_word_searches(rounds=options["rounds"])
        for timing in (search, page, words, peer):
            self.stdout.write(
                f"{timing.label:>12}: p50 {timing.p50_ms:6.1f} ms   p95 {timing.p95_ms:6.1f} ms   "
                f"max {timing.max_ms:6.1f} ms"
            )
        self.stdout.write(
            f"Word searches are {peer.p50_ms / words.p50_ms:.1f}× faster than the admin-style icontains search "
            f"at p50 and {peer.p95_ms / words.p95_ms:.1f}× at p95. Per query (median ms, portal / admin-style):"
        )
        for query, portal_ms, peer_ms in per_query:
            self.stdout.write(f"  {query:<55} {portal_ms:7.1f} {peer_ms:8.1f}  {peer_ms / portal_ms:5.1f}×")

    def _use_database(self, name: str, *, refill: bool) -> None:
        """Point the default connection at the benchmark database, creating and migrating it if needed."""
        connection.close()
        with connection._nodb_cursor() as cursor:
            if refill:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
        connections.databases["default"]["NAME"] = name
        connection.settings_dict["NAME"] = name
        call_command("migrate", verbosity=0)
