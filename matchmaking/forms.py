"""Forms for needs, dialogue and alerts. Each turns input into domain values in clean_*; views and
services apply cleaned_data explicitly."""

from django import forms
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from directory.forms import cached_places, stored_place
from directory.models import CollaborationForm, County, Municipality, ServiceArea, TargetGroup
from directory.text import norwegian_sort_key
from matchmaking.models import MAX_MESSAGE_LENGTH, AlertSubscription, Interest, Need
from procurement.forms import KronerField
from procurement.rules import CATEGORY_LABELS
from veier import fragments
from veier.content_language import TranslatedTermsField
from veier.fields import QuickSelect

NATIONWIDE = "landet"


def _textarea(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def _place_choices() -> list:
    """The place list: the whole country, then each county by number with its municipalities by name."""
    counties, municipalities = cached_places()
    options = {county.id: [(f"c:{county.id}", _("Hele %(county)s") % {"county": county.name})] for county in counties}
    for municipality in sorted(municipalities, key=lambda place: norwegian_sort_key(place.name)):
        options[municipality.county_id].append((f"m:{municipality.id}", municipality.name))
    return [
        ("", str(_("Velg sted"))),
        (NATIONWIDE, str(_("Hele landet"))),
        *[(county.name, options[county.id]) for county in counties if len(options[county.id]) > 1],
    ]


class PlaceChoiceField(forms.ChoiceField):
    """One choice for where the need is: a municipality ("m:<id>"), a whole county ("c:<id>") or all of
    Norway. Cleans to (municipality or None, county or None)."""

    widget = QuickSelect

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.error_messages["invalid_choice"] = _("Velg kommunen eller fylket behovet gjelder fra listen.")

    def load(self) -> None:
        # From the cached places (renewed when a county or municipality is saved): the form page is
        # posted to often, and 357 municipalities with their counties were read on every request.
        self.choices = fragments.get_or_build(
            "need-place-choices", [get_language()], _place_choices, ["places"], in_process=True
        )
        counties, municipalities = cached_places()
        self._counties = {place.id: place for place in counties}
        self._municipalities = {place.id: place for place in municipalities}

    def clean(self, value):
        value = super().clean(value)
        if value == NATIONWIDE:
            return (None, None)
        kind, _sep, pk = value.partition(":")
        if kind == "m":
            municipality = self._municipalities[int(pk)]
            county = self._counties[municipality.county_id]
            return (stored_place(Municipality, municipality), stored_place(County, county))
        return (None, stored_place(County, self._counties[int(pk)]))

    @staticmethod
    def value_for(municipality_id: int | None, county_id: int | None) -> str:
        if municipality_id is not None:
            return f"m:{municipality_id}"
        if county_id is not None:
            return f"c:{county_id}"
        return NATIONWIDE


class NeedForm(forms.Form):
    """Posting or changing a need. Help texts coach the author to describe the problem and the
    effects they want, not a solution (booklet ch. 3, innovative procurement)."""

    public_body = forms.ModelChoiceField(
        label=_("Hvilken virksomhet gjelder behovet?"),
        queryset=None,
        empty_label=None,
        error_messages={
            "required": _("Velg virksomheten behovet gjelder."),
            "invalid_choice": _("Velg en av virksomhetene du er medlem av."),
        },
    )
    title = forms.CharField(
        label=_("Tittel"),
        max_length=160,
        help_text=_(
            "Kort om utfordringen, for eksempel «Færre eldre som er ensomme på sykehjem». "
            "Skriv ikke navnet på en løsning eller et produkt."
        ),
        error_messages={
            "required": _("Skriv en kort tittel som sier hva utfordringen er."),
            "max_length": _("Tittelen kan ha høyst %(limit_value)d tegn (nå %(show_value)d). Gjør den kortere."),
        },
    )
    challenge = forms.CharField(
        label=_("Utfordringen"),
        max_length=4000,
        widget=_textarea(8),
        help_text=_(
            "Beskriv problemet slik dere ser det: hvem det gjelder, hvor mange, hva som skjer i dag og hva dere "
            "har prøvd. Beskriv ikke hvordan det skal løses – da er det ikke lenger rom for nye ideer."
        ),
        error_messages={
            "required": _("Beskriv utfordringen: hvem det gjelder og hva som er problemet i dag."),
            "max_length": _("Beskrivelsen kan ha høyst %(limit_value)d tegn (nå %(show_value)d). Gjør den kortere."),
        },
    )
    effects = forms.CharField(
        label=_("Effektene dere ønsker"),
        max_length=3000,
        widget=_textarea(6),
        help_text=_(
            "Hva skal være annerledes når behovet er løst? For eksempel «pårørende føler seg tryggere» eller "
            "«flere unge er i skole eller jobb etter ett år». Skriv gjerne hvordan dere vil måle det."
        ),
        error_messages={
            "required": _("Skriv hvilke resultater og effekter dere ønsker, ikke hvilken løsning."),
            "max_length": _("Teksten kan ha høyst %(limit_value)d tegn (nå %(show_value)d). Gjør den kortere."),
        },
    )
    service_areas = TranslatedTermsField(
        label=_("Tjenesteområder"),
        queryset=ServiceArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Velg områdene behovet hører til. Da finner vi entreprenørene som arbeider der."),
        error_messages={"invalid_choice": _("Velg tjenesteområder fra listen.")},
    )
    target_groups = TranslatedTermsField(
        label=_("Målgrupper"),
        queryset=TargetGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Hvem skal få det bedre?"),
        error_messages={"invalid_choice": _("Velg målgrupper fra listen.")},
    )
    place = PlaceChoiceField(
        label=_("Hvor gjelder behovet?"),
        help_text=_("En kommune, et helt fylke eller hele landet."),
        error_messages={"required": _("Velg kommunen, fylket eller hele landet.")},
    )
    estimated_value = KronerField(
        label=_("Anslått verdi i kroner, uten mva. (valgfritt)"),
        help_text=_(
            "Alt dere kan komme til å betale over hele avtalen, med forlengelser. Skriv for eksempel 450 000 "
            "eller 1,3 mill. Verdien avgjør hvilke regler for offentlige anskaffelser som gjelder."
        ),
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
    contract_months = forms.IntegerField(
        label=_("Hvor lenge skal samarbeidet vare, i måneder? (valgfritt)"),
        required=False,
        min_value=1,
        max_value=600,
        error_messages={
            "invalid": _("Skriv antall måneder som et helt tall, for eksempel 12."),
            "min_value": _("Samarbeidet må vare minst én måned."),
            "max_value": _("Skriv et antall måneder under 600 (50 år)."),
        },
    )
    collaboration_forms = TranslatedTermsField(
        label=_("Samarbeidsformer dere kan tenke dere (valgfritt)"),
        queryset=CollaborationForm.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For eksempel en pilot først. Les om samarbeidsformene i veiviseren for anskaffelser."),
        error_messages={"invalid_choice": _("Velg samarbeidsformer fra listen.")},
    )
    answer_deadline = forms.DateField(
        label=_("Svarfrist (valgfritt)"),
        required=False,
        input_formats=["%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Til og med denne dagen kan entreprenører svare."),
        error_messages={"invalid": _("Skriv datoen som dd.mm.åååå, for eksempel 14.03.2027.")},
    )
    visibility = forms.ChoiceField(
        label=_("Hvem kan se behovet?"),
        choices=Need.Visibility.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Velg hvem som kan se behovet."),
            "invalid_choice": _("Velg om alle eller bare innloggede kan se behovet."),
        },
    )

    def __init__(self, *args, bodies=None, need: Need | None = None, **kwargs):
        self.need = need
        if need is not None and not kwargs.get("initial"):
            kwargs["initial"] = {
                "title": need.title,
                "challenge": need.challenge,
                "effects": need.effects,
                "service_areas": list(need.service_areas.all()),
                "target_groups": list(need.target_groups.all()),
                "collaboration_forms": list(need.collaboration_forms.all()),
                "place": PlaceChoiceField.value_for(need.municipality_id, need.county_id),
                "estimated_value": need.estimated_value,
                "procurement_category": need.procurement_category,
                "contract_months": need.contract_months,
                "answer_deadline": need.answer_deadline,
                "visibility": need.visibility,
            }
        super().__init__(*args, **kwargs)
        self.fields["place"].load()
        # Only a member of several bodies chooses; the view uses the only body otherwise.
        if need is not None or bodies is None or len(bodies) < 2:
            del self.fields["public_body"]
        else:
            self.fields["public_body"].queryset = bodies

    def clean_answer_deadline(self):
        deadline = self.cleaned_data.get("answer_deadline")
        unchanged = self.need is not None and deadline == self.need.answer_deadline
        if deadline and not unchanged and deadline < timezone.localdate():
            raise forms.ValidationError(_("Svarfristen kan ikke være før i dag. Velg en dag fram i tid."))
        return deadline

    def clean(self):
        cleaned = super().clean()
        if "place" in cleaned:
            cleaned["municipality"], cleaned["county"] = cleaned.pop("place")
        return cleaned


class AnswerForm(forms.Form):
    """An entrepreneur's answer to a need."""

    entrepreneur = forms.ModelChoiceField(
        label=_("Svar på vegne av"),
        queryset=None,
        empty_label=None,
        error_messages={
            "required": _("Velg hvem du svarer for."),
            "invalid_choice": _("Velg en av virksomhetene du er medlem av."),
        },
    )
    text = forms.CharField(
        label=_("Svaret ditt"),
        max_length=MAX_MESSAGE_LENGTH,
        widget=_textarea(6),
        help_text=_(
            "Fortell kort hvordan dere kan bidra til effektene virksomheten ønsker, og hva dere har gjort før."
        ),
        error_messages={
            "required": _("Skriv et svar før du sender."),
            "max_length": _("Svaret kan ha høyst %(limit_value)d tegn (nå %(show_value)d). Gjør det kortere."),
        },
    )

    def __init__(self, *args, entrepreneurs, **kwargs):
        super().__init__(*args, **kwargs)
        # Only a member of several entrepreneurs chooses; otherwise the answer is for the only one.
        self.entrepreneurs = entrepreneurs
        if len(entrepreneurs) < 2:
            del self.fields["entrepreneur"]
        else:
            self.fields["entrepreneur"].queryset = entrepreneurs

    def clean(self):
        cleaned = super().clean()
        if "entrepreneur" not in self.fields and self.entrepreneurs:
            cleaned["entrepreneur"] = self.entrepreneurs[0]
        return cleaned


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Melding"),
        max_length=MAX_MESSAGE_LENGTH,
        widget=_textarea(4),
        error_messages={
            "required": _("Skriv en melding før du sender."),
            "max_length": _("Meldingen kan ha høyst %(limit_value)d tegn (nå %(show_value)d). Gjør den kortere."),
        },
    )


class InvitationForm(MessageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("Invitasjonen")
        self.fields["text"].help_text = _(
            "Si hvorfor dere tror de kan bidra, og hva dere ønsker å snakke om. Invitasjonen sendes på e-post."
        )


class InterestStateForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Ny status"),
        choices=[("", _("Velg status"))]
        + [
            (state.value, state.label)
            for state in (
                Interest.State.READ,
                Interest.State.IN_DIALOGUE,
                Interest.State.DECLINED,
                Interest.State.AGREED,
            )
        ],
        error_messages={
            "required": _("Velg en status."),
            "invalid_choice": _("Velg lest, i dialog, avslått eller enige."),
        },
    )


class NeedStatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=Need.Status.choices,
        error_messages={"required": _("Velg en status."), "invalid_choice": _("Velg en status fra listen.")},
    )


class AlertForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Hvor ofte vil du ha e-post om nye behov som passer for dere?"),
        choices=AlertSubscription.Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Velg hvor ofte du vil ha e-post."),
            "invalid_choice": _("Velg ingen varsler, daglig eller ukentlig."),
        },
    )
