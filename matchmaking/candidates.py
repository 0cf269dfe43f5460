"""From the database to the scoring function: narrow the candidates with indexes, then rank in Python.

Needs → offers (`find_matches`): one SQL statement picks about POOL_SIZE published entrepreneurs
through the GIN indexes on the entrepreneurs' facet arrays (service areas, target groups, coverage),
in tiers from the best (all the need's areas and groups, in its municipality) to the weakest (one
area or group in common, elsewhere), stopping as soon as the pool is full; and TEXT_POOL_SIZE more
whose search document best matches the need's words (GIN index on search_vector). Their published
offers are loaded in a fixed number of queries (plain SQL), and the offers (or, for an entrepreneur
without offers, its profile) are scored in Python, highest possible score first: once the list is
full, an offer whose best case (every word and concept of the need found, scoring.score_bound) is
below the list's last score is neither read nor scored. Each entrepreneur is listed once, with its
best offer; the list is the one scoring every candidate gives.

Offers → needs (`needs_for_entrepreneurs`): the other way round, for an entrepreneur's dashboard
and the e-mail alerts; there are few open needs, so every candidate need is scored.

manage.py benchmark_matching times this over 100 000 synthetic entrepreneurs and compares the result
with scoring a pool a hundred times larger (docs/benchmarks.md, «Matching»).
"""

from __future__ import annotations

import heapq
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connections
from django.db.models import OuterRef
from django.utils import translation

from directory.models import (
    CollaborationForm,
    Offer,
    PublicationStatus,
    ServiceArea,
    SocialEntrepreneur,
    TargetGroup,
)
from directory.search import ExpandedTerm, build_tsquery
from matchmaking import scoring

# How many entrepreneurs the database hands over to be scored in Python.
POOL_SIZE = 150
# Text matches are ranked among at most this many documents. With real data far fewer match the
# need's words; the cap keeps a need full of very common words from ranking the whole table. 500
# rather than 1 000 (30 Nov 2026): the ranking of those documents was a tenth of a match list's time
# at 100 000 entrepreneurs, and the lists' quality stayed the same (docs/benchmarks.md).
TEXT_SCAN_LIMIT = 500
TEXT_POOL_SIZE = 60
# Candidates are read and scored this many at a time, highest bound first (_rank_unread).
READ_BATCH = 100
# Scores are rounded to one decimal: a bound (unrounded) this far below a score cannot round up to it.
BOUND_MARGIN = 0.051
# The need's words used to find documents: the title's words and then the longest of the rest
# (long Norwegian words are compounds that say the most: "arbeidstrening", "pårørendestøtte").
MAX_QUERY_TERMS = 16
MAX_WORD_LENGTH = 40
# Stems never change, so they are kept in memory (a bounded cache; words beyond it are looked up again).
STEM_CACHE_SIZE = 200_000
# The concept terms among the need's words when finding documents (the words of its concepts).
MAX_CONCEPT_QUERY_TERMS = 6
# At most this many of the candidates' latest dialogues about other needs are read for the boost.
MAX_DIALOGUES = 500
# The thesaurus is kept in memory this many seconds; a change in this process clears it at once
# (signals in apps.py), other processes see it within this time.
THESAURUS_SECONDS = 60.0
_thesauri: dict[str, tuple[float, scoring.Thesaurus]] = {}
# The taxonomies' names (by id, in bokmål) and the reader's labels for them, kept like the thesaurus.
_name_cache: dict[str, tuple[float, dict[str, dict[int, str]]]] = {}
_labels: dict[tuple[str, str], tuple[float, dict[str, str]]] = {}

_WORD = re.compile(rf"[^\W\d_]{{1,{MAX_WORD_LENGTH}}}", re.UNICODE)
_stem_cache: dict[str, tuple[str, ...]] = {}


# --- Words and stems ----------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """The distinct words of a text, lowercased, in the order they first appear."""
    return list(dict.fromkeys(_WORD.findall(text.lower())))


def stems(word_list: Iterable[str], using: str = "default") -> dict[str, tuple[str, ...]]:
    """Each word's Norwegian stems from PostgreSQL's stemmer (empty for stop words), one query at most."""
    word_list = list(dict.fromkeys(word_list))
    missing = [word for word in word_list if word not in _stem_cache]
    if missing:
        with connections[using].cursor() as cursor:
            cursor.execute(
                "SELECT w, coalesce(ts_lexize('norwegian_stem', w), '{}'::text[]) FROM unnest(%s::text[]) AS w",
                [missing],
            )
            found = {word: tuple(result) for word, result in cursor.fetchall()}
        if len(_stem_cache) + len(found) > STEM_CACHE_SIZE:
            _stem_cache.clear()
        _stem_cache.update(found)
        return {word: _stem_cache.get(word) or found.get(word, ()) for word in word_list}
    return {word: _stem_cache[word] for word in word_list}


