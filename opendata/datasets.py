"""The open datasets: which rows are public, how they are loaded and filtered, and what each field
means. The API, the downloads and the DCAT-AP-NO catalogue all read these definitions."""

from dataclasses import dataclass, field
from datetime import datetime, time
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db.models import Max, Prefetch, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from directory.filters import CaseFilterSet, EntrepreneurFilterSet, OfferFilterSet, PublicBodyFilterSet
from directory.models import Case, ContactPerson, Offer, PublicationStatus, PublicBody, SocialEntrepreneur
from directory.search import NorwegianSortKey
from matchmaking.filters import NeedFilterSet
from matchmaking.models import Need
from opendata import serializers
from procurement.models import ThresholdPeriod

DATA_DATE_SECONDS = 300
TEXT = _("tekst")
INTEGER = _("heltall")
BOOLEAN = _("sann/usann")
DATE = _("dato (ÅÅÅÅ-MM-DD)")
DATETIME = _("tidspunkt (ISO 8601)")
URL = _("lenke (URL)")
TERMS = _("liste av {kortnavn, navn}")
PLACES = _("liste av {nummer, navn}")
TERM = _("{kortnavn, navn} eller tom")
PLACE = _("{nummer, navn} eller tom")


@dataclass(frozen=True)
class Field:
    name: str
    kind: Promise
    meaning: Promise
    example: str


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: Promise
    description: Promise
    model: type
    serializer: type
    fields: list[Field]
    filterset: type | None = None
    keywords: list[Promise] = field(default_factory=list)

    def base(self) -> QuerySet:
        """Every public row, ready to serialize (what is prefetched keeps the query count flat)."""
        return _BASES[self.slug]()

    def select(self, data=None) -> tuple[QuerySet, Any]:
        """The public rows these parameters select, and the FilterSet (None without filters).

        Many-to-many filters can repeat a row, so the filtered ids select the rows to load.
        """
        base = self.base()
        if self.filterset is None:
            return base, None
        filterset = self.filterset(data, queryset=base)
        if self.filterset is EntrepreneurFilterSet:
            return filterset.qs, filterset
        return base.filter(pk__in=filterset.qs.values("pk")), filterset

    def last_modified(self) -> datetime | None:
        """When the newest public row changed: the date of the data.

        Kept for a few minutes: at 100 000 entrepreneurs the maximum over every row takes long
        enough that the data page, the downloads and the catalogue should not each compute it.
        """
        return cache.get_or_set(f"opendata:updated:{self.slug}", self._newest_change, DATA_DATE_SECONDS)

    def _newest_change(self) -> datetime | None:
        if self.slug == "terskelverdier":
            newest = ThresholdPeriod.objects.aggregate(newest=Max("last_verified"))["newest"]
            return timezone.make_aware(datetime.combine(newest, time())) if newest else None
        return self.base().order_by().aggregate(newest=Max("updated"))["newest"]


def _entrepreneurs() -> QuerySet:
    return (
        SocialEntrepreneur.objects.published()
        .select_related("organisation_form")
        .prefetch_related("counties", "municipalities", "service_areas", "target_groups")
        .defer(
            "search_vector",
            "facet_service_areas",
            "facet_target_groups",
            "facet_collaboration_forms",
            "facet_coverage",
            "email",
            "rejection_reason",
        )
        .order_by(NorwegianSortKey("name"), "pk")
    )


def entrepreneur_detail_rows() -> QuerySet:
    """One entrepreneur's row with its published offers and cases."""
    return _entrepreneurs().prefetch_related(
        Prefetch(
            "offers",
            queryset=Offer.objects.filter(status=Offer.Status.PUBLISHED)
            .prefetch_related("service_areas", "target_groups", "collaboration_forms")
            .order_by("title", "pk"),
            to_attr="published_offers",
        ),
        Prefetch("cases", queryset=Case.objects.published().order_by("title"), to_attr="published_cases"),
    )


def _offers() -> QuerySet:
    return (
        Offer.objects.filter(status=Offer.Status.PUBLISHED, entrepreneur__status=PublicationStatus.PUBLISHED)
        .select_related("entrepreneur")
        .prefetch_related("service_areas", "target_groups", "collaboration_forms")
        .order_by(NorwegianSortKey("entrepreneur__name"), "title", "pk")
    )


