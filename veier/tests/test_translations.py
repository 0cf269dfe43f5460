"""The nynorsk and English catalogues are complete and compiled: no message untranslated or fuzzy."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

CATALOGUES = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"))


def test_there_is_a_catalogue_for_nynorsk_and_english():
    assert {path.parts[-3] for path in CATALOGUES} == {"nn", "en"}


@pytest.mark.parametrize("po_file", CATALOGUES, ids=lambda path: path.parts[-3])
def test_no_message_is_untranslated_or_fuzzy(po_file):
    catalogue = polib.pofile(str(po_file))
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


@pytest.mark.parametrize("po_file", CATALOGUES, ids=lambda path: path.parts[-3])
def test_the_compiled_catalogue_has_every_translation(po_file):
    """A .mo file left behind its .po shows the reader bokmål where a translation exists."""

    def key(entry):
        return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")

    def value(entry):
        return tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)) or entry.msgstr

    source = {key(entry): value(entry) for entry in polib.pofile(str(po_file)).translated_entries()}
    compiled = {key(entry): value(entry) for entry in polib.mofile(str(po_file.with_suffix(".mo")))}
    missing = {msgid: text for msgid, text in source.items() if compiled.get(msgid) != text}
    assert missing == {}