def terms_of(text: str, stem_map: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Stem → the first word of `text` with that stem, leaving out stop words."""
    terms: dict[str, str] = {}
    for word in words(text):
        for stem in stem_map.get(word, ()):
            terms.setdefault(stem, word)
    return terms


# --- Needs as plain values -----------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    id: int
    name: str


@dataclass(frozen=True)
class NeedSpec:
    """A need as the matching sees it; built from a saved Need or written directly (evaluation, benchmark)."""

    title: str
    body: str
    service_areas: tuple[Term, ...] = ()
    target_groups: tuple[Term, ...] = ()
    collaboration_forms: tuple[Term, ...] = ()
    municipality: Term | None = None
    county: Term | None = None
    # The saved need's id, if any: its own dialogues do not count as dialogues about a similar need.
    pk: int | None = None

    @classmethod
    def from_need(cls, need) -> NeedSpec:
        """From a Need; prefetch its service_areas, target_groups and collaboration_forms for lists.
        The terms are named in bokmål whatever the reader's language (see in_matching_language)."""
        with in_matching_language():
            return cls._from_need(need)

    @classmethod
    def _from_need(cls, need) -> NeedSpec:
        return cls(
            title=need.title,
            body=f"{need.challenge}\n{need.effects}",
            service_areas=tuple(Term(term.pk, term.name) for term in need.service_areas.all()),
            target_groups=tuple(Term(term.pk, term.name) for term in need.target_groups.all()),
            collaboration_forms=tuple(Term(term.pk, term.name) for term in need.collaboration_forms.all()),
            municipality=Term(need.municipality.pk, need.municipality.name) if need.municipality else None,
            county=Term(need.county.pk, need.county.name) if need.county else None,
            pk=need.pk,
        )


# --- The language of the matching ------------------------------------------------------------------


def in_matching_language():
    """The matching compares names of areas, groups, forms and concepts; it reads them all in the
    site's language (bokmål) so that a need ranks the same for every reader: read in English, a need's
    ticked «Elderly care» would never meet the thesaurus's «Eldreomsorg». Only the reasons are written
    in the reader's language (reader_labels)."""
    return translation.override(settings.LANGUAGE_CODE)


def reader_labels(using: str = "default") -> dict[str, str]:
    """Bokmål name → the name in the active language, for every area, group and form (concepts carry
    their names in every language in the thesaurus)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    key = (using, language)
    kept = _labels.get(key)
    now = time.monotonic()
    if kept is None or now - kept[0] > THESAURUS_SECONDS:
        labels: dict[str, str] = {}
        for model in (ServiceArea, TargetGroup, CollaborationForm):
            terms = list(model.objects.using(using).all())
            with in_matching_language():
                default_names = [term.name for term in terms]
            labels.update(
                (name, term.name) for name, term in zip(default_names, terms, strict=True) if term.name != name
            )
        kept = _labels[key] = (now, labels)
    return kept[1]


# --- The thesaurus -------------------------------------------------------------------------------


def forget_thesaurus(**kwargs) -> None:
    """Drop the thesaurus, the taxonomies' names and the labels kept in memory (a concept, its links or
    a taxonomy term changed)."""
    _thesauri.clear()
    _name_cache.clear()
    _labels.clear()


def current_thesaurus(using: str = "default") -> scoring.Thesaurus:
    """The thesaurus, from memory if read less than THESAURUS_SECONDS ago."""
    kept = _thesauri.get(using)
    now = time.monotonic()
    if kept is None or now - kept[0] > THESAURUS_SECONDS:
        with in_matching_language():
            kept = _thesauri[using] = (now, load_thesaurus(using))
    return kept[1]


def load_thesaurus(using: str = "default") -> scoring.Thesaurus:
    """Every concept with its terms as stems (one query, and one for stems not yet in memory)."""
    from matchmaking.models import Concept

    through_areas = Concept.service_areas.through
    through_groups = Concept.target_groups.through
    rows = list(
        Concept.objects.using(using)
        .annotate(
            area_names=ArraySubquery(
                through_areas.objects.filter(concept_id=OuterRef("pk")).values("servicearea__name")
            ),
            group_names=ArraySubquery(
                through_groups.objects.filter(concept_id=OuterRef("pk")).values("targetgroup__name")
            ),
        )
        .order_by("name_nb", "pk")
    )
    term_lists = {concept.pk: concept.term_list() for concept in rows}
    stem_map = stems((word for terms in term_lists.values() for term in terms for word in words(term)), using=using)
    concepts = []
    for concept in rows:
        terms = []
        for term in term_lists[concept.pk]:
            term_stems = tuple(dict.fromkeys(stem for word in words(term) for stem in stem_map.get(word, ())))
            if term_stems:
                terms.append(term_stems)
        concepts.append(
            scoring.ConceptFacts(
                concept.slug,
                concept.name_nb or concept.name,
                tuple(dict.fromkeys(terms)),
                frozenset(concept.area_names),
                frozenset(concept.group_names),
                tuple(
                    (language, name)
                    for language in ("nn", "en")
                    if (name := getattr(concept, f"name_{language}", None))
                ),
            )
        )
    return scoring.Thesaurus(concepts)


def need_facts(
    spec: NeedSpec, stem_map: dict[str, tuple[str, ...]], thesaurus: scoring.Thesaurus | None = None
) -> scoring.NeedFacts:
    terms = terms_of(f"{spec.title}\n{spec.body}", stem_map)
    areas = frozenset(term.name for term in spec.service_areas)
    groups = frozenset(term.name for term in spec.target_groups)
    concepts: dict[str, str] = {}
    concept_translations: dict[str, dict[str, str]] = {}
    inferred_areas = inferred_groups = frozenset()
    if thesaurus:
        # The need's own words may be misspelt: the thesaurus forgives a slip of the keyboard here.
        found = thesaurus.find(terms, fuzzy=True)
        concepts = {slug: thesaurus.concepts[slug].name for slug in found}
        concept_translations = {
            slug: dict(thesaurus.concepts[slug].translations) for slug in found if thesaurus.concepts[slug].translations
        }
        implied_areas, implied_groups = thesaurus.implied(found)
        inferred_areas, inferred_groups = implied_areas - areas, implied_groups - groups
    return scoring.NeedFacts(
        service_areas=areas,
        target_groups=groups,
        collaboration_forms=frozenset(term.name for term in spec.collaboration_forms),
        municipality_id=spec.municipality.id if spec.municipality else None,
        municipality_name=spec.municipality.name if spec.municipality else "",
        county_id=spec.county.id if spec.county else None,
        county_name=spec.county.name if spec.county else "",
        terms=terms,
        title_terms=frozenset(terms_of(spec.title, stem_map)),
        concepts=concepts,
        concept_translations=concept_translations,
        inferred_areas=inferred_areas,
        inferred_groups=inferred_groups,
        need_id=spec.pk,
    )


def needs_facts(
    specs: Sequence[NeedSpec], using: str = "default", thesaurus: scoring.Thesaurus | None = None
) -> list[scoring.NeedFacts]:
    """Facts for several needs, with one stemming query for all their words."""
    thesaurus = current_thesaurus(using) if thesaurus is None else thesaurus
    stem_map = stems((word for spec in specs for word in words(f"{spec.title}\n{spec.body}")), using=using)
    return [need_facts(spec, stem_map, thesaurus) for spec in specs]


def relevant_concepts(facts: scoring.NeedFacts, thesaurus: scoring.Thesaurus) -> frozenset[str]:
    """The concepts worth looking for in the candidates' texts: the need's own. (Looking also for every
    concept of the need's areas and groups read twice the words for little gain: docs/decisions.md.)"""
    return frozenset(facts.concepts)


def query_terms_for(facts: scoring.NeedFacts, thesaurus: scoring.Thesaurus | None = None) -> list[str]:
    """The stems that find candidate documents: title words first, then the one-word terms of the need's
    concepts (a paraphrase finds the entrepreneur's own word), then the longest other words; at most
    MAX_QUERY_TERMS, as every term costs a scan of the index."""
    useful = [stem for stem in facts.terms if stem not in scoring.GENERIC_STEMS]
    title = [stem for stem in useful if stem in facts.title_terms]
    rest = sorted((stem for stem in useful if stem not in facts.title_terms), key=len, reverse=True)
    concept_terms: list[str] = []
    # Only for a need that left areas or groups unticked: the ticks find the rest through the facet
    # indexes, and a concept's words are common words, each costing a ranking of up to TEXT_SCAN_LIMIT documents.
    if thesaurus and facts.concepts and not (facts.service_areas and facts.target_groups):
        own = set(useful)
        concept_terms = sorted(
            {
                term[0]
                for slug in facts.concepts
                for term in thesaurus.concepts[slug].terms
                if len(term) == 1 and len(term[0]) >= scoring.MIN_PREFIX_LENGTH and term[0] not in own
            },
            key=lambda stem: (-len(stem), stem),
        )[:MAX_CONCEPT_QUERY_TERMS]
    return list(dict.fromkeys(title + concept_terms + rest))[:MAX_QUERY_TERMS]


def need_tsquery(facts: scoring.NeedFacts, thesaurus: scoring.Thesaurus | None = None) -> str:
    """Any of the need's search stems, each also as a prefix (Norwegian compounds and inflections)."""
    expanded = [ExpandedTerm(stem, (stem,), ()) for stem in query_terms_for(facts, thesaurus)]
    return build_tsquery(expanded, match_all=False)


# --- Offers as plain values ----------------------------------------------------------------------


@dataclass(frozen=True)
class OfferSummary:
    """What the pages show of the offer that matched: its title."""

    pk: int
    title: str


@dataclass
class Candidate:
    """One thing to score: an offer, or an entrepreneur's profile when it has no published offer."""

    # A SocialEntrepreneur from load_candidates; inside find_matches its row until it is listed.
    entrepreneur: SocialEntrepreneur | _EntrepreneurRow
    offer: OfferSummary | None
    facts: scoring.OfferFacts


def _taxonomy_names(using: str) -> dict[str, dict[int, str]]:
    """Each taxonomy's names by id, in bokmål; kept in memory like the thesaurus."""
    kept = _name_cache.get(using)
    now = time.monotonic()
    if kept is None or now - kept[0] > THESAURUS_SECONDS:
        with in_matching_language():
            names = {
                "service_areas": dict(ServiceArea.objects.using(using).values_list("pk", "name")),
                "target_groups": dict(TargetGroup.objects.using(using).values_list("pk", "name")),
                "collaboration_forms": dict(CollaborationForm.objects.using(using).values_list("pk", "name")),
            }
        kept = _name_cache[using] = (now, names)
    return kept[1]


def _coverage(entrepreneur: SocialEntrepreneur) -> dict:
    """The entrepreneur's coverage from its facet codes: "*", "c:<county>", "m:<municipality>", "mc:<county>"."""
    codes = entrepreneur.facet_coverage or []
    by_kind: dict[str, set[int]] = {"c": set(), "m": set(), "mc": set()}
    for code in codes:
        kind, _, number = code.partition(":")
        if kind in by_kind and number.isdigit():
            by_kind[kind].add(int(number))
    return {
        "nationwide": "*" in codes,
        "county_ids": frozenset(by_kind["c"]),
        "municipality_ids": frozenset(by_kind["m"]),
        "municipality_county_ids": frozenset(by_kind["mc"]),
    }


def _names(ids: Iterable[int], names: dict[int, str]) -> frozenset[str]:
    if not ids:  # most offers tick nothing of their own; this runs some 1 500 times per need
        return frozenset()
    return frozenset(names[pk] for pk in ids if pk in names)


# The entrepreneurs' columns the matching reads; search_vector and the other wide columns stay behind.
_ENTREPRENEUR_FIELDS = (
    "id",
    "name",
    "slug",
    "summary",
    "social_mission",
    "description",
    "nationwide",
    "facet_service_areas",
    "facet_target_groups",
    "facet_collaboration_forms",
    "facet_coverage",
)


@dataclass(eq=False)
class _EntrepreneurRow:
    """An entrepreneur as the matching reads it (_ENTREPRENEUR_FIELDS, in that order). The model
    instance is made only for the entrepreneurs that are listed: making one took about 20 µs, for
    some 200 candidates per need."""

    id: int
    name: str
    slug: str
    summary: str
    social_mission: str
    description: str
    nationwide: bool
    facet_service_areas: list[int]
    facet_target_groups: list[int]
    facet_collaboration_forms: list[int]
    facet_coverage: list[str]
    using: str = "default"
    _model: SocialEntrepreneur | None = None

    @property
    def pk(self) -> int:
        return self.id

    def model(self) -> SocialEntrepreneur:
        """The entrepreneur with these fields loaded and the others deferred, as with .only()."""
        if self._model is None:
            values = tuple(getattr(self, field) for field in _ENTREPRENEUR_FIELDS)
            self._model = SocialEntrepreneur.from_db(self.using, _ENTREPRENEUR_FIELDS, values)
        return self._model


def _model_of(entrepreneur: SocialEntrepreneur | _EntrepreneurRow) -> SocialEntrepreneur:
    return entrepreneur.model() if isinstance(entrepreneur, _EntrepreneurRow) else entrepreneur


def _load_entrepreneurs(entrepreneur_ids: list[int], using: str) -> list[_EntrepreneurRow]:
    """The published ones among these entrepreneurs, with the fields the matching reads. Plain SQL:
    the ORM spent more time building and reading the query than PostgreSQL took to run it
    (docs/decisions.md, 30 November 2026)."""
    table = SocialEntrepreneur._meta.db_table
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(_ENTREPRENEUR_FIELDS)} FROM {table} "  # noqa: S608
            "WHERE id = ANY(%s) AND status = %s ORDER BY name, id",
            [entrepreneur_ids, PublicationStatus.PUBLISHED],
        )
        return [_EntrepreneurRow(*row, using=using) for row in cursor.fetchall()]


