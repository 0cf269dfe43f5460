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
from django.core.exceptions import EmptyResultSet
from django.db import connections, transaction
from django.db.models import Expression, F, FloatField, Func, IntegerField, QuerySet, TextField, Value
from django.db.models.lookups import Exact

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


# A stem is matched as the document words it begins (from SearchTerm) when there are at most this many.
MAX_COMPLETIONS = 16
# SearchTerm holds the document words of this length, except those that begin with a digit.
COMPLETION_LENGTHS = range(3, 201)


@dataclass(frozen=True)
class ExpandedTerm:
    term: str
    stems: tuple[str, ...]
    similar_words: tuple[str, ...]
    # Per stem, every document word that begins with it, or None where that list is not known or too
    # long (the stem is then matched as a prefix).
    completions: tuple[tuple[str, ...] | None, ...] = ()

    @property
    def is_stop_word(self) -> bool:
        return not self.stems and not self.similar_words


def expand_terms(terms: list[str], using: str = "default") -> list[ExpandedTerm]:
    """Stem each term, list the document words that begin with each stem, and find the document
    words spelled most like the term, in one query."""
    if not terms:
        return []
    # The nearest document words by trigram distance come from the GiST index (a KNN scan); of
    # those, the ones similar enough stand in for the query word. The words that begin with a
    # stem are a range of the byte-ordered index (searchterm_word_bytes), whatever the database's
    # collation.
    sql = """
        SELECT t.term,
               l.stems,
               CASE WHEN length(t.term) >= %s THEN ARRAY(
                   SELECT nearest.word FROM (
                       SELECT w.word, similarity(w.word, t.term) AS likeness
                         FROM directory_searchterm w
                        ORDER BY w.word <-> t.term
                        LIMIT %s) AS nearest
                    WHERE nearest.likeness >= %s
                    ORDER BY nearest.likeness DESC, nearest.word)
               ELSE '{}'::text[] END,
               (SELECT coalesce(json_agg(ARRAY(
                           SELECT w.word FROM directory_searchterm w
                            WHERE (w.word COLLATE "C") >= s.stem
                              AND (w.word COLLATE "C") < s.stem || chr(1114111)
                              AND starts_with(w.word, s.stem)
                            ORDER BY (w.word COLLATE "C")
                            LIMIT %s) ORDER BY s.position), '[]')
                  FROM unnest(l.stems) WITH ORDINALITY AS s(stem, position))
          FROM unnest(%s::text[]) WITH ORDINALITY AS t(term, position)
         CROSS JOIN LATERAL (SELECT coalesce(ts_lexize('norwegian_stem', t.term), '{}'::text[]) AS stems) AS l
         ORDER BY t.position
    """
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [MIN_FUZZY_LENGTH, FUZZY_WORDS_PER_TERM, FUZZY_SIMILARITY, MAX_COMPLETIONS + 1, terms])
        rows = cursor.fetchall()
    return [
        ExpandedTerm(
            term,
            tuple(stems),
            tuple(words),
            tuple(_known_completions(stem, found) for stem, found in zip(stems, completions, strict=True)),
        )
        for term, stems, words, completions in rows
    ]


def _known_completions(stem: str, found: list[str]) -> tuple[str, ...] | None:
    """The document words that begin with `stem`, if SearchTerm surely holds all of them.

    It holds every document word of COMPLETION_LENGTHS characters that does not begin with a digit
    (the search trigger adds them; none is removed, so some may no longer be in any document,
    which costs nothing). A stem that begins with a digit, or is too short or too long to be a
    word there itself, is matched as a prefix; so is one that begins more than MAX_COMPLETIONS
    words, or none (a prefix nothing begins with is found empty at once).
    """
    if not stem or stem[0].isdigit() or len(stem) not in COMPLETION_LENGTHS:
        return None
    if not found or len(found) > MAX_COMPLETIONS:
        return None
    return tuple(found)


