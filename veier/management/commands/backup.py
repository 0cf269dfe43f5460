"""Back up the database with pg_dump; with --verify, prove that the dump restores.

    manage.py backup                          # backups/veier-YYYYmmdd-HHMMSS.dump
    manage.py backup --output /srv/backup/x.dump --verify

--verify restores the dump into a new database `<name>_restore_check` on the same server,
compares the row count of every table with the original, drops the copy (unless --keep) and fails
when any count differs.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from veier.backup import Server, dump, find_tool, restore_and_compare


class Command(BaseCommand):
    help = "Dump the database with pg_dump; --verify restores it into a fresh database and compares row counts."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="the dump file (default backups/<name>-<time>.dump)")
        parser.add_argument(
            "--verify", action="store_true", help="restore into a fresh database and compare row counts"
        )
        parser.add_argument("--keep", action="store_true", help="keep the restored database after --verify")

    def handle(self, *args, output=None, verify=False, keep=False, **options):
        database = settings.DATABASES["default"]
        name = database["NAME"]
        server = Server.from_settings(database)
        major = connection.pg_version // 10000
        output = output or settings.BASE_DIR / "backups" / f"{name}-{timezone.now():%Y%m%d-%H%M%S}.dump"
        try:
            dump(server, name, output, find_tool("pg_dump", major))
            self.stdout.write(f"Dumped {name} to {output} ({output.stat().st_size} bytes).")
            if not verify:
                return
            check_name, counts, differences = restore_and_compare(
                server, name, output, find_tool("pg_restore", major), keep=keep
            )
        except Exception as error:
            stderr = getattr(error, "stderr", b"") or b""
            raise CommandError(f"{error} {stderr.decode(errors='replace')}".strip()) from error
        if differences:
            raise CommandError("The restored copy differs:\n  " + "\n  ".join(differences))
        self.stdout.write(
            f"Restored into {check_name}: {len(counts)} tables, {sum(counts.values())} rows, every count equal"
            + (" (kept)." if keep else "; the copy is dropped.")
        )