def _load_offers(entrepreneur_ids: list[int], using: str) -> dict[int, list[dict]]:
    """Each entrepreneur's published offers (by title) with the ids of their areas, groups and forms."""
    arrays = []
    for field, column in (
        ("service_areas", "area_ids"),
        ("target_groups", "group_ids"),
        ("collaboration_forms", "form_ids"),
    ):
        remote = Offer._meta.get_field(field)
        through = remote.remote_field.through._meta
        target, source = remote.m2m_reverse_name(), remote.m2m_column_name()
        arrays.append(f"ARRAY(SELECT t.{target} FROM {through.db_table} t WHERE t.{source} = o.id) AS {column}")  # noqa: S608
    sql = (
        f"SELECT o.id, o.entrepreneur_id, o.title, o.description, {', '.join(arrays)} "  # noqa: S608
        f"FROM {Offer._meta.db_table} o WHERE o.entrepreneur_id = ANY(%s) AND o.status = %s ORDER BY o.title, o.id"
    )
    offers: dict[int, list[dict]] = {}
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [entrepreneur_ids, Offer.Status.PUBLISHED])
        for pk, entrepreneur_id, title, description, area_ids, group_ids, form_ids in cursor.fetchall():
            offers.setdefault(entrepreneur_id, []).append(
                {
                    "pk": pk,
                    "title": title,
                    "description": description,
                    "area_ids": area_ids,
                    "group_ids": group_ids,
                    "form_ids": form_ids,
                }
            )
    return offers


