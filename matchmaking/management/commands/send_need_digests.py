from django.core.management.base import BaseCommand

from matchmaking.models import AlertSubscription
from matchmaking.services import need_digests_send


class Command(BaseCommand):
    help = (
        "E-mail the daily or weekly digest of new needs that fit each subscriber's offers. Run it from cron, "
        "for example daily at 07:00 with --frequency daily and on Mondays with --frequency weekly. A need is "
        "never sent twice to the same user, and a digest that is not due yet is not sent again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            choices=[AlertSubscription.Frequency.DAILY, AlertSubscription.Frequency.WEEKLY],
            required=True,
            help="Which subscribers to send to.",
        )

    def handle(self, *args, **options):
        sent = need_digests_send(frequency=options["frequency"])
        if options["verbosity"] > 0:
            self.stdout.write(f"Sent {sent} digest(s) ({options['frequency']}).")
