from django.core.management.base import BaseCommand

from directory.seed import load_booklet_data


class Command(BaseCommand):
    help = "Load the taxonomies and the examples of the booklet «Veier til samarbeid» (safe to run again)."

    def handle(self, *args, **options):
        counts = load_booklet_data()
        # The matching's concepts link to the service areas and target groups just loaded.
        from directory.models import ServiceArea, TargetGroup
        from matchmaking.concept_seed import load_concepts
        from matchmaking.models import Concept

        counts["concepts"] = load_concepts(Concept, ServiceArea, TargetGroup)
        summary = ", ".join(f"{key}: {value}" for key, value in counts.items())
        if options["verbosity"] > 0:
            self.stdout.write(self.style.SUCCESS(f"Loaded the booklet's data ({summary})."))