def _word_set(text: str, pattern: re.Pattern = _WORD) -> set[str]:
    return set(pattern.findall(text.lower()))


def words_that_can_match(facts: scoring.NeedFacts, concept_stems: Iterable[str] = ()) -> re.Pattern:
    """A pattern for just the words of an offer that can match one of the need's stems.

    Norwegian Snowball stems are beginnings of their words, and two stems match when they are equal or
    one begins the other (at least MIN_PREFIX_LENGTH letters); so a word can only match a stem when it
    begins with the stem's first MIN_PREFIX_LENGTH letters (or the whole of a shorter stem). Reading
    only those words gives the same score with much less work. `concept_stems` are the term stems of
    the concepts looked for (relevant_concepts), which are found the same way.
    """
    beginnings = {stem[: scoring.MIN_PREFIX_LENGTH] for stem in facts.terms if stem not in scoring.GENERIC_STEMS}
    beginnings |= {stem[: scoring.MIN_PREFIX_LENGTH] for stem in concept_stems}
    if not beginnings:
        return re.compile(r"(?!x)x")
    alternatives = "|".join(sorted((re.escape(beginning) for beginning in beginnings), key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})[^\W\d_]{{0,{MAX_WORD_LENGTH}}}", re.UNICODE)


def _stems_of(word_set: set[str], stem_map: dict[str, tuple[str, ...]]) -> frozenset[str]:
    found: set[str] = set()
    for word in word_set:
        found.update(stem_map.get(word, ()))
    return frozenset(found)


def _case_texts(entrepreneur_ids: list[int], using: str) -> dict[int, str]:
    """The text of the published cases each entrepreneur appears in (one query)."""
    # Plain SQL, as for the entrepreneurs: the base columns, which is what the ORM reads through the
    # link table (modeltranslation does not rewrite related lookups).
    with connections[using].cursor() as cursor:
        cursor.execute(
            """SELECT ce.socialentrepreneur_id, c.title, c.summary, c.body, c.lessons
                 FROM directory_case_entrepreneurs ce JOIN directory_case c ON c.id = ce.case_id
                WHERE ce.socialentrepreneur_id = ANY(%s) AND c.status = %s""",
            [entrepreneur_ids, PublicationStatus.PUBLISHED],
        )
        rows = cursor.fetchall()
    texts: dict[int, list[str]] = {}
    for entrepreneur_id, *parts in rows:
        texts.setdefault(entrepreneur_id, []).extend(parts)
    return {key: " ".join(parts) for key, parts in texts.items()}


