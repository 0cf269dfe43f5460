import platform
import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from directory.benchmark import QUERIES, SYNTHETIC_SOURCE
from directory.management.commands.benchmark_search import Command as SearchBenchmark


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = (
        "Time GET /api/v1/entreprenorer with the search page's set of filters (50 per page, JSON rendered) in "
        "the benchmark database that benchmark_search fills (<name>_benchmark); report p50/p95/max and queries."
    )

    def add_arguments(self, parser):
        parser.add_argument("--rounds", type=int, default=5)

    def handle(self, *args, **options):
        name = f"{settings.DATABASES['default']['NAME']}_benchmark"
        SearchBenchmark()._use_database(name, refill=False)
        from directory.models import SocialEntrepreneur
        from opendata.api import EntrepreneurList

        entrepreneurs = SocialEntrepreneur.objects.filter(source=SYNTHETIC_SOURCE).count()
        if not entrepreneurs:
            self.stderr.write(f"{name} has no synthetic data: run manage.py benchmark_search first.")
            return
        settings.API_THROTTLE_RATE = "1000000/second"  # measure the endpoint, not the throttle
        view = EntrepreneurList.as_view()
        factory = RequestFactory(HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0].lstrip("."))

        def call(query: str) -> tuple[float, int]:
            request = factory.get("/api/v1/entreprenorer?" + query)
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = view(request)
                response.render()
            elapsed = (time.perf_counter() - start) * 1000
            assert response.status_code == 200, (query, response.status_code, response.content[:200])
            return elapsed, len(queries)

        for query in QUERIES:  # warm the caches; not counted
            call(query)
        times: list[float] = []
        query_counts: set[int] = set()
        slowest: dict[str, float] = {}
        for _ in range(options["rounds"]):
            for query in QUERIES:
                elapsed, count = call(query)
                times.append(elapsed)
                query_counts.add(count)
                slowest[query] = max(slowest.get(query, 0), elapsed)
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
            cursor.execute("SHOW shared_buffers")
            buffers = cursor.fetchone()[0]
        self.stdout.write(
            f"Database {name}: {SocialEntrepreneur.objects.count():,} entrepreneurs; PostgreSQL {version} "
            f"(shared_buffers {buffers}); {platform.machine()}, Python {platform.python_version()}"
        )
        self.stdout.write(
            f"/api/v1/entreprenorer, {len(QUERIES)} queries × {options['rounds']} rounds: "
            f"p50 {statistics.median(times):.1f} ms   p95 {_percentile(times, 0.95):.1f} ms   max {max(times):.1f} ms; "
            f"SQL queries per request: {sorted(query_counts)}"
        )
        for query, elapsed in sorted(slowest.items(), key=lambda item: -item[1])[:5]:
            self.stdout.write(f"  slowest: {elapsed:6.1f} ms  ?{query}")
