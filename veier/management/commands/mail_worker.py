"""The mail worker: sends the stored e-mails, retrying those the mail server did not take.

manage.py mail_worker            # runs until stopped (SIGTERM/SIGINT finish the current round)
manage.py mail_worker --once     # one round, e.g. from cron
"""

import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from veier.mail import send_queued_mail

logger = logging.getLogger("veier.mail")


class Command(BaseCommand):
    help = "Send queued e-mails; retry failed ones with a growing wait."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="one round, then stop")
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between rounds (default 5)")

    def handle(self, *args, once=False, interval=5.0, **options):
        self.stopping = False

        def stop(signum, frame):
            self.stopping = True

        if not once:
            signal.signal(signal.SIGTERM, stop)
            signal.signal(signal.SIGINT, stop)
        first = True
        while True:
            try:
                if not first:
                    close_old_connections()  # as after a request: drop a connection that broke or aged
                first = False
                result = send_queued_mail()
                if result and any(result):
                    sent, failed, requeued = result
                    logger.info(
                        "mail round: %s sent, %s failed, %s to retry",
                        sent,
                        failed,
                        requeued,
                        extra={"sent": sent, "failed": failed, "requeued": requeued},
                    )
            except Exception:
                # The database may be restarting: log, drop the connection, try again next round.
                logger.exception("mail round failed")
                connection.close()
                if once:
                    raise
            if once or self.stopping:
                return
            deadline = time.monotonic() + interval
            while not self.stopping and time.monotonic() < deadline:
                time.sleep(0.2)