def load_dialogues(
    entrepreneur_ids: list[int],
    thesaurus: scoring.Thesaurus,
    *,
    exclude_need: int | None = None,
    using: str = "default",
) -> dict[int, tuple[scoring.PastDialogue, ...]]:
    """The entrepreneurs' latest dialogues about other needs, with what those needs were about.

    Declined dialogues are left out here and ignored by the scoring as well. One query when there are
    none; else three more at most (the needs' areas, their groups, stems of words not yet in memory).
    """
    from matchmaking.models import Interest, Need

    if not entrepreneur_ids:
        return {}
    # Plain SQL: most candidates have no dialogues, and building this query in the ORM cost more than
    # running it. "IS DISTINCT FROM" keeps what .exclude(need_id=exclude_need) kept, None included.
    columns = (
        "entrepreneur_id", "need_id", "kind", "state", "need__title", "need__challenge", "need__effects",
        "need__municipality__name", "need__county__name", "need__public_body__name",
    )  # fmt: skip
    with connections[using].cursor() as cursor:
        cursor.execute(
            """SELECT i.entrepreneur_id, i.need_id, i.kind, i.state, n.title, n.challenge, n.effects,
                      m.name, c.name, b.name
                 FROM matchmaking_interest i
                 JOIN matchmaking_need n ON n.id = i.need_id
                 LEFT JOIN directory_municipality m ON m.id = n.municipality_id
                 LEFT JOIN directory_county c ON c.id = n.county_id
                 JOIN directory_publicbody b ON b.id = n.public_body_id
                WHERE i.entrepreneur_id = ANY(%s) AND i.state <> %s AND i.need_id IS DISTINCT FROM %s
                ORDER BY i.updated DESC, i.id DESC
                LIMIT %s""",
            [list(entrepreneur_ids), Interest.State.DECLINED, exclude_need, MAX_DIALOGUES],
        )
        rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    if not rows:
        return {}
    # The areas and groups of those needs, only when there are dialogues (most candidates have none).
    need_ids = {row["need_id"] for row in rows}
    areas: dict[int, set[str]] = {}
    groups: dict[int, set[str]] = {}
    for model, field, found in (
        (Need.service_areas.through, "servicearea__name", areas),
        (Need.target_groups.through, "targetgroup__name", groups),
    ):
        for need_id, name in model.objects.using(using).filter(need_id__in=need_ids).values_list("need_id", field):
            found.setdefault(need_id, set()).add(name)
    for row in rows:
        row["area_names"] = areas.get(row["need_id"], ())
        row["group_names"] = groups.get(row["need_id"], ())
    texts = {row["need_id"]: f"{row['need__title']}\n{row['need__challenge']}\n{row['need__effects']}" for row in rows}
    stem_map = stems((word for text in texts.values() for word in words(text)), using=using)
    concepts = {
        need_id: frozenset(thesaurus.find(terms_of(text, stem_map), fuzzy=True)) for need_id, text in texts.items()
    }
    found: dict[int, list[scoring.PastDialogue]] = {}
    for row in rows:
        need_concepts = concepts[row["need_id"]]
        implied_areas, implied_groups = thesaurus.implied(need_concepts)
        found.setdefault(row["entrepreneur_id"], []).append(
            scoring.PastDialogue(
                need_id=row["need_id"],
                answered=row["kind"] == Interest.Kind.ANSWER,
                state=row["state"],
                place=row["need__municipality__name"] or row["need__county__name"] or row["need__public_body__name"],
                concepts=need_concepts,
                service_areas=frozenset(row["area_names"]) | implied_areas,
                target_groups=frozenset(row["group_names"]) | implied_groups,
            )
        )
    return {key: tuple(value) for key, value in found.items()}


@dataclass
class _Unread:
    """An offer (or a profile) with every fact but those of its words, which cost the most to read."""

    entrepreneur: _EntrepreneurRow
    offer: OfferSummary | None
    # The offer's title and description; None for a profile.
    own_text: str | None
    facts: scoring.OfferFacts


class _WordReader:
    """Reads the words of candidates, each entrepreneur's profile and cases once however many of its
    offers are read and in how many batches."""

    def __init__(
        self,
        profiles: dict[int, str],
        case_texts: dict[int, str],
        word_pattern: re.Pattern,
        thesaurus: scoring.Thesaurus,
        concepts: frozenset[str] | None,
        using: str,
    ):
        self.profiles, self.case_texts, self.word_pattern = profiles, case_texts, word_pattern
        self.thesaurus, self.concepts, self.using = thesaurus, concepts, using
        self._profile_words: dict[int, set[str]] = {}
        self._case_words: dict[int, set[str]] = {}

    def read(self, unread: Sequence[_Unread]) -> list[Candidate]:
        """The candidates with their words, stemmed in one query at most."""
        word_sets = []
        for item in unread:
            pk = item.entrepreneur.pk
            if pk not in self._profile_words:
                self._profile_words[pk] = _word_set(self.profiles[pk], self.word_pattern)
                self._case_words[pk] = _word_set(self.case_texts.get(pk, ""), self.word_pattern)
            profile = self._profile_words[pk]
            word_sets.append(
                profile if item.own_text is None else _word_set(item.own_text, self.word_pattern) | profile
            )
        stem_map = stems(
            set().union(*word_sets, *(self._case_words[item.entrepreneur.pk] for item in unread)), using=self.using
        )
        return [
            Candidate(item.entrepreneur, item.offer, self._facts(item, word_set, stem_map))
            for item, word_set in zip(unread, word_sets, strict=True)
        ]

    def _facts(self, item: _Unread, word_set: set[str], stem_map: dict[str, tuple[str, ...]]) -> scoring.OfferFacts:
        """OfferFacts for one text; areas and groups from the concepts of the text when none are ticked."""
        thesaurus, concepts = self.thesaurus, self.concepts
        own = _stems_of(word_set, stem_map) if word_set else frozenset()
        found = frozenset(thesaurus.find(own, among=concepts)) if thesaurus else frozenset()
        case_terms = _stems_of(self._case_words[item.entrepreneur.pk], stem_map) - own
        in_cases = frozenset(thesaurus.find(case_terms | own, among=concepts)) - found if case_terms else frozenset()
        areas, groups = item.facts.service_areas, item.facts.target_groups
        if found and not (areas and groups):
            implied_areas, implied_groups = thesaurus.implied(found)
            areas, groups = areas or implied_areas, groups or implied_groups
        unread = item.facts
        # Every field of OfferFacts, built one by one: dataclasses.replace() cost as much as the rest
        # of this method.
        return scoring.OfferFacts(
            service_areas=areas,
            target_groups=groups,
            collaboration_forms=unread.collaboration_forms,
            nationwide=unread.nationwide,
            county_ids=unread.county_ids,
            municipality_ids=unread.municipality_ids,
            municipality_county_ids=unread.municipality_county_ids,
            terms=own,
            case_terms=case_terms,
            concepts=found,
            case_concepts=in_cases,
            dialogues=unread.dialogues,
        )


