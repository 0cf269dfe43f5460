"""A need ranks the same for every reader; only the reasons are in the reader's language.

The matching compares names of areas, groups, forms and concepts. Read in English, a need's ticked
«Elderly care» never met the thesaurus's «Eldreomsorg», so English and nynorsk readers saw other
entrepreneurs, in another order, than bokmål readers of the same need.
"""

import pytest
from django.utils import translation

from directory.models import ServiceArea, SocialEntrepreneur, TargetGroup
from matchmaking import candidates
from matchmaking.candidates import NeedSpec, Term, find_matches, needs_for_entrepreneurs
from matchmaking.tests.conftest import make_need

pytestmark = pytest.mark.django_db


@pytest.fixture
def body(booklet):
    """A public body of the booklet's data, to post the needs."""
    from directory.models import PublicBody

    return PublicBody.objects.get(slug="trondheim-kommune")


LANGUAGES = ("nb", "nn", "en")


def dementia_need() -> NeedSpec:
    area = ServiceArea.objects.get(slug="eldreomsorg")
    return NeedSpec(
        title="Hjelp til personer med hukommelsessykdom",
        body="Pårørende trenger avlastning, og de glemske trenger noe å gjøre om dagen.",
        service_areas=(Term(area.pk, area.name),),
    )


def ranking(matches) -> list[tuple[str, float]]:
    return [(match.entrepreneur.slug, match.score) for match in matches]


def test_a_need_ranks_the_same_in_every_language(booklet):
    spec = dementia_need()
    results = {}
    for language in LANGUAGES:
        candidates.forget_thesaurus()
        with translation.override(language):
            results[language] = ranking(find_matches(spec, limit=10))
    assert results["nb"], "the booklet has entrepreneurs for dementia"
    assert results["nn"] == results["nb"]
    assert results["en"] == results["nb"]


def test_the_memory_of_one_language_does_not_change_another(booklet):
    spec = dementia_need()
    with translation.override("nb"):
        in_bokmal = ranking(find_matches(spec, limit=10))
    # The thesaurus and the names are now kept in memory, read while a bokmål reader asked.
    with translation.override("en"):
        assert ranking(find_matches(spec, limit=10)) == in_bokmal


def test_reasons_name_areas_and_groups_in_the_readers_language(booklet):
    spec = dementia_need()
    with translation.override("en"):
        top = find_matches(spec, limit=1)[0]
        english_area = ServiceArea.objects.get(slug="eldreomsorg").name
    texts = [reason.text for reason in top.match.reasons]
    assert f"Offers {english_area[:1].lower() + english_area[1:]}" in " ".join(texts)
    assert not any("Tilbyr" in text or "eldreomsorg" in text for text in texts)


def test_a_saved_need_read_in_english_finds_what_it_finds_in_bokmal(booklet, body):
    need = make_need(
        body,
        title="Hjelp til personer med hukommelsessykdom",
        challenge="Pårørende trenger avlastning, og de glemske trenger noe å gjøre om dagen.",
        service_areas=[],
        target_groups=[TargetGroup.objects.get(slug="personer-med-demens")],
    )
    with translation.override("nb"):
        in_bokmal = ranking(find_matches(NeedSpec.from_need(need), limit=10))
    with translation.override("en"):
        assert ranking(find_matches(NeedSpec.from_need(need), limit=10)) == in_bokmal


def test_an_entrepreneurs_matching_needs_are_the_same_in_every_language(booklet, body):
    need = make_need(body, title="Avlastning for pårørende til personer med demens", challenge="Pårørende er slitne.")
    ids = list(SocialEntrepreneur.objects.published().values_list("pk", flat=True))
    found = {}
    for language in LANGUAGES:
        with translation.override(language):
            found[language] = [(m.need.pk, m.entrepreneur.pk, m.score) for m in needs_for_entrepreneurs(ids, [need])]
    assert found["nb"] and found["nn"] == found["nb"] and found["en"] == found["nb"]
