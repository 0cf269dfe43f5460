"""Timing the matching on the benchmark database (manage.py benchmark_matching).

The data are the search benchmark's synthetic entrepreneurs and offers (directory/benchmark.py);
the needs below are written in the words municipal staff would use, over the themes of that data.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from directory.benchmark import Timing, _percentile
from directory.models import County, Municipality, ServiceArea, TargetGroup
from matchmaking import candidates
from matchmaking.candidates import NeedSpec, Term, find_matches


@dataclass(frozen=True)
class BenchmarkNeed:
    title: str
    body: str
    place: str
    service_areas: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()


# A fixed set: municipalities large and small, a county, all of Norway; with and without areas and
# groups; common words and rare ones.
NEEDS = (
    BenchmarkNeed(
        "Tryggere pårørende til personer med demens",
        "Pårørende ringer sykehjemmet hele tiden. Vi vil at de skal føle seg trygge og at de ansatte får tid.",
        "5001",
        ("eldreomsorg",),
        ("personer-med-demens", "parorende"),
    ),
    BenchmarkNeed(
        "Mindre ensomhet blant eldre som bor hjemme",
        "Mange eldre får sjelden besøk. Vi ønsker flere møteplasser og besøk i hverdagen.",
        "0301",
        ("eldreomsorg",),
        ("eldre",),
    ),
    BenchmarkNeed(
        "Arbeid etter soning",
        "Mange som løslates fra fengsel står uten jobb, og tilbakefall til kriminalitet er vanlig.",
        "50",
        ("arbeidsinkludering", "kriminalomsorg"),
        ("tidligere-straffedomte",),
    ),
    BenchmarkNeed(
        "Ungdom som faller ut av skolen",
        "Frafall fra videregående skole øker. Vi vil ha flere unge i skole, arbeidstrening eller jobb.",
        "1833",
        ("skole-og-oppvekst", "arbeidsinkludering"),
        ("unge-utenfor-skole-og-arbeid",),
    ),
    BenchmarkNeed(
        "Alle barn skal kunne være med på fritidsaktiviteter",
        "Mange familier har ikke råd til utstyr til idrett og friluftsliv.",
        "4204",
        ("kultur-og-fritid",),
        ("barnefamilier-med-lav-inntekt", "barn-og-unge"),
    ),
    BenchmarkNeed(
        "Raskere i jobb for nyankomne flyktninger",
        "Språkpraksis og norskopplæring tar lang tid. Vi vil ha flere i arbeid etter introduksjonsprogrammet.",
        "",
        ("integrering",),
        ("nyankomne-flyktninger",),
    ),
    BenchmarkNeed(
        "Hjelp til å finne fram i velferdssystemet",
        "Noen innbyggere har kontakt med mange kontorer og gir opp. De trenger én person å stole på.",
        "1103",
    ),
    BenchmarkNeed(
        "Et rusfritt sted å være",
        "Folk som er ferdige med behandling for rus og avhengighet trenger et lavterskel fellesskap.",
        "5501",
        ("psykisk-helse-og-rus",),
        ("personer-med-rusutfordringer",),
    ),
)


def spec_for(need: BenchmarkNeed, using: str = "default") -> NeedSpec:
    municipality = county = None
    if len(need.place) == 4:
        place = Municipality.objects.using(using).select_related("county").get(number=need.place)
        municipality, county = Term(place.pk, place.name), Term(place.county.pk, place.county.name)
    elif need.place:
        place = County.objects.using(using).get(number=need.place)
        county = Term(place.pk, place.name)
    areas = ServiceArea.objects.using(using).filter(slug__in=need.service_areas)
    groups = TargetGroup.objects.using(using).filter(slug__in=need.target_groups)
    return NeedSpec(
        title=need.title,
        body=need.body,
        service_areas=tuple(Term(area.pk, area.name) for area in areas),
        target_groups=tuple(Term(group.pk, group.name) for group in groups),
        municipality=municipality,
        county=county,
    )


@dataclass
class MatchingTimings:
    total: Timing
    narrowing: Timing
    results: int


def time_matching(rounds: int, limit: int = 20, using: str = "default") -> MatchingTimings:
    """Time top-`limit` matching for every need of NEEDS, `rounds` times; and the SQL narrowing alone."""
    specs = [spec_for(need, using) for need in NEEDS]
    totals: list[float] = []
    narrowing: list[float] = []
    results = 0
    for _ in range(rounds):
        for spec in specs:
            start = time.perf_counter()
            matches = find_matches(spec, limit=limit, using=using)
            totals.append((time.perf_counter() - start) * 1000)
            results = max(results, len(matches))

            thesaurus = candidates.load_thesaurus(using)
            facts = candidates.needs_facts([spec], using=using, thesaurus=thesaurus)[0]
            start = time.perf_counter()
            candidates.candidate_ids(
                candidates.narrowing_spec(spec, facts, using), candidates.need_tsquery(facts, thesaurus), using=using
            )
            narrowing.append((time.perf_counter() - start) * 1000)
    return MatchingTimings(
        Timing("matching", _percentile(totals, 0.5), _percentile(totals, 0.95), max(totals)),
        Timing("narrowing", _percentile(narrowing, 0.5), _percentile(narrowing, 0.95), max(narrowing)),
        results,
    )


def top_quality(limit: int = 20, wide_pool: int = 20_000, using: str = "default") -> tuple[float, float]:
    """How close the usual top `limit` comes to the top `limit` when a much larger pool is scored in
    Python, averaged over NEEDS: the share of the usual top whose score reaches the wide list's last
    score (ties count: the data are full of equal scores), and the ratio of the mean scores."""
    reaching, ratios = [], []
    for need in NEEDS:
        spec = spec_for(need, using)
        usual = [match.score for match in find_matches(spec, limit=limit, using=using)]
        wide = [match.score for match in find_matches(spec, limit=limit, pool_size=wide_pool, using=using)]
        if not wide:
            continue
        reaching.append(sum(score >= wide[-1] for score in usual) / len(wide))
        ratios.append((sum(usual) / len(usual)) / (sum(wide) / len(wide)) if usual else 0.0)
    return sum(reaching) / len(reaching), sum(ratios) / len(ratios)
