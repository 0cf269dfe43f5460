"""Shared form fields and widgets (veier/fields.py)."""

import re

from django import forms

from veier.fields import QuickSelect

CHOICES = [
    ("", "Velg sted"),
    ("landet", "Hele landet"),
    ("Trøndelag", [("c:50", "Hele Trøndelag"), ("m:1", "Trondheim <Tråante> & «omegn»")]),
    ("Oslo", [("m:2", 'Oslo "by"')]),
]


def _markup(widget_class, value, attrs=None) -> str:
    class Form(forms.Form):
        place = forms.ChoiceField(choices=CHOICES, widget=widget_class, help_text="En kommune.")

    form = Form({"place": value} if value is not None else None)
    html = str(form["place"].as_widget(attrs=attrs))
    return re.sub(r">\s+<", "><", html).strip()


def test_the_quick_select_writes_what_djangos_select_writes():
    for value in (None, "m:1", "c:50", "landet", "unknown"):
        assert _markup(QuickSelect, value) == _markup(forms.Select, value)
    attrs = {"class": "ds-input", "aria-invalid": "true"}
    assert _markup(QuickSelect, "m:2", attrs) == _markup(forms.Select, "m:2", attrs)


def test_the_quick_select_escapes_labels_and_marks_one_choice():
    html = _markup(QuickSelect, "m:1")
    assert "Trondheim &lt;Tråante&gt; &amp; «omegn»" in html and "<Tråante>" not in html
    assert "Oslo &quot;by&quot;" in html
    assert html.count(" selected") == 1 and '<option value="m:1" selected>' in html
    assert '<optgroup label="Trøndelag">' in html


def test_a_long_list_links_its_ends_and_the_pages_around_the_current_one():
    from django.core.paginator import Paginator
    from django.template.loader import render_to_string

    page = Paginator(range(8000), 20).page(200)
    html = render_to_string("includes/pagination.html", {"page": page, "query_without_page": "q=eldre"})
    numbers = [int(number) for number in re.findall(r"side=(\d+)\" aria-label", html)]
    assert numbers == [1, 198, 199, 200, 201, 202, 400]
    assert html.count('<li aria-hidden="true">…</li>') == 2
    assert 'href="?q=eldre&amp;side=200" aria-label="Side 200" aria-current="true"' in html
    assert "Side 200 av 400" in html and 'rel="prev"' in html and 'rel="next"' in html
    short = render_to_string(
        "includes/pagination.html", {"page": Paginator(range(60), 20).page(1), "query_without_page": ""}
    )
    assert [int(n) for n in re.findall(r"side=(\d+)\" aria-label", short)] == [1, 2, 3] and "…" not in short
