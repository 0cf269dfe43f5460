"""The scoring function as a table: plain values in, score and reasons out. No database."""

import pytest

from matchmaking.scoring import (
    CASE_SHARE,
    COVERAGE_VALUES,
    GENERIC_STEMS,
    INFERRED_SHARE,
    INFERRED_WEIGHT,
    MIN_USEFUL_SCORE,
    WEIGHTS,
    Coverage,
    DialogueState,
    NeedFacts,
    OfferFacts,
    PastDialogue,
    best_dialogue,
    coverage_of,
    dialogue_similarity,
    join_words,
    score,
    score_bound,
    score_value,
)

TRONDHEIM, STEINKJER, BODO = 1, 2, 3
TRONDELAG, NORDLAND = 50, 18


def need(**fields) -> NeedFacts:
    defaults = {
        "municipality_id": TRONDHEIM,
        "municipality_name": "Trondheim",
        "county_id": TRONDELAG,
        "county_name": "Trøndelag",
    }
    return NeedFacts(**{**defaults, **fields})


def offer(**fields) -> OfferFacts:
    return OfferFacts(**fields)


def texts(match) -> list[str]:
    return [reason.text for reason in match.reasons]


ELDRE = frozenset({"Eldreomsorg"})
DEMENS = frozenset({"Personer med demens"})


# --- Coverage -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("need_fields", "offer_fields", "expected"),
    [
        ({}, {"municipality_ids": frozenset({TRONDHEIM})}, Coverage.MUNICIPALITY),
        ({}, {"county_ids": frozenset({TRONDELAG})}, Coverage.COUNTY),
        ({}, {"nationwide": True}, Coverage.NATIONWIDE),
        ({}, {"nationwide": True, "municipality_ids": frozenset({TRONDHEIM})}, Coverage.MUNICIPALITY),
        ({}, {"municipality_ids": frozenset({STEINKJER}), "municipality_county_ids": frozenset({TRONDELAG})},
         Coverage.PART_OF_COUNTY),
        ({}, {}, Coverage.UNKNOWN),
        ({}, {"municipality_ids": frozenset({BODO}), "municipality_county_ids": frozenset({NORDLAND})},
         Coverage.ELSEWHERE),
        ({}, {"county_ids": frozenset({NORDLAND})}, Coverage.ELSEWHERE),
        ({"municipality_id": None, "municipality_name": ""}, {"county_ids": frozenset({TRONDELAG})}, Coverage.COUNTY),
        ({"municipality_id": None, "municipality_name": ""},
         {"municipality_ids": frozenset({STEINKJER}), "municipality_county_ids": frozenset({TRONDELAG})},
         Coverage.PART_OF_COUNTY),
        ({"municipality_id": None, "county_id": None}, {"nationwide": True}, Coverage.NATIONWIDE),
        ({"municipality_id": None, "county_id": None}, {"county_ids": frozenset({NORDLAND})}, Coverage.PART_OF_COUNTRY),
        ({"municipality_id": None, "county_id": None}, {}, Coverage.UNKNOWN),
    ],
)  # fmt: skip
def test_coverage_is_seen_from_the_needs_place(need_fields, offer_fields, expected):
    assert coverage_of(need(**need_fields), offer(**offer_fields)) == expected


def test_coverage_values_fall_from_municipality_to_elsewhere():
    order = [Coverage.MUNICIPALITY, Coverage.COUNTY, Coverage.NATIONWIDE, Coverage.PART_OF_COUNTY, Coverage.UNKNOWN,
             Coverage.ELSEWHERE]  # fmt: skip
    values = [COVERAGE_VALUES[kind] for kind in order]
    assert values == sorted(values, reverse=True)


