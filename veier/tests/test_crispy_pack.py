"""The "designsystemet" crispy-forms template pack (templates/designsystemet/).

Renders a small form with `{{ form|crispy }}` and `{% crispy form %}` and checks the accessibility
contract of the pack: label/for, aria-describedby (errors first, then help text) pointing at elements
that exist, aria-invalid, fieldset/legend for grouped inputs, the required marker as text, the error
summary linking to every field, submitted values kept and user input escaped. No database is used.
"""

from html.parser import HTMLParser

import pytest
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.utils import translation

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
REQUIRED_MARKER = "(må fylles ut)"


class Element:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []
        self.texts = []

    @property
    def text(self):
        """All text inside the element, whitespace collapsed."""
        parts = []

        def collect(element):
            parts.extend(element.texts)
            for child in element.children:
                collect(child)

        collect(self)
        return " ".join(" ".join(parts).split())

    @property
    def classes(self):
        return self.attrs.get("class", "").split()

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {}, None)
        self.current = self.root
        self.elements = []

    def handle_starttag(self, tag, attrs):
        names = [name for name, _ in attrs]
        assert len(names) == len(set(names)), f"duplicate attribute on <{tag}>: {names}"
        element = Element(tag, attrs, self.current)
        self.current.children.append(element)
        self.elements.append(element)
        if tag not in VOID_ELEMENTS:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.current = self.current.parent

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS:
            return
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        self.current = self.current.parent

    def handle_data(self, data):
        self.current.texts.append(data)


class Page:
    """Parsed HTML with lookups by id, tag and class."""

    def __init__(self, html):
        self.html = html
        builder = TreeBuilder()
        builder.feed(html)
        builder.close()
        assert builder.current is builder.root, "unclosed elements"
        self.root = builder.root
        self.elements = builder.elements
        ids = [element.attrs["id"] for element in self.elements if "id" in element.attrs]
        duplicates = {value for value in ids if ids.count(value) > 1}
        assert not duplicates, f"duplicate ids: {duplicates}"
        self.by_id = {element.attrs["id"]: element for element in self.elements if "id" in element.attrs}

    def find_all(self, tag=None, css_class=None, **attrs):
        found = []
        for element in self.elements:
            if tag is not None and element.tag != tag:
                continue
            if css_class is not None and css_class not in element.classes:
                continue
            if all(element.attrs.get(name.replace("_", "-")) == value for name, value in attrs.items()):
                found.append(element)
        return found

    def label_for(self, input_id):
        labels = self.find_all("label", **{"for": input_id})
        assert len(labels) == 1, f"expected one <label for={input_id!r}>, found {len(labels)}"
        return labels[0]


class SampleForm(forms.Form):
    name = forms.CharField(label="Navn", help_text="Fullt navn, slik det står i Folkeregisteret.", max_length=100)
    email = forms.EmailField(label="E-post", required=False)
    sector = forms.ChoiceField(
        label="Sektor",
        choices=[("kommune", "Kommune"), ("sosial", "Sosial entreprenør")],
        widget=forms.RadioSelect,
    )
    topics = forms.MultipleChoiceField(
        label="Tema",
        help_text="Velg alle som passer.",
        choices=[("helse", "Helse"), ("arbeid", "Arbeid & inkludering")],
        widget=forms.CheckboxSelectMultiple,
    )
    accept = forms.BooleanField(label="Jeg godtar vilkårene")
    message = forms.CharField(label="Melding", widget=forms.Textarea)
    reference = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        super().clean()
        raise ValidationError("Skjemaet kunne ikke sendes <b>nå</b>.")


INVALID_DATA = {
    "name": "",
    "email": 'ikke-epost"><script>alert(1)</script>',
    "topics": ["helse", "ukjent"],
    "message": "Hei <b>der</b> & takk",
    "reference": "ref-42",
}
FIELDS_WITH_ERRORS = ["name", "email", "sector", "topics", "accept"]


def render(template_code, **context):
    with translation.override("nb"):
        return Template("{% load crispy_forms_tags %}" + template_code).render(Context(context))


@pytest.fixture
def invalid_form():
    form = SampleForm(data=INVALID_DATA)
    with translation.override("nb"):
        assert not form.is_valid()
    return form


@pytest.fixture
def page(invalid_form):
    return Page(render("{{ form|crispy }}", form=invalid_form))


def messages(form, name):
    with translation.override("nb"):
        return [str(message) for message in form.errors[name]]


