import pytest
from django.contrib.postgres.search import SearchQuery

from directory.models import SearchTerm, SocialEntrepreneur
from directory.search import (
    MAX_COMPLETIONS,
    ExpandedTerm,
    build_tsquery,
    expand_terms,
    query_terms,
    search_entrepreneurs,
)
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


def test_a_similar_word_the_stem_prefix_finds_is_not_asked_for_again():
    expanded = [ExpandedTerm("demens", ("dem",), ("demens", "demente", "dement"))]
    assert build_tsquery(expanded) == "('dem':*)"
    assert build_tsquery([ExpandedTerm("demnes", ("demn",), ("demens",))]) == "('demn':* | 'demens')"


def test_quotes_in_words_cannot_break_the_tsquery():
    assert build_tsquery([ExpandedTerm("o'neil", ("o'neil",), ())]) == "('o''neil':*)"


def test_completed_stems_are_asked_for_as_their_words_and_the_others_as_prefixes():
    expanded = [
        ExpandedTerm("demens", ("dem",), ("demens",), (("dem", "demens"),)),
        ExpandedTerm("4711", ("4711",), (), (None,)),
        ExpandedTerm("sykehjemmene", ("sykehjemm",), ("sykehjem",), (None,)),
    ]
    assert build_tsquery(expanded, completed=True) == ("('dem' | 'demens') & ('4711':*) & ('sykehjemm':* | 'sykehjem')")
    # Without `completed` (the rank), the prefixes as before.
    assert build_tsquery(expanded) == "('dem':*) & ('4711':*) & ('sykehjemm':* | 'sykehjem')"


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


def _tagged(model_name: str, name: str) -> set[str]:
    from django.apps import apps

    term = apps.get_model("directory", model_name).objects.get(name=name)
    return set(term.entrepreneurs.published().values_list("name", flat=True))


@pytest.mark.django_db
class TestCategoryNamesAreSearched:
    """The start page counts entrepreneurs per service area; search must find the same ones."""

    def test_eldreomsorg_finds_everyone_the_start_page_counts(self, booklet):
        tagged = _tagged("ServiceArea", "Eldreomsorg")
        assert len(tagged) >= 2
        assert set(_names("eldreomsorg")) == tagged
        assert set(_names("Eldreomsorg")) == tagged

    def test_eldre_finds_the_target_group_and_the_service_area(self, booklet):
        expected = _tagged("ServiceArea", "Eldreomsorg") | _tagged("TargetGroup", "Eldre")
        assert expected <= set(_names("eldre"))

    @pytest.mark.parametrize(("text", "group"), [("pårørende", "Pårørende"), ("demente", "Personer med demens")])
    def test_target_group_words_find_the_tagged(self, booklet, text, group):
        tagged = _tagged("TargetGroup", group)
        assert tagged
        assert tagged <= set(_names(text))

    def test_a_form_of_collaboration_of_a_published_offer_is_searched(self):
        form = factories.collaboration_form("Velferdsobligasjon")
        entrepreneur = factories.entrepreneur("Kafé Nord")
        offer = factories.offer(entrepreneur, "Kaffe", collaboration_forms=[form])
        assert _names("velferdsobligasjon") == ["Kafé Nord"]
        offer.status = "draft"
        offer.save()
        assert _names("velferdsobligasjon") == []

    def test_the_name_still_ranks_above_a_category(self):
        factories.entrepreneur("Eldreomsorg Nord")
        factories.entrepreneur("Kafé Sør", service_areas=[factories.service_area("Eldreomsorg")])
        ranked = search_entrepreneurs(SocialEntrepreneur.objects.published(), "eldreomsorg").order_by("-rank")
        assert [entrepreneur.name for entrepreneur in ranked] == ["Eldreomsorg Nord", "Kafé Sør"]

    def test_renaming_a_category_in_admin_changes_what_finds_it(self):
        area = factories.service_area("Eldreomsorg")
        factories.entrepreneur("Kafé Sør", service_areas=[area])
        area.name = "Seniortjenester"
        area.save()
        assert _names("seniortjenester") == ["Kafé Sør"]
        assert _names("eldreomsorg") == []

    def test_removing_a_category_from_a_profile_removes_its_words(self):
        area = factories.service_area("Eldreomsorg")
        entrepreneur = factories.entrepreneur("Kafé Sør", service_areas=[area])
        entrepreneur.service_areas.clear()
        assert _names("eldreomsorg") == []

    def test_names_in_every_language_are_searched(self):
        group = factories.target_group("Personer med demens")
        factories.entrepreneur("Kafé Sør", target_groups=[group])
        group.name_en = "People with dementia"
        group.save()
        assert _names("dementia") == ["Kafé Sør"]
        assert _names("demens") == ["Kafé Sør"]

    def test_stop_words_in_category_names_do_not_match(self):
        factories.entrepreneur("Kafé Sør", target_groups=[factories.target_group("Unge utenfor skole og arbeid")])
        assert "og" not in str(SocialEntrepreneur.objects.get().search_vector).split("'")
        assert _names("utenfor skole") == ["Kafé Sør"]