# --- Reasons --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("need_fields", "offer_fields", "reason"),
    [
        ({"service_areas": ELDRE}, {"service_areas": ELDRE}, "Tilbyr eldreomsorg"),
        ({"service_areas": ELDRE | {"Helse"}}, {"service_areas": ELDRE | {"Helse"}}, "Tilbyr eldreomsorg og helse"),
        ({"target_groups": DEMENS}, {"target_groups": DEMENS}, "Arbeider for personer med demens"),
        ({"service_areas": ELDRE}, {"service_areas": ELDRE, "municipality_ids": frozenset({TRONDHEIM})},
         "Arbeider i Trondheim"),
        ({"service_areas": ELDRE}, {"service_areas": ELDRE, "county_ids": frozenset({TRONDELAG})},
         "Arbeider i hele Trøndelag"),
        ({"service_areas": ELDRE}, {"service_areas": ELDRE, "nationwide": True}, "Arbeider i hele landet"),
        ({"service_areas": ELDRE},
         {"service_areas": ELDRE, "municipality_ids": frozenset({STEINKJER}),
          "municipality_county_ids": frozenset({TRONDELAG})},
         "Arbeider i deler av Trøndelag"),
        ({"service_areas": ELDRE}, {"service_areas": ELDRE}, "Har ikke oppgitt hvor de arbeider"),
        ({"service_areas": ELDRE}, {"service_areas": ELDRE, "county_ids": frozenset({NORDLAND})},
         "Arbeider ikke i Trondheim i dag"),
        ({"service_areas": ELDRE, "collaboration_forms": frozenset({"Pilotavtale"})},
         {"service_areas": ELDRE, "collaboration_forms": frozenset({"Pilotavtale", "Abonnement"})},
         "Kan samarbeide gjennom pilotavtale"),
        ({"terms": {"dem": "demens"}}, {"terms": frozenset({"dem"})}, "Nevner «demens»"),
        ({"terms": {"sykehjemm": "sykehjemmene"}}, {"terms": frozenset({"sykehjem"})}, "Nevner «sykehjemmene»"),
        ({"terms": {"sykehjem": "sykehjem"}}, {"terms": frozenset({"sykehjemm"})}, "Nevner «sykehjem»"),
    ],
)  # fmt: skip
def test_each_component_gives_a_reason_a_person_can_read(need_fields, offer_fields, reason):
    assert reason in texts(score(need(**need_fields), offer(**offer_fields)))


@pytest.mark.parametrize(
    ("reason", "positive"),
    [("Har ikke oppgitt hvor de arbeider", False), ("Arbeider ikke i Trondheim i dag", False),
     ("Arbeider i Trondheim", True)],
)  # fmt: skip
def test_cautions_are_marked_as_such(reason, positive):
    offers = {
        "Har ikke oppgitt hvor de arbeider": offer(service_areas=ELDRE),
        "Arbeider ikke i Trondheim i dag": offer(service_areas=ELDRE, county_ids=frozenset({NORDLAND})),
        "Arbeider i Trondheim": offer(service_areas=ELDRE, municipality_ids=frozenset({TRONDHEIM})),
    }
    match = score(need(service_areas=ELDRE), offers[reason])
    assert {r.text: r.positive for r in match.reasons}[reason] is positive


def test_cautions_come_after_the_positive_reasons():
    match = score(need(service_areas=ELDRE, terms={"dem": "demens"}), offer(service_areas=ELDRE, terms={"dem"}))
    assert [reason.positive for reason in match.reasons] == [True, True, False]


def test_the_text_reason_names_at_most_four_words_title_words_first():
    terms = {"pårør": "pårørende", "telefon": "telefonen", "sykehjem": "sykehjemmet", "ansatt": "ansatte",
             "dem": "demens"}  # fmt: skip
    facts = need(terms=terms, title_terms=frozenset({"dem"}))
    match = score(facts, offer(terms=frozenset(terms)))
    assert "Nevner «demens», «pårørende», «telefonen» og «sykehjemmet»" in texts(match)


