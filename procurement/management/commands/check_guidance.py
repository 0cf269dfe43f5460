from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from procurement import freshness
from procurement.services import guidance_facts


class Command(BaseCommand):
    help = (
        "List the threshold periods and guidance pages last verified more than 12 months ago, or carrying an "
        "unresolved doubt, and exit non-zero when there are any (for a cron job that e-mails the curators)."
    )

    def handle(self, *args, **options):
        found = freshness.findings(guidance_facts(), timezone.localdate())
        for finding in found:
            fact = finding.fact
            checked = fact.last_verified.isoformat() if fact.last_verified else "never"
            self.stdout.write(f"{fact.kind}: {fact.label} (last verified {checked})")
            if finding.too_old:
                self.stdout.write(f"  - older than {freshness.MAX_AGE_MONTHS} months")
            for doubt in finding.doubts:
                self.stdout.write(f"  - doubt: {doubt}")
            if fact.admin_url:
                self.stdout.write(f"  - {fact.admin_url}")
        if found:
            raise CommandError(f"{len(found)} facts need checking.")
        self.stdout.write("Every period and guidance page was verified within 12 months and has no open doubt.")
