"""Forms for contact through the portal and for claiming a listing."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from directory.contact_models import MAX_SUBJECT_LENGTH, MAX_TEXT_LENGTH
from directory.member_forms import TOO_LONG, InnerForm, orgnr_field
from directory.validators import normalize_orgnr, validate_orgnr

# Messages shorter than this are not worth a member's time ("hei").
MIN_TEXT_LENGTH = 20
HONEYPOT = "nettside"


class ContactMessageForm(InnerForm):
    subject = forms.CharField(
        label=_("Emne"),
        max_length=MAX_SUBJECT_LENGTH,
        error_messages={"required": _("Skriv et emne, for eksempel hva henvendelsen gjelder."), "max_length": TOO_LONG},
    )
    text = forms.CharField(
        label=_("Melding"),
        min_length=MIN_TEXT_LENGTH,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Skriv meldingen."),
            "max_length": TOO_LONG,
            "min_length": _(
                "Meldingen er for kort. Skriv minst %(limit_value)d tegn, så mottakeren skjønner hva du vil."
            ),
        },
    )
    # A field people never see (hidden by CSS, out of the tab order, no autofill); robots fill it in.
    nettside = forms.CharField(
        label=_("Ikke fyll ut dette feltet"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = gettext("Fortell hvem du er og hva du ønsker. Høyst %(limit)d tegn.") % {
            "limit": MAX_TEXT_LENGTH
        }

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT))


class ClaimForm(InnerForm):
    orgnr = orgnr_field()
    message = forms.CharField(
        label=_("Melding til redaksjonen (valgfritt)"),
        help_text=_("Hva er rollen din i virksomheten? Det gjør det lettere å godkjenne kravet."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": TOO_LONG},
    )

    def __init__(self, *args, entrepreneur, **kwargs):
        super().__init__(*args, **kwargs)
        self.entrepreneur = entrepreneur

    def clean_orgnr(self) -> str:
        from directory.models import SocialEntrepreneur

        orgnr = normalize_orgnr(self.cleaned_data["orgnr"])
        validate_orgnr(orgnr)
        if self.entrepreneur.orgnr and orgnr != self.entrepreneur.orgnr:
            raise forms.ValidationError(
                _(
                    "Organisasjonsnummeret stemmer ikke med det som står på profilen. Sjekk nummeret i "
                    "Enhetsregisteret (brreg.no)."
                )
            )
        if SocialEntrepreneur.objects.filter(orgnr=orgnr).exclude(pk=self.entrepreneur.pk).exists():
            raise forms.ValidationError(
                _("Organisasjonsnummeret hører til en annen profil i katalogen. Sjekk at du har valgt riktig profil.")
            )
        return orgnr