# --- Scores ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("need_fields", "offer_fields", "expected"),
    [
        # Nothing in common: no score, whatever the place.
        ({"service_areas": ELDRE}, {"service_areas": frozenset({"Helse"}), "municipality_ids": frozenset({TRONDHEIM})},
         0.0),
        ({"terms": {"dem": "demens"}}, {"terms": frozenset({"fotball"}), "nationwide": True}, 0.0),
        # Everything in common, in the municipality: full score.
        ({"service_areas": ELDRE, "target_groups": DEMENS},
         {"service_areas": ELDRE, "target_groups": DEMENS, "municipality_ids": frozenset({TRONDHEIM})}, 100.0),
        # Area in common, works elsewhere: only the area's share.
        ({"service_areas": ELDRE}, {"service_areas": ELDRE, "county_ids": frozenset({NORDLAND})},
         round(100 * WEIGHTS["service_areas"] / (WEIGHTS["service_areas"] + WEIGHTS["coverage"]), 1)),
        # One of two areas counts half.
        ({"service_areas": ELDRE | {"Helse"}}, {"service_areas": ELDRE, "municipality_ids": frozenset({TRONDHEIM})},
         round(100 * (0.5 * WEIGHTS["service_areas"] + WEIGHTS["coverage"])
               / (WEIGHTS["service_areas"] + WEIGHTS["coverage"]), 1)),
        # One of three areas counts half too (two make a full match).
        ({"service_areas": ELDRE | {"Helse", "Rehabilitering"}},
         {"service_areas": ELDRE | {"Helse"}, "municipality_ids": frozenset({TRONDHEIM})}, 100.0),
    ],
)  # fmt: skip
def test_score_table(need_fields, offer_fields, expected):
    assert score(need(**need_fields), offer(**offer_fields)).score == pytest.approx(expected)


def test_components_the_need_says_nothing_about_do_not_count_against_the_offer():
    full = score(need(service_areas=ELDRE), offer(service_areas=ELDRE, municipality_ids=frozenset({TRONDHEIM})))
    assert full.score == 100.0
    assert "target_groups" not in full.components
    assert "collaboration_forms" not in full.components


def test_a_collaboration_form_in_common_is_enough_and_none_counts_nothing():
    base = {"service_areas": ELDRE, "municipality_ids": frozenset({TRONDHEIM})}
    wanted = need(service_areas=ELDRE, collaboration_forms=frozenset({"Pilotavtale", "Abonnement"}))
    assert score(wanted, offer(**base, collaboration_forms=frozenset({"Pilotavtale"}))).score == 100.0
    assert score(wanted, offer(**base)).score < 100.0


@pytest.mark.parametrize(
    ("better", "worse"),
    [
        ({"municipality_ids": frozenset({TRONDHEIM})}, {"county_ids": frozenset({TRONDELAG})}),
        ({"county_ids": frozenset({TRONDELAG})}, {"nationwide": True}),
        ({"nationwide": True}, {"municipality_ids": frozenset({STEINKJER}),
                                "municipality_county_ids": frozenset({TRONDELAG})}),
        ({}, {"county_ids": frozenset({NORDLAND})}),
    ],
)  # fmt: skip
def test_nearer_is_better_when_all_else_is_equal(better, worse):
    facts = need(service_areas=ELDRE)
    assert (
        score(facts, offer(service_areas=ELDRE, **better)).score
        > score(facts, offer(service_areas=ELDRE, **worse)).score
    )


def test_more_shared_words_score_higher_and_title_words_count_double():
    terms = {"pårør": "pårørende", "telefon": "telefonen", "dem": "demens"}
    facts = need(terms=terms, title_terms=frozenset({"dem"}))
    one = score(facts, offer(terms=frozenset({"telefon"}))).score
    title = score(facts, offer(terms=frozenset({"dem"}))).score
    two = score(facts, offer(terms=frozenset({"telefon", "pårør"}))).score
    assert 0 < one < two
    assert title == pytest.approx(two)


@pytest.mark.parametrize(
    ("need_stem", "offer_stem", "matches"),
    [
        ("sykehjem", "sykehjemm", True),
        ("sykehjemm", "sykehjem", True),
        ("dem", "dem", True),
        ("dem", "dement", False),  # too short to stand for the beginning of a longer word
        ("eldr", "eldreomsorg", True),
        ("kommunikasjon", "kommun", False),  # generic words take no part
        ("barn", "bark", False),
    ],
)
def test_words_match_by_stem_and_by_beginning(need_stem, offer_stem, matches):
    facts = need(terms={need_stem: need_stem})
    assert bool(facts.matching_terms([offer_stem])) is matches


def test_generic_words_never_make_a_match():
    generic = sorted(GENERIC_STEMS)[:5]
    facts = need(terms={stem: stem for stem in generic})
    assert score(facts, offer(terms=frozenset(generic), nationwide=True)).score == 0.0


