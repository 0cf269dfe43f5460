"""Forms of self-service: entrepreneur profiles, offers, join requests, public bodies and contact persons.

Plain forms (not ModelForms): the views hand cleaned_data to directory/services.py, which compares old
and new values for the change record. Every text field takes its length limit from the model, and
every message says in plain Norwegian how to put the input right.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Fieldset, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.forms.boundfield import BoundField
from django.utils.translation import gettext_lazy as _

from accounts.models import EntrepreneurMembership
from directory.models import (
    CollaborationForm,
    ContactPerson,
    County,
    Municipality,
    Offer,
    OrganisationForm,
    PublicBody,
    ServiceArea,
    SocialEntrepreneur,
    TargetGroup,
)
from directory.validators import normalize_orgnr, validate_orgnr
from veier.content_language import TranslatedTermsField
from veier.fields import ModelMultipleChoiceField

TOO_LONG = _("Teksten er for lang. Du kan bruke høyst %(limit_value)d tegn, og nå er det %(show_value)d. Kort den ned.")
UNKNOWN_CHOICE = _("Vi kjenner ikke valget «%(value)s». Velg fra listen.")
URL_SCHEMES = ["http", "https"]
BAD_URL = _(
    "Skriv en nettadresse som begynner med https:// eller http://, for eksempel https://www.virksomhet.no. "
    "Andre typer lenker (som javascript: eller ftp:) er ikke lov."
)
BAD_EMAIL = _("Skriv en gyldig e-postadresse, for eksempel post@virksomhet.no.")


def _max_length(model, name: str) -> int:
    return model._meta.get_field(name).max_length


def text_field(model, name: str, *, label, help_text="", required=False, rows: int = 0, required_message=None):
    """A text field with the model's length limit and our messages; a textarea when rows is given."""
    messages = {"max_length": TOO_LONG}
    if required_message:
        messages["required"] = required_message
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=_max_length(model, name),
        widget=forms.Textarea(attrs={"rows": rows}) if rows else None,
        error_messages=messages,
    )


class WebAddressField(forms.URLField):
    """A web address; only http and https, so no javascript: or ftp: links end up on public pages."""

    default_validators = [URLValidator(schemes=URL_SCHEMES)]


def url_field(model, name: str, *, label, help_text=""):
    return WebAddressField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=_max_length(model, name),
        assume_scheme="https",
        error_messages={"invalid": BAD_URL, "max_length": TOO_LONG},
    )


def email_field(model, name: str, *, label, help_text=""):
    return forms.EmailField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=_max_length(model, name),
        error_messages={"invalid": BAD_EMAIL, "max_length": TOO_LONG},
    )


def choices_field(queryset, *, label, help_text=""):
    """Several terms as checkboxes, labelled in the reader's language."""
    return TranslatedTermsField(
        queryset=queryset,
        label=label,
        help_text=help_text,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": UNKNOWN_CHOICE},
    )


class MunicipalityBoundField(BoundField):
    """The municipalities field, with its options grouped by county for the picker template."""

    def county_groups(self) -> list[dict]:
        selected = {str(value) for value in (self.value() or [])}
        groups: dict[int, dict] = {}
        for index, municipality in enumerate(self.field.queryset):
            group = groups.setdefault(
                municipality.county_id, {"county": municipality.county, "options": [], "selected_count": 0}
            )
            is_selected = str(municipality.pk) in selected
            group["options"].append(
                {
                    "value": municipality.pk,
                    "label": municipality.name,
                    # The same ids Django gives the options, so the error summary's link finds them.
                    "id": f"{self.auto_id}_{index}",
                    "selected": is_selected,
                }
            )
            group["selected_count"] += is_selected
        return list(groups.values())


class MunicipalityChoiceField(ModelMultipleChoiceField):
    def get_bound_field(self, form, field_name):
        return MunicipalityBoundField(form, self, field_name)


def orgnr_field():
    return forms.CharField(
        label=_("Organisasjonsnummer"),
        help_text=_("Ni siffer fra Enhetsregisteret, for eksempel 923 609 016."),
        max_length=20,
        error_messages={
            "required": _("Skriv organisasjonsnummeret. Du finner det i Enhetsregisteret (brreg.no)."),
            "max_length": _("Et organisasjonsnummer har 9 siffer. Sjekk at du har skrevet av riktig nummer."),
        },
    )


