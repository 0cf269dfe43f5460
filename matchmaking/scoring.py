"""How well an offer fits a need: a pure function over plain values, no database and no request.

    score(need: NeedFacts, offer: OfferFacts) -> Match(score, reasons)

Six components, each between 0 and 1, each with a reason a person can read:
service areas in common, target groups in common, concepts in common (the thesaurus: «hukommelsessykdom»
and «demens» are one concept), whether the offer covers the need's place, collaboration forms in
common, and how many of the need's words the offer's text shares (Norwegian stems, which the caller
gets from PostgreSQL's stemmer). The score is the weighted mean of the components that can apply to
this need (a need with no target groups is not marked down for it), on a scale from 0 to 100, plus a
small bonus when the entrepreneur has answered, been invited to or agreed on a similar need before
(never a declined one). An offer that shares neither an area, a target group, a concept nor a word
scores 0: being in the right place is not a reason on its own. All weights are in WEIGHTS.

The concepts a text is about come from the Thesaurus: a concept is reached when every stem of one of
its terms is in the text, exactly, as the beginning of a longer word (compounds and inflections), or,
for the need's own words, with one slip of the keyboard (two in long words). The areas and groups of
the need's concepts count as if ticked when the need has no ticks, and as a part (INFERRED_SHARE)
beside the ticks otherwise; an offer with no ticks of its own is read the same way.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

# The one place the weights live. A component's weight counts only when the need gives it
# something to compare (areas, target groups, collaboration forms, words).
WEIGHTS: Mapping[str, float] = {
    "service_areas": 3.0,
    "target_groups": 3.0,
    "concepts": 3.0,
    "text": 4.0,
    "coverage": 1.5,
    "collaboration_forms": 1.0,
    # Not a part of the mean but a bonus on top of it, relative to the weights that apply:
    # at most 100 × 0.6 / (sum of the weights that apply), about 5 points for a typical need.
    "dialogue": 0.6,
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
# An area, group or concept the need's text implies (but was not ticked) counts this much beside the ticks.
INFERRED_SHARE = 0.3
# A need without ticks in a dimension is read through the areas (groups) its text implies, at this weight.
INFERRED_WEIGHT = 0.5
# A word or concept found only in the cases an entrepreneur appears in counts this much.
CASE_SHARE = 0.5
# Two concepts in common count as a full match, as for areas and groups.
CONCEPT_SATURATION = 2
CONCEPTS_IN_REASON = 3
# Misspelt forms: a stem this long may differ by one edit from a term's stem, and by two from this length.
FUZZY_MIN_LENGTH = 6
FUZZY_TWO_EDITS_LENGTH = 10
# A past dialogue is about a similar need when this share of their concepts, areas and groups is shared.
DIALOGUE_MIN_SIMILARITY = 0.25
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
    # Concepts the need's text is about (slug → name, in the order found), and the areas and groups
    # they imply that the need did not tick.
    concepts: Mapping[str, str] = field(default_factory=dict)
    # Slug → {language: name} for the concepts above that have a name in nynorsk or English.
    concept_translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    inferred_areas: frozenset[str] = frozenset()
    inferred_groups: frozenset[str] = frozenset()
    # The need itself, so that its own dialogues do not count as «similar».
    need_id: int | None = None
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
    # Stems of the offer's and its entrepreneur's own texts, and of the cases it appears in.
    terms: frozenset[str] = frozenset()
    case_terms: frozenset[str] = frozenset()
    # Concept slugs found in the own texts, and those found only in the cases.
    concepts: frozenset[str] = frozenset()
    case_concepts: frozenset[str] = frozenset()
    # The entrepreneur's dialogues about other needs.
    dialogues: tuple[PastDialogue, ...] = ()


class DialogueState(StrEnum):
    SENT = "sent"
    READ = "read"
    IN_DIALOGUE = "in_dialogue"
    DECLINED = "declined"
    AGREED = "agreed"


@dataclass(frozen=True)
class PastDialogue:
    """An entrepreneur's dialogue about another need: who started it, how it stands, what the need was about."""

    need_id: int
    answered: bool  # True: the entrepreneur answered; False: the body invited them
    state: str
    place: str = ""
    concepts: frozenset[str] = frozenset()
    service_areas: frozenset[str] = frozenset()
    target_groups: frozenset[str] = frozenset()

    @property
    def counts(self) -> bool:
        """A declined dialogue teaches nothing good about the entrepreneur's fit: it never boosts."""
        return self.state != DialogueState.DECLINED