def _bodies() -> QuerySet:
    return (
        PublicBody.objects.published()
        .select_related("municipality", "county", "parent")
        .prefetch_related(
            "service_areas",
            # Only contact persons who agreed to be shown are public (DESIGN.md, roles).
            Prefetch(
                "contact_persons",
                queryset=ContactPerson.objects.filter(consent_public=True)
                .prefetch_related("service_areas")
                .order_by("name", "pk"),
                to_attr="public_contacts",
            ),
        )
        .order_by(NorwegianSortKey("name"), "pk")
    )


def _cases() -> QuerySet:
    return (
        Case.objects.published()
        .prefetch_related(
            Prefetch(
                "public_bodies", queryset=PublicBody.objects.published().order_by("name"), to_attr="published_bodies"
            ),
            Prefetch(
                "entrepreneurs",
                queryset=SocialEntrepreneur.objects.published().only("slug", "name").order_by("name"),
                to_attr="published_entrepreneurs",
            ),
            "collaboration_forms",
            "service_areas",
        )
        .order_by("source_chapter", NorwegianSortKey("title"), "pk")
    )


def _needs() -> QuerySet:
    # What a visitor who is not signed in sees: open or in dialogue, and public.
    return (
        Need.objects.visible_in_lists(AnonymousUser())
        .filter(public_body__status=PublicationStatus.PUBLISHED)
        .select_related("public_body", "municipality", "county")
        .prefetch_related("service_areas", "target_groups", "collaboration_forms")
        .order_by("-published_at", "-pk")
    )


def _thresholds() -> QuerySet:
    return ThresholdPeriod.objects.order_by("valid_from")


_BASES = {
    "entreprenorer": _entrepreneurs,
    "tilbud": _offers,
    "virksomheter": _bodies,
    "eksempler": _cases,
    "behov": _needs,
    "terskelverdier": _thresholds,
}

SLUG = Field("kortnavn", TEXT, _("Fast kortnavn, brukt i lenker og i API-et."), "stiftelsen-eksempel")
LINK = Field("lenke", URL, _("Siden på portalen."), "https://…/entreprenorer/stiftelsen-eksempel/")
UPDATED = Field("endret", DATETIME, _("Sist endret."), "2026-11-30T09:15:00+01:00")
AREAS = Field("tjenesteomrader", TERMS, _("Tjenesteområder."), "eldreomsorg")
GROUPS = Field("malgrupper", TERMS, _("Målgrupper."), "barn-og-unge")
FORMS = Field("samarbeidsformer", TERMS, _("Samarbeidsformer."), "pilotavtale")
MUNICIPALITY = Field("kommune", PLACE, _("Kommunen (kommunenummer og navn)."), "5001 Trondheim")
COUNTY = Field("fylke", PLACE, _("Fylket (fylkesnummer og navn)."), "50 Trøndelag")
ORGNR = Field("organisasjonsnummer", TEXT, _("Organisasjonsnummer i Enhetsregisteret (ni siffer), hvis kjent."), "")

