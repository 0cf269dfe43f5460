"""How well an offer fits a need: a pure function over plain values, no database and no request.

    score(need: NeedFacts, offer: OfferFacts) -> Match(score, reasons)

Five components, each between 0 and 1, each with a reason a person can read:
service areas in common, target groups in common, whether the offer covers the need's place,
collaboration forms in common, and how many of the need's words the offer's text shares (Norwegian
stems, which the caller gets from PostgreSQL's stemmer). The score is the weighted mean of the
components that can apply to this need (a need with no target groups is not marked down for it),
on a scale from 0 to 100. An offer that shares neither an area, a target group nor a word scores 0:
being in the right place is not a reason on its own. All weights are in WEIGHTS.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext as _

# The one place the weights live. A component's weight counts only when the need gives it
# something to compare (areas, target groups, collaboration forms, words).
WEIGHTS: Mapping[str, float] = {
    "service_areas": 3.0,
    "target_groups": 3.0,
    "text": 4.0,
    "coverage": 1.5,
    "collaboration_forms": 1.0,
}


class Coverage(StrEnum):
    MUNICIPALITY = "municipality"
    COUNTY = "county"
    NATIONWIDE = "nationwide"
    PART_OF_COUNTY = "part-of-county"
    PART_OF_COUNTRY = "part-of-country"
    UNKNOWN = "unknown"
    ELSEWHERE = "elsewhere"


# How much each kind of coverage is worth: working in the municipality itself is best; an offer that
# says nothing about where it works might still come, one that works elsewhere probably not.
COVERAGE_VALUES: Mapping[Coverage, float] = {
    Coverage.MUNICIPALITY: 1.0,
    Coverage.COUNTY: 0.9,
    Coverage.NATIONWIDE: 0.8,
    Coverage.PART_OF_COUNTY: 0.5,
    Coverage.PART_OF_COUNTRY: 0.5,
    Coverage.UNKNOWN: 0.4,
    Coverage.ELSEWHERE: 0.0,
}

# Two shared areas (or groups) count as a full match; one counts half, unless the need has only one.
TAXONOMY_SATURATION = 2
# Words: each shared word of the need counts 1, a word of the need's title 2; the component
# approaches 1 as the shared weight grows (1 - e^(-weight / TEXT_SATURATION)).
TEXT_SATURATION = 4.0
TITLE_WORD_WEIGHT = 2.0
# A stem this long or longer also matches words that begin with it ("sykehjem" → "sykehjemmene");
# Norwegian compounds and inflections that the stemmer leaves apart then still meet.
MIN_PREFIX_LENGTH = 4
# Words that say nothing about whether an offer fits: every need and every offer uses them.
GENERIC_STEMS = frozenset(
    """
    andr ann bedr behov blant bruk dag del eksempel eksempelvis entreprenør entreprenørskap fler flest folk få får
    gi gir gjennom gjør god godt hel helt innbygger innbyggern kommun kommunal lit løsning mennesk mer mye måt ny
    nye nytt offent oft ofter omtrent opplev person rund samarbeid sikr små sosial stor tid tilbud tilby tilbyr
    ting tjenest treng vikt virksom år åren ønsk
    """.split()
)
# At most this many shared words are named in the reason.
WORDS_IN_REASON = 4
# Matches below this score are not worth showing on a dashboard or in an alert.
MIN_USEFUL_SCORE = 25.0


@dataclass(frozen=True)
class NeedFacts:
    """What the scoring needs to know about a need. Taxonomy terms by name, places by id."""

    service_areas: frozenset[str] = frozenset()
    target_groups: frozenset[str] = frozenset()
    collaboration_forms: frozenset[str] = frozenset()
    municipality_id: int | None = None
    municipality_name: str = ""
    county_id: int | None = None
    county_name: str = ""
    # Stem → the word as the need writes it (for the reason), in the order the words appear.
    terms: Mapping[str, str] = field(default_factory=dict)
    title_terms: frozenset[str] = frozenset()
    # Memo of which need stems each offer stem matches; filled as offers are scored.
    _matches: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def matching_terms(self, offer_terms: Iterable[str]) -> set[str]:
        """The need's stems that some offer stem equals, begins with, or is the beginning of."""
        found: set[str] = set()
        for offer_term in offer_terms:
            hits = self._matches.get(offer_term)
            if hits is None:
                # Generic words take no part on either side: "kommun" must not meet "kommunikasjon".
                hits = self._matches[offer_term] = (
                    frozenset()
                    if offer_term in GENERIC_STEMS
                    else frozenset(
                        stem for stem in self.terms if stem not in GENERIC_STEMS and _stems_match(stem, offer_term)
                    )
                )
            found |= hits
        return found


