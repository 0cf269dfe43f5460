"""The matching reads all of an entrepreneur's text and what past dialogues teach, through the database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import SocialEntrepreneur
from directory.tests import factories
from matchmaking import candidates
from matchmaking.candidates import NeedSpec, Term, find_matches
from matchmaking.models import Interest
from matchmaking.tests.conftest import make_need

pytestmark = pytest.mark.django_db


def trondheim_spec(title: str, body: str, **fields) -> NeedSpec:
    trondheim = factories.municipality("5001")
    return NeedSpec(
        title=title,
        body=body,
        municipality=Term(trondheim.pk, trondheim.name),
        county=Term(trondheim.county_id, trondheim.county.name),
        **fields,
    )


def reasons_of(matches, slug: str) -> list[str]:
    return next([reason.text for reason in match.match.reasons] for match in matches if match.entrepreneur.slug == slug)


def test_an_entrepreneur_described_only_in_prose_can_rank_first(booklet):
    prose = factories.entrepreneur(
        "Minnekafeen",
        description=(
            "Vi driver samtalegrupper for pårørende til personer med demens, der de møter andre i samme situasjon "
            "og får råd fra en demenskoordinator."
        ),
        municipalities=[factories.municipality("5001")],
    )
    assert not prose.service_areas.exists() and not prose.target_groups.exists()
    matches = find_matches(
        trondheim_spec(
            "Samtalegrupper for familiene til hukommelsessyke",
            "Familiene til dem som har fått en hukommelsessykdom, står alene med spørsmålene sine. De trenger å "
            "møte andre i samme situasjon.",
        )
    )
    assert matches[0].entrepreneur == prose
    assert "Behovet handler om demens" in reasons_of(matches, "minnekafeen")
    assert "Tilbyr eldreomsorg og helse" in reasons_of(matches, "minnekafeen")  # read from its prose


def test_the_text_of_the_cases_an_entrepreneur_appears_in_counts(db):
    elderly = factories.service_area("Eldreomsorg")
    quiet = factories.entrepreneur("Stille AS", nationwide=True, service_areas=[elderly])
    need = trondheim_spec(
        "Sansehage ved sykehjemmet", "Beboerne trenger en sansehage.", service_areas=(Term(elderly.pk, elderly.name),)
    )
    (before,) = find_matches(need)
    assert "Nevner «sansehage»" not in reasons_of([before], "stille-as")
    factories.case("Sansehage i Trondheim", body="Stille AS anla en sansehage.", entrepreneurs=[quiet])
    (after,) = find_matches(need)
    assert after.entrepreneur == quiet
    assert "Nevner «sansehage»" in reasons_of([after], "stille-as")
    assert after.score > before.score


def test_a_description_counts_beside_an_offer(db):
    described = factories.entrepreneur(
        "Beskrevet AS", nationwide=True, description="Vi har lang erfaring med sansehager på sykehjem."
    )
    factories.offer(described, "Hagearbeid", description="Vi steller hager.")
    matches = find_matches(trondheim_spec("Sansehage ved sykehjemmet", "Beboerne trenger en sansehage."))
    assert [match.entrepreneur for match in matches] == [described]
    assert matches[0].offer.title == "Hagearbeid"


def body_in(name: str, number: str):
    """The booklet's public body for the municipality, or a new one."""
    from directory.models import PublicBody

    existing = PublicBody.objects.filter(municipality__number=number, kind=PublicBody.Kind.MUNICIPALITY).first()
    return existing or factories.public_body(name, municipality=factories.municipality(number))


@pytest.fixture
def bodo_need(db):
    """A need in Bodø about dementia care, like the one matched in the tests below."""
    bodo = factories.municipality("1804")
    return make_need(
        body_in("Bodø kommune", "1804"),
        title="Pårørende til personer med demens",
        challenge="Familiene til beboere med demens ringer sykehjemmet hele dagen.",
        effects="Tryggere pårørende.",
        municipality=bodo,
        county=bodo.county,
    )


