"""On nynorsk and English pages, no curated text in bokmål appears without lang="nb" around it.

Taxonomy terms, cases, guidance, myths, thresholds' sources and notes and concept names are
translated in the fixtures and migrations; one term, one case, the sources and notes of the period in
force and one of its uncertain values have their English and nynorsk removed here, to show the
fallback on every page type that lists them.
"""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from directory.models import Case, CollaborationForm, PublicBody, ServiceArea, SocialEntrepreneur, TargetGroup
from matchmaking.models import Concept, Need
from procurement.models import (
    GuidanceItem,
    GuidancePage,
    GuidanceSection,
    Myth,
    ThresholdField,
    ThresholdPeriod,
    ThresholdUncertainty,
)

TRANSLATED = {
    ServiceArea: ["name", "description"],
    TargetGroup: ["name", "description"],
    CollaborationForm: ["name", "description"],
    Case: ["title", "summary"],
    GuidancePage: ["title", "summary", "intro"],
    GuidanceSection: ["heading", "body", "link_text"],
    GuidanceItem: ["title", "text", "when", "highlight", "link_text"],
    Myth: ["claim", "answer"],
    ThresholdPeriod: ["sources", "notes"],
    ThresholdUncertainty: ["explanation"],
    Concept: ["name"],
}
# Elements whose text is not content a reader sees in the page's flow.
SKIPPED = {"script", "style", "title", "option", "textarea"}
SEPARATORS = re.compile(r"\s*(?:,\s|·|:\s|\s–\s|«|»|\n)\s*")


class TextByLanguage(HTMLParser):
    """Each piece of text in the body with the language that applies to it (the nearest lang)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.pieces: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if any(tag in SKIPPED for tag, _ in self.stack):
            return
        language = next((lang for _, lang in reversed(self.stack) if lang), "")
        if data.strip():
            self.pieces.append((data.strip(), language))
        for piece in SEPARATORS.split(data):
            piece = piece.strip()
            if piece:
                self.pieces.append((piece, language))


def _values(text: str | None) -> set[str]:
    """A field's whole text and each of its paragraphs, as they appear in a page's text."""
    text = (text or "").strip()
    return {part.strip() for part in [text, *text.split("\n")] if part.strip()}


def bokmal_only_texts(language: str) -> set[str]:
    """Curated bokmål texts (whole values and paragraphs) that the reader's language does not use."""
    original, translated = set(), set()
    for model, fields in TRANSLATED.items():
        for obj in model.objects.all():
            for field in fields:
                original |= _values(getattr(obj, f"{field}_nb"))
                translated |= _values(getattr(obj, f"{field}_{language}"))
    # Names are the same in every language (a guidance item may be titled «Forskerfabrikken»).
    names = set(SocialEntrepreneur.objects.values_list("name", flat=True))
    names |= set(PublicBody.objects.values_list("name", flat=True))
    return original - translated - names


def unmarked_bokmal(html: str, language: str, texts: set[str]) -> list[str]:
    parser = TextByLanguage()
    parser.feed(html)
    return sorted({piece for piece, lang in parser.pieces if piece in texts and lang != "nb"})


@pytest.fixture
def world(booklet):
    # One term and one case that a curator has not translated yet.
    ServiceArea.objects.filter(slug="eldreomsorg").update(name_nn=None, name_en=None, description_en=None)
    Case.objects.filter(slug="trondheim-jodacare-pilotavtale").update(
        title_nn=None, title_en=None, summary_nn=None, summary_en=None
    )
    # The period in force and the uncertain lower limit the guide's answer below uses.
    in_force = ThresholdPeriod.objects.filter(valid_from__lte=timezone.localdate()).order_by("-valid_from").first()
    ThresholdPeriod.objects.filter(pk=in_force.pk).update(
        sources_nn=None, sources_en=None, notes_nn=None, notes_en=None
    )
    ThresholdUncertainty.objects.filter(period=in_force, field=ThresholdField.LOWER_LIMIT).update(
        explanation_nn=None, explanation_en=None
    )
    body = PublicBody.objects.get(slug="trondheim-kommune")
    need = Need(public_body=body, title="Tryggere pårørende", challenge="Mange telefoner.", effects="Færre.")
    need.status = Need.Status.OPEN
    need.published_at = timezone.now()
    need.municipality = body.municipality
    need.county = body.municipality.county
    need.visibility = Need.Visibility.PUBLIC
    need.procurement_category = "helse-sosial"
    need.save()
    need.service_areas.set(ServiceArea.objects.filter(slug__in=["eldreomsorg", "helse"]))
    need.target_groups.set(TargetGroup.objects.filter(slug="personer-med-demens"))
    need.collaboration_forms.set(CollaborationForm.objects.filter(slug="pilotavtale"))
    return need