def test_the_score_stays_between_0_and_100_and_usefulness_has_a_threshold():
    match = score(need(service_areas=ELDRE, terms={"dem": "demens"}), offer(service_areas=ELDRE, terms={"dem"}))
    assert 0 <= match.score <= 100
    assert match.is_useful is (match.score >= MIN_USEFUL_SCORE)


@pytest.mark.parametrize(
    ("items", "joined"),
    [([], ""), (["a"], "a"), (["a", "b"], "a og b"), (["a", "b", "c"], "a, b og c")],
)
def test_join_words_in_norwegian(items, joined):
    assert join_words(items) == joined


def test_names_that_look_like_acronyms_keep_their_capitals():
    match = score(need(service_areas=frozenset({"NAV-tjenester"})), offer(service_areas=frozenset({"NAV-tjenester"})))
    assert "Tilbyr NAV-tjenester" in texts(match)


@pytest.mark.parametrize(
    ("need_fields", "offer_fields"),
    [
        ({"service_areas": ELDRE}, {"service_areas": ELDRE, "nationwide": True}),
        ({"target_groups": DEMENS, "terms": {"dem": "demens"}}, {"terms": frozenset({"dem"})}),
        ({"service_areas": ELDRE, "collaboration_forms": frozenset({"Pilotavtale"})}, {"service_areas": ELDRE}),
        ({"service_areas": ELDRE}, {"service_areas": frozenset({"Helse"})}),
    ],
)
def test_the_score_alone_equals_the_score_with_reasons(need_fields, offer_fields):
    from matchmaking.scoring import score_value

    facts, offered = need(**need_fields), offer(**offer_fields)
    assert score_value(facts, offered) == score(facts, offered).score


# --- Concepts, implied areas and groups, the cases ---------------------------------------------------

HERE = {"municipality_ids": frozenset({TRONDHEIM})}


@pytest.mark.parametrize(
    ("concepts", "offer_concepts", "reason"),
    [
        ({"demens": "demens"}, {"demens"}, "Behovet handler om demens"),
        ({"demens": "demens", "rus": "rus"}, {"demens", "rus"}, "Behovet handler om demens og rus"),
        ({"demens": "demens", "rus": "rus", "bolig": "bolig", "eldre": "eldre"}, {"demens", "rus", "bolig", "eldre"},
         "Behovet handler om demens, rus og bolig"),  # at most three, in the need's order
    ],
)  # fmt: skip
def test_shared_concepts_are_named_in_plain_words(concepts, offer_concepts, reason):
    match = score(need(concepts=concepts), offer(concepts=frozenset(offer_concepts), **HERE))
    assert texts(match)[0] == reason
    assert match.components["concepts"] == 1.0


def test_a_concept_the_offer_does_not_share_gives_no_reason_and_no_score():
    match = score(need(concepts={"demens": "demens"}), offer(concepts=frozenset({"rus"}), **HERE))
    assert match.score == 0.0
    assert not any(reason.component == "concepts" for reason in match.reasons)


def test_a_paraphrase_meets_the_entrepreneurs_words_through_the_concept():
    # «hukommelsessykdom» in the need, «demens» in the offer: no word in common, one concept.
    facts = need(terms={"hukommelsessykdom": "hukommelsessykdom"}, concepts={"demens": "demens"})
    words_only = score(facts, offer(terms=frozenset({"demens"}), **HERE))
    with_concept = score(facts, offer(terms=frozenset({"demens"}), concepts=frozenset({"demens"}), **HERE))
    assert words_only.score == 0.0
    assert with_concept.score > MIN_USEFUL_SCORE
    assert "Behovet handler om demens" in texts(with_concept)


