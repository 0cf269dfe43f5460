"""The concept thesaurus: the seed reaches every area and group, texts reach concepts through
inflected, compound and misspelt forms, and curators keep the list in admin."""

import pytest
from django.contrib.auth.models import Permission

from directory.models import ServiceArea, TargetGroup
from matchmaking import candidates
from matchmaking.candidates import NeedSpec
from matchmaking.concept_seed import SEED, load_concepts
from matchmaking.models import Concept
from matchmaking.scoring import ConceptFacts, Thesaurus, edit_distance
from matchmaking.tests.conftest import make_user

# --- Pure: the index and the edit distance ---------------------------------------------------------

THESAURUS = Thesaurus(
    [
        ConceptFacts(
            "demens", "demens", (("demens",), ("hukommelsessykdom",), ("glemsk",)), frozenset({"Eldreomsorg"})
        ),
        ConceptFacts("straffedomte", "straffedømte", (("son", "dom"), ("fengsel",)), frozenset({"Kriminalomsorg"})),
        ConceptFacts("friluftsliv", "friluftsliv", (("tur",), ("natur",)), frozenset({"Kultur og fritid"})),
    ]
)


@pytest.mark.parametrize(
    ("stems", "fuzzy", "expected"),
    [
        ({"demens"}, False, ["demens"]),
        ({"demensomsorg"}, False, ["demens"]),  # a compound that begins with the term
        ({"hukomelsessykdom"}, False, []),  # a slip of the keyboard needs fuzzy reading …
        ({"hukomelsessykdom"}, True, ["demens"]),  # … which the need's own words get
        ({"demmensomsorg"}, True, ["demens"]),  # a slip inside a compound
        ({"dmens"}, True, ["demens"]),  # one letter missing
        ({"natru"}, True, []),  # a term stem under six letters forgives no slip
        ({"son"}, False, []),  # a phrase needs all its words
        ({"son", "domm"}, False, []),  # «dom» is too short to begin a longer word
        ({"son", "dom"}, False, ["straffedomte"]),
        ({"fengsl"}, True, ["straffedomte"]),
        ({"turist"}, False, []),  # three letters match only themselves
        ({"tur", "demens"}, False, ["demens", "friluftsliv"]),
    ],
)
def test_the_thesaurus_finds_concepts_from_stems(stems, fuzzy, expected):
    assert sorted(THESAURUS.find(stems, fuzzy=fuzzy)) == expected


def test_the_thesaurus_looks_only_among_the_concepts_asked_for():
    assert THESAURUS.find({"tur", "demens"}, among=frozenset({"demens"})) == ["demens"]


def test_the_areas_and_groups_concepts_imply():
    assert THESAURUS.implied(["demens", "friluftsliv"]) == (frozenset({"Eldreomsorg", "Kultur og fritid"}), frozenset())
    assert THESAURUS.implied([]) == (frozenset(), frozenset())


@pytest.mark.parametrize(
    ("a", "b", "limit", "expected"),
    [
        ("demens", "demens", 1, 0),
        ("demenn", "demens", 1, 1),
        ("dmeens", "demens", 1, 1),  # two neighbours swapped
        ("demmens", "demens", 1, 1),
        ("dmnes", "demens", 1, 2),  # beyond the limit: limit + 1
        ("de", "demens", 2, 3),
    ],
)
def test_edit_distance_is_bounded(a, b, limit, expected):
    assert edit_distance(a, b, limit) == expected


# --- With the database: the seed, and texts through PostgreSQL's stemmer ---------------------------


@pytest.fixture
def taxonomies(db):
    """The service areas and target groups, and the concepts linked to them (lighter than the booklet)."""
    from directory.seed import _read, load_taxonomies

    load_taxonomies(_read("taxonomies.json"))
    load_concepts(Concept, ServiceArea, TargetGroup)


@pytest.fixture
def thesaurus(taxonomies):
    return candidates.load_thesaurus()


def facts_for(text: str, thesaurus):
    return candidates.needs_facts([NeedSpec(title=text, body="")], thesaurus=thesaurus)[0]


def test_every_service_area_and_target_group_is_reached_by_a_seeded_concept(taxonomies):
    linked_areas = set(Concept.objects.values_list("service_areas__slug", flat=True))
    linked_groups = set(Concept.objects.values_list("target_groups__slug", flat=True))
    assert set(ServiceArea.objects.values_list("slug", flat=True)) <= linked_areas
    assert set(TargetGroup.objects.values_list("slug", flat=True)) <= linked_groups