class InnerForm(forms.Form):
    """A form rendered with {% crispy %} inside a <form> element the template writes itself
    (which carries the CSRF token and the buttons)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


class EntrepreneurForm(InnerForm):
    """A social entrepreneur's profile. A draft needs only name and organisation number; sending it
    for review (require_complete) also needs what a curator must see to approve it."""

    orgnr = orgnr_field()
    name = text_field(
        SocialEntrepreneur,
        "name",
        label=_("Navn på virksomheten"),
        required=True,
        required_message=_("Skriv navnet på virksomheten."),
    )
    organisation_form = forms.ModelChoiceField(
        queryset=OrganisationForm.objects.all(),
        label=_("Organisasjonsform"),
        required=False,
        empty_label=_("Velg organisasjonsform"),
        error_messages={"invalid_choice": _("Vi kjenner ikke den organisasjonsformen. Velg fra listen.")},
    )
    summary = text_field(
        SocialEntrepreneur,
        "summary",
        label=_("Kort beskrivelse"),
        help_text=_("Én eller to setninger om hva dere gjør. Vises i søkeresultatene. Høyst 300 tegn."),
    )
    social_mission = text_field(
        SocialEntrepreneur,
        "social_mission",
        label=_("Samfunnsoppdrag"),
        help_text=_("Hvilket samfunnsproblem arbeider dere med, og hvilken effekt vil dere oppnå?"),
        rows=4,
    )
    description = text_field(
        SocialEntrepreneur,
        "description",
        label=_("Beskrivelse"),
        help_text=_("Om virksomheten: hvordan dere arbeider, hvem dere samarbeider med og hva dere har fått til."),
        rows=8,
    )
    website = url_field(
        SocialEntrepreneur, "website", label=_("Nettside"), help_text=_("For eksempel https://www.virksomhet.no")
    )
    email = email_field(
        SocialEntrepreneur,
        "email",
        label=_("E-post for henvendelser"),
        help_text=_("Vises på profilen, så kommuner kan ta kontakt."),
    )
    nationwide = forms.BooleanField(
        label=_("Hele landet"),
        required=False,
        help_text=_("Kryss av hvis dere kan arbeide over hele Norge. Da skal dere ikke velge fylker eller kommuner."),
    )
    counties = choices_field(
        County.objects.all(),
        label=_("Fylker"),
        help_text=_("Velg fylkene der dere kan arbeide i hele fylket."),
    )
    municipalities = MunicipalityChoiceField(
        queryset=Municipality.objects.select_related("county").order_by("county__number", "name"),
        label=_("Kommuner"),
        help_text=_(
            "Åpne et fylke for å velge enkeltkommuner. Du trenger ikke velge kommuner i fylker du har valgt over."
        ),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": UNKNOWN_CHOICE},
    )
    service_areas = choices_field(
        ServiceArea.objects.all(),
        label=_("Tjenesteområder"),
        help_text=_("Hvilke offentlige tjenester kan dere bidra til?"),
    )
    target_groups = choices_field(
        TargetGroup.objects.all(), label=_("Målgrupper"), help_text=_("Hvem arbeider dere for?")
    )

    declares_work_integration = forms.BooleanField(
        label=_("Vi er en arbeidsintegrerende virksomhet, og minst 30 prosent av de ansatte er fra disse gruppene"),
        required=False,
        help_text=_(
            "Hovedformålet er å integrere personer med funksjonsnedsettelse eller vanskeligstilte personer sosialt "
            "og yrkesmessig. Da kan dere delta i konkurranser som er reservert for slike virksomheter. Redaksjonen i "
            "portalen bekrefter erklæringen før den vises for kommunene."
        ),
    )
    declares_non_profit = forms.BooleanField(
        label=_("Vi er en ideell organisasjon"),
        required=False,
        help_text=_(
            "Virksomheten har et sosialt formål og deler ikke ut overskudd til eierne. Organisasjonsformen over er "
            "dokumentasjonen. Redaksjonen i portalen bekrefter erklæringen før den vises for kommunene."
        ),
    )

    # Fields a curator needs before approving, with what to write when one is missing.
    REVIEW_REQUIRED = {
        "summary": _("Skriv en kort beskrivelse av virksomheten før du sender til godkjenning."),
        "description": _("Skriv en beskrivelse av virksomheten før du sender til godkjenning."),
        "service_areas": _("Velg minst ett tjenesteområde før du sender til godkjenning."),
    }
    NO_COVERAGE = _("Velg hvor dere arbeider før du sender til godkjenning: hele landet, fylker eller kommuner.")
    COVERAGE_CONFLICT = _(
        "Du har krysset av for hele landet og i tillegg valgt fylker eller kommuner. "
        "Fjern krysset for hele landet, eller fjern fylkene og kommunene."
    )

    def __init__(self, *args, entrepreneur: SocialEntrepreneur | None = None, require_complete=False, **kwargs):
        self.entrepreneur = entrepreneur
        self.require_complete = require_complete
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Fieldset(
                _("Om virksomheten"),
                "orgnr",
                "name",
                "organisation_form",
                "summary",
                "social_mission",
                "description",
            ),
            Fieldset(_("Kontakt"), "website", "email"),
            Fieldset(
                _("Hvor arbeider dere?"),
                "nationwide",
                "counties",
                Field("municipalities", template="directory/member/_municipality_picker.html"),
            ),
            Fieldset(_("Hva og for hvem"), "service_areas", "target_groups"),
            Fieldset(_("Reserverte kontrakter"), "declares_work_integration", "declares_non_profit"),
        )

    @classmethod
    def initial_for(cls, entrepreneur: SocialEntrepreneur) -> dict:
        """The form's values for a saved profile."""
        data = {name: getattr(entrepreneur, name) for name in cls.base_fields if name not in cls.many_fields()}
        data["orgnr"] = entrepreneur.orgnr or ""
        data["organisation_form"] = entrepreneur.organisation_form_id
        for name in cls.many_fields():
            data[name] = [obj.pk for obj in getattr(entrepreneur, name).all()]
        return data

    @classmethod
    def many_fields(cls) -> list[str]:
        return [name for name, field in cls.base_fields.items() if isinstance(field, forms.ModelMultipleChoiceField)]

    def clean_orgnr(self) -> str:
        orgnr = normalize_orgnr(self.cleaned_data["orgnr"])
        validate_orgnr(orgnr)
        others = SocialEntrepreneur.objects.filter(orgnr=orgnr)
        if self.entrepreneur is not None:
            others = others.exclude(pk=self.entrepreneur.pk)
        other = others.first()
        if other is not None:
            raise ValidationError(
                _(
                    "Organisasjonsnummeret er allerede registrert på «%(name)s». Sjekk nummeret, eller be om å bli "
                    "med i den virksomheten i stedet for å registrere den på nytt."
                ),
                params={"name": other.name},
                code="taken",
            )
        return orgnr

    def clean(self):
        data = super().clean()
        has_places = bool(data.get("counties")) or bool(data.get("municipalities"))
        if data.get("nationwide") and has_places:
            self.add_error("nationwide", self.COVERAGE_CONFLICT)
        missing_form = not data.get("organisation_form") and "organisation_form" not in self.errors
        if data.get("declares_non_profit") and missing_form:
            self.add_error(
                "declares_non_profit",
                _("Velg organisasjonsform over. Den er dokumentasjonen på at dere er en ideell organisasjon."),
            )
        if self.require_complete:
            for name, message in self.REVIEW_REQUIRED.items():
                if name in data and not data[name]:
                    self.add_error(name, message)
            if not data.get("nationwide") and not has_places and "nationwide" not in self.errors:
                self.add_error("nationwide", self.NO_COVERAGE)
        return data


