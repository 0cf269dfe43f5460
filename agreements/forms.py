"""Forms for agreements, follow-up answers and effect plans. Each turns input into domain values in
clean_*; the views hand cleaned_data to agreements/services.py."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from agreements.models import FollowUp, Indicator
from directory.forms import UNKNOWN_COUNTY, UNKNOWN_SERVICE_AREA, DirectoryFilterForm, PlaceField, SlugChoiceField
from directory.models import CollaborationForm, County, ServiceArea
from procurement.forms import KronerField
from procurement.rules import CATEGORY_LABELS

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"]
BAD_DATE = _("Skriv datoen som dd.mm.åååå, for eksempel 14.03.2027.")
TOO_LONG = _("Teksten kan ha høyst %(limit_value)d tegn (nå %(show_value)d). Gjør den kortere.")
BAD_NUMBER = _("Skriv et tall, for eksempel 12 eller 3,5.")
BAD_COUNT = _("Skriv antall personer som et helt tall, for eksempel 40.")
# Measured values: up to twelve digits before the decimal comma, two after (the model's limits).
MAX_VALUE = Decimal("999999999999.99")


class DateField(forms.DateField):
    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATE_FORMATS)
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("invalid", BAD_DATE)
        super().__init__(**kwargs)


class NumberField(forms.DecimalField):
    """A decimal that also takes a decimal comma ("3,5"), as Norwegians write it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", -MAX_VALUE)
        kwargs.setdefault("max_value", MAX_VALUE)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        messages = {
            "invalid": BAD_NUMBER,
            "max_digits": _("Tallet er for stort. Skriv et tall med høyst tolv sifre før komma."),
            "max_decimal_places": _("Skriv høyst to desimaler."),
            "max_whole_digits": _("Tallet er for stort. Skriv et tall med høyst tolv sifre før komma."),
            "min_value": _("Tallet er for lite."),
            "max_value": _("Tallet er for stort."),
            **kwargs.pop("error_messages", {}),
        }
        super().__init__(error_messages=messages, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("\u00a0", "").replace(" ", "").replace(",", ".")
        return super().to_python(value)


class CountField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", 10_000_000)
        super().__init__(
            error_messages={
                "invalid": BAD_COUNT,
                "min_value": _("Antallet kan ikke være negativt."),
                "max_value": _("Skriv et antall under ti millioner."),
            },
            **kwargs,
        )


def _text(label, max_length: int, *, required=False, rows=4, help_text="", required_message=None):
    messages = {"max_length": TOO_LONG}
    if required_message:
        messages["required"] = required_message
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages=messages,
    )


class AgreementForm(forms.Form):
    collaboration_form = forms.ModelChoiceField(
        label=_("Samarbeidsform"),
        queryset=CollaborationForm.objects.all(),
        empty_label=_("Velg samarbeidsform"),
        help_text=_("Samarbeidsformene fra heftet «Veier til samarbeid», kapittel 3."),
        error_messages={
            "required": _("Velg hvilken samarbeidsform dere ble enige om."),
            "invalid_choice": _("Velg en samarbeidsform fra listen."),
        },
    )
    summary = _text(
        _("Hva dere er enige om"),
        2000,
        required=True,
        help_text=_("Et par setninger om hva som skal leveres, til hvem og hvordan."),
        required_message=_("Skriv kort hva dere er enige om."),
    )
    value = KronerField(
        label=_("Verdi i kroner, uten mva. (valgfritt)"),
        help_text=_("Hele avtalens verdi, med forlengelser. Verdien avgjør hvilke anskaffelsesregler som gjelder."),
    )
    procurement_category = forms.ChoiceField(
        label=_("Hva slags kjøp er det?"),
        choices=[(category.value, label) for category, label in CATEGORY_LABELS.items()],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Velg hva slags kjøp det er."),
            "invalid_choice": _("Velg en av typene kjøp i listen."),
        },
    )
    agreed_on = DateField(
        label=_("Avtalt dato"),
        help_text=_("Dagen dere ble enige. Regelverket som gjaldt den dagen, vises på avtalen."),
        error_messages={"required": _("Skriv datoen dere ble enige.")},
    )
    starts_on = DateField(label=_("Fra"), error_messages={"required": _("Skriv når samarbeidet starter.")})
    ends_on = DateField(label=_("Til (valgfritt)"), required=False)
    reserved = forms.BooleanField(
        label=_("Konkurransen var forbeholdt"),
        required=False,
        help_text=_("Kryss av hvis konkurransen var forbeholdt virksomheter som integrerer vanskeligstilte."),
    )

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("Sluttdatoen kan ikke være før startdatoen."))
        return data


class FollowUpForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Hvordan gikk det?"),
        choices=FollowUp.Answer.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Velg om det endte i en avtale, om dere fortsatt snakker sammen, eller om det stoppet."),
            "invalid_choice": _("Velg et av svarene i listen."),
        },
    )
    reason = forms.ChoiceField(
        label=_("Hvorfor stoppet det? (valgfritt)"),
        choices=[("", _("Velg en grunn"))] + FollowUp.Reason.choices,
        required=False,
        error_messages={"invalid_choice": _("Velg en grunn fra listen.")},
    )
    comment = _text(_("Kommentar (valgfritt)"), 1000, rows=3)

    def clean(self):
        data = super().clean()
        if data.get("answer") != FollowUp.Answer.STOPPED and data.get("reason"):
            # A reason only belongs to a dialogue that stopped.
            data["reason"] = ""
        return data


class EffectPlanForm(forms.Form):
    situation = _text(_("1. Nåsituasjonen"), 3000, help_text=_("Hvordan er det i dag, før tiltaket? Bruk gjerne tall."))
    goals = _text(_("2. Målsettinger"), 3000, help_text=_("Hva skal være annerledes når samarbeidet har virket?"))
    target_group = _text(_("3. Målgruppen"), 2000, help_text=_("Hvem gjelder det, og hva kjennetegner dem?"))
    target_group_size = CountField(label=_("Antall personer i målgruppen (valgfritt)"))
    people_reached = CountField(
        label=_("Antall personer nådd så langt (valgfritt)"),
        help_text=_("Ferd-modellen: hvor mange personer tiltaket har påvirket."),
    )
    life_changing = CountField(label=_("Av dem: livsendrende påvirkning (valgfritt)"))
    life_improving = CountField(label=_("Av dem: livsforbedrende påvirkning (valgfritt)"))
    story = _text(
        _("En god historie (valgfritt)"),
        3000,
        help_text=_("Minst én historie i året om en person som har fått det bedre. Skriv ingen navn uten samtykke."),
    )

    def clean(self):
        data = super().clean()
        reached = data.get("people_reached")
        split = [data.get(name) for name in ("life_changing", "life_improving") if data.get(name) is not None]
        if split and reached is None:
            self.add_error("people_reached", _("Skriv hvor mange personer som er nådd til sammen."))
        elif split and sum(split) > reached:
            self.add_error(
                "life_changing",
                _("Livsendrende og livsforbedrende kan til sammen ikke være flere enn antall personer nådd."),
            )
        return data


class IndicatorForm(forms.Form):
    name = forms.CharField(
        label=_("Indikator"),
        max_length=200,
        help_text=_("Hva som måles, for eksempel «Deltakere i jobb eller utdanning»."),
        error_messages={"required": _("Skriv hva som måles."), "max_length": TOO_LONG},
    )
    unit = forms.CharField(
        label=_("Enhet"),
        max_length=40,
        help_text=_("For eksempel «personer», «prosent» eller «timer per uke»."),
        error_messages={"required": _("Skriv enheten, for eksempel «personer»."), "max_length": TOO_LONG},
    )
    level = forms.ChoiceField(
        label=_("Nivå"),
        choices=Indicator.Level.choices,
        widget=forms.RadioSelect,
        help_text=_("Resultat: det dere gjør. Virkning: hva det endrer for deltakerne. Effekt: for samfunnet."),
        error_messages={
            "required": _("Velg resultat, virkning eller effekt."),
            "invalid_choice": _("Velg resultat, virkning eller effekt."),
        },
    )
    baseline_value = NumberField(
        label=_("Nullpunkt"),
        help_text=_("Verdien før tiltaket startet."),
        error_messages={"required": _("Skriv verdien før tiltaket startet (nullpunktet).")},
    )
    baseline_on = DateField(
        label=_("Nullpunktet ble målt"), error_messages={"required": _("Skriv når nullpunktet ble målt.")}
    )
    target_value = NumberField(label=_("Mål (valgfritt)"), required=False)


class MeasurementForm(forms.Form):
    measured_on = DateField(label=_("Dato"), error_messages={"required": _("Skriv datoen for målingen.")})
    value = NumberField(label=_("Verdi"), error_messages={"required": _("Skriv verdien som ble målt.")})
    comment = forms.CharField(
        label=_("Kommentar (valgfritt)"), max_length=300, required=False, error_messages={"max_length": TOO_LONG}
    )

    def __init__(self, *args, indicator: Indicator, **kwargs):
        self.indicator = indicator
        kwargs.setdefault("auto_id", f"id_indikator{indicator.pk}_%s")
        super().__init__(*args, **kwargs)

    def clean_measured_on(self):
        measured_on = self.cleaned_data["measured_on"]
        if measured_on < self.indicator.baseline_on:
            raise forms.ValidationError(
                _("Målingen kan ikke være fra før nullpunktet ble målt (%(date)s).")
                % {"date": self.indicator.baseline_on.strftime("%d.%m.%Y")}
            )
        return measured_on


