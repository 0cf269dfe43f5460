from collections.abc import Sequence
from datetime import date

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from directory.models import County
from procurement import rules

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]


class KronerField(forms.Field):
    """Text in, whole kroner out: accepts the ways Norwegians write amounts (see rules.parse_kroner)."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"inputmode": "decimal", "autocomplete": "off", "spellcheck": "false"})
        return attrs

    def to_python(self, value):
        text = (value or "").strip() if isinstance(value, str) else value
        if text in self.empty_values:
            return None
        try:
            return rules.parse_kroner(str(text))
        except rules.KronerError as error:
            raise forms.ValidationError(error.message, code=error.code) from error


class RegimeForm(forms.Form):
    """The guide's question, as GET parameters that the page and the API share.

    The value is given either as `verdi`, or as a yearly value with years and option years, or as a
    monthly value for a contract with no end date. Each error is attached to the parameter it is about,
    so the API can name it.
    """

    verdi = KronerField(
        label=_("Anslått verdi i kroner, uten mva."),
        help_text=_(
            "Alt dere kan komme til å betale over hele avtalen, med opsjoner og forlengelser. "
            "Skriv for eksempel 1 300 000 eller 1,3 mill."
        ),
    )
    oppdragsgiver = forms.ChoiceField(
        label=_("Hvem kjøper?"),
        choices=[(buyer.value, label) for buyer, label in rules.BUYER_LABELS.items()],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Velg hvem som kjøper."),
            "invalid_choice": _("«%(value)s» er ikke en kjent oppdragsgiver. Bruk «statlig» eller «kommunal»."),
        },
    )
    kategori = forms.ChoiceField(
        label=_("Hva kjøper dere?"),
        choices=[(category.value, label) for category, label in rules.CATEGORY_LABELS.items()],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Velg hva dere kjøper."),
            "invalid_choice": _(
                "«%(value)s» er ikke en kjent kategori. Bruk «varer-tjenester», «helse-sosial» eller «bygg-anlegg»."
            ),
        },
    )
    dato = forms.DateField(
        label=_("Dato anskaffelsen starter"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        # The rules in force when the procurement starts decide, not the day the contract is signed
        # (procurement-facts.md, correction 13).
        help_text=_(
            "Dagen dere kunngjør konkurransen eller sender forespørsel til leverandører, ikke dagen kontrakten "
            "signeres. Den avgjør hvilke regler som gjelder. Tomt felt betyr i dag."
        ),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Skriv datoen som dd.mm.åååå, for eksempel 14.03.2024.")},
    )
    fylke = forms.ChoiceField(
        label=_("Fylket dere kjøper i (valgfritt)"),
        required=False,
        help_text=_("Da viser vi hvor mange sosiale entreprenører i fylket som kan delta i en reservert konkurranse."),
        error_messages={"invalid_choice": _("Vi fant ikke fylket «%(value)s». Velg et fylke fra listen.")},
    )
    arsverdi = KronerField(label=_("Verdi per år i kroner"))
    antall_ar = forms.IntegerField(
        label=_("Antall år avtalen varer"),
        required=False,
        min_value=1,
        max_value=100,
        error_messages={
            "invalid": _("Skriv antall år som et helt tall, for eksempel 2."),
            "min_value": _("Avtalen må vare minst ett år. Kortere avtaler: skriv hele verdien i feltet over."),
            "max_value": _("Skriv et antall år under 100."),
        },
    )
    opsjonsar = forms.IntegerField(
        label=_("Antall år dere kan forlenge (opsjoner)"),
        required=False,
        min_value=0,
        max_value=100,
        help_text=_("En avtale på 2 år med mulighet for 1 + 1 år forlengelse har 2 opsjonsår."),
        error_messages={
            "invalid": _("Skriv antall år som et helt tall, for eksempel 2."),
            "min_value": _("Antall år kan ikke være negativt."),
            "max_value": _("Skriv et antall år under 100."),
        },
    )
    manedsverdi = KronerField(
        label=_("Verdi per måned i kroner, for avtaler uten sluttdato"),
        help_text=_("En avtale uten sluttdato regnes som 48 måneder (anskaffelsesforskriften § 5-4)."),
    )

    def __init__(self, *args, periods: Sequence[rules.Thresholds] = (), today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.periods = list(periods)
        self.today = today or timezone.localdate()
        self.counties = {county.number: county for county in County.objects.all()}
        self.fields["fylke"].choices = [("", _("Velg fylke")), *((n, c.name) for n, c in self.counties.items())]
        for name, field in self.fields.items():
            if not isinstance(field.widget, forms.RadioSelect):
                field.widget.attrs.setdefault("class", "ds-input")
                if field.help_text:
                    field.widget.attrs["aria-describedby"] = f"id_{name}_helptext"

    def full_clean(self) -> None:
        super().full_clean()
        # Link each error from its input so a screen reader reads it with the field.
        for name in self.errors:
            if name not in self.fields:
                continue
            attrs = self.fields[name].widget.attrs
            attrs["aria-invalid"] = "true"
            if not isinstance(self.fields[name].widget, forms.RadioSelect):
                attrs["aria-describedby"] = " ".join(filter(None, [attrs.get("aria-describedby"), f"id_{name}_error"]))

    def clean_fylke(self) -> County | None:
        return self.counties.get(self.cleaned_data.get("fylke") or "")

    def clean_dato(self) -> date:
        on = self.cleaned_data.get("dato") or self.today
        first = min((period.valid_from for period in self.periods), default=None)
        if first is None:
            raise forms.ValidationError(
                _("Terskelverdiene er ikke lagt inn ennå. Prøv igjen senere."), code="no_periods"
            )
        if on < first:
            raise forms.ValidationError(
                _("Veiviseren gjelder fra %(first)s. Velg en dato fra og med den dagen."),
                code="before_first_period",
                params={"first": formats.date_format(first, "j. F Y")},
            )
        return on

    def clean(self):
        cleaned = super().clean()
        if any(name in self.errors for name in ("verdi", "arsverdi", "antall_ar", "opsjonsar", "manedsverdi")):
            return cleaned
        value = cleaned.get("verdi")
        annual, years, option_years = cleaned.get("arsverdi"), cleaned.get("antall_ar"), cleaned.get("opsjonsar")
        monthly = cleaned.get("manedsverdi")
        uses_annual = annual is not None or years is not None or option_years is not None
        ways = sum([value is not None, uses_annual, monthly is not None])

        if ways == 0:
            self.add_error(
                "verdi",
                forms.ValidationError(
                    _("Skriv inn verdien av kjøpet, eller fyll ut verdi per år og antall år."), code="required"
                ),
            )
        elif ways > 1:
            message = _("Fyll ut bare én av måtene: hele verdien, verdi per år med antall år, eller verdi per måned.")
            self.add_error(
                "verdi" if value is not None else "manedsverdi", forms.ValidationError(message, code="ambiguous")
            )
        elif uses_annual and annual is None:
            self.add_error("arsverdi", forms.ValidationError(_("Skriv verdien per år."), code="required"))
        elif uses_annual and years is None:
            self.add_error("antall_ar", forms.ValidationError(_("Skriv hvor mange år avtalen varer."), code="required"))
        elif uses_annual:
            cleaned["estimated_value"] = rules.estimated_value(
                annual_value=annual, years=years, option_years=option_years or 0
            )
        elif monthly is not None:
            cleaned["estimated_value"] = rules.estimated_value(monthly_value=monthly)
        else:
            cleaned["estimated_value"] = value
        return cleaned

    @property
    def uses_calculation(self) -> bool:
        """Whether the visitor filled in the optional calculation, so the page shows it opened."""
        return any(self.data.get(name) for name in ("arsverdi", "antall_ar", "opsjonsar", "manedsverdi"))