@dataclass(frozen=True)
class Reason:
    """One line of explanation. `positive` is False for a caution ("Arbeider ikke i Bodø i dag").

    `text` is plain (e-mails in text); `html`, when set, is the same line for a page, with names shown
    in bokmål on a nynorsk or English page marked lang="nb". Pages show `display`.
    """

    component: str
    text: str
    positive: bool = True
    html: str = field(default="", compare=False)

    @property
    def display(self) -> str:
        return self.html or conditional_escape(self.text)


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


def join_html(items: Iterable[str]) -> str:
    """`join_words` for pieces of HTML: the pieces are escaped unless marked safe, the words around them always."""
    items = [conditional_escape(item) for item in items]
    if len(items) <= 1:
        return mark_safe("".join(items))
    pattern = conditional_escape(_("%(first)s og %(last)s"))
    return mark_safe(pattern % {"first": ", ".join(items[:-1]), "last": items[-1]})


def concept_name(need: NeedFacts, slug: str) -> tuple[str, str | None]:
    """The concept's name in the active language, and "nb" when it is shown in bokmål for want of one."""
    bokmal = need.concepts[slug]
    language = get_language() or "nb"
    if language == "nb":
        return bokmal, None
    translated = need.concept_translations.get(slug, {}).get(language)
    return (translated, None) if translated else (bokmal, "nb")