def _load_unread(
    entrepreneur_ids: Iterable[int],
    using: str,
    word_pattern: re.Pattern,
    *,
    thesaurus: scoring.Thesaurus,
    concepts: frozenset[str] | None,
    exclude_need: int | None,
    names: dict,
) -> tuple[list[_Unread], _WordReader]:
    """The candidates of these entrepreneurs without their words, and the reader of their words."""
    entrepreneurs = _load_entrepreneurs(list(entrepreneur_ids), using)
    ids = [entrepreneur.pk for entrepreneur in entrepreneurs]
    offers = _load_offers(ids, using) if ids else {}
    case_texts = _case_texts(ids, using) if ids else {}
    dialogues = load_dialogues(ids, thesaurus, exclude_need=exclude_need, using=using)

    unread: list[_Unread] = []
    profiles: dict[int, str] = {}
    for entrepreneur in entrepreneurs:
        pk = entrepreneur.pk
        profiles[pk] = f"{entrepreneur.summary} {entrepreneur.social_mission} {entrepreneur.description}"
        common = {"dialogues": dialogues.get(pk, ()), **_coverage(entrepreneur)}
        profile_areas = _names(entrepreneur.facet_service_areas, names["service_areas"])
        profile_groups = _names(entrepreneur.facet_target_groups, names["target_groups"])
        for row in offers.get(pk, []):
            # An offer without areas or groups of its own is read with its entrepreneur's.
            facts = scoring.OfferFacts(
                service_areas=_names(row["area_ids"], names["service_areas"]) or profile_areas,
                target_groups=_names(row["group_ids"], names["target_groups"]) or profile_groups,
                collaboration_forms=_names(row["form_ids"], names["collaboration_forms"]),
                **common,
            )
            unread.append(
                _Unread(
                    entrepreneur, OfferSummary(row["pk"], row["title"]), f"{row['title']} {row['description']}", facts
                )
            )
        if pk not in offers:
            facts = scoring.OfferFacts(
                service_areas=profile_areas,
                target_groups=profile_groups,
                collaboration_forms=_names(entrepreneur.facet_collaboration_forms, names["collaboration_forms"]),
                **common,
            )
            unread.append(_Unread(entrepreneur, None, None, facts))
    return unread, _WordReader(profiles, case_texts, word_pattern, thesaurus, concepts, using)


def load_candidates(
    entrepreneur_ids: Iterable[int],
    using: str = "default",
    word_pattern: re.Pattern = _WORD,
    *,
    thesaurus: scoring.Thesaurus | None = None,
    concepts: frozenset[str] | None = None,
    exclude_need: int | None = None,
    names: dict | None = None,
) -> list[Candidate]:
    """Every published offer of these entrepreneurs as facts for scoring, and the profile of those
    without one. A fixed number of queries however many entrepreneurs.

    An offer's own words are its title and description with all of its entrepreneur's profile (summary,
    social mission, description); a profile's are the profile. The cases the entrepreneur appears in are
    read apart, to count less. All are stemmed like the need's words. With `word_pattern` (see
    words_that_can_match) only the words that can matter for one need are read; with `concepts` only
    those concepts of the thesaurus are looked for (all without). An offer (or profile) without ticked
    areas or groups is read through the concepts of its own text. The entrepreneurs' dialogues about
    other needs than `exclude_need` come along for the dialogue boost.
    """
    unread, reader = _load_unread(
        entrepreneur_ids,
        using,
        word_pattern,
        thesaurus=current_thesaurus(using) if thesaurus is None else thesaurus,
        concepts=concepts,
        exclude_need=exclude_need,
        names=names or _taxonomy_names(using),
    )
    candidates = reader.read(unread)
    for candidate in candidates:
        candidate.entrepreneur = candidate.entrepreneur.model()
    return candidates


# --- Needs → offers -------------------------------------------------------------------------------


@dataclass
class RankedMatch:
    entrepreneur: SocialEntrepreneur
    offer: OfferSummary | None
    match: scoring.Match

    @property
    def score(self) -> float:
        return self.match.score


@dataclass(frozen=True)
class _Shared:
    """SQL conditions on one facet column: shares any of the need's terms, shares enough for a full
    match, and how many it shares."""

    any_sql: str
    any_params: list
    full_sql: str
    full_params: list
    count_sql: str
    count_params: list
    saturation: int


def _shared(column: str, terms: tuple[Term, ...]) -> _Shared | None:
    if not terms:
        return None
    ids = [term.id for term in terms]
    saturation = min(len(ids), scoring.TAXONOMY_SATURATION)
    if saturation == 1:
        full_sql, full_params = f"e.{column} && %s::bigint[]", [ids]
    else:
        pairs = [[first, second] for index, first in enumerate(ids) for second in ids[index + 1 :]]
        full_sql = "(" + " OR ".join(f"e.{column} @> %s::bigint[]" for _ in pairs) + ")"
        full_params = pairs
    count_sql = "(" + " + ".join(f"(e.{column} @> ARRAY[%s]::bigint[])::int" for _ in ids) + ")"
    return _Shared(f"e.{column} && %s::bigint[]", [ids], full_sql, full_params, count_sql, ids, saturation)


def _tiers(areas: _Shared | None, groups: _Shared | None) -> list[tuple[str, list]]:
    """Conditions for the entrepreneurs sharing the most areas and target groups first, then fewer."""
    dimensions = [dimension for dimension in (areas, groups) if dimension]
    if len(dimensions) == 2:
        a, g = dimensions
        return [
            (f"({a.full_sql} AND {g.full_sql})", a.full_params + g.full_params),
            (
                f"(({a.full_sql} AND {g.any_sql}) OR ({a.any_sql} AND {g.full_sql}))",
                a.full_params + g.any_params + a.any_params + g.full_params,
            ),
            (f"({a.any_sql} OR {g.any_sql})", a.any_params + g.any_params),
        ]
    if len(dimensions) == 1:
        (d,) = dimensions
        return [(d.full_sql, d.full_params), (d.any_sql, d.any_params)]
    return []