@pytest.mark.parametrize(
    ("need_fields", "offer_areas", "expected"),
    [
        # No ticks: the implied areas stand in for them, at INFERRED_WEIGHT.
        ({"inferred_areas": ELDRE}, ELDRE,
         round(100 * (3 * INFERRED_WEIGHT + 1.5) / (3 * INFERRED_WEIGHT + 1.5), 1)),
        ({"inferred_areas": ELDRE}, frozenset({"Helse"}), 0.0),
        # Ticks: an implied area beside them counts INFERRED_SHARE of a ticked one.
        ({"service_areas": frozenset({"Helse"}), "inferred_areas": ELDRE}, ELDRE,
         round(100 * (3 * INFERRED_SHARE + 1.5) / (3 + 1.5), 1)),
        ({"service_areas": ELDRE, "inferred_areas": frozenset({"Helse"})}, ELDRE, 100.0),
    ],
)  # fmt: skip
def test_areas_the_need_implies_count_beside_or_instead_of_ticks(need_fields, offer_areas, expected):
    assert score(need(**need_fields), offer(service_areas=offer_areas, **HERE)).score == pytest.approx(expected)


def test_an_implied_area_is_named_like_a_ticked_one():
    match = score(need(inferred_areas=ELDRE), offer(service_areas=ELDRE, **HERE))
    assert "Tilbyr eldreomsorg" in texts(match)


def test_words_and_concepts_found_only_in_cases_count_less():
    facts = need(terms={"pårør": "pårørende"}, concepts={"demens": "demens"})
    own = score(facts, offer(terms=frozenset({"pårør"}), concepts=frozenset({"demens"}), **HERE))
    cases = score(facts, offer(case_terms=frozenset({"pårør"}), case_concepts=frozenset({"demens"}), **HERE))
    assert 0 < cases.score < own.score
    assert cases.components["concepts"] == pytest.approx(CASE_SHARE)
    assert "Nevner «pårørende»" in texts(cases) and "Behovet handler om demens" in texts(cases)


# --- What past dialogues teach -----------------------------------------------------------------------

SIMILAR = {"concepts": frozenset({"demens"}), "service_areas": ELDRE, "target_groups": DEMENS}


def dialogue(state=DialogueState.SENT, answered=True, need_id=7, place="Bodø", **about) -> PastDialogue:
    return PastDialogue(need_id=need_id, answered=answered, state=state, place=place, **(about or SIMILAR))


def dementia_need(**fields) -> NeedFacts:
    return need(service_areas=ELDRE, target_groups=DEMENS, concepts={"demens": "demens"}, need_id=1, **fields)


@pytest.mark.parametrize(
    ("past", "reason"),
    [
        (dialogue(), "Har svart på et lignende behov i Bodø"),
        (dialogue(DialogueState.IN_DIALOGUE), "Har svart på et lignende behov i Bodø"),
        (dialogue(DialogueState.READ, answered=False), "Ble invitert til et lignende behov i Bodø"),
        (dialogue(DialogueState.AGREED, answered=False), "Har blitt enige om et lignende behov i Bodø"),
        (dialogue(place=""), "Har svart på et lignende behov"),
    ],
)
def test_a_similar_dialogue_gives_a_small_explained_boost(past, reason):
    offered = offer(service_areas=ELDRE, county_ids=frozenset({NORDLAND}))
    without = score(dementia_need(), offered)
    boosted = score(dementia_need(), offer(service_areas=ELDRE, county_ids=frozenset({NORDLAND}), dialogues=(past,)))
    assert reason in texts(boosted)
    assert 0 < boosted.score - without.score <= 100 * WEIGHTS["dialogue"] / (3 + 3 + 3 + 1.5)


@pytest.mark.parametrize(
    "past",
    [
        dialogue(DialogueState.DECLINED),  # never from a declined dialogue
        dialogue(DialogueState.DECLINED, answered=False),
        dialogue(need_id=1),  # the need itself is not «a similar need»
        dialogue(concepts=frozenset({"rus"}), service_areas=frozenset({"Psykisk helse og rus"})),  # not similar
    ],
)
def test_no_boost_from_a_declined_dialogue_the_same_need_or_an_unlike_one(past):
    offered = {"service_areas": ELDRE, "county_ids": frozenset({NORDLAND})}
    without = score(dementia_need(), offer(**offered))
    with_past = score(dementia_need(), offer(**offered, dialogues=(past,)))
    assert with_past.score == without.score
    assert not any(reason.component == "dialogue" for reason in with_past.reasons)


