#!/usr/bin/env python3
"""Set up and run the portal, or its tests, on a machine that has only Python 3.11+.

    python3 dev.py serve   # virtualenv, requirements, database, booklet data, then the web server
    python3 dev.py test    # the whole test suite (extra arguments go to pytest)
    python3 dev.py stop    # stop the embedded PostgreSQL server (it keeps running after serve/test)

Both use the embedded PostgreSQL under .data/ unless DATABASE_URL is set. They run with DEBUG=1
(development settings) unless DEBUG is set; without it the portal itself defaults to production.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
REQUIREMENTS = ROOT / "requirements.txt"
STAMP = VENV / ".requirements.sha256"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(*command: str, **kwargs) -> None:
    subprocess.run(command, cwd=ROOT, check=True, **kwargs)


def ensure_virtualenv() -> None:
    """Create .venv and install requirements.txt, again only when the file has changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be started by an older python3
        sys.exit("Veier til samarbeid needs Python 3.11 or newer.")
    if not PYTHON.exists():
        say("Creating the virtual environment in .venv")
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if not STAMP.exists() or STAMP.read_text() != digest:
        say("Installing the requirements (first time takes a minute)")
        run(str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", str(REQUIREMENTS))
        STAMP.write_text(digest)


def development_environment() -> None:
    """Development settings for this process and what it starts, unless the environment says otherwise."""
    os.environ.setdefault("DEBUG", "1")
    # Links in e-mails must point at the port the portal really runs on.
    os.environ.setdefault("SITE_URL", f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}")


def manage(*arguments: str) -> None:
    run(str(PYTHON), "manage.py", *arguments)


def serve() -> None:
    ensure_virtualenv()
    development_environment()
    say("Preparing the database")
    manage("migrate", "--no-input", "--verbosity", "0")
    say("Loading the booklet's data")
    manage("load_booklet")
    port = os.environ.get("PORT") or "8000"
    say(f"The portal runs at http://127.0.0.1:{port}/ (stop it with Ctrl+C)")
    os.execv(str(PYTHON), [str(PYTHON), "manage.py", "runserver", f"127.0.0.1:{port}"])


def ensure_chromium() -> None:
    """The browser tests drive Debian's Chromium; install it when we are allowed to."""
    if Path(CHROMIUM).exists():
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        say("Installing Chromium for the browser tests (apt-get install chromium)")
        run("apt-get", "update", "-qq")
        run("apt-get", "install", "-y", "-qq", "chromium", env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    else:
        say(f"No Chromium at {CHROMIUM}: the browser tests will fail. Install it (Debian: apt-get install chromium).")


def test(arguments: list[str]) -> None:
    ensure_virtualenv()
    ensure_chromium()
    development_environment()
    os.execv(str(PYTHON), [str(PYTHON), "-m", "pytest", *arguments])


def stop() -> None:
    """Stop the embedded PostgreSQL server; the data under .data/ stays."""
    if not PYTHON.exists():
        say("Nothing to stop: there is no virtual environment yet.")
        return
    code = "from veier.embedded_db import stop_server; print('stopped' if stop_server() else 'not running')"
    result = subprocess.run([str(PYTHON), "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    if result.stdout.strip() == "stopped":
        say("Stopped the embedded PostgreSQL server (its data stays in .data/)")
    else:
        say("The embedded PostgreSQL server is not running")


def main() -> None:
    command, *arguments = sys.argv[1:] or ["help"]
    os.chdir(ROOT)
    if command == "serve":
        serve()
    elif command == "test":
        test(arguments)
    elif command == "stop":
        stop()
    else:
        print(__doc__)
        sys.exit(0 if command in ("help", "-h", "--help") else 2)


if __name__ == "__main__":
    main()
