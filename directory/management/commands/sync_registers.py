import datetime

from django.core.management.base import BaseCommand, CommandError

from directory import register_sync


class Command(BaseCommand):
    help = (
        "Check entrepreneurs and public bodies with an organisation number against Enhetsregisteret: those "
        "the update feed lists since the last run, and those not checked for 30 days. Bankruptcy, winding-up "
        "or deletion flags the profile for curators; a changed name is proposed to its members. Run daily "
        "from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--since", type=datetime.date.fromisoformat, help="Read the update feed from this day (YYYY-MM-DD)."
        )
        parser.add_argument("--all", action="store_true", help="Check every profile with an organisation number.")

    def handle(self, *args, **options):
        run = register_sync.sync(since=options["since"], check_all=options["all"])
        self.stdout.write(f"Checked {run.checked}, newly flagged {run.flagged}, new proposals {run.proposed}.")
        if run.error:
            raise CommandError(run.error)
