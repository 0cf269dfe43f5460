import gc
import platform
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection

from directory.benchmark import SYNTHETIC_SOURCE, fill_synthetic_data
from directory.management.commands.benchmark_search import Command as SearchBenchmark
from matchmaking.benchmark import NEEDS, time_matching, top_quality


class Command(BaseCommand):
    help = (
        "Time top-20 matching for a fixed set of needs over the search benchmark's synthetic data, in the "
        "separate database <name>_benchmark (filled with 100 000 entrepreneurs and 200 000 offers if it is "
        "not already), and report p50/p95/max for the whole matching and for the SQL narrowing alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--entrepreneurs", type=int, default=100_000)
        parser.add_argument("--offers-per-entrepreneur", type=int, default=2)
        parser.add_argument("--rounds", type=int, default=10, help="How many times to run the set of needs.")
        parser.add_argument("--limit", type=int, default=20, help="How many matches to return per need.")
        parser.add_argument("--refill", action="store_true", help="Drop and refill the benchmark database.")
        parser.add_argument(
            "--overlap",
            action="store_true",
            help="Also compare the top results with those of a pool of 20 000 scored in Python (slow).",
        )

    def handle(self, *args, **options):
        # As a gunicorn worker does once it has loaded the project (gunicorn.conf.py, post_worker_init).
        gc.freeze()
        name = f"{settings.DATABASES['default']['NAME']}_benchmark"
        # The same database and the same switch as manage.py benchmark_search.
        SearchBenchmark()._use_database(name, refill=options["refill"])
        from directory.models import Offer, SocialEntrepreneur

        existing = SocialEntrepreneur.objects.filter(source=SYNTHETIC_SOURCE).count()
        if existing != options["entrepreneurs"]:
            if existing:
                SearchBenchmark()._use_database(name, refill=True)
            self.stdout.write(f"Filling {name} with {options['entrepreneurs']:,} synthetic entrepreneurs …")
            start = time.perf_counter()
            fill_synthetic_data(options["entrepreneurs"], options["offers_per_entrepreneur"])
            self.stdout.write(f"  filled in {time.perf_counter() - start:.0f} s")

        time_matching(rounds=1, limit=options["limit"])  # warm the caches; not counted
        timings = time_matching(rounds=options["rounds"], limit=options["limit"])
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            server_version = cursor.fetchone()[0]
        self.stdout.write(
            f"Database {name}: {SocialEntrepreneur.objects.count():,} entrepreneurs, {Offer.objects.count():,} "
            f"offers; PostgreSQL {server_version}; {platform.machine()}, Python {platform.python_version()}"
        )
        self.stdout.write(
            f"{len(NEEDS)} needs × {options['rounds']} rounds, top {options['limit']} "
            f"(at most {timings.results} returned)"
        )
        for timing in (timings.total, timings.narrowing):
            self.stdout.write(
                f"{timing.label:>10}: p50 {timing.p50_ms:6.1f} ms   p95 {timing.p95_ms:6.1f} ms   "
                f"max {timing.max_ms:6.1f} ms"
            )
        if options["overlap"]:
            reaching, ratio = top_quality(limit=options["limit"])
            self.stdout.write(
                f"   quality: {reaching:.0%} of the top {options['limit']} score as high as the last of the top "
                f"{options['limit']} from a pool of 20 000 scored in Python; mean score {ratio:.1%} of theirs"
            )
