"""Form fields shared by the apps."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.safestring import mark_safe


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, but a value that is not even a valid key ("abc" for a numeric id, a number too
    large for the column) is reported like any other unknown choice: with the field's own
    `invalid_choice` message and its `%(value)s`, never a server error or a second wording."""

    def _check_values(self, value):
        try:
            return super()._check_values(value)
        except ValidationError as error:
            if error.code != "invalid_pk_value":
                raise
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": error.params["pk"]}
            ) from error


class QuickSelect(forms.Select):
    """Django's <select>, written in Python. Django renders every <option> through a template of its
    own, which for the place list (357 municipalities in 15 county groups) took about 25 ms of each
    need form page. Same markup, escaped the same way (format_html)."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(item) for item in self.format_value(value)}
        parts = [format_html('<select name="{}"{}>', name, _attributes(self.build_attrs(self.attrs, attrs)))]
        for option_value, option_label in self.choices:
            if isinstance(option_label, list | tuple):
                parts.append(format_html('<optgroup label="{}">', option_value))
                parts.extend(self._option(*option, selected) for option in option_label)
                parts.append("</optgroup>")
            else:
                parts.append(self._option(option_value, option_label, selected))
        parts.append("</select>")
        return mark_safe("\n".join(parts))  # every part above went through format_html

    @staticmethod
    def _option(value, label, selected: set[str]) -> str:
        value = "" if value is None else str(value)
        return format_html('<option value="{}"{}>{}</option>', value, " selected" if value in selected else "", label)


def _attributes(attrs: dict) -> str:
    """HTML attributes in their order, as Django's widgets/attrs.html writes them (True: the name alone)."""
    return mark_safe(  # each part went through format_html
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
            for name, value in attrs.items()
            if value is not False
        )
    )
