"""The JSON shape of each open dataset: stable Norwegian field names, only public fields.

Never here: users (authors of needs), e-mail addresses of users, e-mail domains of bodies, contact
persons without consent, drafts. What a field means is described in opendata/datasets.py.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from directory.models import (
    Case,
    ContactPerson,
    Offer,
    PublicBody,
    SocialEntrepreneur,
)
from matchmaking.models import Need
from procurement.models import ThresholdPeriod


class TermSerializer(serializers.Serializer):
    """A term of a curated list (service area, target group, form of collaboration …)."""

    kortnavn = serializers.SlugField(source="slug")
    navn = serializers.CharField(source="name")


class PlaceSerializer(serializers.Serializer):
    """A county or municipality: its official number and name."""

    nummer = serializers.CharField(source="number")
    navn = serializers.CharField(source="name")


class LinkedNameSerializer(serializers.Serializer):
    kortnavn = serializers.SlugField(source="slug")
    navn = serializers.CharField(source="name")


class CaseLinkSerializer(serializers.Serializer):
    kortnavn = serializers.SlugField(source="slug")
    tittel = serializers.CharField(source="title")


@extend_schema_field({"type": "string", "format": "uri"})
class AbsoluteUrlField(serializers.Field):
    """The object's page on the portal, as an absolute URL."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value) -> str:
        request = self.context.get("request")
        path = value.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class OfferInEntrepreneurSerializer(serializers.ModelSerializer):
    tittel = serializers.CharField(source="title")
    beskrivelse = serializers.CharField(source="description")
    tjenesteomrader = TermSerializer(source="service_areas", many=True)
    malgrupper = TermSerializer(source="target_groups", many=True)
    samarbeidsformer = TermSerializer(source="collaboration_forms", many=True)
    veiledende_pris = serializers.CharField(source="price")
    prismodell = serializers.CharField(source="price_model")
    dokumentert_effekt = serializers.CharField(source="evidence")
    dokumentasjon_lenke = serializers.CharField(source="evidence_url")
    endret = serializers.DateTimeField(source="updated")

    class Meta:
        model = Offer
        fields = [
            "id",
            "tittel",
            "beskrivelse",
            "tjenesteomrader",
            "malgrupper",
            "samarbeidsformer",
            "veiledende_pris",
            "prismodell",
            "dokumentert_effekt",
            "dokumentasjon_lenke",
            "endret",
        ]


class OfferSerializer(OfferInEntrepreneurSerializer):
    entreprenor = LinkedNameSerializer(source="entrepreneur")

    class Meta(OfferInEntrepreneurSerializer.Meta):
        fields = ["id", "entreprenor", *OfferInEntrepreneurSerializer.Meta.fields[1:]]


class EntrepreneurSerializer(serializers.ModelSerializer):
    kortnavn = serializers.SlugField(source="slug")
    navn = serializers.CharField(source="name")
    organisasjonsnummer = serializers.CharField(source="orgnr", allow_null=True)
    organisasjonsform = TermSerializer(source="organisation_form", allow_null=True)
    etablert = serializers.IntegerField(source="founded", allow_null=True)
    kort_beskrivelse = serializers.CharField(source="summary")
    samfunnsoppdrag = serializers.CharField(source="social_mission")
    beskrivelse = serializers.CharField(source="description")
    nettside = serializers.CharField(source="website")
    hele_landet = serializers.BooleanField(source="nationwide")
    fylker = PlaceSerializer(source="counties", many=True)
    kommuner = PlaceSerializer(source="municipalities", many=True)
    tjenesteomrader = TermSerializer(source="service_areas", many=True)
    malgrupper = TermSerializer(source="target_groups", many=True)
    lenke = AbsoluteUrlField()
    endret = serializers.DateTimeField(source="updated")

    class Meta:
        model = SocialEntrepreneur
        fields = [
            "kortnavn",
            "navn",
            "organisasjonsnummer",
            "organisasjonsform",
            "etablert",
            "kort_beskrivelse",
            "samfunnsoppdrag",
            "beskrivelse",
            "nettside",
            "hele_landet",
            "fylker",
            "kommuner",
            "tjenesteomrader",
            "malgrupper",
            "lenke",
            "endret",
        ]


class EntrepreneurDetailSerializer(EntrepreneurSerializer):
    tilbud = OfferInEntrepreneurSerializer(source="published_offers", many=True)
    eksempler = CaseLinkSerializer(source="published_cases", many=True)

    class Meta(EntrepreneurSerializer.Meta):
        fields = [*EntrepreneurSerializer.Meta.fields, "tilbud", "eksempler"]


class ContactSerializer(serializers.ModelSerializer):
    """A contact person who agreed to be shown publicly (the queryset guarantees the consent)."""

    navn = serializers.CharField(source="name")
    stilling = serializers.CharField(source="title")
    e_post = serializers.CharField(source="email")
    telefon = serializers.CharField(source="phone")
    tjenesteomrader = TermSerializer(source="service_areas", many=True)

    class Meta:
        model = ContactPerson
        fields = ["navn", "stilling", "e_post", "telefon", "tjenesteomrader"]