DATASETS = [
    Dataset(
        slug="entreprenorer",
        title=_("Sosiale entreprenører"),
        description=_(
            "Publiserte sosiale entreprenører: hva de arbeider med, for hvem og hvor, og hvordan de kan kontaktes "
            "på nett."
        ),
        model=SocialEntrepreneur,
        serializer=serializers.EntrepreneurSerializer,
        filterset=EntrepreneurFilterSet,
        keywords=[_("sosialt entreprenørskap"), _("sosiale entreprenører")],
        fields=[
            SLUG,
            Field("navn", TEXT, _("Navnet."), "Stiftelsen Eksempel"),
            ORGNR,
            Field("organisasjonsform", TERM, _("Organisasjonsform."), "stiftelse"),
            Field("etablert", INTEGER, _("Året virksomheten ble etablert."), "2012"),
            Field("kort_beskrivelse", TEXT, _("Kort beskrivelse."), ""),
            Field("samfunnsoppdrag", TEXT, _("Samfunnsoppdraget: den sosiale effekten de arbeider for."), ""),
            Field("beskrivelse", TEXT, _("Lengre beskrivelse."), ""),
            Field("nettside", URL, _("Virksomhetens nettside."), "https://example.org/"),
            Field("hele_landet", BOOLEAN, _("Arbeider i hele landet."), "false"),
            Field("fylker", PLACES, _("Fylker de arbeider i."), "50"),
            Field("kommuner", PLACES, _("Kommuner de arbeider i."), "5001"),
            AREAS,
            GROUPS,
            LINK,
            UPDATED,
        ],
    ),
    Dataset(
        slug="tilbud",
        title=_("Tilbud fra sosiale entreprenører"),
        description=_(
            "Publiserte tilbud: tjenester og programmer sosiale entreprenører tilbyr offentlige virksomheter."
        ),
        model=Offer,
        serializer=serializers.OfferSerializer,
        filterset=OfferFilterSet,
        keywords=[_("tilbud"), _("sosiale entreprenører")],
        fields=[
            Field("id", INTEGER, _("Fast nummer for tilbudet."), "17"),
            Field("entreprenor", TERM, _("Entreprenøren som gir tilbudet (kortnavn og navn)."), "stiftelsen-eksempel"),
            Field("tittel", TEXT, _("Tittel."), ""),
            Field("beskrivelse", TEXT, _("Beskrivelse."), ""),
            AREAS,
            GROUPS,
            FORMS,
            Field("veiledende_pris", TEXT, _("Veiledende pris, slik entreprenøren oppgir den."), "50 000 kr"),
            Field("prismodell", TEXT, _("Prismodell."), "per år"),
            Field("dokumentert_effekt", TEXT, _("Dokumentert effekt."), ""),
            Field("dokumentasjon_lenke", URL, _("Lenke til dokumentasjon av effekt."), ""),
            UPDATED,
        ],
    ),
    Dataset(
        slug="virksomheter",
        title=_("Offentlige virksomheter og kontaktpersoner"),
        description=_(
            "Kommuner, bydeler, fylkeskommuner, NAV-kontorer og statlige virksomheter, hva de ønsker samarbeid om, "
            "og kontaktpersonene som har samtykket til å vises offentlig."
        ),
        model=PublicBody,
        serializer=serializers.PublicBodySerializer,
        filterset=PublicBodyFilterSet,
        keywords=[_("kommuner"), _("offentlige virksomheter")],
        fields=[
            SLUG,
            Field("navn", TEXT, _("Navnet."), "Trondheim kommune"),
            Field("type", TEXT, _("Type: kommune, bydel, fylkeskommune, nav-kontor, statlig eller annen."), "kommune"),
            ORGNR,
            MUNICIPALITY,
            COUNTY,
            Field("overordnet", TEXT, _("Kortnavnet til den overordnede virksomheten, hvis noen."), "oslo-kommune"),
            Field("nettside", URL, _("Virksomhetens nettside."), "https://www.trondheim.kommune.no/"),
            Field("samarbeid_om", TEXT, _("Hva virksomheten ønsker samarbeid om."), ""),
            Field("beskrivelse", TEXT, _("Om virksomheten."), ""),
            Field("tidligere_navn", TEXT, _("Tidligere navn, for eksempel før en sammenslåing."), ""),
            AREAS,
            Field(
                "kontaktpersoner",
                _("liste av {navn, stilling, e_post, telefon, tjenesteomrader}"),
                _("Kontaktpersoner som har samtykket til å vises offentlig."),
                "",
            ),
            LINK,
            UPDATED,
        ],
    ),
    Dataset(
        slug="eksempler",
        title=_("Samarbeidseksempler"),
        description=_("Eksempler på samarbeid mellom offentlige virksomheter og sosiale entreprenører."),
        model=Case,
        serializer=serializers.CaseSerializer,
        filterset=CaseFilterSet,
        keywords=[_("samarbeid"), _("sosiale entreprenører")],
        fields=[
            SLUG,
            Field("tittel", TEXT, _("Tittel."), ""),
            Field("kort_fortalt", TEXT, _("Kort fortalt."), ""),
            Field("tekst", TEXT, _("Hele teksten."), ""),
            Field("ar", INTEGER, _("Året samarbeidet startet eller ble beskrevet."), "2016"),
            Field("virksomheter", TERMS, _("Offentlige virksomheter i samarbeidet."), "trondheim-kommune"),
            Field("entreprenorer", TERMS, _("Sosiale entreprenører i samarbeidet."), "stiftelsen-eksempel"),
            FORMS,
            AREAS,
            Field(
                "anskaffelsesregelverket_gjaldt",
                BOOLEAN,
                _("Om regelverket for offentlige anskaffelser gjaldt; tom hvis kilden ikke sier det."),
                "true",
            ),
            Field("finansiering", TEXT, _("Hvordan samarbeidet ble finansiert."), ""),
            Field("erfaringer", TEXT, _("Erfaringer."), ""),
            Field("kapittel_i_heftet", INTEGER, _("Kapittel i heftet «Veier til samarbeid» (2017)."), "4"),
            Field("kilde", TEXT, _("Kilde."), ""),
            LINK,
            UPDATED,
        ],
    ),
    Dataset(
        slug="behov",
        title=_("Åpne behov fra offentlige virksomheter"),
        description=_(
            "Behov offentlige virksomheter har publisert for alle: utfordringen og effektene de ønsker, ikke en "
            "løsning. Bare åpne behov og behov i dialog."
        ),
        model=Need,
        serializer=serializers.NeedSerializer,
        filterset=NeedFilterSet,
        keywords=[_("behov"), _("innovative anskaffelser")],
        fields=[
            Field("id", INTEGER, _("Fast nummer for behovet."), "42"),
            Field("tittel", TEXT, _("Tittel."), ""),
            Field("utfordringen", TEXT, _("Utfordringen slik virksomheten ser den."), ""),
            Field("onskede_effekter", TEXT, _("Effektene virksomheten ønsker."), ""),
            Field("virksomhet", TERM, _("Virksomheten som har behovet (kortnavn og navn)."), "trondheim-kommune"),
            AREAS,
            GROUPS,
            FORMS,
            MUNICIPALITY,
            COUNTY,
            Field("anslatt_verdi", INTEGER, _("Anslått verdi i kroner uten mva."), "450000"),
            Field("kategori", TEXT, _("Hva slags kjøp."), "helse-sosial"),
            Field("varighet_maneder", INTEGER, _("Varighet i måneder."), "12"),
            Field("svarfrist", DATE, _("Svarfrist."), "2027-03-14"),
            Field("status", TEXT, _("Status: open (åpent) eller in_dialogue (i dialog)."), "open"),
            Field("publisert", DATETIME, _("Når behovet ble publisert."), "2026-11-30T09:15:00+01:00"),
            LINK,
            UPDATED,
        ],
    ),
    Dataset(
        slug="terskelverdier",
        title=_("Terskelverdier for offentlige anskaffelser"),
        description=_(
            "Nedre grense, nasjonal terskelverdi og EØS-terskelverdiene for hver periode, med kilder og dato for "
            "siste kontroll."
        ),
        model=ThresholdPeriod,
        serializer=serializers.ThresholdPeriodSerializer,
        keywords=[_("offentlige anskaffelser"), _("terskelverdier")],
        fields=[
            Field("gjelder_fra", DATE, _("Dagen perioden begynner."), "2024-03-14"),
            Field("nedre_grense", INTEGER, _("Nedre grense i kroner uten mva."), "100000"),
            Field("nasjonal_terskelverdi", INTEGER, _("Nasjonal terskelverdi i kroner uten mva."), "1300000"),
            Field("eos_statlig", INTEGER, _("EØS-terskelverdi for statlige oppdragsgivere."), "1490000"),
            Field("eos_andre_oppdragsgivere", INTEGER, _("EØS-terskelverdi for andre oppdragsgivere."), "2300000"),
            Field("eos_bygg_anlegg", INTEGER, _("EØS-terskelverdi for bygge- og anleggsarbeid."), "57800000"),
            Field("eos_helse_sosial", INTEGER, _("EØS-terskelverdi for helse- og sosialtjenester."), "7800000"),
            Field("kilder", TEXT, _("Kilder."), ""),
            Field("merknader", TEXT, _("Merknader og usikkerhet."), ""),
            Field("sist_kontrollert", DATE, _("Dagen verdiene sist ble kontrollert."), "2026-11-01"),
        ],
    ),
]

BY_SLUG = {dataset.slug: dataset for dataset in DATASETS}