class PlanFilterForm(DirectoryFilterForm):
    """The filters of /planer/: service area, county and "expires or starts within N months"."""

    omrade = SlugChoiceField(ServiceArea, UNKNOWN_SERVICE_AREA, label=_("Tjenesteområde"))
    fylke = PlaceField(County, UNKNOWN_COUNTY, label=_("Fylke"))
    innen_maneder = forms.IntegerField(
        label=_("Starter eller går ut innen (måneder)"),
        required=False,
        min_value=1,
        max_value=120,
        help_text=_("For eksempel 12 for det neste året."),
        error_messages={
            "invalid": _("Skriv antall måneder som et helt tall, for eksempel 12."),
            "min_value": _("Skriv minst 1 måned."),
            "max_value": _("Skriv høyst 120 måneder (ti år)."),
        },
    )


class BodyAgreementForm(forms.Form):
    title = forms.CharField(
        label=_("Hva avtalen gjelder"),
        max_length=200,
        help_text=_("For eksempel «Dagaktivitetstilbud for personer med demens»."),
        error_messages={"required": _("Skriv hva avtalen gjelder."), "max_length": TOO_LONG},
    )
    service_area = forms.ModelChoiceField(
        label=_("Tjenesteområde"),
        queryset=ServiceArea.objects.all(),
        empty_label=_("Velg tjenesteområde"),
        error_messages={
            "required": _("Velg tjenesteområdet avtalen hører til."),
            "invalid_choice": _("Velg et tjenesteområde fra listen."),
        },
    )
    supplier_kind = forms.CharField(
        label=_("Hva slags leverandør (valgfritt)"),
        max_length=200,
        required=False,
        help_text=_("For eksempel «ideell organisasjon» eller «privat selskap»."),
        error_messages={"max_length": TOO_LONG},
    )
    starts_on = DateField(label=_("Fra"), error_messages={"required": _("Skriv når avtalen startet.")})
    ends_on = DateField(label=_("Til"), error_messages={"required": _("Skriv når avtalen går ut.")})
    extension_possible = forms.BooleanField(label=_("Avtalen kan forlenges"), required=False)

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("Sluttdatoen kan ikke være før startdatoen."))
        return data


class PlannedProcurementForm(forms.Form):
    title = forms.CharField(
        label=_("Hva dere planlegger"),
        max_length=200,
        help_text=_("Beskriv behovet, ikke løsningen, for eksempel «Flere unge i arbeid etter videregående»."),
        error_messages={"required": _("Skriv kort hva dere planlegger."), "max_length": TOO_LONG},
    )
    description = _text(_("Beskrivelse (valgfritt)"), 2000)
    service_area = BodyAgreementForm.base_fields["service_area"]
    estimated_value = KronerField(
        label=_("Anslått verdi i kroner, uten mva. (valgfritt)"),
        help_text=_("Med verdien viser vi hvilke anskaffelsesregler som gjelder på datoen konkurransen ventes."),
    )
    procurement_category = AgreementForm.base_fields["procurement_category"]
    preparation_starts = DateField(
        label=_("Forberedelsene starter"), error_messages={"required": _("Skriv når forberedelsene starter.")}
    )
    competition_expected = DateField(
        label=_("Konkurransen eller avtalen ventes"),
        error_messages={"required": _("Skriv når dere venter å lyse ut konkurransen eller inngå avtalen.")},
    )

    def clean(self):
        data = super().clean()
        starts, expected = data.get("preparation_starts"), data.get("competition_expected")
        if starts and expected and expected < starts:
            self.add_error("competition_expected", _("Konkurransen kan ikke ventes før forberedelsene starter."))
        return data


class CaseProposalForm(forms.Form):
    title = forms.CharField(
        label=_("Tittel på eksemplet"),
        max_length=200,
        error_messages={"required": _("Skriv en tittel på eksemplet."), "max_length": TOO_LONG},
    )
    summary = forms.CharField(
        label=_("Kort fortalt"),
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Hva dere gjorde sammen, og hva det førte til. Skriv ingen navn på personer."),
        error_messages={"required": _("Skriv kort hva samarbeidet gikk ut på."), "max_length": TOO_LONG},
    )