class OrgnrForm(forms.Form):
    """The first step of registering: is the organisation already in the directory?"""

    orgnr = orgnr_field()

    def clean_orgnr(self) -> str:
        orgnr = normalize_orgnr(self.cleaned_data["orgnr"])
        validate_orgnr(orgnr)
        return orgnr


class JoinEntrepreneurForm(forms.Form):
    message = text_field(
        EntrepreneurMembership,
        "message",
        label=_("Melding til medlemmene (valgfritt)"),
        help_text=_("Hvem er du, og hva er rollen din i virksomheten? Det gjør det lettere å godkjenne deg."),
        rows=4,
    )


class MembershipDecisionForm(forms.Form):
    """A member's (or curator's) decision on one pending join request of an entrepreneur."""

    APPROVE, REJECT = "godkjenn", "avsla"

    membership = forms.ModelChoiceField(
        queryset=EntrepreneurMembership.objects.none(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("Forespørselen er allerede avgjort eller finnes ikke lenger.")},
    )
    decision = forms.ChoiceField(
        choices=[(APPROVE, _("Godkjenn")), (REJECT, _("Avslå"))],
        error_messages={"invalid_choice": _("Velg om du vil godkjenne eller avslå.")},
    )

    def __init__(self, *args, entrepreneur: SocialEntrepreneur, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = EntrepreneurMembership.objects.pending().filter(entrepreneur=entrepreneur)


class OfferForm(InnerForm):
    title = text_field(
        Offer, "title", label=_("Tittel"), required=True, required_message=_("Skriv en tittel på tilbudet.")
    )
    description = text_field(
        Offer,
        "description",
        label=_("Beskrivelse"),
        help_text=_("Hva tilbyr dere, hvem er det for, og hva skal det føre til?"),
        required=True,
        required_message=_("Beskriv tilbudet, så kommunene forstår hva de kan få."),
        rows=8,
    )
    service_areas = choices_field(ServiceArea.objects.all(), label=_("Tjenesteområder"))
    target_groups = choices_field(TargetGroup.objects.all(), label=_("Målgrupper"))
    collaboration_forms = choices_field(
        CollaborationForm.objects.all(),
        label=_("Samarbeidsformer"),
        help_text=_("Hvordan kan en kommune samarbeide med dere om tilbudet?"),
    )
    price = text_field(
        Offer, "price", label=_("Veiledende pris"), help_text=_("For eksempel «fra 150 000 kr» eller «gratis».")
    )
    price_model = text_field(
        Offer, "price_model", label=_("Prismodell"), help_text=_("For eksempel per år, per deltaker eller per kurs.")
    )
    evidence = text_field(
        Offer,
        "evidence",
        label=_("Dokumentert effekt"),
        help_text=_("Hva vet dere om virkningen? For eksempel resultater fra evalueringer eller følgeforskning."),
        rows=4,
    )
    evidence_url = url_field(Offer, "evidence_url", label=_("Lenke til dokumentasjon av effekt"))

    @classmethod
    def initial_for(cls, offer: Offer) -> dict:
        data = {name: getattr(offer, name) for name in ["title", "description", "price", "price_model", "evidence"]}
        data["evidence_url"] = offer.evidence_url
        for name in ["service_areas", "target_groups", "collaboration_forms"]:
            data[name] = [obj.pk for obj in getattr(offer, name).all()]
        return data


class BodySearchForm(forms.Form):
    q = forms.CharField(
        label=_("Søk etter virksomheten"),
        help_text=_("Skriv hele eller deler av navnet, for eksempel «Trondheim» eller «NAV Grünerløkka»."),
        max_length=200,
        required=False,
        error_messages={"max_length": TOO_LONG},
    )


class JoinBodyForm(forms.Form):
    body = forms.ModelChoiceField(
        queryset=PublicBody.objects.none(),
        label=_("Velg virksomheten du jobber i"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Velg virksomheten du jobber i fra listen. Finner du den ikke, søk på nytt."),
            "invalid_choice": _("Velg virksomheten du jobber i fra listen. Finner du den ikke, søk på nytt."),
        },
    )
    message = text_field(
        EntrepreneurMembership,
        "message",
        label=_("Melding til redaktøren (valgfritt)"),
        help_text=_(
            "Hva er rollen din? Det gjør det lettere å godkjenne deg hvis e-postadressen din ikke er på "
            "virksomhetens domene."
        ),
        rows=3,
    )

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies


class BodyForm(InnerForm):
    invitation = text_field(
        PublicBody,
        "invitation",
        label=_("Hva ønsker dere samarbeid om?"),
        help_text=_("Kort om hvilke behov og områder dere inviterer sosiale entreprenører til å samarbeide om."),
        rows=6,
    )
    service_areas = choices_field(ServiceArea.objects.all(), label=_("Tjenesteområder dere ønsker samarbeid innenfor"))

    @classmethod
    def initial_for(cls, body: PublicBody) -> dict:
        return {"invitation": body.invitation, "service_areas": [area.pk for area in body.service_areas.all()]}


class ContactForm(InnerForm):
    name = text_field(
        ContactPerson, "name", label=_("Navn"), required=True, required_message=_("Skriv navnet på kontaktpersonen.")
    )
    title = text_field(
        ContactPerson, "title", label=_("Stilling"), help_text=_("For eksempel «rådgiver, helse og velferd».")
    )
    service_areas = choices_field(
        ServiceArea.objects.all(),
        label=_("Tjenesteområder"),
        help_text=_("Hva kan personen svare på? Kontaktpersonen vises under hvert område du velger."),
    )
    email = email_field(ContactPerson, "email", label=_("E-post"))
    phone = forms.CharField(
        label=_("Telefon"),
        required=False,
        max_length=_max_length(ContactPerson, "phone"),
        validators=[
            RegexValidator(
                r"^\+?[0-9 ]{8,20}$",
                message=_("Skriv telefonnummeret med siffer, for eksempel 73 83 00 00 eller +47 73 83 00 00."),
            )
        ],
        error_messages={"max_length": TOO_LONG},
    )
    consent_public = forms.BooleanField(
        label=_("Personen har sagt ja til å vises offentlig"),
        required=False,
        help_text=_(
            "Navn, e-post og telefon vises på virksomhetens offentlige side bare når dette er krysset av. "
            "Uten kryss ser bare dere og redaktørene i portalen kontaktpersonen."
        ),
    )

    @classmethod
    def initial_for(cls, contact: ContactPerson) -> dict:
        data = {name: getattr(contact, name) for name in ["name", "title", "email", "phone", "consent_public"]}
        data["service_areas"] = [area.pk for area in contact.service_areas.all()]
        return data
