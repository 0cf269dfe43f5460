"""Measuring the matching against needs with known answers (manage.py evaluate_matching, and a test).

Two measures over a set of needs, each with the entrepreneurs a person would expect:

- precision at 3: the share of the first three results that are expected. A need with only one or
  two expected entrepreneurs cannot fill three places, so its precision is divided by the number it
  could fill (min(3, expected)); the strict figure (always divided by 3) is reported beside it.
- top-3 hits: the share of needs with at least one expected entrepreneur among the first three;
- mean reciprocal rank: 1 / the position of the first expected entrepreneur, averaged (0 if none of
  the first 20 results is expected).

The baseline is a plain full-text search of the need's whole text in the entrepreneurs' search
documents, ranked by PostgreSQL's ts_rank, as the portal's own search does (directory/search.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F

from directory.models import County, Municipality, ServiceArea, SocialEntrepreneur, TargetGroup
from directory.search import build_tsquery, expand_terms
from matchmaking.candidates import NeedSpec, Term, find_matches, words

K = 3
DEPTH = 20


def precision_at(ranked: Sequence[str], expected: Sequence[str], k: int = K, *, strict: bool = False) -> float:
    if not expected:
        return 0.0
    hits = len(set(ranked[:k]) & set(expected))
    return hits / (k if strict else min(k, len(expected)))


def reciprocal_rank(ranked: Sequence[str], expected: Sequence[str]) -> float:
    for position, slug in enumerate(ranked, start=1):
        if slug in expected:
            return 1.0 / position
    return 0.0


@dataclass
class NeedResult:
    title: str
    expected: tuple[str, ...]
    ranked: list[str]

    @property
    def precision(self) -> float:
        return precision_at(self.ranked, self.expected)

    @property
    def strict_precision(self) -> float:
        return precision_at(self.ranked, self.expected, strict=True)

    @property
    def reciprocal_rank(self) -> float:
        return reciprocal_rank(self.ranked, self.expected)

    @property
    def hit(self) -> float:
        return 1.0 if set(self.ranked[:K]) & set(self.expected) else 0.0


@dataclass
class Report:
    name: str
    results: list[NeedResult]

    def _mean(self, attribute: str) -> float:
        return sum(getattr(result, attribute) for result in self.results) / len(self.results) if self.results else 0

    @property
    def precision_at_3(self) -> float:
        return self._mean("precision")

    @property
    def strict_precision_at_3(self) -> float:
        return self._mean("strict_precision")

    @property
    def mean_reciprocal_rank(self) -> float:
        return self._mean("reciprocal_rank")

    @property
    def hits_at_3(self) -> int:
        return int(sum(result.hit for result in self.results))


def spec_for(item) -> NeedSpec:
    """A NeedSpec for an evaluation need (title, challenge, effects, place, taxonomy slugs)."""
    municipality = county = None
    if len(item.place) == 4:
        place = Municipality.objects.select_related("county").get(number=item.place)
        municipality, county = Term(place.pk, place.name), Term(place.county.pk, place.county.name)
    elif item.place:
        place = County.objects.get(number=item.place)
        county = Term(place.pk, place.name)
    return NeedSpec(
        title=item.title,
        body=f"{item.challenge}\n{item.effects}",
        service_areas=tuple(Term(a.pk, a.name) for a in ServiceArea.objects.filter(slug__in=item.service_areas)),
        target_groups=tuple(Term(g.pk, g.name) for g in TargetGroup.objects.filter(slug__in=item.target_groups)),
        municipality=municipality,
        county=county,
    )


def rank_by_matching(item) -> list[str]:
    return [match.entrepreneur.slug for match in find_matches(spec_for(item), limit=DEPTH)]


def rank_by_fulltext(item) -> list[str]:
    """The baseline: every word of the need's text, any of which may match, ranked by ts_rank."""
    text = f"{item.title}\n{item.challenge}\n{item.effects}"
    tsquery = build_tsquery(expand_terms(words(text)), match_all=False)
    if not tsquery:
        return []
    query = SearchQuery(tsquery, search_type="raw", config="simple")
    found = (
        SocialEntrepreneur.objects.published()
        .filter(search_vector=query)
        .annotate(rank=SearchRank(F("search_vector"), query))
        .order_by("-rank", "name")
        .values_list("slug", flat=True)
    )
    return list(found[:DEPTH])


def evaluate(name: str, needs: Sequence, ranker: Callable[[object], list[str]]) -> Report:
    return Report(name, [NeedResult(item.title, tuple(item.expected), ranker(item)) for item in needs])