DEMENTIA_NEED = (
    "Tryggere pårørende i demensomsorgen",
    "Pårørende til beboere med demens ringer ofte til sykehjemmet. Vi vil at de skal føle seg trygge.",
)


@pytest.mark.parametrize(
    ("kind", "state", "reason"),
    [
        (Interest.Kind.ANSWER, Interest.State.SENT, "Har svart på et lignende behov i Bodø"),
        (Interest.Kind.INVITATION, Interest.State.IN_DIALOGUE, "Ble invitert til et lignende behov i Bodø"),
        (Interest.Kind.ANSWER, Interest.State.AGREED, "Har blitt enige om et lignende behov i Bodø"),
        (Interest.Kind.ANSWER, Interest.State.DECLINED, None),
        (Interest.Kind.INVITATION, Interest.State.DECLINED, None),
    ],
)
def test_past_dialogues_about_similar_needs_boost_but_never_declined_ones(booklet, bodo_need, kind, state, reason):
    noen = SocialEntrepreneur.objects.get(slug="noen")
    spec = trondheim_spec(*DEMENTIA_NEED)
    before = next(match for match in find_matches(spec) if match.entrepreneur == noen)
    Interest.objects.create(need=bodo_need, entrepreneur=noen, kind=kind, state=state)
    after = next(match for match in find_matches(spec) if match.entrepreneur == noen)
    dialogue_reasons = [r.text for r in after.match.reasons if r.component == "dialogue"]
    if reason is None:
        assert dialogue_reasons == []
        assert after.score == before.score
    else:
        assert dialogue_reasons == [reason]
        assert after.score > before.score


def test_no_boost_from_a_dialogue_about_an_unlike_need_or_about_this_need(booklet):
    noen = SocialEntrepreneur.objects.get(slug="noen")
    unlike = make_need(
        body_in("Bodø kommune", "1804"),
        title="Rusfri møteplass",
        challenge="Folk som har vært i rusbehandling, trenger et sted å være.",
        effects="Færre tilbakefall.",
        service_areas=[factories.service_area("Psykisk helse og rus")],
        target_groups=[],
    )
    Interest.objects.create(need=unlike, entrepreneur=noen, kind=Interest.Kind.ANSWER)
    this = make_need(
        body_in("Trondheim kommune", "5001"), title=DEMENTIA_NEED[0], challenge=DEMENTIA_NEED[1], effects="Trygge."
    )
    Interest.objects.create(need=this, entrepreneur=noen, kind=Interest.Kind.ANSWER)
    matches = find_matches(NeedSpec.from_need(this))
    assert not any(r.component == "dialogue" for r in next(m for m in matches if m.entrepreneur == noen).match.reasons)


def test_finding_matches_costs_the_same_queries_however_many_cases_and_dialogues(booklet, bodo_need):
    spec = trondheim_spec(*DEMENTIA_NEED)

    def add(slug: str) -> None:
        entrepreneur = SocialEntrepreneur.objects.get(slug=slug)
        Interest.objects.create(need=bodo_need, entrepreneur=entrepreneur, kind=Interest.Kind.ANSWER)
        factories.case(f"Demensomsorg med {slug}", body="Pårørende og demens.", entrepreneurs=[entrepreneur])

    add("noen")
    find_matches(spec)  # stems of the words come from PostgreSQL once, then from memory
    with CaptureQueriesContext(connection) as few:
        find_matches(spec)
    for slug in ("jodacare", "livsglede-for-eldre", "generasjonsmotet-m"):
        add(slug)
    find_matches(spec)
    with CaptureQueriesContext(connection) as more:
        find_matches(spec)
    assert len(more) == len(few)


def test_the_thesaurus_is_read_in_one_query(booklet):
    candidates.load_thesaurus()  # the terms' stems, once
    with CaptureQueriesContext(connection) as queries:
        thesaurus = candidates.load_thesaurus()
    assert len(queries) == 1
    assert "demens" in thesaurus.concepts