@pytest.mark.parametrize(("slug", "name", "terms", "areas", "groups"), SEED, ids=[item[0] for item in SEED])
def test_each_seeded_concept_reaches_its_areas_and_groups(thesaurus, slug, name, terms, areas, groups):
    area_names = set(ServiceArea.objects.filter(slug__in=areas).values_list("name", flat=True))
    group_names = set(TargetGroup.objects.filter(slug__in=groups).values_list("name", flat=True))
    assert len(area_names) == len(areas) and len(group_names) == len(groups)
    for term in terms:
        facts = facts_for(term, thesaurus)
        assert slug in facts.concepts, term
        assert area_names <= facts.inferred_areas, term
        assert group_names <= facts.inferred_groups, term


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Beboere med hukommelsessykdommer", "demens"),  # inflected
        ("hukomelsessykdom", "demens"),  # misspelt
        ("demenns", "demens"),
        ("Alzheimers sykdom", "demens"),
        ("demensomsorgen", "demens"),  # compound, definite
        ("glemske eldre", "demens"),
        ("de som har sonet dommen", "straffedomte"),
        ("etter løslatelsen", "straffedomte"),
        ("fengslene", "straffedomte"),
        ("straffedømde", "straffedomte"),  # misspelt
        ("etter utskrivning fra døgnoppholdet", "rus"),
        ("rusavhengigheten", "rus"),
        ("rusmisbrukarar", "rus"),  # nynorsk
        ("komme seg ut på tur", "friluftsliv"),
        ("frilufstliv", "friluftsliv"),  # two letters swapped
        ("flyktningene", "flyktninger"),
        ("utlånsordningen", "fritidsutstyr"),
        ("pårørande", "parorende"),  # nynorsk
        ("sjukeheimen", "sykehjem"),  # nynorsk
        ("bostedsløshet", "bolig"),
    ],
)
def test_inflected_and_misspelt_forms_still_reach_the_concept(thesaurus, text, slug):
    assert slug in facts_for(text, thesaurus).concepts


def test_a_concept_that_is_ticked_adds_nothing_inferred(thesaurus):
    area = ServiceArea.objects.get(slug="eldreomsorg")
    spec = NeedSpec(title="Hukommelsessykdom", body="", service_areas=(candidates.Term(area.pk, area.name),))
    facts = candidates.needs_facts([spec], thesaurus=thesaurus)[0]
    assert "demens" in facts.concepts
    assert "Eldreomsorg" not in facts.inferred_areas
    assert "Helse" in facts.inferred_areas


def test_loading_the_seed_again_keeps_a_curators_changes(taxonomies):
    concept = Concept.objects.get(slug="demens")
    concept.terms = "demens\nglemsk"
    concept.save()
    concept.service_areas.clear()
    assert load_concepts(Concept, ServiceArea, TargetGroup) == 0
    concept.refresh_from_db()
    assert concept.terms == "demens\nglemsk"
    # Links are only ever added.
    assert set(concept.service_areas.values_list("slug", flat=True)) == {"eldreomsorg", "helse"}


def test_term_list_reads_lines_and_commas():
    concept = Concept(name="Demens", terms="Alzheimer, glemsk\n\n hukommelsessykdom \nglemsk")
    assert concept.term_list() == ["demens", "alzheimer", "glemsk", "hukommelsessykdom"]


# --- Admin: curators with the permission, nobody else ----------------------------------------------


@pytest.fixture
def curator(db):
    user = make_user("kurator@example.no", "Kurator", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["view_concept", "change_concept"]))
    return user


@pytest.mark.parametrize(
    ("who", "status"),
    [("curator", 200), ("staff_without_permission", 403), ("member", 302), ("anonymous", 302)],
)
def test_the_concept_admin_is_for_curators_with_the_permission(client, taxonomies, curator, who, status):
    concept = Concept.objects.get(slug="demens")
    if who == "curator":
        client.force_login(curator)
    elif who == "staff_without_permission":
        client.force_login(make_user("stab@example.no", is_staff=True))
    elif who == "member":
        client.force_login(make_user("medlem@example.no"))
    for url in ("/admin/matchmaking/concept/", f"/admin/matchmaking/concept/{concept.pk}/change/"):
        assert client.get(url).status_code == status, url


def test_a_curator_edits_the_terms_in_admin(client, taxonomies, curator):
    concept = Concept.objects.get(slug="demens")
    client.force_login(curator)
    areas = list(concept.service_areas.values_list("pk", flat=True))
    response = client.post(
        f"/admin/matchmaking/concept/{concept.pk}/change/",
        {
            # The name in each language side by side (issue 10); the terms stay bokmål.
            "name_nb": "demens",
            "name_nn": "demens",
            "name_en": "dementia",
            "slug": "demens",
            "terms": "demens\nminnetap",
            "service_areas": areas,
            "target_groups": [],
        },
    )
    assert response.status_code == 302
    concept.refresh_from_db()
    assert "minnetap" in concept.term_list()
    assert (concept.name_nb, concept.name_en) == ("demens", "dementia")