# --- The thesaurus ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConceptFacts:
    """A concept of the thesaurus: its terms as tuples of stems, and the areas and groups it implies."""

    slug: str
    name: str
    terms: tuple[tuple[str, ...], ...]
    service_areas: frozenset[str] = frozenset()
    target_groups: frozenset[str] = frozenset()
    # The name in the other languages that have one, as (language, name) pairs: readers see it in
    # reasons; `name` (bokmål) is what matches.
    translations: tuple[tuple[str, str], ...] = ()


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (insert, delete, substitute, swap two neighbours), or limit + 1
    as soon as it is certain to exceed `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _close(stem: str, term_stem: str) -> bool:
    """Whether a misspelt `stem` (or a compound that begins with a misspelt `term_stem`) is the term's."""
    if len(term_stem) < FUZZY_MIN_LENGTH or stem[:1] != term_stem[:1]:
        return False
    limit = 2 if len(term_stem) >= FUZZY_TWO_EDITS_LENGTH else 1
    candidates = {stem} | {stem[: len(term_stem) + d] for d in (-1, 0, 1) if len(stem) > len(term_stem) + d}
    return any(edit_distance(candidate, term_stem, limit) <= limit for candidate in candidates)


class Thesaurus:
    """The concepts, indexed by their term stems, to find which concepts a set of stems is about."""

    def __init__(self, concepts: Iterable[ConceptFacts]):
        self.concepts: dict[str, ConceptFacts] = {concept.slug: concept for concept in concepts}
        # Term stem → the (concept, term) pairs that use it.
        self._uses: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for concept in self.concepts.values():
            for term in concept.terms:
                for stem in set(term):
                    self._uses.setdefault(stem, []).append((concept.slug, term))
        self._by_length: dict[int, list[str]] = {}
        for stem in self._uses:
            self._by_length.setdefault(len(stem), []).append(stem)
        self._order = {slug: index for index, slug in enumerate(self.concepts)}
        self._exact: dict[str, frozenset[str]] = {}
        self._fuzzy: dict[str, frozenset[str]] = {}

    def __bool__(self) -> bool:
        return bool(self.concepts)

    def term_stems(self, slugs: Iterable[str] | None = None) -> set[str]:
        """Every stem of the terms of these concepts (of all, without `slugs`)."""
        chosen = self.concepts.values() if slugs is None else [self.concepts[s] for s in slugs if s in self.concepts]
        return {stem for concept in chosen for term in concept.terms for stem in term}

    def _term_stems_of(self, stem: str, fuzzy: bool) -> frozenset[str]:
        """The term stems that `stem` reaches: equal, or beginning with a term stem of MIN_PREFIX_LENGTH
        letters or more; with `fuzzy`, also one (or two) edits away."""
        found = self._exact.get(stem)
        if found is None:
            hits = {stem} if stem in self._uses else set()
            hits.update(stem[:n] for n in range(MIN_PREFIX_LENGTH, len(stem)) if stem[:n] in self._uses)
            found = self._exact[stem] = frozenset(hits)
        if not fuzzy or found:
            return found
        near = self._fuzzy.get(stem)
        if near is None:
            near = self._fuzzy[stem] = frozenset(
                term_stem
                for length in range(FUZZY_MIN_LENGTH, len(stem) + 3)
                for term_stem in self._by_length.get(length, ())
                if _close(stem, term_stem)
            )
        return near

    def find(self, stems: Iterable[str], *, fuzzy: bool = False, among: frozenset[str] | None = None) -> list[str]:
        """The slugs of the concepts these stems are about, in the thesaurus's order; only those `among`
        when given. A term of several words needs all of them."""
        if among is not None and not among:
            return []
        reached: set[str] = set()
        for stem in stems:
            reached |= self._term_stems_of(stem, fuzzy)
        found: set[str] = set()
        for term_stem in reached:
            for slug, term in self._uses[term_stem]:
                if slug in found or (among is not None and slug not in among):
                    continue
                if len(term) == 1 or all(part in reached for part in term):
                    found.add(slug)
        return sorted(found, key=self._order.__getitem__)

    def implied(self, slugs: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
        """The service areas and target groups these concepts imply."""
        chosen = [self.concepts[slug] for slug in slugs if slug in self.concepts]
        return (
            frozenset(area for concept in chosen for area in concept.service_areas),
            frozenset(group for concept in chosen for group in concept.target_groups),
        )


# --- Components -----------------------------------------------------------------------------------


def _taxonomy(
    need_terms: frozenset[str], offer_terms: frozenset[str], inferred: frozenset[str] = frozenset()
) -> tuple[float, list[str]]:
    """Shared ticked terms count 1, shared terms only the need's text implies INFERRED_SHARE; without
    ticks, the implied terms stand in for them."""
    if not need_terms:
        need_terms, inferred = inferred, frozenset()
    if not need_terms:
        return 0.0, []
    shared = need_terms & offer_terms
    shared_inferred = (inferred - need_terms) & offer_terms
    value = (len(shared) + INFERRED_SHARE * len(shared_inferred)) / min(len(need_terms), TAXONOMY_SATURATION)
    return min(1.0, value), sorted(shared | shared_inferred)


def _concepts(need: NeedFacts, offer: OfferFacts) -> tuple[float, list[str]]:
    shared = [slug for slug in need.concepts if slug in offer.concepts]
    in_cases = [slug for slug in need.concepts if slug in offer.case_concepts and slug not in offer.concepts]
    value = (len(shared) + CASE_SHARE * len(in_cases)) / min(len(need.concepts), CONCEPT_SATURATION)
    return min(1.0, value), shared + in_cases


def _keys(concepts: Iterable[str], areas: Iterable[str], groups: Iterable[str]) -> set[str]:
    return {f"c:{c}" for c in concepts} | {f"a:{a}" for a in areas} | {f"g:{g}" for g in groups}


def dialogue_similarity(need: NeedFacts, past: PastDialogue) -> float:
    """How alike two needs are: the share of their concepts, areas and groups they have in common."""
    mine = _keys(need.concepts, need.service_areas | need.inferred_areas, need.target_groups | need.inferred_groups)
    theirs = _keys(past.concepts, past.service_areas, past.target_groups)
    union = mine | theirs
    return len(mine & theirs) / len(union) if union else 0.0


def best_dialogue(need: NeedFacts, offer: OfferFacts) -> tuple[float, PastDialogue | None]:
    """The most similar of the entrepreneur's dialogues about other needs that may boost: not declined,
    similar enough. Agreement beats an answer, an answer an invitation, when equally similar."""
    rank = {DialogueState.AGREED: 2}
    best: tuple[float, int, int, PastDialogue] | None = None
    for past in offer.dialogues:
        if not past.counts or (need.need_id is not None and past.need_id == need.need_id):
            continue
        similarity = dialogue_similarity(need, past)
        if similarity < DIALOGUE_MIN_SIMILARITY:
            continue
        key = (similarity, rank.get(past.state, 0), int(past.answered), past)
        if best is None or key[:3] > best[:3]:
            best = key
    return (best[0], best[3]) if best else (0.0, None)


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
    shared_concepts: list[str] = field(default_factory=list)
    dialogue: PastDialogue | None = None


def _evaluate(need: NeedFacts, offer: OfferFacts) -> _Evaluation:
    components: dict[str, float] = {}
    applicable: dict[str, float] = {}

    # Areas (groups) only the need's text implies weigh less than ticked ones: the text may be wrong.
    areas, shared_areas = _taxonomy(need.service_areas, offer.service_areas, need.inferred_areas)
    if need.service_areas or need.inferred_areas:
        applicable["service_areas"] = WEIGHTS["service_areas"] * (1.0 if need.service_areas else INFERRED_WEIGHT)
        components["service_areas"] = areas

    groups, shared_groups = _taxonomy(need.target_groups, offer.target_groups, need.inferred_groups)
    if need.target_groups or need.inferred_groups:
        applicable["target_groups"] = WEIGHTS["target_groups"] * (1.0 if need.target_groups else INFERRED_WEIGHT)
        components["target_groups"] = groups

    concepts, shared_concepts = 0.0, []
    if need.concepts:
        concepts, shared_concepts = _concepts(need, offer)
        applicable["concepts"] = WEIGHTS["concepts"]
        components["concepts"] = concepts

    matched: set[str] = set()
    if need.terms:
        matched = need.matching_terms(offer.terms)
        in_cases = need.matching_terms(offer.case_terms) - matched if offer.case_terms else set()
        weight = sum(TITLE_WORD_WEIGHT if stem in need.title_terms else 1.0 for stem in matched)
        weight += CASE_SHARE * sum(TITLE_WORD_WEIGHT if stem in need.title_terms else 1.0 for stem in in_cases)
        matched |= in_cases
        applicable["text"] = WEIGHTS["text"]
        components["text"] = 1.0 - math.exp(-weight / TEXT_SATURATION)

    if areas + groups + concepts + components.get("text", 0) == 0:
        return _Evaluation(0.0, components, shared_areas, shared_groups, matched, None, [])

    coverage = coverage_of(need, offer)
    applicable["coverage"] = WEIGHTS["coverage"]
    components["coverage"] = COVERAGE_VALUES[coverage]

    # One form of collaboration in common is enough: the parties need only agree on one.
    shared_forms = sorted(need.collaboration_forms & offer.collaboration_forms)
    if need.collaboration_forms:
        applicable["collaboration_forms"] = WEIGHTS["collaboration_forms"]
        components["collaboration_forms"] = 1.0 if shared_forms else 0.0

    total = sum(applicable[name] * components[name] for name in applicable)
    # What past dialogues teach: a bonus on top of the mean, never a part that could pull it down.
    similarity, dialogue = best_dialogue(need, offer) if offer.dialogues else (0.0, None)
    if dialogue is not None:
        components["dialogue"] = similarity
        total += WEIGHTS["dialogue"] * similarity
    value = round(min(100.0, 100 * total / sum(applicable.values())), 1)
    return _Evaluation(
        value, components, shared_areas, shared_groups, matched, coverage, shared_forms, shared_concepts, dialogue
    )


def score_bound(need: NeedFacts, offer: OfferFacts, *, open_areas: bool = False, open_groups: bool = False) -> float:
    """The highest score `offer` can reach whatever its texts say, unrounded, for an offer whose words
    and concepts are not read yet: every word and concept of the need counted as found, and its areas
    (groups), when `open_areas` (`open_groups`), as all the need's: an offer without ticks is read
    through the concepts of its text. Never below `score_value` of the offer once read (up to the
    rounding to one decimal), so an offer whose bound is below a list's last score cannot enter it."""
    applicable = 0.0
    total = 0.0
    for need_terms, inferred, offer_terms, is_open, name in (
        (need.service_areas, need.inferred_areas, offer.service_areas, open_areas, "service_areas"),
        (need.target_groups, need.inferred_groups, offer.target_groups, open_groups, "target_groups"),
    ):
        if need_terms or inferred:
            weight = WEIGHTS[name] * (1.0 if need_terms else INFERRED_WEIGHT)
            applicable += weight
            total += weight * (1.0 if is_open else _taxonomy(need_terms, offer_terms, inferred)[0])
    if need.concepts:
        applicable += WEIGHTS["concepts"]
        total += WEIGHTS["concepts"]
    if need.terms:
        words = sum(
            TITLE_WORD_WEIGHT if stem in need.title_terms else 1.0 for stem in need.terms if stem not in GENERIC_STEMS
        )
        applicable += WEIGHTS["text"]
        total += WEIGHTS["text"] * (1.0 - math.exp(-words / TEXT_SATURATION))
    applicable += WEIGHTS["coverage"]
    total += WEIGHTS["coverage"] * COVERAGE_VALUES[coverage_of(need, offer)]
    if need.collaboration_forms:
        applicable += WEIGHTS["collaboration_forms"]
        total += WEIGHTS["collaboration_forms"] * bool(need.collaboration_forms & offer.collaboration_forms)
    if offer.dialogues:
        total += WEIGHTS["dialogue"] * best_dialogue(need, offer)[0]
    return min(100.0, 100 * total / applicable)


def _dialogue_reason(past: PastDialogue) -> Reason:
    if past.state == DialogueState.AGREED:
        if past.place:
            return Reason("dialogue", _("Har blitt enige om et lignende behov i %(place)s") % {"place": past.place})
        return Reason("dialogue", _("Har blitt enige om et lignende behov"))
    if past.answered:
        if past.place:
            return Reason("dialogue", _("Har svart på et lignende behov i %(place)s") % {"place": past.place})
        return Reason("dialogue", _("Har svart på et lignende behov"))
    if past.place:
        return Reason("dialogue", _("Ble invitert til et lignende behov i %(place)s") % {"place": past.place})
    return Reason("dialogue", _("Ble invitert til et lignende behov"))


def score_value(need: NeedFacts, offer: OfferFacts) -> float:
    """The score alone, without the reasons: what `score(need, offer).score` is, but cheaper."""
    return _evaluate(need, offer).value


def score(need: NeedFacts, offer: OfferFacts, labels: Mapping[str, str] | None = None) -> Match:
    """How well `offer` fits `need`, from 0 to 100, with the reasons. The facts name areas, groups and
    forms in bokmål; `labels` gives the reader's name for each (bokmål when missing). Concepts are
    named through the need's `concept_translations`."""
    evaluation = _evaluate(need, offer)
    label = (labels or {}).get
    reasons: list[Reason] = []
    if evaluation.shared_concepts:
        shown = [concept_name(need, slug) for slug in evaluation.shared_concepts[:CONCEPTS_IN_REASON]]
        names = join_words(name for name, _fallback in shown)
        marked = join_html(
            format_html('<span lang="{}">{}</span>', lang, name) if lang else name for name, lang in shown
        )
        message = _("Behovet handler om %(concepts)s")
        reasons.append(
            Reason(
                "concepts",
                message % {"concepts": names},
                html=mark_safe(conditional_escape(message) % {"concepts": marked}),
            )
        )
    if evaluation.shared_areas:
        names = join_words(_lower_first(label(name, name)) for name in evaluation.shared_areas)
        reasons.append(Reason("service_areas", _("Tilbyr %(areas)s") % {"areas": names}))
    if evaluation.shared_groups:
        names = join_words(_lower_first(label(name, name)) for name in evaluation.shared_groups)
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
        names = join_words(_lower_first(label(name, name)) for name in evaluation.shared_forms)
        reasons.append(Reason("collaboration_forms", _("Kan samarbeide gjennom %(forms)s") % {"forms": names}))
    if evaluation.dialogue is not None:
        reasons.append(_dialogue_reason(evaluation.dialogue))
    order = list(WEIGHTS)
    reasons.sort(key=lambda reason: (not reason.positive, order.index(reason.component)))
    return Match(evaluation.value, tuple(reasons), evaluation.components)