def _places(spec: NeedSpec, areas: _Shared | None, groups: _Shared | None) -> list[tuple[str, list, str, list]]:
    """Where entrepreneurs work, best first for this need, as conditions on the facet codes of coverage:
    the municipality or the whole county (ordered by a rough score with the weights of `scoring`),
    all of Norway, part of the county, anywhere else or not stated."""
    values, kinds, weights = scoring.COVERAGE_VALUES, scoring.Coverage, scoring.WEIGHTS
    local = [f"m:{spec.municipality.id}"] if spec.municipality else []
    local += [f"c:{spec.county.id}"] if spec.county else []
    part = [f"mc:{spec.county.id}"] if spec.county else []
    places: list[tuple[str, list, str, list]] = []
    if local:
        rough, rough_params = [], []
        for dimension, weight in ((areas, weights["service_areas"]), (groups, weights["target_groups"])):
            if dimension:
                rough.append(f"{weight} * least(1.0, {dimension.count_sql}::float / {dimension.saturation})")
                rough_params += dimension.count_params
        best = values[kinds.MUNICIPALITY] if spec.municipality else values[kinds.COUNTY]
        rough.append(
            f"{weights['coverage']} * CASE WHEN e.facet_coverage && %s::varchar[] THEN {best} "
            f"ELSE {values[kinds.COUNTY]} END"
        )
        rough_params.append(local[:1])
        order = f"ORDER BY {' + '.join(rough)} DESC, e.id"
        places.append(("e.facet_coverage && %s::varchar[]", [local], order, rough_params))
    places.append(("e.facet_coverage @> ARRAY['*']::varchar[]", [], "", []))
    if part:
        places.append(("e.facet_coverage && %s::varchar[]", [part], "", []))
    places.append(("NOT e.facet_coverage && %s::varchar[]", [[*local, "*", *part]], "", []))
    return places


def candidate_ids(
    spec: NeedSpec, tsquery: str, *, pool_size: int = POOL_SIZE, text_pool_size: int = TEXT_POOL_SIZE,
    using: str = "default",
) -> list[int]:  # fmt: skip
    """The ids of the published entrepreneurs worth scoring for this need, at most about
    `pool_size` + `text_pool_size`, found through indexes only:

    1. tiers by what they share with the need: enough areas and target groups for a full match on
       both, then on one of them, then anything in common; within each tier, by where they work: the
       municipality or whole county (ordered by a rough score with the weights of `scoring`), all of
       Norway, part of the county, the rest. Each tier is one search in the GIN indexes of the facet
       arrays, and the database stops as soon as the pool is full;
    2. the best `text_pool_size` by the need's words (GIN on search_vector, capped, ts_rank:
       half the cost of ts_rank_cd over TEXT_SCAN_LIMIT documents, and the scoring orders them anyway).

    Within a tier the database chooses; the scoring in Python puts them in order.
    """
    areas = _shared("facet_service_areas", spec.service_areas)
    groups = _shared("facet_target_groups", spec.target_groups)
    parts: list[str] = []
    params: list = []
    ctes: list[str] = []
    cte_params: list = []
    earlier: list[tuple[str, list]] = []
    tiers = _tiers(areas, groups)
    for index, (condition, condition_params) in enumerate(tiers):
        exclude = "".join(f" AND NOT {sql}" for sql, _ in earlier)
        exclude_params = [value for _, values in earlier for value in values]
        if index == 0 and len(tiers) > 1:
            # The first tier (enough of both, or of the one dimension) is found once and then split
            # by place: each place as its own index search repeated the GIN scans of the areas and
            # groups, about 2 ms each over 100 000 entrepreneurs. The later tiers are broader (up to
            # half the table) and stay one search per place, cut short by LIMIT.
            ctes.append(
                f"""tier{index} AS MATERIALIZED (
                    SELECT e.id, e.facet_coverage, e.facet_service_areas, e.facet_target_groups
                      FROM directory_socialentrepreneur e
                     WHERE e.status = 'published' AND {condition}{exclude})"""  # noqa: S608
            )
            cte_params += [*condition_params, *exclude_params]
            for place, place_params, order, order_params in _places(spec, areas, groups):
                parts.append(f"(SELECT e.id FROM tier{index} e WHERE {place} {order} LIMIT %s)")  # noqa: S608
                params += [*place_params, *order_params, pool_size]
        else:
            for place, place_params, order, order_params in _places(spec, areas, groups):
                parts.append(
                    f"""(SELECT e.id FROM directory_socialentrepreneur e
                          WHERE e.status = 'published' AND {condition} AND {place}{exclude}
                          {order} LIMIT %s)"""  # noqa: S608
                )
                params += [*condition_params, *place_params, *exclude_params, *order_params, pool_size]
        earlier.append((condition, condition_params))
    # The tiers in order, cut at pool_size; then the best by the words.
    sql = "SELECT id FROM (" + (" UNION ALL ".join(parts) or "SELECT NULL::bigint AS id WHERE false")  # noqa: S608
    sql += ") AS chosen LIMIT %s"
    if ctes:
        sql = f"WITH {', '.join(ctes)} {sql}"
    params = [*cte_params, *params, pool_size]
    if tsquery:
        sql = f"""({sql}) UNION ALL
            (SELECT d.id
               FROM (SELECT id, search_vector FROM directory_socialentrepreneur
                      WHERE status = 'published' AND search_vector @@ to_tsquery('simple', %s)
                      LIMIT %s) AS d
              ORDER BY ts_rank(d.search_vector, to_tsquery('simple', %s)) DESC, d.id
              LIMIT %s)"""  # noqa: S608
        params += [tsquery, TEXT_SCAN_LIMIT, tsquery, text_pool_size]
    # All SQL here is built from this module's constants; every value from the need is a parameter.
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return list(dict.fromkeys(row[0] for row in cursor.fetchall()))


def rank(
    facts: scoring.NeedFacts,
    candidates: Iterable[Candidate],
    limit: int | None = None,
    labels: dict[str, str] | None = None,
) -> list[RankedMatch]:
    """Score every candidate; keep each entrepreneur's best offer; best first (ties by name).

    Every candidate gets a score; only those on the list get their reasons written, in the active
    language with the names `labels` gives (reader_labels).
    """
    best: dict[int, tuple[float, int, Candidate]] = {}
    _keep_best(best, facts, enumerate(candidates))
    return _ranked(facts, best, limit, labels)


def _keep_best(
    best: dict[int, tuple[float, int, Candidate]], facts: scoring.NeedFacts, candidates: Iterable[tuple[int, Candidate]]
) -> None:
    """Score the numbered candidates into `best`: each entrepreneur's best score, the first offer
    (by number) among equals."""
    for number, candidate in candidates:
        value = scoring.score_value(facts, candidate.facts)
        if value <= 0:
            continue
        current = best.get(candidate.entrepreneur.pk)
        if current is None or (value, -number) > (current[0], -current[1]):
            best[candidate.entrepreneur.pk] = (value, number, candidate)