def test_form_has_the_expected_errors(invalid_form):
    assert sorted(invalid_form.errors) == sorted([*FIELDS_WITH_ERRORS, "__all__"])


@pytest.mark.parametrize("input_id", ["id_name", "id_email", "id_accept", "id_message"])
def test_single_inputs_have_label_for_their_id(page, input_id):
    field = page.by_id[input_id]
    assert field.tag in ("input", "textarea")
    assert "ds-input" in field.classes
    assert page.label_for(input_id).text


def test_every_visible_control_is_labelled(page):
    controls = [element for element in page.elements if element.tag in ("input", "select", "textarea")]
    for control in controls:
        if control.attrs.get("type") == "hidden":
            continue
        assert "id" in control.attrs, control.attrs
        page.label_for(control.attrs["id"])


def test_describedby_lists_error_then_help_and_both_exist(page, invalid_form):
    name = page.by_id["id_name"]
    assert name.attrs["aria-describedby"] == "id_name_error id_name_helptext"
    error = page.by_id["id_name_error"]
    assert "ds-validation-message" in error.classes
    assert error.text == messages(invalid_form, "name")[0]
    assert page.by_id["id_name_helptext"].text == "Fullt navn, slik det står i Folkeregisteret."

    email = page.by_id["id_email"]
    assert email.attrs["aria-describedby"] == "id_email_error"
    assert page.by_id["id_email_error"].text == messages(invalid_form, "email")[0]

    accept = page.by_id["id_accept"]
    assert accept.attrs["aria-describedby"] == "id_accept_error"
    assert "id_accept_error" in page.by_id


def test_error_message_sits_next_to_its_input(page):
    for name in ("name", "email", "accept"):
        control = page.by_id[f"id_{name}"]
        error = page.by_id[f"id_{name}_error"]
        assert error.parent is control.parent
        assert "ds-field" in control.parent.classes


def test_every_describedby_reference_exists(page):
    for element in page.elements:
        for reference in element.attrs.get("aria-describedby", "").split():
            assert reference in page.by_id, f"{element.tag} refers to missing id {reference}"
        for reference in element.attrs.get("aria-labelledby", "").split():
            assert reference in page.by_id, f"{element.tag} refers to missing id {reference}"


def test_invalid_inputs_have_aria_invalid(page):
    for input_id in ("id_name", "id_email", "id_accept", "id_sector_0", "id_sector_1", "id_topics_0", "id_topics_1"):
        assert page.by_id[input_id].attrs.get("aria-invalid") == "true", input_id
    assert "aria-invalid" not in page.by_id["id_message"].attrs


def test_required_fields_say_so_in_the_label_text(page):
    assert page.label_for("id_name").text == f"Navn {REQUIRED_MARKER}"
    assert page.label_for("id_accept").text == f"Jeg godtar vilkårene {REQUIRED_MARKER}"
    assert page.label_for("id_message").text == f"Melding {REQUIRED_MARKER}"
    assert page.label_for("id_email").text == "E-post"


@pytest.mark.parametrize(
    ("name", "label", "describedby", "option_count"),
    [
        ("sector", "Sektor", "id_sector_error", 2),
        ("topics", "Tema", "id_topics_error id_topics_helptext", 2),
    ],
)
def test_grouped_inputs_use_fieldset_and_legend(page, name, label, describedby, option_count):
    fieldset = page.by_id[f"id_{name}"]
    assert fieldset.tag == "fieldset"
    assert "ds-fieldset" in fieldset.classes
    legend = fieldset.children[0]
    assert legend.tag == "legend"
    assert legend.text == f"{label} {REQUIRED_MARKER}"
    assert fieldset.attrs["aria-describedby"] == describedby
    for reference in describedby.split():
        assert fieldset in page.by_id[reference].ancestors()

    options = page.find_all("input", name=name)
    assert len(options) == option_count
    for index, option in enumerate(options):
        assert option.attrs["id"] == f"id_{name}_{index}"
        assert fieldset in option.ancestors()
        assert page.label_for(option.attrs["id"]).text
        assert "aria-describedby" not in option.attrs  # described once, by the fieldset


