import pytest

from directory.models import SocialEntrepreneur
from directory.search import ExpandedTerm, build_tsquery, query_terms, search_entrepreneurs
from directory.tests import factories


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Demens og pårørende", ["demens", "og", "pårørende"]),
        ("  SYKEHJEM sykehjem ", ["sykehjem"]),
        ("'; DROP TABLE --", ["drop", "table"]),
        ("a&b|c!d:*", ["a", "b", "c", "d"]),
        ("", []),
        ("ord " * 20, ["ord"]),
        (" ".join(f"ord{i}" for i in range(20)), [f"ord{i}" for i in range(8)]),
    ],
)
def test_query_terms_are_plain_words(text, terms):
    assert query_terms(text) == terms


def test_a_tsquery_needs_every_term_by_stem_prefix_or_similar_word():
    expanded = [
        ExpandedTerm("sykehjemmene", ("sykehjemm",), ("sykehjem",)),
        ExpandedTerm("og", (), ()),
        ExpandedTerm("demens", ("demens",), ("demens",)),
    ]
    assert build_tsquery(expanded) == "('sykehjemm':* | 'sykehjem') & ('demens':*)"


def test_quotes_in_words_cannot_break_the_tsquery():
    assert build_tsquery([ExpandedTerm("o'neil", ("o'neil",), ())]) == "('o''neil':*)"


def test_only_stop_words_give_an_empty_tsquery():
    assert build_tsquery([ExpandedTerm("og", (), ())]) == ""


def _names(text: str) -> list[str]:
    return list(search_entrepreneurs(SocialEntrepreneur.objects.published(), text).values_list("name", flat=True))


@pytest.mark.django_db
class TestBookletSearchExamples:
    """The examples the issue names, against the real booklet data."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("demens", "JodaCare"),
            ("pårørende", "JodaCare"),
            ("sykehjem", "Generasjonsmøtet M"),
            ("sykehjemmene", "Generasjonsmøtet M"),
            ("straffedømte", "Hogst AS"),
            ("forskerfabrik", "Forskerfabrikken"),
            ("Forskerfabrikken", "Forskerfabrikken"),
            ("naturfag", "Forskerfabrikken"),
            ("jodacre", "JodaCare"),
            ("straffedømde", "Hogst AS"),
            ("pårørene", "JodaCare"),
        ],
    )
    def test_it_finds_the_entrepreneur(self, booklet, text, expected):
        assert any(name.startswith(expected) for name in _names(text)), _names(text)

    def test_the_name_ranks_above_a_mention(self, booklet):
        ranked = list(search_entrepreneurs(SocialEntrepreneur.objects.published(), "jodacare").order_by("-rank"))
        assert ranked[0].name.startswith("JodaCare")

    def test_all_words_must_match(self, booklet):
        assert _names("demens naturfag") == []

    def test_gibberish_finds_nothing_and_does_not_fail(self, booklet):
        assert _names("zzqxj") == []
        assert _names("og i på") == []


@pytest.mark.django_db
def test_unpublished_entrepreneurs_are_not_found():
    factories.entrepreneur("Skjult Kafé", status="draft", summary="Kafé for alle")
    factories.entrepreneur("Synlig Kafé", summary="Kafé for alle")
    assert _names("kafé") == ["Synlig Kafé"]
