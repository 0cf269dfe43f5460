"""The FilterSets on their own: the same definition the list pages, downloads and API use."""

import pytest
from django.http import QueryDict

from directory.filters import CaseFilterSet, EntrepreneurFilterSet, PublicBodyFilterSet
from directory.models import Case, PublicBody, SocialEntrepreneur
from directory.tests import factories
from matchmaking.filters import NeedFilterSet
from matchmaking.models import Need

pytestmark = pytest.mark.django_db


def _names(filterset) -> list[str]:
    return [item.name for item in filterset.qs]


def test_a_bad_value_is_reported_by_its_field_while_the_valid_filters_still_apply():
    elderly = factories.service_area("Eldreomsorg")
    factories.entrepreneur("Eldrehjelp", service_areas=[elderly], nationwide=True)
    factories.entrepreneur("Annet", nationwide=True)
    filterset = EntrepreneurFilterSet(
        QueryDict("omrade=eldreomsorg&fylke=atlantis"), queryset=SocialEntrepreneur.objects.published()
    )
    assert _names(filterset) == ["Eldrehjelp"]
    assert not filterset.is_valid()
    assert list(filterset.errors) == ["fylke"]
    assert "atlantis" in filterset.errors["fylke"][0]


def test_county_numbers_and_slugs_mean_the_same_place():
    factories.entrepreneur("Trøndersk", counties=[factories.county("50")])
    factories.entrepreneur("Oslosk", counties=[factories.county("03")])
    by_number = EntrepreneurFilterSet(QueryDict("fylke=50"), queryset=SocialEntrepreneur.objects.published())
    by_slug = EntrepreneurFilterSet(QueryDict("fylke=trondelag"), queryset=SocialEntrepreneur.objects.published())
    assert _names(by_number) == _names(by_slug) == ["Trøndersk"]


def test_the_text_filter_ranks_and_any_word_widens_the_search():
    factories.entrepreneur("Demensvennlig kafé", summary="Kafé for personer med demens", nationwide=True)
    factories.entrepreneur("Leksehjelp", summary="Lekser for barn", nationwide=True)
    filterset = EntrepreneurFilterSet(QueryDict("q=demens lekser"), queryset=SocialEntrepreneur.objects.published())
    assert _names(filterset) == []
    assert filterset.sort == EntrepreneurFilterSet.Sort.RELEVANCE
    assert sorted(entrepreneur.name for entrepreneur in filterset.any_word()) == ["Demensvennlig kafé", "Leksehjelp"]


def test_without_data_nothing_is_filtered_and_names_sort_the_norwegian_way():
    for name in ("Åsen", "Zeta", "Ælv"):
        factories.entrepreneur(name)
    filterset = EntrepreneurFilterSet(None, queryset=SocialEntrepreneur.objects.published())
    assert _names(filterset) == ["Zeta", "Ælv", "Åsen"]


def test_body_case_and_need_filtersets_filter_by_their_parameters():
    trondheim = factories.public_body("Trondheim kommune", municipality=factories.municipality("5001"))
    factories.public_body("Oslo kommune", municipality=factories.municipality("0301"))
    bodies = PublicBodyFilterSet(QueryDict("fylke=50&type=kommune"), queryset=PublicBody.objects.published())
    assert _names(bodies) == ["Trondheim kommune"]

    factories.case("Med Trondheim", public_bodies=[trondheim])
    factories.case("Uten")
    cases = CaseFilterSet(QueryDict("virksomhet=trondheim-kommune"), queryset=Case.objects.published())
    assert [case.title for case in cases.qs] == ["Med Trondheim"]

    unknown = NeedFilterSet(QueryDict("kommune=9999"), queryset=Need.objects.all())
    assert list(unknown.errors) == ["kommune"]


def test_each_filterset_builds_its_form_class_once_and_its_labels_follow_the_language():
    from django.utils import translation

    def form(filterset_class, model, data=None):
        return filterset_class(data, queryset=model.objects.all()).form

    first, second = form(EntrepreneurFilterSet, SocialEntrepreneur), form(EntrepreneurFilterSet, SocialEntrepreneur)
    assert type(first) is type(second)
    assert first.fields["q"] is not second.fields["q"]  # each form has its own fields
    need_form = form(NeedFilterSet, Need)
    classes = {type(first), type(form(PublicBodyFilterSet, PublicBody)), type(need_form)}
    assert len(classes) == 3  # a subclass gets its own, with its own filters
    assert "malgruppe" in need_form.fields and "type" not in need_form.fields
    with translation.override("en"):
        english = str(first.fields["fylke"].label)
    assert str(first.fields["fylke"].label) == "Fylke" and english == "County"


def test_each_filterset_has_its_own_filters_calling_its_own_methods():
    """The filters are copied shallowly (filters.CopiedShallowly): each FilterSet still gets its
    own, whose methods are its own FilterSet's."""
    elderly = factories.service_area("Eldreomsorg")
    factories.entrepreneur("Eldrehjelp", service_areas=[elderly], nationwide=True)
    factories.entrepreneur("Annet", nationwide=True)
    published = SocialEntrepreneur.objects.published()
    first = EntrepreneurFilterSet(QueryDict("omrade=eldreomsorg"), queryset=published)
    second = EntrepreneurFilterSet(QueryDict(""), queryset=published)
    for name, filter_ in first.filters.items():
        assert filter_ is not second.filters[name] and filter_ is not EntrepreneurFilterSet.base_filters[name]
        assert filter_.parent is first and second.filters[name].parent is second
    assert first.filters["omrade"].filter.f is first.filters["omrade"]
    assert _names(first) == ["Eldrehjelp"] and _names(second) == ["Annet", "Eldrehjelp"]
    assert not hasattr(EntrepreneurFilterSet.base_filters["omrade"], "parent")


def test_taxonomy_choices_are_kept_as_django_wants_them_and_render_every_term():
    """forms.NormalizedChoices: the kept list is set on the field and its widget as it is, not
    normalized again for every form, and still lists and validates every term."""
    factories.service_area("Eldreomsorg")
    published = SocialEntrepreneur.objects.published()
    first = EntrepreneurFilterSet(QueryDict("omrade=eldreomsorg"), queryset=published).form
    second = EntrepreneurFilterSet(QueryDict(""), queryset=published).form
    field = first.fields["omrade"]
    assert field.choices is second.fields["omrade"].choices is field.widget.choices
    assert ("eldreomsorg", "Eldreomsorg") in list(field.choices)
    assert 'value="eldreomsorg"' in str(first["omrade"]) and "checked" in str(first["omrade"])
    assert first.is_valid() and [area.slug for area in first.cleaned_data["omrade"]] == ["eldreomsorg"]
