"""Narrowing in the database and ranking in Python: needs → offers and offers → needs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.tests import factories
from matchmaking import candidates
from matchmaking.candidates import NeedSpec, Term, find_matches, needs_for_entrepreneurs, words
from matchmaking.models import Need
from matchmaking.tests.conftest import make_need

pytestmark = pytest.mark.django_db


def spec(**fields) -> NeedSpec:
    trondheim = factories.municipality("5001")
    defaults = {
        "title": "Pårørende til personer med demens",
        "body": "Pårørende ringer sykehjemmet hele tiden.",
        "service_areas": (Term(factories.service_area("Eldreomsorg").pk, "Eldreomsorg"),),
        "municipality": Term(trondheim.pk, trondheim.name),
        "county": Term(trondheim.county_id, trondheim.county.name),
    }
    return NeedSpec(**{**defaults, **fields})


def test_words_are_lowercased_distinct_and_without_numbers():
    assert words("Demens, demens og 24 SYKEHJEM-plasser") == ["demens", "og", "sykehjem", "plasser"]


def test_stems_come_from_postgresql_and_stop_words_have_none():
    found = candidates.stems(["sykehjemmene", "og", "pårørende"])
    assert found == {"sykehjemmene": ("sykehjemm",), "og": (), "pårørende": ("pårør",)}


def test_the_best_offer_of_each_entrepreneur_is_listed_once(entrepreneur):
    factories.offer(entrepreneur, "Kurs i fotball", description="Fotball for barn.")
    matches = find_matches(spec())
    assert [match.entrepreneur.name for match in matches] == ["Omsorgsappen AS"]
    assert matches[0].offer.title == "Kontakt med pårørende til personer med demens"
    assert "Tilbyr eldreomsorg" in [reason.text for reason in matches[0].match.reasons]


def test_an_entrepreneur_without_offers_is_matched_through_its_profile():
    factories.entrepreneur(
        "Demensvennen",
        description="Vi besøker personer med demens og deres pårørende.",
        service_areas=[factories.service_area("Eldreomsorg")],
    )
    matches = find_matches(spec())
    assert [(match.entrepreneur.name, match.offer) for match in matches] == [("Demensvennen", None)]


def test_words_alone_find_an_entrepreneur_without_areas():
    factories.entrepreneur("Tillitspersonen", description="Hjelp til å finne fram i velferdssystemet.")
    found = find_matches(
        spec(title="Finne fram", body="Innbyggere trenger hjelp i velferdssystemet.", service_areas=())
    )
    assert [match.entrepreneur.name for match in found] == ["Tillitspersonen"]


def test_drafts_and_unrelated_entrepreneurs_are_left_out(entrepreneur):
    factories.entrepreneur("Utkastet", status="draft", service_areas=[factories.service_area("Eldreomsorg")])
    factories.entrepreneur("Fotballklubben", description="Fotball.", service_areas=[factories.service_area("Idrett")])
    assert [match.entrepreneur.name for match in find_matches(spec())] == ["Omsorgsappen AS"]


def test_nearer_entrepreneurs_rank_first():
    area = factories.service_area("Eldreomsorg")
    factories.entrepreneur("I Bodø", municipalities=[factories.municipality("1804")], service_areas=[area])
    factories.entrepreneur("Hele landet", nationwide=True, service_areas=[area])
    factories.entrepreneur("I Trondheim", municipalities=[factories.municipality("5001")], service_areas=[area])
    factories.entrepreneur("I Trøndelag", counties=[factories.county("50")], service_areas=[area])
    names = [match.entrepreneur.name for match in find_matches(spec())]
    assert names == ["I Trondheim", "I Trøndelag", "Hele landet", "I Bodø"]


def test_the_pool_is_cut_in_the_database_and_the_limit_in_python():
    area = factories.service_area("Eldreomsorg")
    for number in range(5):
        factories.entrepreneur(f"Eldre {number}", nationwide=True, service_areas=[area])
    needed = spec()
    assert len(candidates.candidate_ids(needed, "", pool_size=3)) == 3
    assert len(find_matches(needed, limit=2)) == 2


def test_finding_matches_costs_the_same_number_of_queries_for_three_times_the_entrepreneurs():
    area = factories.service_area("Eldreomsorg")
    group = factories.target_group("Personer med demens")

    def add(count):
        for _ in range(count):
            obj = factories.entrepreneur(nationwide=True, service_areas=[area], target_groups=[group])
            offer = factories.offer(obj, "Besøk hos personer med demens")
            offer.service_areas.set([area])

    add(2)
    find_matches(spec())  # warm the stem cache
    with CaptureQueriesContext(connection) as few:
        assert len(find_matches(spec())) == 2
    add(4)
    with CaptureQueriesContext(connection) as more:
        assert len(find_matches(spec())) == 6
    assert len(more) == len(few)


def test_needs_for_entrepreneurs_ranks_needs_that_fit_the_offers(body, owner, entrepreneur):
    fitting = make_need(body, owner)
    make_need(
        body,
        owner,
        title="Sommerjobb for ungdom",
        challenge="Ungdom trenger sommerjobb.",
        effects="Flere unge i arbeid.",
        service_areas=[factories.service_area("Arbeidsinkludering")],
        target_groups=[],
        collaboration_forms=[],
    )
    needs = Need.objects.prefetch_related("service_areas", "target_groups", "collaboration_forms").select_related(
        "municipality", "county"
    )
    found = needs_for_entrepreneurs([entrepreneur.pk], needs)
    assert [item.need for item in found] == [fitting]
    assert found[0].offer.title == "Kontakt med pårørende til personer med demens"
    assert found[0].match.is_useful


def test_needs_for_an_entrepreneur_without_offers_or_needs_is_empty(entrepreneur):
    assert needs_for_entrepreneurs([entrepreneur.pk], []) == []
    assert needs_for_entrepreneurs([], Need.objects.all()) == []


def test_reading_only_the_words_that_can_match_gives_the_same_scores(booklet):
    from matchmaking.evaluation import spec_for
    from matchmaking.tests.evaluation_set import EVALUATION_SET

    thesaurus = candidates.load_thesaurus()
    for item in EVALUATION_SET:
        needed = spec_for(item)
        facts = candidates.needs_facts([needed], thesaurus=thesaurus)[0]
        concepts = candidates.relevant_concepts(facts, thesaurus)
        ids = candidates.candidate_ids(
            candidates.narrowing_spec(needed, facts), candidates.need_tsquery(facts, thesaurus)
        )
        every_word = candidates.rank(facts, candidates.load_candidates(ids, thesaurus=thesaurus, concepts=concepts))
        pattern = candidates.words_that_can_match(facts, thesaurus.term_stems(concepts))
        some_words = candidates.rank(
            facts, candidates.load_candidates(ids, word_pattern=pattern, thesaurus=thesaurus, concepts=concepts)
        )
        assert [(m.entrepreneur.pk, m.score, m.match.reasons) for m in every_word] == [
            (m.entrepreneur.pk, m.score, m.match.reasons) for m in some_words
        ], item.title


@pytest.mark.parametrize("limit", [1, 3, 20])
def test_skipping_candidates_that_cannot_reach_the_list_gives_the_same_list(booklet, limit):
    from matchmaking.evaluation import spec_for
    from matchmaking.tests.evaluation_set import EVALUATION_SET

    thesaurus = candidates.load_thesaurus()
    names = candidates._taxonomy_names("default")
    for item in EVALUATION_SET:
        needed = spec_for(item)
        facts = candidates.needs_facts([needed], thesaurus=thesaurus)[0]
        concepts = candidates.relevant_concepts(facts, thesaurus)
        pattern = candidates.words_that_can_match(facts, thesaurus.term_stems(concepts))
        ids = candidates.candidate_ids(
            candidates.narrowing_spec(needed, facts), candidates.need_tsquery(facts, thesaurus)
        )
        every = candidates.rank(
            facts, candidates.load_candidates(ids, word_pattern=pattern, thesaurus=thesaurus, concepts=concepts), limit
        )
        unread, reader = candidates._load_unread(
            ids, "default", pattern, thesaurus=thesaurus, concepts=concepts, exclude_need=None, names=names
        )
        skipping = candidates._rank_unread(facts, unread, reader, limit, None)
        assert [(m.entrepreneur.pk, m.offer, m.score, m.match.reasons) for m in every] == [
            (m.entrepreneur.pk, m.offer, m.score, m.match.reasons) for m in skipping
        ], item.title
