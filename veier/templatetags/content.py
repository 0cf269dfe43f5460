"""Template filters for curated content stored in three languages (django-modeltranslation).

Load with ``{% load content %}``. Use them wherever a taxonomy term, a case, or guidance text is
shown, so that bokmål shown on a nynorsk or English page is marked for screen readers:

``{{ area|translated:"name" }}``
    Inline text: the field in the active language, escaped. When it has not been translated yet,
    the bokmål text wrapped in ``<span lang="nb">…</span>``. The field name defaults to "name".

``<div{{ page|fallback_lang:"intro" }}>{{ page.intro|linebreaks }}</div>``
    Block text (paragraphs, lists): gives `` lang="nb"`` to put on the element that holds the
    text when it is shown in bokmål, and nothing otherwise. Use this instead of ``translated``
    when the text is run through ``linebreaks`` or similar, so no <span> is split by paragraphs.

Python code (form labels, JSON) uses veier.content_language.
"""

from django import template
from django.utils.html import format_html

from veier.content_language import fallback_language, translated_html

register = template.Library()


@register.filter
def translated(obj, field: str = "name") -> str:
    """The field in the active language; an untranslated field as bokmål in <span lang="nb">."""
    if obj is None or obj == "":
        return ""
    return translated_html(obj, field)


@register.filter
def fallback_lang(obj, field: str) -> str:
    """' lang="nb"' when the field is shown in bokmål on a page in another language, else ''."""
    language = fallback_language(obj, field) if obj else None
    return format_html(' lang="{}"', language) if language else ""
