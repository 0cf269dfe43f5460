from django.core.management.base import BaseCommand

from agreements.services import follow_ups_send


class Command(BaseCommand):
    help = (
        "Ask both sides of dialogues that started four or twelve weeks ago whether they ended in an agreement, "
        "are still going or stopped. Each question is sent once, never after the dialogue is settled. Run daily."
    )

    def handle(self, *args, **options):
        sent = follow_ups_send()
        if options["verbosity"]:
            self.stdout.write(f"Sent {sent} follow-up question(s).")
