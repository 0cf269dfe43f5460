from django.core.management.base import BaseCommand

from matchmaking.evaluation import K, evaluate, rank_by_fulltext, rank_by_matching
from matchmaking.tests.check_set import CHECK_SET
from matchmaking.tests.evaluation_set import EVALUATION_SET

SETS = {
    "tuning": (EVALUATION_SET, "needs written from the booklet's examples; the weights were tuned on these"),
    "check": (CHECK_SET, "paraphrased needs with sparse or slightly wrong ticks; never used for tuning"),
}


class Command(BaseCommand):
    help = (
        "Rank the entrepreneurs for each need of the tuning set (matchmaking/tests/evaluation_set.py) and of the "
        "check set (matchmaking/tests/check_set.py), each reported on its own: top-3 hits, precision at 3 and mean "
        "reciprocal rank for the matching, side by side with a plain full-text search of the need's text. Needs "
        "the booklet's data (manage.py load_booklet)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--details", action="store_true", help="Show the first results for every need.")
        parser.add_argument("--set", choices=[*SETS, "both"], default="both", help="Which set to evaluate.")

    def handle(self, *args, **options):
        self.stdout.write(
            f"top-{K}: needs with an expected entrepreneur among the first {K}; P@{K}: precision at {K} (divided "
            f"by min({K}, expected)); strict P@{K}: always divided by {K}; MRR: mean reciprocal rank."
        )
        for name, (needs, description) in SETS.items():
            if options["set"] not in (name, "both"):
                continue
            reports = [
                evaluate("matching", needs, rank_by_matching),
                evaluate("full-text", needs, rank_by_fulltext),
            ]
            self.stdout.write(f"\n{name} set: {len(needs)} {description}")
            self.stdout.write(f"{'':<10} {'top-3':>7} {'P@3':>6} {'strict':>7} {'MRR':>6}")
            for report in reports:
                self.stdout.write(
                    f"{report.name:<10} {report.hits_at_3:>3}/{len(needs):<3} {report.precision_at_3:6.3f} "
                    f"{report.strict_precision_at_3:7.3f} {report.mean_reciprocal_rank:6.3f}"
                )
            if options["details"]:
                for report in reports:
                    self.stdout.write(f"\n{name} set, {report.name}")
                    for result in report.results:
                        self.stdout.write(
                            f"  {result.precision:4.2f} {result.reciprocal_rank:4.2f}  {result.title[:50]:<50} "
                            f"expected {', '.join(result.expected)}; got {', '.join(result.ranked[:3])}"
                        )