def test_a_declined_dialogue_never_boosts_even_beside_one_that_does():
    declined = dialogue(DialogueState.DECLINED, place="Tromsø")
    answered = dialogue(concepts=frozenset({"demens"}), service_areas=ELDRE, target_groups=frozenset(), place="Bodø")
    similarity, chosen = best_dialogue(dementia_need(), offer(dialogues=(declined, answered)))
    assert chosen is answered
    assert similarity == pytest.approx(dialogue_similarity(dementia_need(), answered))


def test_the_dialogue_boost_alone_never_makes_a_match():
    unrelated = need(service_areas=frozenset({"Miljø"}), concepts={"demens": "demens"}, need_id=1)
    assert score(unrelated, offer(dialogues=(dialogue(),))).score == 0.0


def test_similarity_is_the_share_of_concepts_areas_and_groups_in_common():
    assert dialogue_similarity(dementia_need(), dialogue()) == 1.0
    half = dialogue(concepts=frozenset({"demens"}), service_areas=frozenset(), target_groups=frozenset())
    assert dialogue_similarity(dementia_need(), half) == pytest.approx(1 / 3)


BOUND_NEED = {
    "service_areas": frozenset({"Eldreomsorg", "Helse"}),
    "target_groups": frozenset({"Eldre"}),
    "collaboration_forms": frozenset({"Kjøp"}),
    "terms": {"demens": "demens", "pårør": "pårørende", "kommun": "kommunen"},
    "title_terms": frozenset({"demens"}),
    "concepts": {"demens": "Demens"},
}


@pytest.mark.parametrize(
    "offer_fields, open_areas, open_groups, read",
    [
        # Facts without words; then the same offer as its words may turn out.
        ({}, True, True, {"service_areas": frozenset({"Eldreomsorg"}), "terms": frozenset({"demens"})}),
        ({}, True, True, {"service_areas": frozenset({"Eldreomsorg", "Helse"}), "target_groups": frozenset({"Eldre"})}),
        ({"service_areas": frozenset({"Helse"})}, False, True, {"terms": frozenset({"demens", "pårør"})}),
        ({"nationwide": True}, True, True, {"terms": frozenset({"demens", "pårør", "kommun"})}),
        ({"collaboration_forms": frozenset({"Kjøp"})}, True, True, {"concepts": frozenset({"demens"})}),
        ({"target_groups": frozenset({"Eldre"})}, True, False, {"case_terms": frozenset({"demens", "pårør"})}),
        (
            {"municipality_ids": frozenset({TRONDHEIM})},
            True,
            True,
            {
                "concepts": frozenset({"demens"}),
                "terms": frozenset({"demens", "pårør"}),
                "service_areas": frozenset({"Eldreomsorg", "Helse"}),
                "target_groups": frozenset({"Eldre"}),
            },
        ),
    ],
)
def test_the_bound_is_never_below_the_score_of_the_offer_once_read(offer_fields, open_areas, open_groups, read):
    unread = offer(**offer_fields)
    bound = score_bound(need(**BOUND_NEED), unread, open_areas=open_areas, open_groups=open_groups)
    assert bound >= score_value(need(**BOUND_NEED), offer(**{**offer_fields, **read})) - 0.05


def test_the_bound_is_the_score_when_every_word_and_concept_is_found():
    full = offer(
        service_areas=frozenset({"Eldreomsorg"}),
        target_groups=frozenset({"Eldre"}),
        municipality_ids=frozenset({TRONDHEIM}),
        terms=frozenset({"demens", "pårør"}),
        concepts=frozenset({"demens"}),
    )
    bound = score_bound(
        need(**BOUND_NEED),
        offer(
            service_areas=full.service_areas, target_groups=full.target_groups, municipality_ids=full.municipality_ids
        ),
    )
    assert round(bound, 1) == score_value(need(**BOUND_NEED), full)


def test_the_bound_counts_ticks_as_they_are_when_the_offer_has_its_own():
    unread = offer(service_areas=frozenset({"Kultur"}), target_groups=frozenset({"Barn"}))
    assert score_bound(need(**BOUND_NEED), unread) < score_bound(need(**BOUND_NEED), unread, open_areas=True)
