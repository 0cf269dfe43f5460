"""The thesaurus' concept names in bokmål, nynorsk and English (django-modeltranslation).

A concept's name is shown to readers in match reasons («Behovet handler om demens»). Matching reads
needs and offers through the bokmål name and terms only (`Concept.term_list`), so a translation
changes what a reader sees, never what matches. See directory/translation.py for the bokmål fallback.
"""

from modeltranslation.translator import TranslationOptions, register

from matchmaking.models import Concept


@register(Concept)
class ConceptTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("nb",)
