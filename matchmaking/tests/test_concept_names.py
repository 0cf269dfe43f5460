"""Concept names are shown in the reader's language in match reasons, with bokmål marked lang="nb"
where a curator has not yet written the name; matching reads the bokmål name whatever the language."""

import pytest
from django.utils import translation

from matchmaking import candidates
from matchmaking.models import Concept
from matchmaking.scoring import NeedFacts, OfferFacts, score

pytestmark = pytest.mark.django_db


def concept_reason(need: NeedFacts):
    match = score(need, OfferFacts(concepts=frozenset(need.concepts)))
    return next(reason for reason in match.reasons if reason.component == "concepts")


def test_the_seeded_concepts_have_nynorsk_and_english_names():
    demens = Concept.objects.get(slug="demens")
    assert (demens.name_nb, demens.name_nn, demens.name_en) == ("demens", "demens", "dementia")
    assert not Concept.objects.filter(name_nn=None).exists()
    assert not Concept.objects.filter(name_en=None).exists()
    assert Concept.objects.get(slug="ensomhet").name_nn == "einsemd"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nb", "Behovet handler om demens og ensomhet"),
        ("nn", "Behovet handlar om demens og einsemd"),
        ("en", "The need is about dementia and loneliness"),
    ],
)
def test_the_reason_names_concepts_in_the_reader_s_language(language, text):
    with translation.override("nb"):
        thesaurus = candidates.load_thesaurus()
    need = NeedFacts(
        concepts={"demens": "demens", "ensomhet": "ensomhet"},
        concept_translations={slug: dict(thesaurus.concepts[slug].translations) for slug in ("demens", "ensomhet")},
    )
    with translation.override(language):
        reason = concept_reason(need)
    assert reason.text == text
    assert reason.display == text


def test_an_untranslated_name_is_shown_in_bokmal_marked_lang_nb():
    need = NeedFacts(
        concepts={"demens": "demens", "ensomhet": "ensomhet"}, concept_translations={"demens": {"en": "dementia"}}
    )
    with translation.override("en"):
        reason = concept_reason(need)
    assert reason.text == "The need is about dementia and ensomhet"
    assert reason.display == 'The need is about dementia and <span lang="nb">ensomhet</span>'


def test_the_name_is_escaped_in_the_page_s_markup():
    need = NeedFacts(concepts={"x": "<b>x</b>"}, concept_translations={"x": {"en": "<i>y</i>"}})
    with translation.override("en"):
        assert concept_reason(need).display == "The need is about &lt;i&gt;y&lt;/i&gt;"
    with translation.override("nn"):
        assert concept_reason(need).display == 'Behovet handlar om <span lang="nb">&lt;b&gt;x&lt;/b&gt;</span>'


def test_matching_reads_the_bokmal_name_in_any_language():
    """A thesaurus loaded while an English page is served still matches Norwegian words."""
    concept = Concept.objects.get(slug="ensomhet")
    with translation.override("en"):
        thesaurus = candidates.load_thesaurus()
        assert concept.term_list()[0] == "ensomhet"
    assert thesaurus.concepts["ensomhet"].name == "ensomhet"
    assert dict(thesaurus.concepts["ensomhet"].translations) == {"nn": "einsemd", "en": "loneliness"}


def test_admin_edits_the_name_in_each_language(admin_client):
    from django.urls import reverse

    concept = Concept.objects.get(slug="demens")
    html = admin_client.get(reverse("admin:matchmaking_concept_change", args=[concept.pk])).content.decode()
    for field in ("name_nb", "name_nn", "name_en"):
        assert f'name="{field}"' in html
