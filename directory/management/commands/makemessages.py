"""makemessages for nn and en without source locations or a creation date.

Location comments (``#: file.py:123``) change whenever a line moves and the creation date whenever
the command runs, so every run rewrote hundreds of lines of the .po files and parallel branches
always conflicted there. Without them a change to a catalogue is exactly the messages added or
removed. Run it with no arguments: ``manage.py makemessages``.
"""

import re
from pathlib import Path

from django.conf import settings
from django.core.management.commands import makemessages

CREATION_DATE = re.compile(r'^"POT-Creation-Date: [^"]*"\n', re.MULTILINE)


class Command(makemessages.Command):
    def handle(self, *args, **options):
        options["no_location"] = True
        if not options.get("locale") and not options.get("all"):
            options["locale"] = ["nn", "en"]
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), ".venv/*", ".data/*"]
        super().handle(*args, **options)
        for po_file in Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"):
            po_file.write_text(CREATION_DATE.sub("", po_file.read_text(encoding="utf-8")), encoding="utf-8")
