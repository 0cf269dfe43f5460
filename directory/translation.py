"""Curated content stored in bokmål, nynorsk and English (django-modeltranslation).

Each registered field gets a column per language (name_nb, name_nn, name_en); reading `name` gives
the active language, or the bokmål text when that language is still empty. Templates show such
fields with the `translated` filter, which marks the bokmål fallback with lang="nb".
"""

from modeltranslation.translator import TranslationOptions, register

from directory.models import Case, CollaborationForm, OrganisationForm, ServiceArea, TargetGroup


class TaxonomyTranslation(TranslationOptions):
    fields = ("name", "description")
    # Bokmål is required (the original); the other languages may wait for a curator.
    required_languages = ("nb",)


@register(ServiceArea)
class ServiceAreaTranslation(TaxonomyTranslation):
    pass


@register(TargetGroup)
class TargetGroupTranslation(TaxonomyTranslation):
    pass


@register(CollaborationForm)
class CollaborationFormTranslation(TaxonomyTranslation):
    pass


@register(OrganisationForm)
class OrganisationFormTranslation(TaxonomyTranslation):
    pass


@register(Case)
class CaseTranslation(TranslationOptions):
    fields = ("title", "summary")
    required_languages = ("nb",)