@dataclass(frozen=True)
class OfferFacts:
    """What the scoring needs to know about an offer (or an entrepreneur's profile, for those without offers)."""

    service_areas: frozenset[str] = frozenset()
    target_groups: frozenset[str] = frozenset()
    collaboration_forms: frozenset[str] = frozenset()
    nationwide: bool = False
    county_ids: frozenset[int] = frozenset()
    municipality_ids: frozenset[int] = frozenset()
    # The counties of the municipalities above.
    municipality_county_ids: frozenset[int] = frozenset()
    terms: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Reason:
    """One line of explanation. `positive` is False for a caution ("Arbeider ikke i Bodø i dag")."""

    component: str
    text: str
    positive: bool = True


@dataclass(frozen=True)
class Match:
    score: float
    reasons: tuple[Reason, ...]
    components: Mapping[str, float] = field(default_factory=dict)

    @property
    def is_useful(self) -> bool:
        return self.score >= MIN_USEFUL_SCORE


def _stems_match(need_stem: str, offer_stem: str) -> bool:
    if need_stem == offer_stem:
        return True
    shorter, longer = sorted((need_stem, offer_stem), key=len)
    return len(shorter) >= MIN_PREFIX_LENGTH and longer.startswith(shorter)


def _lower_first(name: str) -> str:
    """«Eldreomsorg» → «eldreomsorg», but «NAV-kontor» stays as it is."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def join_words(items: Iterable[str]) -> str:
    """«a», «a og b», «a, b og c»."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s og %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def _taxonomy(need_terms: frozenset[str], offer_terms: frozenset[str]) -> tuple[float, list[str]]:
    shared = sorted(need_terms & offer_terms)
    if not need_terms:
        return 0.0, []
    return min(1.0, len(shared) / min(len(need_terms), TAXONOMY_SATURATION)), shared


def coverage_of(need: NeedFacts, offer: OfferFacts) -> Coverage:
    """Where the offer works, seen from the need's place (a need with no place concerns all of Norway)."""
    if not (offer.nationwide or offer.county_ids or offer.municipality_ids):
        return Coverage.UNKNOWN
    if need.municipality_id is None and need.county_id is None:
        return Coverage.NATIONWIDE if offer.nationwide else Coverage.PART_OF_COUNTRY
    if need.municipality_id is not None and need.municipality_id in offer.municipality_ids:
        return Coverage.MUNICIPALITY
    if need.county_id in offer.county_ids:
        return Coverage.COUNTY
    if offer.nationwide:
        return Coverage.NATIONWIDE
    if need.county_id in offer.municipality_county_ids:
        return Coverage.PART_OF_COUNTY
    return Coverage.ELSEWHERE


def _coverage_reason(coverage: Coverage, need: NeedFacts) -> Reason:
    place = need.municipality_name or need.county_name
    if coverage == Coverage.MUNICIPALITY:
        return Reason("coverage", _("Arbeider i %(place)s") % {"place": need.municipality_name})
    if coverage == Coverage.COUNTY:
        return Reason("coverage", _("Arbeider i hele %(county)s") % {"county": need.county_name})
    if coverage == Coverage.NATIONWIDE:
        return Reason("coverage", _("Arbeider i hele landet"))
    if coverage == Coverage.PART_OF_COUNTY:
        return Reason("coverage", _("Arbeider i deler av %(county)s") % {"county": need.county_name})
    if coverage == Coverage.PART_OF_COUNTRY:
        return Reason("coverage", _("Arbeider i deler av landet"))
    if coverage == Coverage.UNKNOWN:
        return Reason("coverage", _("Har ikke oppgitt hvor de arbeider"), positive=False)
    return Reason("coverage", _("Arbeider ikke i %(place)s i dag") % {"place": place}, positive=False)


