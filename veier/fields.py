"""Form fields shared by the apps."""

from django import forms
from django.core.exceptions import ValidationError


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
