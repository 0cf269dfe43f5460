"""Full-text search over social entrepreneurs, in Norwegian.

The search document (SocialEntrepreneur.search_vector) is kept current by a database trigger. A
query is turned into a tsquery in which every word must match, where a word matches
- its Norwegian stem as a prefix ("forskerfabrik" finds "forskerfabrikken"), or
- a word of the documents that is spelled almost the same (pg_trgm over SearchTerm), so that
  inflected forms the stemmer leaves apart ("sykehjemmene" → "sykehjemm" vs "sykehjem") and small
  typos ("demnes") still find something.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections, transaction
from django.db.models import F, FloatField, Func, QuerySet, TextField, Value

MAX_TERMS = 8
MAX_TERM_LENGTH = 40
# Words shorter than this are too ambiguous to expand by spelling.
MIN_FUZZY_LENGTH = 4
# How alike a document word must be (pg_trgm similarity) to stand in for a query word.
FUZZY_SIMILARITY = 0.45
FUZZY_WORDS_PER_TERM = 4

_WORD = re.compile(r"\w+", re.UNICODE)


class NorwegianSortKey(Func):
    """A sort key that puts æ, ø and å after z, as Norwegian readers expect.

    The embedded PostgreSQL is built without ICU and the machines have no nb_NO locale, so the
    collation cannot do it; lower() then translate() is immutable and can be indexed.
    """

    function = "translate"
    output_field = TextField()

    def __init__(self, expression, **extra):
        super().__init__(Func(expression, function="lower"), _literal("æøåäöüé"), _literal("{|}{|ye"), **extra)


def _literal(text: str):
    return Value(text, output_field=TextField())


def query_terms(text: str) -> list[str]:
    """The words of a free-text query, lowercased, without duplicates, at most MAX_TERMS."""
    terms: list[str] = []
    for word in _WORD.findall(text.lower()):
        word = word.replace("_", "")[:MAX_TERM_LENGTH]
        if word and word not in terms:
            terms.append(word)
    return terms[:MAX_TERMS]


@dataclass(frozen=True)
class ExpandedTerm:
    term: str
    stems: tuple[str, ...]
    similar_words: tuple[str, ...]

    @property
    def is_stop_word(self) -> bool:
        return not self.stems and not self.similar_words


def expand_terms(terms: list[str], using: str = "default") -> list[ExpandedTerm]:
    """Stem each term and find the document words spelled most like it, in one query."""
    if not terms:
        return []
    # The nearest document words by trigram distance come from the GiST index (a KNN scan); of
    # those, the ones similar enough stand in for the query word.
    sql = """
        SELECT t.term,
               coalesce(ts_lexize('norwegian_stem', t.term), '{}'::text[]),
               CASE WHEN length(t.term) >= %s THEN ARRAY(
                   SELECT nearest.word FROM (
                       SELECT w.word, similarity(w.word, t.term) AS likeness
                         FROM directory_searchterm w
                        ORDER BY w.word <-> t.term
                        LIMIT %s) AS nearest
                    WHERE nearest.likeness >= %s
                    ORDER BY nearest.likeness DESC, nearest.word)
               ELSE '{}'::text[] END
          FROM unnest(%s::text[]) WITH ORDINALITY AS t(term, position)
         ORDER BY t.position
    """
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [MIN_FUZZY_LENGTH, FUZZY_WORDS_PER_TERM, FUZZY_SIMILARITY, terms])
        rows = cursor.fetchall()
    return [ExpandedTerm(term, tuple(stems), tuple(words)) for term, stems, words in rows]


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def build_tsquery(expanded: list[ExpandedTerm], *, match_all: bool = True) -> str:
    """A raw tsquery: every term (or, with match_all=False, any term) must match, by stem prefix
    or by a similarly spelled word.

    Stop words ("og", "i") are dropped, unless a document word resembles them.
    """
    groups = []
    for item in expanded:
        if item.is_stop_word:
            continue
        alternatives = [f"{_quote(stem)}:*" for stem in item.stems]
        # A similar word that begins with a stem is found by the stem's prefix already; asking the
        # index for it again would read its list of documents twice ("dem":* covers "demens").
        alternatives += [
            _quote(word) for word in item.similar_words if not any(word.startswith(stem) for stem in item.stems)
        ]
        groups.append("(" + " | ".join(alternatives) + ")")
    return (" & " if match_all else " | ").join(groups)


def search_entrepreneurs(queryset: QuerySet, text: str, *, match_all: bool = True, using: str = "default") -> QuerySet:
    """Filter a SocialEntrepreneur queryset to those matching `text`, annotated with `rank`.

    With match_all=False, documents matching any of the words are found; the rank puts those
    matching more of them first.
    """
    tsquery = build_tsquery(expand_terms(query_terms(text), using=using), match_all=match_all)
    if not tsquery:
        # Only stop words or punctuation: nothing can match, but callers may still order by rank.
        return queryset.annotate(rank=Value(0.0, output_field=FloatField())).none()
    query = SearchQuery(tsquery, search_type="raw", config="simple")
    return queryset.filter(search_vector=query).annotate(rank=SearchRank(F("search_vector"), query))


# The planner settings for reading search documents (see planned_search).
_THROUGH_THE_INDEXES = {"enable_seqscan": "off", "enable_indexscan": "off"}
_IN_NAME_ORDER = {"enable_seqscan": "off", "enable_bitmapscan": "off"}


@contextmanager
def planned_search(*, in_name_order: bool = False, using: str = "default") -> Iterator[None]:
    """Run the search queries inside with the planner told how the documents are best read.

    PostgreSQL cannot know that testing a row against its search document costs far more than
    reading the row: the document (a few kB) is stored compressed beside the table and must be
    fetched and unpacked first. For a word that is in a fifth of the documents it estimates that
    reading the whole table is cheaper than the GIN index, and then unpacks 100 000 documents
    (0.5 s). So:

    - by default only bitmap scans are allowed: the GIN index finds the matches without opening a
      document; the rows found are counted, filtered and ranked (the rank opens only theirs);
    - `in_name_order` walks the name index instead, testing rows until a page is full; used for
      searches with more matches than are ranked (a common word finds one row in a few, so a page
      is full after some hundred rows).

    The settings are local to a transaction (or savepoint) around the block and put back after it.
    """
    settings = _IN_NAME_ORDER if in_name_order else _THROUGH_THE_INDEXES
    connection = connections[using]
    inside_a_transaction = connection.in_atomic_block
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            cursor.execute("; ".join(f"SET LOCAL {name} = {value}" for name, value in settings.items()))
        yield
        # The transaction ends with the block and takes the settings with it, unless the block was
        # a savepoint in a longer transaction: then they are put back (an error inside rolls the
        # savepoint back, settings included).
        if inside_a_transaction:
            with connection.cursor() as cursor:
                cursor.execute("; ".join(f"SET LOCAL {name} TO DEFAULT" for name in settings))
