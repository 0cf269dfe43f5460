from django.core.management.base import BaseCommand

from matchmaking.evaluation import K, evaluate, rank_by_fulltext, rank_by_matching
from matchmaking.tests.evaluation_set import EVALUATION_SET


class Command(BaseCommand):
    help = (
        "Rank the entrepreneurs for each need of the evaluation set (matchmaking/tests/evaluation_set.py) and "
        "report precision at 3 and mean reciprocal rank for the matching, side by side with a plain full-text "
        "search of the need's text. Needs the booklet's data (manage.py load_booklet)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--details", action="store_true", help="Show the first results for every need.")

    def handle(self, *args, **options):
        reports = [
            evaluate("matching", EVALUATION_SET, rank_by_matching),
            evaluate("full-text", EVALUATION_SET, rank_by_fulltext),
        ]
        self.stdout.write(f"{len(EVALUATION_SET)} needs. P@{K}: precision at {K} (divided by min({K}, expected));")
        self.stdout.write(f"strict P@{K}: always divided by {K}; MRR: mean reciprocal rank.\n")
        self.stdout.write(f"{'':<10} {'P@3':>6} {'strict':>7} {'MRR':>6}")
        for report in reports:
            self.stdout.write(
                f"{report.name:<10} {report.precision_at_3:6.3f} {report.strict_precision_at_3:7.3f} "
                f"{report.mean_reciprocal_rank:6.3f}"
            )
        if options["details"]:
            for report in reports:
                self.stdout.write(f"\n{report.name}")
                for result in report.results:
                    self.stdout.write(
                        f"  {result.precision:4.2f} {result.reciprocal_rank:4.2f}  {result.title[:50]:<50} "
                        f"expected {', '.join(result.expected)}; got {', '.join(result.ranked[:3])}"
                    )