def _matching(tsquery: str) -> set[str]:
    query = SearchQuery(tsquery, search_type="raw", config="simple")
    return set(SocialEntrepreneur.objects.filter(search_vector=query).values_list("name", flat=True))


@pytest.mark.django_db
class TestCompletions:
    """A stem asked for as the document words it begins (search.expand_terms) finds exactly what
    the prefix finds."""

    def test_the_words_a_stem_begins_come_from_the_documents(self):
        factories.entrepreneur("Forskerfabrikken", summary="Naturfag for barn")
        [forsker] = expand_terms(["forskerfabrik"])
        assert forsker.stems == ("forskerfabrik",)
        assert forsker.completions == (("forskerfabrikk",),)

    def test_words_with_digits_are_kept_unless_they_begin_with_one(self):
        factories.entrepreneur("Covid19-hjelpen", summary="Hjelp etter covid19 siden 2021, org 912345678")
        assert SearchTerm.objects.filter(word="covid19").exists()
        assert not SearchTerm.objects.filter(word__in=["2021", "912345678"]).exists()
        [covid] = expand_terms(["covid"])
        assert "covid19" in covid.completions[0]
        assert set(_names("covid")) == {"Covid19-hjelpen"}
        # A stem that begins with a digit is matched as a prefix.
        [year] = expand_terms(["2021"])
        assert year.completions == (None,)
        assert set(_names("202")) == {"Covid19-hjelpen"}

    def test_a_stem_that_begins_too_many_words_is_matched_as_a_prefix(self):
        words = " ".join(f"kafe{'x' * (index + 1)}" for index in range(MAX_COMPLETIONS + 1))
        factories.entrepreneur("Mange ord", summary=words)
        [cafe] = expand_terms(["kafe"])
        assert cafe.completions == (None,)
        assert build_tsquery([cafe], completed=True) == "('kaf':*)"  # the stem of «kafe»
        assert set(_names("kafe")) == {"Mange ord"}

    @pytest.mark.parametrize(
        "text",
        ["demens", "pårørende", "sykehjemmene", "naturfag", "forskerfabrik", "eldre", "barn", "kafé", "straffedømde"],
    )
    def test_the_same_entrepreneurs_match_as_with_prefixes(self, booklet, text):
        expanded = expand_terms(query_terms(text))
        assert _matching(build_tsquery(expanded, completed=True)) == _matching(build_tsquery(expanded))
        assert _matching(build_tsquery(expanded))  # the booklet has each

    def test_the_rank_still_comes_from_the_prefixes(self, booklet):
        results = search_entrepreneurs(SocialEntrepreneur.objects.published(), "demens")
        sql = str(results.query)
        assert "'dem':*" in sql and "'dem' | 'demens'" in sql
