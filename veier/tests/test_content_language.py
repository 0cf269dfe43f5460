"""Curated content in three languages: the bokmål fallback is marked, and admin edits each language."""

import pytest
from django.contrib.auth.models import Permission
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from directory.models import Case, ServiceArea
from procurement.models import Myth
from veier.content_language import fallback_language, translated_html


@pytest.fixture
def area(db):
    return ServiceArea.objects.create(
        slug="eldreomsorg", name_nb="Eldreomsorg", name_nn="Eldreomsorg (nn)", description_nb="Tjenester for eldre."
    )


def render(source: str, **context) -> str:
    return Template("{% load content %}" + source).render(Context(context))


class TestTranslatedFilter:
    def test_bokmal_pages_show_the_original_without_marking(self, area):
        with translation.override("nb"):
            assert render('{{ area|translated:"name" }}', area=area) == "Eldreomsorg"

    def test_a_translated_field_is_shown_in_the_readers_language(self, area):
        with translation.override("nn"):
            assert render('{{ area|translated:"name" }}', area=area) == "Eldreomsorg (nn)"

    def test_a_missing_translation_falls_back_to_bokmal_marked_lang_nb(self, area):
        with translation.override("en"):
            assert render('{{ area|translated:"name" }}', area=area) == '<span lang="nb">Eldreomsorg</span>'
            assert render("{{ area|translated }}", area=area) == '<span lang="nb">Eldreomsorg</span>'

    def test_the_text_is_escaped(self, db):
        area = ServiceArea.objects.create(slug="x", name_nb="<b>Fett</b>")
        with translation.override("en"):
            assert render("{{ area|translated }}", area=area) == '<span lang="nb">&lt;b&gt;Fett&lt;/b&gt;</span>'

    def test_block_text_gets_the_lang_attribute_on_its_element(self, area):
        template = '<div{{ area|fallback_lang:"description" }}>{{ area.description|linebreaks }}</div>'
        with translation.override("nn"):
            assert render(template, area=area) == '<div lang="nb"><p>Tjenester for eldre.</p></div>'
        area.description_nn = "Tenester for eldre."
        with translation.override("nn"):
            assert render(template, area=area) == "<div><p>Tenester for eldre.</p></div>"

    def test_an_empty_field_in_every_language_is_not_marked(self, area):
        area.description_nb = ""
        with translation.override("en"):
            assert fallback_language(area, "description") is None

    def test_fields_that_are_not_translated_are_shown_as_they_are(self, db):
        user = User(email="a@example.no", name="Kari")
        with translation.override("en"):
            assert translated_html(user, "name") == "Kari"
            assert render("{{ user|fallback_lang:'name' }}", user=user) == ""


@pytest.fixture
def curator(db):
    user = User.objects.create_user(email="kurator@example.no", password="passord-lang-nok", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["add_servicearea", "change_case", "change_myth", "view_myth"])
    )
    return user


class TestAdminEditsEachLanguage:
    def test_a_taxonomy_term_is_written_in_three_languages(self, client, curator):
        client.force_login(curator)
        response = client.post(
            reverse("admin:directory_servicearea_add"),
            {
                "name_nb": "Eldreomsorg",
                "name_nn": "Eldreomsorg",
                "name_en": "Care for older people",
                "slug": "eldreomsorg",
                "description_nb": "Tjenester for eldre.",
                "description_nn": "Tenester for eldre.",
                "description_en": "Services for older people.",
                "position": "1",
            },
        )
        assert response.status_code == 302, response.context["adminform"].form.errors
        area = ServiceArea.objects.get(slug="eldreomsorg")
        assert (area.name_nb, area.name_nn, area.name_en) == ("Eldreomsorg", "Eldreomsorg", "Care for older people")
        assert area.description_nn == "Tenester for eldre."

    def test_the_form_shows_each_language_side_by_side(self, client, curator):
        client.force_login(curator)
        form = client.get(reverse("admin:directory_servicearea_add")).context["adminform"].form
        assert {"name_nb", "name_nn", "name_en", "description_nb", "description_nn", "description_en"} <= set(
            form.fields
        )
        assert "name" not in form.fields

    def test_bokmal_is_required_and_the_translations_are_not(self, client, curator):
        client.force_login(curator)
        response = client.post(reverse("admin:directory_servicearea_add"), {"slug": "tom", "position": "1"})
        assert response.status_code == 200
        errors = response.context["adminform"].form.errors
        assert "name_nb" in errors and "name_nn" not in errors and "name_en" not in errors
        assert not ServiceArea.objects.filter(slug="tom").exists()

    def test_a_case_gets_its_english_title(self, client, curator):
        case = Case.objects.create(slug="bua", title="Kommuner abonnerer på BUA", summary="Kort.")
        client.force_login(curator)
        url = reverse("admin:directory_case_change", args=[case.pk])
        form = client.get(url).context["adminform"].form
        data = {name: value for name, value in form.initial.items() if value is not None and name in form.fields}
        data.update({"title_en": "Municipalities subscribe to BUA", "summary_en": "Short."})
        data = {key: [item.pk for item in value] if isinstance(value, list) else value for key, value in data.items()}
        response = client.post(url, data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        case.refresh_from_db()
        assert (case.title_nb, case.title_en, case.summary_en) == (
            "Kommuner abonnerer på BUA",
            "Municipalities subscribe to BUA",
            "Short.",
        )
        with translation.override("en"):
            assert Case.objects.get(pk=case.pk).title == "Municipalities subscribe to BUA"

    def test_a_myth_gets_its_nynorsk_text(self, client, curator):
        myth = Myth.objects.get(number=1)
        client.force_login(curator)
        url = reverse("admin:procurement_myth_change", args=[myth.pk])
        response = client.post(
            url,
            {
                "number": "1",
                "claim_nb": myth.claim_nb,
                "claim_nn": "Alle innkjøp må ut på anbod",
                "answer_nb": myth.answer_nb,
                "answer_nn": "Nei.",
            },
        )
        assert response.status_code == 302, response.context["adminform"].form.errors
        myth.refresh_from_db()
        assert (myth.claim_nn, myth.answer_nn) == ("Alle innkjøp må ut på anbod", "Nei.")

    def test_a_curator_without_permission_cannot_edit(self, client, curator):
        client.force_login(curator)
        case = Case.objects.create(slug="bua", title="BUA", summary="Kort.")
        curator.user_permissions.set([])
        response = client.post(reverse("admin:directory_case_change", args=[case.pk]), {"title_en": "BUA (en)"})
        assert response.status_code == 403
        case.refresh_from_db()
        assert case.title_en is None
