"""Guidance content stored in bokmål, nynorsk and English (django-modeltranslation).

See directory/translation.py for how reading and the bokmål fallback work. The procurement guide's
texts are translated by their curators; until then the pages show bokmål marked lang="nb".
"""

from modeltranslation.translator import TranslationOptions, register

from procurement.models import GuidanceItem, GuidancePage, GuidanceSection, Myth, ThresholdPeriod, ThresholdUncertainty


@register(GuidancePage)
class GuidancePageTranslation(TranslationOptions):
    fields = ("title", "summary", "intro")
    required_languages = ("nb",)


@register(GuidanceSection)
class GuidanceSectionTranslation(TranslationOptions):
    fields = ("heading", "body", "link_text")


@register(GuidanceItem)
class GuidanceItemTranslation(TranslationOptions):
    fields = ("title", "text", "when", "highlight", "link_text")


@register(Myth)
class MythTranslation(TranslationOptions):
    fields = ("claim", "answer")
    required_languages = ("nb",)


@register(ThresholdPeriod)
class ThresholdPeriodTranslation(TranslationOptions):
    fields = ("sources", "notes")


@register(ThresholdUncertainty)
class ThresholdUncertaintyTranslation(TranslationOptions):
    fields = ("explanation",)