class PublicBodySerializer(serializers.ModelSerializer):
    kortnavn = serializers.SlugField(source="slug")
    navn = serializers.CharField(source="name")
    type = serializers.ChoiceField(source="kind", choices=PublicBody.Kind.choices)
    organisasjonsnummer = serializers.CharField(source="orgnr", allow_null=True)
    kommune = PlaceSerializer(source="municipality", allow_null=True)
    fylke = PlaceSerializer(source="county", allow_null=True)
    overordnet = serializers.SlugRelatedField(source="parent", slug_field="slug", read_only=True, allow_null=True)
    nettside = serializers.CharField(source="website")
    samarbeid_om = serializers.CharField(source="invitation")
    beskrivelse = serializers.CharField(source="description")
    tidligere_navn = serializers.CharField(source="former_name")
    tjenesteomrader = TermSerializer(source="service_areas", many=True)
    kontaktpersoner = ContactSerializer(source="public_contacts", many=True)
    lenke = AbsoluteUrlField()
    endret = serializers.DateTimeField(source="updated")

    class Meta:
        model = PublicBody
        fields = [
            "kortnavn",
            "navn",
            "type",
            "organisasjonsnummer",
            "kommune",
            "fylke",
            "overordnet",
            "nettside",
            "samarbeid_om",
            "beskrivelse",
            "tidligere_navn",
            "tjenesteomrader",
            "kontaktpersoner",
            "lenke",
            "endret",
        ]


class CaseSerializer(serializers.ModelSerializer):
    kortnavn = serializers.SlugField(source="slug")
    tittel = serializers.CharField(source="title")
    kort_fortalt = serializers.CharField(source="summary")
    tekst = serializers.CharField(source="body")
    ar = serializers.IntegerField(source="year", allow_null=True)
    virksomheter = LinkedNameSerializer(source="published_bodies", many=True)
    entreprenorer = LinkedNameSerializer(source="published_entrepreneurs", many=True)
    samarbeidsformer = TermSerializer(source="collaboration_forms", many=True)
    tjenesteomrader = TermSerializer(source="service_areas", many=True)
    anskaffelsesregelverket_gjaldt = serializers.BooleanField(source="procurement_applied", allow_null=True)
    finansiering = serializers.CharField(source="funding")
    erfaringer = serializers.CharField(source="lessons")
    kapittel_i_heftet = serializers.IntegerField(source="source_chapter", allow_null=True)
    kilde = serializers.CharField(source="source")
    lenke = AbsoluteUrlField()
    endret = serializers.DateTimeField(source="updated")

    class Meta:
        model = Case
        fields = [
            "kortnavn",
            "tittel",
            "kort_fortalt",
            "tekst",
            "ar",
            "virksomheter",
            "entreprenorer",
            "samarbeidsformer",
            "tjenesteomrader",
            "anskaffelsesregelverket_gjaldt",
            "finansiering",
            "erfaringer",
            "kapittel_i_heftet",
            "kilde",
            "lenke",
            "endret",
        ]


class NeedSerializer(serializers.ModelSerializer):
    tittel = serializers.CharField(source="title")
    utfordringen = serializers.CharField(source="challenge")
    onskede_effekter = serializers.CharField(source="effects")
    virksomhet = LinkedNameSerializer(source="public_body")
    tjenesteomrader = TermSerializer(source="service_areas", many=True)
    malgrupper = TermSerializer(source="target_groups", many=True)
    samarbeidsformer = TermSerializer(source="collaboration_forms", many=True)
    kommune = PlaceSerializer(source="municipality", allow_null=True)
    fylke = PlaceSerializer(source="county", allow_null=True)
    anslatt_verdi = serializers.IntegerField(source="estimated_value", allow_null=True)
    kategori = serializers.CharField(source="procurement_category")
    varighet_maneder = serializers.IntegerField(source="contract_months", allow_null=True)
    svarfrist = serializers.DateField(source="answer_deadline", allow_null=True)
    status = serializers.ChoiceField(choices=Need.Status.choices)
    publisert = serializers.DateTimeField(source="published_at")
    lenke = AbsoluteUrlField()
    endret = serializers.DateTimeField(source="updated")

    class Meta:
        model = Need
        fields = [
            "id",
            "tittel",
            "utfordringen",
            "onskede_effekter",
            "virksomhet",
            "tjenesteomrader",
            "malgrupper",
            "samarbeidsformer",
            "kommune",
            "fylke",
            "anslatt_verdi",
            "kategori",
            "varighet_maneder",
            "svarfrist",
            "status",
            "publisert",
            "lenke",
            "endret",
        ]


class ThresholdPeriodSerializer(serializers.ModelSerializer):
    gjelder_fra = serializers.DateField(source="valid_from")
    nedre_grense = serializers.IntegerField(source="lower_limit")
    nasjonal_terskelverdi = serializers.IntegerField(source="national_threshold")
    eos_statlig = serializers.IntegerField(source="eea_central_government")
    eos_andre_oppdragsgivere = serializers.IntegerField(source="eea_other_buyers")
    eos_bygg_anlegg = serializers.IntegerField(source="eea_works")
    eos_helse_sosial = serializers.IntegerField(source="eea_special_services")
    kilder = serializers.CharField(source="sources")
    merknader = serializers.CharField(source="notes")
    sist_kontrollert = serializers.DateField(source="last_verified")

    class Meta:
        model = ThresholdPeriod
        fields = [
            "gjelder_fra",
            "nedre_grense",
            "nasjonal_terskelverdi",
            "eos_statlig",
            "eos_andre_oppdragsgivere",
            "eos_bygg_anlegg",
            "eos_helse_sosial",
            "kilder",
            "merknader",
            "sist_kontrollert",
        ]