def _ranked(
    facts: scoring.NeedFacts,
    best: dict[int, tuple[float, int, Candidate]],
    limit: int | None,
    labels: dict[str, str] | None,
) -> list[RankedMatch]:
    ordered = sorted(best.values(), key=lambda item: (-item[0], item[2].entrepreneur.name, item[2].entrepreneur.pk))
    if limit:
        ordered = ordered[:limit]
    return [
        RankedMatch(_model_of(candidate.entrepreneur), candidate.offer, scoring.score(facts, candidate.facts, labels))
        for _value, _number, candidate in ordered
    ]


def _rank_unread(
    facts: scoring.NeedFacts,
    unread: list[_Unread],
    reader: _WordReader,
    limit: int,
    labels: dict[str, str] | None,
) -> list[RankedMatch]:
    """rank() without reading the words of candidates that cannot reach the first `limit`.

    Candidates are read and scored in batches, highest bound first (scoring.score_bound: the score
    with every word and concept of the need found). Once `limit` entrepreneurs are scored, a
    candidate whose bound is below the last of them cannot enter the list, nor can any after it.
    The list is the one rank() gives. Reading the words (the pattern, stems, concepts) and scoring
    were most of the Python time of a match list (docs/decisions.md, 30 November 2026)."""
    bounds = sorted(
        (
            scoring.score_bound(
                facts,
                item.facts,
                open_areas=not item.facts.service_areas,
                open_groups=not item.facts.target_groups,
            ),
            number,
        )
        for number, item in enumerate(unread)
    )
    bounds.reverse()
    best: dict[int, tuple[float, int, Candidate]] = {}
    position = 0
    while position < len(bounds):
        batch = bounds[position : position + READ_BATCH]
        if limit and len(best) >= limit:
            last = heapq.nlargest(limit, (value for value, _number, _candidate in best.values()))[-1]
            batch = [entry for entry in bounds[position : position + READ_BATCH] if entry[0] >= last - BOUND_MARGIN]
            if not batch:
                break
        numbers = [number for _bound, number in batch]
        _keep_best(best, facts, zip(numbers, reader.read([unread[number] for number in numbers]), strict=True))
        position += len(batch)
    return _ranked(facts, best, limit, labels)


def narrowing_spec(
    spec: NeedSpec, facts: scoring.NeedFacts, using: str = "default", names: dict | None = None
) -> NeedSpec:
    """The need as the database narrows it: where it ticked no area (or no group), the areas (groups)
    its concepts imply stand in, as in the scoring. Ticks are never widened: each extra term is another
    tier of index searches."""
    inferred_areas = facts.inferred_areas if not spec.service_areas else frozenset()
    inferred_groups = facts.inferred_groups if not spec.target_groups else frozenset()
    if not (inferred_areas or inferred_groups):
        return spec
    names = names or _taxonomy_names(using)
    ids = {kind: {name: pk for pk, name in names[kind].items()} for kind in ("service_areas", "target_groups")}

    def terms(kind: str, inferred: frozenset[str]) -> tuple[Term, ...]:
        return tuple(Term(ids[kind][name], name) for name in sorted(inferred) if name in ids[kind])

    return replace(
        spec,
        service_areas=spec.service_areas + terms("service_areas", inferred_areas),
        target_groups=spec.target_groups + terms("target_groups", inferred_groups),
    )


def find_matches(
    spec: NeedSpec, *, limit: int = 20, pool_size: int = POOL_SIZE, using: str = "default"
) -> list[RankedMatch]:
    """The entrepreneurs that best fit the need, each with its best offer, score and reasons (the
    reasons in the active language; the ranking the same in every language)."""
    labels = reader_labels(using)
    with in_matching_language():
        thesaurus = current_thesaurus(using)
        names = _taxonomy_names(using)
        facts = needs_facts([spec], using=using, thesaurus=thesaurus)[0]
        ids = candidate_ids(
            narrowing_spec(spec, facts, using, names), need_tsquery(facts, thesaurus), pool_size=pool_size, using=using
        )
        concepts = relevant_concepts(facts, thesaurus)
        unread, reader = _load_unread(
            ids,
            using,
            words_that_can_match(facts, thesaurus.term_stems(concepts)),
            thesaurus=thesaurus,
            concepts=concepts,
            exclude_need=spec.pk,
            names=names,
        )
    # Outside the matching language: the reasons are written in the reader's. (Reading the words needs
    # no language: the thesaurus and the names were read in bokmål above.)
    return _rank_unread(facts, unread, reader, limit, labels)


# --- Offers → needs -------------------------------------------------------------------------------


@dataclass
class NeedMatch:
    need: object
    entrepreneur: SocialEntrepreneur
    offer: OfferSummary | None
    match: scoring.Match

    @property
    def score(self) -> float:
        return self.match.score


def needs_for_entrepreneurs(
    entrepreneur_ids: Iterable[int], needs: Sequence, *, limit: int | None = None, using: str = "default"
) -> list[NeedMatch]:
    """Which of `needs` fit the offers of these entrepreneurs, best first, useful matches only.

    `needs` should have service_areas, target_groups and collaboration_forms prefetched and
    municipality and county selected; each need appears once, with the offer that fits it best.
    """
    labels = reader_labels(using)
    with in_matching_language():
        thesaurus = current_thesaurus(using)
        candidates = load_candidates(entrepreneur_ids, using=using, thesaurus=thesaurus)
        needs = list(needs)
        if not candidates or not needs:
            return []
        all_facts = needs_facts([NeedSpec.from_need(need) for need in needs], using=using, thesaurus=thesaurus)
    results: list[NeedMatch] = []
    for need, facts in zip(needs, all_facts, strict=True):
        best = rank(facts, candidates, limit=1, labels=labels)
        if best and best[0].match.is_useful:
            results.append(NeedMatch(need, best[0].entrepreneur, best[0].offer, best[0].match))
    results.sort(key=lambda item: (-item.score, -item.need.pk))
    return results[:limit] if limit else results