def _quote(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def build_tsquery(expanded: list[ExpandedTerm], *, match_all: bool = True, completed: bool = False) -> str:
    """A raw tsquery: every term (or, with match_all=False, any term) must match, by stem prefix
    or by a similarly spelled word.

    With `completed`, a stem whose completions are known is asked for as those words instead of
    as a prefix: the same documents match, but the index can skip through exact words' lists (a
    prefix makes it collect every document of every word it begins first, which for a common word
    in a large directory is most of the search's time). ts_rank counts a prefix and a list of words
    differently, so the rank keeps the prefixes.

    Stop words ("og", "i") are dropped, unless a document word resembles them.
    """
    groups = []
    for item in expanded:
        if item.is_stop_word:
            continue
        alternatives = []
        completions = item.completions or (None,) * len(item.stems)
        for stem, words in zip(item.stems, completions, strict=True):
            if completed and words is not None:
                alternatives += [_quote(word) for word in words]
            else:
                alternatives.append(f"{_quote(stem)}:*")
        # A similar word that begins with a stem is found by the stem's prefix already; asking the
        # index for it again would read its list of documents twice ("dem":* covers "demens").
        alternatives += [
            _quote(word) for word in item.similar_words if not any(word.startswith(stem) for stem in item.stems)
        ]
        groups.append("(" + " | ".join(alternatives) + ")")
    return (" & " if match_all else " | ").join(groups)


@dataclass(frozen=True)
class TextSearch:
    """A free-text query ready for the database: what must match (each stem as the words it begins,
    where known) and what ranks (each stem as a prefix; see build_tsquery). None of both when the
    text has only stop words."""

    matching: SearchQuery | None
    ranking: SearchQuery | None


def text_search(text: str, *, match_all: bool = True, using: str = "default") -> TextSearch:
    """Expand the words of `text` (one query) into the queries that find and rank them."""
    expanded = expand_terms(query_terms(text), using=using)
    tsquery = build_tsquery(expanded, match_all=match_all)
    if not tsquery:
        return TextSearch(None, None)
    completed = build_tsquery(expanded, match_all=match_all, completed=True)
    return TextSearch(
        SearchQuery(completed, search_type="raw", config="simple"),
        SearchQuery(tsquery, search_type="raw", config="simple"),
    )


def search_entrepreneurs(
    queryset: QuerySet, text: str, *, match_all: bool = True, using: str = "default", search: TextSearch | None = None
) -> QuerySet:
    """Filter a SocialEntrepreneur queryset to those matching `text`, annotated with `rank`.

    With match_all=False, documents matching any of the words are found; the rank puts those
    matching more of them first. `search` is text_search(text, match_all=...) when the caller has it.
    """
    search = search or text_search(text, match_all=match_all, using=using)
    if search.matching is None:
        # Only stop words or punctuation: nothing can match, but callers may still order by rank.
        return queryset.annotate(rank=Value(0.0, output_field=FloatField())).none()
    return queryset.filter(search_vector=search.matching).annotate(rank=SearchRank(F("search_vector"), search.ranking))


# The search index is kept twice: whole (entrepreneur_search_gin), and in SEARCH_PARTS partial
# indexes, each over the entrepreneurs in every SEARCH_PARTS-th block of SEARCH_PART_IDS ids. A
# part's index holds the facet arrays too, so that a search with filters is answered by one part
# index, not by that part and the whole table's facet index.
#
# A GIN index cannot return its first match before it has collected every match into a bitmap:
# for a common word at 100 000 entrepreneurs, 20 000 to 50 000 of them, 8 to 15 ms before the
# first row. The list page only needs to know whether there are more than RESULT_CAP matches (and
# which, if not). Asked part by part with a limit (first_matches), the database stops after the
# first part that completes the count: an eighth of the bitmap for a common word. A rare word
# reads every part, which costs about what the whole index does (its lists are short).
#
# The parts are blocks of ids, not ids modulo SEARCH_PARTS: a bitmap costs per table page it
# touches, and rows inserted together lie together, so a block's rows share pages. Every row is
# in exactly one part, so a write updates the whole index and one part.
SEARCH_PARTS = 8
SEARCH_PART_IDS = 1000


def _part_of_row():
    return F("id") / SEARCH_PART_IDS % SEARCH_PARTS


def in_search_part(number) -> Exact:
    """The condition of part `number`'s index, as the planner must see it in a query to use it."""
    return Exact(_part_of_row(), number)


class _PartNumber(Expression):
    """A part number that stays itself among a compiled query's parameters (a plain number could
    not be told from the others), to be replaced by each part's number."""

    output_field = IntegerField()

    def __init__(self, number: int):
        super().__init__()
        self.number = number

    def as_sql(self, compiler, connection):
        return "%s", [self]


# Without filters the parts are read in two rounds: the first alone, then the rest. A common word
# fills the limit in the first; planning a part's query costs about as much as reading a part's
# matches, so the other seven are planned only when needed. Filters leave too few matches in a
# part for that: all are read in one round.
_PART_ROUNDS = [range(0, 1), range(1, SEARCH_PARTS)]
_FILTERED_PART_ROUNDS = [range(SEARCH_PARTS)]


def first_matches(queryset: QuerySet, limit: int, *, filtered: bool = False) -> list[int]:
    """The ids of up to `limit` rows of a word search (`queryset`), in no particular order, read
    from the index's parts one after the other until `limit` are found (see SEARCH_PARTS), each
    through its index (planned as planned_search does).

    One part's query is compiled and repeated for the others with only the part number changed
    (a UNION ALL with a LIMIT: PostgreSQL stops reading parts once it has `limit` rows). Django
    would compile the same query SEARCH_PARTS times, which cost more than the search saved.
    `filtered`: the queryset has filters besides the words (see _PART_ROUNDS).
    """
    if queryset.query.is_empty():  # only stop words: search_entrepreneurs gave .none()
        return []
    part = queryset.filter(in_search_part(_PartNumber(0))).order_by().values_list("pk", flat=True)
    sql, params = part.query.get_compiler(queryset.db).as_sql()
    position = next(index for index, value in enumerate(params) if isinstance(value, _PartNumber))

    def read(numbers: range, wanted: int) -> list[int]:
        """Up to `wanted` matches from these parts."""
        all_params: list = []
        for number in numbers:
            all_params += [*params[:position], number, *params[position + 1 :], wanted]
        if len(numbers) == 1:
            statement = sql + " LIMIT %s"
        else:
            statement = " UNION ALL ".join([f"({sql} LIMIT %s)"] * len(numbers)) + " LIMIT %s"
            all_params.append(wanted)
        return [row[0] for row in read_planned(statement, all_params, using=queryset.db)]

    found: list[int] = []
    for numbers in _FILTERED_PART_ROUNDS if filtered else _PART_ROUNDS:
        found += read(numbers, limit - len(found))
        if len(found) >= limit:
            break
    return found


def planned_values(queryset: QuerySet, *, in_name_order: bool = False) -> list:
    """The values of a flat values_list() queryset, read as planned_search plans them."""
    try:
        sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    except EmptyResultSet:  # a condition that nothing meets, such as pk__in=[]
        return []
    return [row[0] for row in read_planned(sql, params, in_name_order=in_name_order, using=queryset.db)]


def read_planned(sql: str, params, *, in_name_order: bool = False, using: str = "default") -> list[tuple]:
    """The rows of one query run with planned_search's settings.

    Outside a transaction the settings and the query go as one statement string: PostgreSQL runs
    it as one transaction, which the settings end with. That is one round trip to the database
    instead of four (begin, settings, query, commit), twice per search. Inside a transaction (a
    test's, or a caller's) planned_search puts them back after the query.
    """
    connection = connections[using]
    if connection.in_atomic_block:
        with planned_search(in_name_order=in_name_order, using=using), connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    settings = _planner_settings(in_name_order, connection)
    with connection.cursor() as cursor:
        cursor.execute(_set_local(settings) + "; " + sql, params)
        return cursor.fetchall()


def _set_local(settings: dict[str, str]) -> str:
    return "; ".join(f"SET LOCAL {name} = {value}" for name, value in settings.items())


# The planner settings for reading search documents (see planned_search). No parallel workers:
# starting them takes longer (about 4 ms) than any of these queries should.
_THROUGH_THE_INDEXES = {"enable_seqscan": "off", "enable_indexscan": "off", "max_parallel_workers_per_gather": "0"}
_IN_NAME_ORDER = {"enable_seqscan": "off", "enable_bitmapscan": "off", "max_parallel_workers_per_gather": "0"}
# PostgreSQL 18 merges a subquery on the same table by its key into the outer query, which would
# undo what filters.EntrepreneurFilterSet.walk_by_name keeps apart.
_IN_NAME_ORDER_FROM_18 = _IN_NAME_ORDER | {"enable_self_join_elimination": "off"}


def _planner_settings(in_name_order: bool, connection) -> dict[str, str]:
    if not in_name_order:
        return _THROUGH_THE_INDEXES
    return _IN_NAME_ORDER_FROM_18 if connection.pg_version >= 180000 else _IN_NAME_ORDER


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
    connection = connections[using]
    connection.ensure_connection()  # pg_version needs it
    settings = _planner_settings(in_name_order, connection)
    inside_a_transaction = connection.in_atomic_block
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            cursor.execute(_set_local(settings))
        yield
        # The transaction ends with the block and takes the settings with it, unless the block was
        # a savepoint in a longer transaction: then they are put back (an error inside rolls the
        # savepoint back, settings included).
        if inside_a_transaction:
            with connection.cursor() as cursor:
                cursor.execute("; ".join(f"SET LOCAL {name} TO DEFAULT" for name in settings))