def page_urls(need) -> list[str]:
    myths_page = GuidancePage.objects.filter(show_myths=True).first()
    return [
        reverse("directory:home"),
        reverse("directory:entrepreneur-list"),
        reverse("directory:entrepreneur-list") + "?omrade=eldreomsorg&samarbeidsform=pilotavtale&malgruppe=eldre",
        reverse("directory:entrepreneur-detail", args=["jodacare"]),
        reverse("directory:entrepreneur-detail", args=["kjor-for-livet"]),
        reverse("directory:body-list"),
        reverse("directory:body-detail", args=["trondheim-kommune"]),
        reverse("directory:case-list"),
        reverse("directory:case-list") + "?samarbeidsform=pilotavtale&omrade=eldreomsorg",
        reverse("directory:case-detail", args=["trondheim-jodacare-pilotavtale"]),
        reverse("matchmaking:need-list"),
        reverse("matchmaking:need-detail", args=[need.pk]),
        reverse("procurement:guide"),
        # The answer: the period's sources and notes, and the warning on the uncertain lower limit.
        reverse("procurement:guide") + "?verdi=300000&oppdragsgiver=kommunal&kategori=helse-sosial",
        reverse("procurement:guide") + "?verdi=3000000&oppdragsgiver=kommunal&kategori=helse-sosial",
        reverse("procurement:guidance-list"),
        *[page.get_absolute_url() for page in GuidancePage.objects.all()],
        myths_page.get_absolute_url(),
        reverse("procurement:thresholds"),
    ]


@pytest.mark.parametrize("language", ["nn", "en"])
def test_bokmal_content_on_translated_pages_is_marked_lang_nb(client, world, language, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    texts = bokmal_only_texts(language)
    assert "Eldreomsorg" in texts or language == "nn"
    found = {}
    for url in page_urls(world):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{language}"' in html
        if unmarked := unmarked_bokmal(html, language, texts):
            found[url] = unmarked
    assert found == {}, "\n".join(f"{url}: {texts}" for url, texts in found.items())


def test_the_fallback_is_really_shown_and_marked(client, world, settings):
    """The check above is not empty: the untranslated term and case appear, inside lang="nb"."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(reverse("directory:case-detail", args=["trondheim-jodacare-pilotavtale"])).content.decode()
    assert '<span lang="nb">Trondheim kommune inngikk pilotavtale med JodaCare</span>' in html
    html = client.get(reverse("matchmaking:need-detail", args=[world.pk])).content.decode()
    assert '<span lang="nb">Eldreomsorg</span>' in html
    assert "Health" in html  # the translated term beside it is in English
    html = client.get(reverse("directory:entrepreneur-list") + "?omrade=eldreomsorg").content.decode()
    assert html.count('<span lang="nb">Eldreomsorg</span>') >= 2  # the checkbox and the active-filter chip


def test_the_checker_finds_unmarked_bokmal():
    html = '<html><body><p>Eldreomsorg</p><p lang="nb">Helse</p><ul><li>Helse, Eldreomsorg</li></ul></body></html>'
    assert unmarked_bokmal(html, "en", {"Eldreomsorg", "Helse"}) == ["Eldreomsorg", "Helse"]
    assert unmarked_bokmal('<div lang="nb"><p>Eldreomsorg</p></div>', "en", {"Eldreomsorg"}) == []


def test_the_guide_marks_the_period_texts_it_shows_in_bokmal(client, world, settings):
    """The guide's answer gets its period from the rules engine, which carries what is bokmål."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = reverse("procurement:guide") + "?verdi=300000&oppdragsgiver=kommunal&kategori=helse-sosial"
    html = client.get(url).content.decode()
    assert 'id="svar"' in html  # the answer, not the form again
    lower_limit = ThresholdUncertainty.objects.get(
        period__valid_from__lte=timezone.localdate(), period__valid_from__gte="2026-07-01", field="lower_limit"
    )
    assert f'<span lang="nb">{escape(lower_limit.explanation_nb)}</span>' in html
    assert 'class="source procurement-period-notes" lang="nb"' in html
    html = client.get(reverse("procurement:thresholds")).content.decode()
    assert '<div lang="nb"><p>Nedre grense: Stortingets vedtak' in html
