#!/usr/bin/env python
import os
import sys

# Commands that only make sense on a developer's machine run with development settings by default.
# Everything else (migrate, collectstatic, load_booklet, send_need_digests, check --deploy …) gets the
# production defaults unless DEBUG=1 is set, so that a forgotten variable on a server never signs
# e-mailed links with the public development key.
DEVELOPMENT_COMMANDS = {
    "makemigrations",
    "makemessages",
    "compilemessages",
    "runserver",
    "shell",
    "showmigrations",
    "sqlmigrate",
    "benchmark_search",
    "benchmark_matching",
    "evaluate_matching",
}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in DEVELOPMENT_COMMANDS:
        os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "veier.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