@dataclass(frozen=True)
class _Evaluation:
    value: float
    components: dict[str, float]
    shared_areas: list[str]
    shared_groups: list[str]
    matched_terms: set[str]
    coverage: Coverage | None
    shared_forms: list[str]


def _evaluate(need: NeedFacts, offer: OfferFacts) -> _Evaluation:
    components: dict[str, float] = {}
    applicable: dict[str, float] = {}

    areas, shared_areas = _taxonomy(need.service_areas, offer.service_areas)
    if need.service_areas:
        applicable["service_areas"] = WEIGHTS["service_areas"]
        components["service_areas"] = areas

    groups, shared_groups = _taxonomy(need.target_groups, offer.target_groups)
    if need.target_groups:
        applicable["target_groups"] = WEIGHTS["target_groups"]
        components["target_groups"] = groups

    matched: set[str] = set()
    if need.terms:
        matched = need.matching_terms(offer.terms)
        weight = sum(TITLE_WORD_WEIGHT if stem in need.title_terms else 1.0 for stem in matched)
        applicable["text"] = WEIGHTS["text"]
        components["text"] = 1.0 - math.exp(-weight / TEXT_SATURATION)

    if areas + groups + components.get("text", 0) == 0:
        return _Evaluation(0.0, components, shared_areas, shared_groups, matched, None, [])

    coverage = coverage_of(need, offer)
    applicable["coverage"] = WEIGHTS["coverage"]
    components["coverage"] = COVERAGE_VALUES[coverage]

    # One form of collaboration in common is enough: the parties need only agree on one.
    shared_forms = sorted(need.collaboration_forms & offer.collaboration_forms)
    if need.collaboration_forms:
        applicable["collaboration_forms"] = WEIGHTS["collaboration_forms"]
        components["collaboration_forms"] = 1.0 if shared_forms else 0.0

    total = sum(WEIGHTS[name] * components[name] for name in applicable)
    value = round(100 * total / sum(applicable.values()), 1)
    return _Evaluation(value, components, shared_areas, shared_groups, matched, coverage, shared_forms)


def score_value(need: NeedFacts, offer: OfferFacts) -> float:
    """The score alone, without the reasons: what `score(need, offer).score` is, but cheaper."""
    return _evaluate(need, offer).value


def score(need: NeedFacts, offer: OfferFacts) -> Match:
    """How well `offer` fits `need`, from 0 to 100, with the reasons."""
    evaluation = _evaluate(need, offer)
    reasons: list[Reason] = []
    if evaluation.shared_areas:
        names = join_words(_lower_first(name) for name in evaluation.shared_areas)
        reasons.append(Reason("service_areas", _("Tilbyr %(areas)s") % {"areas": names}))
    if evaluation.shared_groups:
        names = join_words(_lower_first(name) for name in evaluation.shared_groups)
        reasons.append(Reason("target_groups", _("Arbeider for %(groups)s") % {"groups": names}))
    if evaluation.matched_terms:
        # Name the words as the need writes them, title words first, then in the need's order.
        ordered = sorted(
            (stem for stem in need.terms if stem in evaluation.matched_terms),
            key=lambda stem: stem not in need.title_terms,
        )
        words = [f"«{need.terms[stem]}»" for stem in ordered[:WORDS_IN_REASON]]
        reasons.append(Reason("text", _("Nevner %(words)s") % {"words": join_words(words)}))
    if evaluation.coverage is not None:
        reasons.append(_coverage_reason(evaluation.coverage, need))
    if evaluation.shared_forms:
        names = join_words(_lower_first(name) for name in evaluation.shared_forms)
        reasons.append(Reason("collaboration_forms", _("Kan samarbeide gjennom %(forms)s") % {"forms": names}))
    order = list(WEIGHTS)
    reasons.sort(key=lambda reason: (not reason.positive, order.index(reason.component)))
    return Match(evaluation.value, tuple(reasons), evaluation.components)