def test_error_summary_comes_first_and_links_to_every_field(page, invalid_form):
    summaries = page.find_all(css_class="ds-error-summary")
    assert len(summaries) == 1
    summary = summaries[0]
    assert page.root.children[0] is summary
    assert summary.attrs["tabindex"] == "-1"
    heading = page.by_id[summary.attrs["aria-labelledby"]]
    assert heading.tag == "h2"
    assert heading.text == "Skjemaet har feil"
    assert "For å gå videre må du rette opp følgende feil:" in summary.text

    links = [element for element in page.elements if element.tag == "a" and summary in element.ancestors()]
    expected_targets = ["id_name", "id_email", "id_sector_0", "id_topics_0", "id_accept"]
    assert [link.attrs["href"] for link in links] == [f"#{target}" for target in expected_targets]
    labels = {"name": "Navn", "email": "E-post", "sector": "Sektor", "topics": "Tema", "accept": "Jeg godtar vilkårene"}
    for link, name, target in zip(links, FIELDS_WITH_ERRORS, expected_targets, strict=True):
        assert target in page.by_id, f"summary links to missing #{target}"
        assert link.text == f"{labels[name]}: {messages(invalid_form, name)[0]}"


def test_error_summary_lists_non_field_errors_escaped(page):
    summary = page.find_all(css_class="ds-error-summary")[0]
    items = [element for element in page.elements if element.tag == "li" and summary in element.ancestors()]
    assert items[0].text == "Skjemaet kunne ikke sendes <b>nå</b>."
    assert "&lt;b&gt;nå&lt;/b&gt;" in page.html


def test_submitted_values_are_kept(page):
    assert page.by_id["id_email"].attrs["value"] == INVALID_DATA["email"]
    assert page.by_id["id_message"].text == INVALID_DATA["message"]
    assert "checked" in page.by_id["id_topics_0"].attrs
    assert "checked" not in page.by_id["id_topics_1"].attrs
    hidden = page.by_id["id_reference"]
    assert hidden.attrs["type"] == "hidden"
    assert hidden.attrs["value"] == "ref-42"


def test_chosen_radio_is_kept():
    form = SampleForm(data={**INVALID_DATA, "sector": "sosial"})
    page = Page(render("{{ form|crispy }}", form=form))
    assert "checked" not in page.by_id["id_sector_0"].attrs
    assert "checked" in page.by_id["id_sector_1"].attrs
    assert "aria-invalid" not in page.by_id["id_sector_1"].attrs
    assert "aria-describedby" not in page.by_id["id_sector"].attrs


def test_user_input_is_escaped(page):
    assert "<script>" not in page.html
    assert "<b>der</b>" not in page.html
    assert not page.find_all("script")


def test_unbound_form_has_no_error_markup():
    page = Page(render("{{ form|crispy }}", form=SampleForm()))
    assert not page.find_all(css_class="ds-error-summary")
    assert not page.find_all(css_class="ds-validation-message")
    assert not [element for element in page.elements if "aria-invalid" in element.attrs]
    assert page.by_id["id_name"].attrs["aria-describedby"] == "id_name_helptext"
    assert "aria-describedby" not in page.by_id["id_email"].attrs
    assert page.by_id["id_topics"].attrs["aria-describedby"] == "id_topics_helptext"


def test_crispy_tag_renders_form_summary_and_buttons(invalid_form):
    invalid_form.helper = FormHelper()
    invalid_form.helper.form_id = "kontaktskjema"
    invalid_form.helper.add_input(Submit("send", "Send inn"))
    page = Page(render("{% crispy form %}", form=invalid_form, csrf_token="test-token"))

    form_element = page.by_id["kontaktskjema"]
    assert form_element.tag == "form"
    assert form_element.attrs["method"] == "post"
    assert page.find_all("input", name="csrfmiddlewaretoken")
    summary = page.find_all(css_class="ds-error-summary")[0]
    assert summary.parent is form_element
    assert page.by_id["id_name"].attrs["aria-describedby"] == "id_name_error id_name_helptext"
    button = page.find_all("button", type="submit")[0]
    assert "ds-button" in button.classes
    assert button.text == "Send inn"


def test_error_summary_include_and_helper_switch(invalid_form):
    invalid_form.helper = FormHelper()
    invalid_form.helper.error_summary = False
    invalid_form.helper.disable_csrf = True
    page = Page(
        render('{% include "includes/error_summary.html" with form=form %}{% crispy form %}', form=invalid_form)
    )
    summaries = page.find_all(css_class="ds-error-summary")
    assert len(summaries) == 1
    assert summaries[0].parent is page.root
    assert page.find_all("a", href="#id_name")

    assert render('{% include "includes/error_summary.html" with form=form %}', form=SampleForm()).strip() == ""
