"""Which language a piece of curated content is shown in, for marking the bokmål fallback.

Curated fields (registered in directory/translation.py and procurement/translation.py) are read in
the active language; when a curator has not yet written that language, django-modeltranslation gives
the bokmål text. A screen reader must then read it with a Norwegian voice, so the page marks it with
lang="nb". Use these from Python (form labels, choice lists); templates use the filters in
veier/templatetags/content.py.
"""

from django.conf import settings
from django.utils.html import format_html
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname, get_language

from veier.fields import ModelMultipleChoiceField

ORIGINAL_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def is_translated_field(obj, field: str) -> bool:
    try:
        options = translator.get_options_for_model(type(obj))
    except NotRegistered:
        return False
    return field in options.all_fields


def fallback_language(obj, field: str) -> str | None:
    """Gives "nb" when `obj.<field>` is shown in bokmål because the active language is empty; else None."""
    language = get_language()
    if language == ORIGINAL_LANGUAGE or not is_translated_field(obj, field):
        return None
    if getattr(obj, build_localized_fieldname(field, language), None):
        return None
    if getattr(obj, build_localized_fieldname(field, ORIGINAL_LANGUAGE), None):
        return ORIGINAL_LANGUAGE
    return None


def translated_html(obj, field: str = "name") -> str:
    """The field in the active language, escaped; the bokmål fallback wrapped in <span lang="nb">."""
    value = getattr(obj, field, "") or ""
    language = fallback_language(obj, field)
    if language:
        return format_html('<span lang="{}">{}</span>', language, value)
    return format_html("{}", value)


class TranslatedTermsField(ModelMultipleChoiceField):
    """Checkboxes of taxonomy terms, labelled in the reader's language (bokmål fallback marked)."""

    def label_from_instance(self, obj) -> str:
        return translated_html(obj, "name")
