"""Which procurement rules apply to a purchase: pure functions over plain values.

Nothing here reads the database or the request. The view loads the threshold periods and passes
them in as `Thresholds`; the answer comes back as an `Assessment` that the page and the API render.
The facts behind every rule are in /work/shared/procurement-facts.md (collected November 2026) and
the 2017 booklet «Veier til samarbeid»; where they are uncertain, the answer says so.

Values are whole kroner excluding VAT (int), never float, so a comparison is exact to the krone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

LOA_URL = "https://lovdata.no/dokument/NL/lov/2016-06-17-73"
FOA_URL = "https://lovdata.no/dokument/SF/forskrift/2016-08-12-974"
DOFFIN_URL = "https://doffin.no/"
DFO_URL = "https://anskaffelser.no/"
MINISTRY_GUIDE_URL = "https://www.regjeringen.no/no/dokumenter/veileder-offentlige-anskaffelser/id2581234/"

# An indefinite contract is valued as 48 months of its monthly value (FOA § 5-4).
INDEFINITE_CONTRACT_MONTHS = 48


class Buyer(StrEnum):
    STATLIG = "statlig"
    KOMMUNAL = "kommunal"


class Category(StrEnum):
    VARER_TJENESTER = "varer-tjenester"
    HELSE_SOSIAL = "helse-sosial"
    BYGG_ANLEGG = "bygg-anlegg"


class Regime(StrEnum):
    UTENFOR = "utenfor-regelverket"
    DEL_1 = "del-1"
    DEL_2 = "del-2"
    DEL_3 = "del-3"
    DEL_4 = "del-4"


class Announcement(StrEnum):
    INGEN = "ingen"
    DOFFIN = "doffin"
    TED = "ted"


BUYER_LABELS: Mapping[Buyer, str] = {
    Buyer.STATLIG: _("Statlig oppdragsgiver (departement, direktorat, statlig etat)"),
    Buyer.KOMMUNAL: _("Kommune, fylkeskommune eller annen offentlig oppdragsgiver"),
}

CATEGORY_LABELS: Mapping[Category, str] = {
    Category.VARER_TJENESTER: _("Varer og tjenester"),
    Category.HELSE_SOSIAL: _("Helse- og sosialtjenester og andre særlige tjenester"),
    Category.BYGG_ANLEGG: _("Bygge- og anleggsarbeid"),
}

REGIME_LABELS: Mapping[Regime, str] = {
    Regime.UTENFOR: _("Utenfor regelverket"),
    Regime.DEL_1: _("Anskaffelsesforskriften del I"),
    Regime.DEL_2: _("Anskaffelsesforskriften del I og II"),
    Regime.DEL_3: _("Anskaffelsesforskriften del I og III"),
    Regime.DEL_4: _("Anskaffelsesforskriften del I og IV (helse- og sosialtjenester)"),
}

ANNOUNCEMENT_LABELS: Mapping[Announcement, str] = {
    Announcement.INGEN: _("Ingen plikt til å kunngjøre"),
    Announcement.DOFFIN: _("Kunngjør i Doffin"),
    Announcement.TED: _("Kunngjør i TED (EØS) gjennom Doffin"),
}

# The six values of a period, in the order they are shown. Field names match the model's.
THRESHOLD_FIELDS: tuple[str, ...] = (
    "lower_limit",
    "national_threshold",
    "eea_central_government",
    "eea_other_buyers",
    "eea_works",
    "eea_special_services",
)

THRESHOLD_LABELS: Mapping[str, str] = {
    "lower_limit": _("Nedre grense for regelverket"),
    "national_threshold": _("Nasjonal terskelverdi"),
    "eea_central_government": _("EØS-terskelverdi, statlige oppdragsgivere (varer og tjenester)"),
    "eea_other_buyers": _("EØS-terskelverdi, kommuner og andre oppdragsgivere (varer og tjenester)"),
    "eea_works": _("EØS-terskelverdi, bygge- og anleggsarbeid"),
    "eea_special_services": _("EØS-terskelverdi, helse- og sosialtjenester og andre særlige tjenester"),
}


@dataclass(frozen=True)
class Thresholds:
    """One threshold period: the values in force from `valid_from` until the next period starts."""

    valid_from: date
    lower_limit: int
    national_threshold: int
    eea_central_government: int
    eea_other_buyers: int
    eea_works: int
    eea_special_services: int
    sources: str = ""
    notes: str = ""
    last_verified: date | None = None
    # Field name -> why the value is uncertain and where it comes from.
    uncertain: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)
    # Texts shown in bokmål on a nynorsk or English page because no translation is stored yet: "sources"
    # and "notes", and the field names of `uncertain` whose explanation is bokmål. Pages mark them lang="nb".
    in_bokmal: frozenset[str] = field(default=frozenset(), compare=False)
    uncertain_in_bokmal: frozenset[str] = field(default=frozenset(), compare=False)

    def value(self, field_name: str) -> int:
        if field_name not in THRESHOLD_FIELDS:
            raise KeyError(field_name)
        return getattr(self, field_name)


@dataclass(frozen=True)
class Ref:
    """A reference to a source: a paragraph on Lovdata or a guidance page."""

    label: str
    url: str

    @property
    def law(self) -> str:
        """ "LOA" or "FOA" when the label starts with one, so the page can mark it up with <abbr>."""
        head = str(self.label).split(" ", 1)[0]
        return head if head in ("LOA", "FOA") else ""

    @property
    def rest(self) -> str:
        """The label after the law's short name ("§ 8-8")."""
        return str(self.label).split(" ", 1)[1] if self.law else str(self.label)


@dataclass(frozen=True)
class Point:
    """One thing the answer says: a requirement, an option or a caution, with its legal basis."""

    key: str
    title: str
    text: str
    refs: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class UsedThreshold:
    field: str
    label: str
    amount: int
    uncertain: str = ""


@dataclass(frozen=True)
class Assessment:
    """The full answer for one purchase."""

    value: int
    buyer: Buyer
    category: Category
    on: date
    period: Thresholds
    period_end: date | None
    regime: Regime
    announcement: Announcement
    thresholds_used: tuple[UsedThreshold, ...]
    floor_threshold: UsedThreshold | None
    next_threshold: UsedThreshold | None
    requirements: tuple[Point, ...]
    options: tuple[Point, ...]
    notes: tuple[str, ...]
    myths: tuple[int, ...]
    reservations: tuple[Reservation, ...] = ()

    @property
    def regime_label(self) -> str:
        return REGIME_LABELS[self.regime]

    @property
    def buyer_label(self) -> str:
        return BUYER_LABELS[self.buyer]

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS[self.category]

    @property
    def announcement_label(self) -> str:
        return ANNOUNCEMENT_LABELS[self.announcement]

    @property
    def distance_to_next_threshold(self) -> int | None:
        return None if self.next_threshold is None else self.next_threshold.amount - self.value


class DateNotCovered(ValueError):
    """The date is before the first period the guide knows (the guide starts 1 January 2017)."""

    def __init__(self, on: date, first: date | None):
        self.on = on
        self.first = first
        super().__init__(f"{on} is before the first threshold period ({first})")


# --- Periods -------------------------------------------------------------------------------------


def period_in_force(periods: Sequence[Thresholds], on: date) -> Thresholds:
    """The period whose `valid_from` is the latest on or before `on`."""
    in_force = None
    for period in sorted(periods, key=lambda p: p.valid_from):
        if period.valid_from <= on:
            in_force = period
        else:
            break
    if in_force is None:
        first = min((p.valid_from for p in periods), default=None)
        raise DateNotCovered(on, first)
    return in_force


def period_end(periods: Sequence[Thresholds], period: Thresholds) -> date | None:
    """The last day `period` was in force, or None while it is the newest period."""
    later = [p.valid_from for p in periods if p.valid_from > period.valid_from]
    return min(later) - timedelta(days=1) if later else None


# --- The regime ----------------------------------------------------------------------------------


def eea_threshold_field(buyer: Buyer, category: Category) -> str:
    """Which EEA threshold applies: works and special services have one each; goods and services
    depend on whether the buyer is central government."""
    if category == Category.HELSE_SOSIAL:
        return "eea_special_services"
    if category == Category.BYGG_ANLEGG:
        return "eea_works"
    return "eea_central_government" if buyer == Buyer.STATLIG else "eea_other_buyers"


def threshold_fields_used(buyer: Buyer, category: Category) -> tuple[str, ...]:
    """The thresholds that decide the regime for this buyer and category, lowest first.

    Health and social services follow part I all the way up to their EEA threshold, so the national
    threshold plays no part for them (procurement-facts.md, "Which rules apply").
    """
    eea = eea_threshold_field(buyer, category)
    if category == Category.HELSE_SOSIAL:
        return ("lower_limit", eea)
    return ("lower_limit", "national_threshold", eea)


def regime_for(value: int, buyer: Buyer, category: Category, thresholds: Thresholds) -> Regime:
    """The regime for an estimated value. Thresholds are inclusive: equal to or above a threshold
    falls in the higher regime (FOA: «lik eller overstiger»); under the lower limit is outside."""
    if value < 0:
        raise ValueError("value must not be negative")
    buyer, category = Buyer(buyer), Category(category)
    if value < thresholds.lower_limit:
        return Regime.UTENFOR
    eea = thresholds.value(eea_threshold_field(buyer, category))
    if category == Category.HELSE_SOSIAL:
        return Regime.DEL_4 if value >= eea else Regime.DEL_1
    if value >= eea:
        return Regime.DEL_3
    if value >= thresholds.national_threshold:
        return Regime.DEL_2
    return Regime.DEL_1


def announcement_for(regime: Regime) -> Announcement:
    if regime in (Regime.UTENFOR, Regime.DEL_1):
        return Announcement.INGEN
    if regime == Regime.DEL_2:
        return Announcement.DOFFIN
    return Announcement.TED


def next_threshold(value: int, buyer: Buyer, category: Category, thresholds: Thresholds) -> UsedThreshold | None:
    """The lowest threshold that applies to this buyer and category and is above `value`."""
    above = [
        _used(thresholds, name)
        # Highest first, so that when two thresholds are equal the one for the higher regime wins.
        for name in reversed(threshold_fields_used(buyer, category))
        if thresholds.value(name) > value
    ]
    return min(above, key=lambda used: used.amount, default=None)


def floor_threshold(value: int, buyer: Buyer, category: Category, thresholds: Thresholds) -> UsedThreshold | None:
    """The highest threshold that applies to this buyer and category and that `value` reaches."""
    reached = [
        _used(thresholds, name)
        # Highest first, so that when two thresholds are equal the one for the higher regime wins.
        for name in reversed(threshold_fields_used(buyer, category))
        if thresholds.value(name) <= value
    ]
    return max(reached, key=lambda used: used.amount, default=None)


def _used(thresholds: Thresholds, name: str) -> UsedThreshold:
    return UsedThreshold(
        field=name,
        label=THRESHOLD_LABELS[name],
        amount=thresholds.value(name),
        uncertain=thresholds.uncertain.get(name, ""),
    )


# Which of the booklet's six myths (chapter 6) an answer touches.
MYTHS_BY_REGIME: Mapping[Regime, tuple[int, ...]] = {
    Regime.UTENFOR: (1, 3, 5),
    Regime.DEL_1: (1, 2, 3, 4, 5, 6),
    Regime.DEL_2: (3, 4, 5, 6),
    Regime.DEL_3: (3, 4, 5, 6),
    Regime.DEL_4: (3, 4, 5, 6),
}


def assess(value: int, buyer: Buyer, category: Category, on: date, periods: Sequence[Thresholds]) -> Assessment:
    """Everything the guide says about buying something worth `value` kroner on `on`."""
    buyer, category = Buyer(buyer), Category(category)
    period = period_in_force(periods, on)
    regime = regime_for(value, buyer, category, period)
    return Assessment(
        value=value,
        buyer=buyer,
        category=category,
        on=on,
        period=period,
        period_end=period_end(periods, period),
        regime=regime,
        announcement=announcement_for(regime),
        thresholds_used=tuple(_used(period, name) for name in threshold_fields_used(buyer, category)),
        floor_threshold=floor_threshold(value, buyer, category, period),
        next_threshold=next_threshold(value, buyer, category, period),
        requirements=requirements_for(regime, category, on),
        options=options_for(regime, category),
        notes=notes_for(buyer, category, period),
        myths=MYTHS_BY_REGIME[regime],
        reservations=reservations_for(regime, category),
    )


# --- What the answer says ------------------------------------------------------------------------

# The Storting's amendments of 5 February 2026 took effect on 1 July 2026 (Prop. 147 L (2024–2025)).
# Whether they repealed the basic principles (LOA § 4) below the EEA thresholds is not confirmed, so
# from this day the answer shows the principles with a doubt (procurement-facts.md, correction 3).
LOA_AMENDMENTS_IN_FORCE = date(2026, 7, 1)

# Written out on first use on a page; the short forms are marked up with <abbr> after that.
LAW_NAMES: Mapping[str, str] = {
    "LOA": _("lov om offentlige anskaffelser (anskaffelsesloven)"),
    "FOA": _("forskrift om offentlige anskaffelser (anskaffelsesforskriften)"),
}


def loa(paragraph: str) -> Ref:
    return Ref(f"LOA § {paragraph}", f"{LOA_URL}/%C2%A7{paragraph}")


def foa(paragraph: str) -> Ref:
    return Ref(f"FOA § {paragraph}", f"{FOA_URL}/%C2%A7{paragraph}")


def foa_chapter(number: int) -> Ref:
    # Lazy, so the label follows the language of the request, not the one active at import.
    return Ref(format_lazy(_("FOA kapittel {}"), number), FOA_URL)


MINISTRY_GUIDE = Ref(_("Departementets veileder til anskaffelsesregelverket"), MINISTRY_GUIDE_URL)
PRINCIPLES_GUIDE = Ref(
    _("Departementet: De grunnleggende prinsippene"),
    "https://www.regjeringen.no/id2581849/",
)
SPECIAL_SERVICES_GUIDE = Ref(
    _("Departementet: helse- og sosialtjenester"),
    "https://www.regjeringen.no/id2582864/",
)
SUPREME_COURT = Ref(_("Høyesterett, HR-2025-2425-A"), "https://www.domstol.no/")

_PRINCIPLES_TEXT = _(
    "Sørg for konkurranse, behandle leverandørene likt, gjør det forutsigbart, dokumenter slik at andre kan "
    "etterprøve det, og still krav som står i forhold til oppdraget."
)

PRINCIPLES = Point("prinsipper", _("Følg de grunnleggende prinsippene"), _PRINCIPLES_TEXT, (loa("4"),))

PRINCIPLES_IN_DOUBT = Point(
    "prinsipper",
    _("Følg de grunnleggende prinsippene til dere har sjekket loven"),
    _(
        "Prinsippene i anskaffelsesloven (LOA) § 4 gjaldt for alle kjøp etter loven til og med 30. juni 2026: sørg "
        "for konkurranse, behandle leverandørene likt, gjør det forutsigbart, dokumenter slik at andre kan etterprøve "
        "det, og still krav som står i forhold til oppdraget. Endringene som gjelder fra 1. juli 2026, foreslo å "
        "oppheve § 4 under "
        "EØS-terskelverdiene. Vi har ikke fått bekreftet om det ble vedtatt. Følg prinsippene til dere har sjekket "
        "loven på Lovdata. Prinsippene fra EØS-avtalen gjelder uansett for kontrakter som har klar interesse for "
        "leverandører i andre land."
    ),
    (loa("4"), PRINCIPLES_GUIDE),
)

VALUE_RULE = Point(
    "verdi",
    _("Regn ut hele verdien før dere starter"),
    _(
        "Verdien er alt dere kan komme til å betale over hele kontrakten, uten merverdiavgift, medregnet opsjoner og "
        "forlengelser. En avtale uten sluttdato regnes som månedsverdien ganger 48, og en rammeavtale som den "
        "høyeste verdien den kan nå. Legg sammen kjøp av samme slag som gjentar seg. Hele kommunen regnes samlet, "
        "med mindre en enhet kjøper selvstendig med eget budsjett. Verdien anslås når anskaffelsen starter. Det er "
        "ikke lov å dele opp et kjøp for å komme under en terskelverdi, og alle delkontrakter regnes sammen."
    ),
    (foa("5-4"),),
)


def _protocol(*refs: Ref) -> Point:
    return Point(
        "protokoll", _("Skriv protokoll"), _("Skriv protokoll over anskaffelsen og de viktigste beslutningene."), refs
    )


REQUIREMENTS: Mapping[Regime, tuple[Point, ...]] = {
    Regime.UTENFOR: (
        Point(
            "unntatt",
            _("Følg kommunens egne regler"),
            _(
                "Kjøp under nedre grense er unntatt fra lov og forskrift om offentlige anskaffelser. Følg "
                "virksomhetens egne innkjøpsregler. Internkontroll og plikten til å arkivere gjelder fortsatt."
            ),
            (loa("2"),),
        ),
        Point(
            "ressursbruk",
            _("Bruk pengene fornuftig"),
            _(
                "Sørg for effektiv bruk av offentlige penger, og for at folk kan ha tillit til at innkjøpet skjer "
                "på en samfunnstjenlig måte."
            ),
        ),
    ),
    Regime.DEL_1: (
        _protocol(foa("7-1")),
        Point(
            "kunngjoring",
            _("Sørg for konkurranse (kunngjøring er frivillig)"),
            _(
                "Dere har ikke plikt til å kunngjøre, men kan kunngjøre frivillig i Doffin, den nasjonale databasen "
                "for kunngjøringer. Dere skal likevel sørge for reell konkurranse: å spørre bare én leverandør uten "
                "en saklig grunn er ikke nok. Å spørre minst tre leverandører er et råd, ikke et krav i loven. "
                "Reglene om taushetsplikt og habilitet gjelder."
            ),
            (loa("4"), Ref("Doffin", DOFFIN_URL)),
        ),
    ),
    Regime.DEL_2: (
        Point(
            "kunngjoring",
            _("Kunngjør i Doffin"),
            _("Kunngjør konkurransen i Doffin, den nasjonale databasen for kunngjøringer."),
            (foa("8-17"), Ref("Doffin", DOFFIN_URL)),
        ),
        _protocol(foa("10-5")),
        Point(
            "prosedyre",
            _("Velg prosedyre"),
            _("Velg åpen eller begrenset tilbudskonkurranse."),
            (foa_chapter(8),),
        ),
        Point(
            "frister",
            _("Gi rimelige frister"),
            _("Gi leverandørene rimelig tid til å svare. Det er ingen faste minstefrister i del II."),
        ),
    ),
    Regime.DEL_3: (
        Point(
            "kunngjoring",
            _("Kunngjør i TED gjennom Doffin"),
            _(
                "Kunngjør konkurransen i hele EØS (EU-landene, Island, Liechtenstein og Norge): gjennom Doffin, den "
                "nasjonale databasen for kunngjøringer, som sender kunngjøringen videre til TED, EUs database."
            ),
            (foa("21-1"), foa("21-2"), Ref("Doffin", DOFFIN_URL)),
        ),
        _protocol(foa("25-5")),
        Point(
            "prosedyre",
            _("Velg prosedyre"),
            _(
                "Åpen og begrenset anbudskonkurranse er alltid tillatt. Konkurranse med forhandling og "
                "konkurransepreget dialog kan brukes når vilkårene i anskaffelsesforskriften § 13-2 er oppfylt."
            ),
            (foa_chapter(13), foa("13-2")),
        ),
        Point(
            "frister",
            _("Følg minstefristene"),
            _(
                "Åpen anbudskonkurranse: minst 30 dager når tilbudene leveres elektronisk. "
                "Begrenset anbudskonkurranse: 30 dager for å be om å delta og 25 dager for tilbudene. "
                "Fristene kan være kortere med en forhåndskunngjøring eller når det haster. "
                "Etter at dere har valgt leverandør, må dere vente en karensperiode før kontrakten inngås. "
                "Sjekk dagene i kapittel 20 i anskaffelsesforskriften før dere setter fristene."
            ),
            (foa_chapter(20),),
        ),
    ),
    Regime.DEL_4: (
        Point(
            "kunngjoring",
            _("Kunngjør i TED gjennom Doffin"),
            _(
                "Kunngjør konkurransen gjennom Doffin, som sender den videre til TED, EUs database for kunngjøringer: "
                "enten som en kunngjøring av konkurranse eller som en "
                "forhåndskunngjøring som publiseres løpende. Kunngjør også hvem som fikk kontrakten."
            ),
            (foa("30-1"), Ref("Doffin", DOFFIN_URL)),
        ),
        _protocol(foa("30-1")),
        Point(
            "frister",
            _("Gi rimelige frister"),
            _("Det er ingen faste minstefrister for helse- og sosialtjenester etter del IV. Gi rimelig tid."),
            (foa("30-1"),),
        ),
    ),
}

SPECIAL_SERVICES_PART_ONE = Point(
    "sarlige-tjenester",
    _("Bruk del I helt opp til EØS-terskelverdien"),
    _(
        "Helse- og sosialtjenester og andre særlige tjenester følger del I helt opp til EØS-terskelverdien for "
        "særlige tjenester. Den nasjonale terskelverdien gjelder ikke for dem."
    ),
)


def principles_for(regime: Regime, on: date) -> Point | None:
    """The basic principles (LOA § 4): settled up to 30 June 2026; in doubt after that below the EEA
    thresholds; above them the EEA principles apply in any case."""
    if regime == Regime.UTENFOR:
        return None
    if on >= LOA_AMENDMENTS_IN_FORCE and regime in (Regime.DEL_1, Regime.DEL_2):
        return PRINCIPLES_IN_DOUBT
    return PRINCIPLES


def requirements_for(regime: Regime, category: Category, on: date | None = None) -> tuple[Point, ...]:
    """What the buyer must do, in the order they do it. Without a date, the principles are settled."""
    principles = principles_for(regime, on or date.min)
    points = ((principles,) if principles else ()) + tuple(REQUIREMENTS[regime])
    if regime == Regime.DEL_1 and category == Category.HELSE_SOSIAL:
        points = (*points, SPECIAL_SERVICES_PART_ONE)
    return (VALUE_RULE, *points)


DIRECT_PURCHASE = Point(
    "direktekjop",
    _("Kjøp direkte"),
    _(
        "Under nedre grense kan dere kjøpe direkte fra en sosial entreprenør, uten konkurranse etter regelverket. "
        "Et eksempel fra heftet: kommuner som betaler 5 000 kroner i året for å være med i BUAs utlånsordning. Når "
        "verdien når nedre grense, må kjøpet konkurranseutsettes."
    ),
)

PILOT = Point(
    "pilot",
    _("Kjøp en pilot eller test"),
    _(
        "Dere kan inngå en kontrakt som bare gjelder i en testperiode, slik Trondheim kommune gjorde med JodaCare. "
        "Piloten er selv en anskaffelse når verdien når nedre grense. En senere utrulling kan ikke gis direkte til "
        "den som hadde piloten, med mindre den var med i konkurransen (for eksempel som en kunngjort opsjon) eller et "
        "unntak gjelder. Planlegger dere pilot og utrulling sammen, regnes verdien samlet."
    ),
    (foa("5-4"),),
)

SUPPLIER_INITIATIVE = Point(
    "initiativ",
    _("Ta imot ideer fra leverandører"),
    _(
        "En konkurranse kan starte etter initiativ fra en leverandør. Dere kan også samle inn ideer eller holde en "
        "leverandørkonferanse. Den som tok initiativet, må ikke få en urimelig fordel i konkurransen."
    ),
)

PROPORTIONATE = Point(
    "forholdsmessige-krav",
    _("Still krav som står i forhold til oppdraget"),
    _(
        "Ingen regel sier at dere må velge store leverandører. Still bare krav som er nødvendige og relevante: "
        "krav om regnskap for de tre siste årene stenger for eksempel nye virksomheter ute."
    ),
)

_DIALOGUE_TEXT = _(
    "Før konkurransen kunngjøres kan dere snakke med leverandører, også sosiale entreprenører, for eksempel for å "
    "beskrive behovet og ønskede effekter i stedet for en bestemt løsning. Husk likebehandling: ingen leverandør "
    "skal få en urimelig fordel, og forretningshemmeligheter skal ikke deles med andre. Har en leverandør hjulpet "
    "til med å forberede konkurransen, gi alle den samme informasjonen og lengre frister. Leverandøren avvises bare "
    "hvis fordelen ikke kan fjernes på andre måter, og etter at den har fått vise at konkurransen ikke blir "
    "skjev. Skriv dialogen i protokollen. En veiledende kunngjøring i Doffin kan invitere leverandører til dialog."
)


def _dialogue(*refs: Ref) -> Point:
    return Point(
        "markedsdialog", _("Snakk med markedet før konkurransen"), _DIALOGUE_TEXT, (*refs, Ref("Doffin", DOFFIN_URL))
    )


INNOVATION_PARTNERSHIP = Point(
    "innovasjonspartnerskap",
    _("Utvikle en ny løsning i et innovasjonspartnerskap"),
    _(
        "Skal dere utvikle en løsning som ikke finnes, og så kjøpe den, kan dere bruke innovasjonspartnerskap "
        "(del III). Verdien er den høyeste verdien av forsknings- og utviklingsarbeidet pluss det senere kjøpet."
    ),
    (Ref("anskaffelser.no", DFO_URL),),
)


def options_for(regime: Regime, category: Category) -> tuple[Point, ...]:
    """Ways of working with a social entrepreneur that the regime leaves open (reservation is its own part)."""
    if regime == Regime.UTENFOR:
        return (DIRECT_PURCHASE, PILOT)
    if regime == Regime.DEL_1:
        return (_dialogue(MINISTRY_GUIDE), PILOT, PROPORTIONATE, SUPPLIER_INITIATIVE)
    if regime == Regime.DEL_2:
        # Dialogue before a part II competition: the ministry's guide (§ 9-3 is dialogue after tenders arrive).
        return (_dialogue(MINISTRY_GUIDE), PILOT, PROPORTIONATE, SUPPLIER_INITIATIVE)
    if regime == Regime.DEL_3:
        return (_dialogue(foa("12-1"), foa("12-2")), PILOT, INNOVATION_PARTNERSHIP, PROPORTIONATE, SUPPLIER_INITIATIVE)
    return (_dialogue(MINISTRY_GUIDE), PILOT, PROPORTIONATE, SUPPLIER_INITIATIVE)


# --- Kan vi reservere konkurransen? ---------------------------------------------------------------


class ReservationKind(StrEnum):
    ARBEIDSINTEGRERENDE = "arbeidsintegrerende"
    IDEELLE = "ideelle"


@dataclass(frozen=True)
class Reservation:
    """A way to reserve the competition, with the paragraphs it rests on (empty when none names it)."""

    kind: ReservationKind
    title: str
    text: str
    paragraphs: tuple[str, ...]
    refs: tuple[Ref, ...] = ()


_WORK_INTEGRATION_TEXT = _(
    "Dere kan reservere konkurransen for virksomheter som har som hovedformål å integrere personer med "
    "funksjonsnedsettelse eller vanskeligstilte personer sosialt og yrkesmessig, når minst 30 prosent av de "
    "ansatte er slike personer. Skriv i kunngjøringen eller forespørselen at konkurransen er reservert."
)


def _work_integration(paragraph: str | None) -> Reservation:
    if paragraph is None:
        # Part I has no paragraph of its own; the ministry's guide says reservation may be used there too.
        return Reservation(
            ReservationKind.ARBEIDSINTEGRERENDE,
            _("Reserver for arbeidsintegrerende virksomheter"),
            format_lazy(
                "{} {}",
                _WORK_INTEGRATION_TEXT,
                _("I del I er det ingen egen paragraf, men departementets veileder sier at det også er lov her."),
            ),
            (),
            (MINISTRY_GUIDE,),
        )
    return Reservation(
        ReservationKind.ARBEIDSINTEGRERENDE,
        _("Reserver for arbeidsintegrerende virksomheter"),
        _WORK_INTEGRATION_TEXT,
        (f"FOA § {paragraph}",),
        (foa(paragraph),),
    )


NON_PROFIT_ABOVE = Reservation(
    ReservationKind.IDEELLE,
    _("Reserver for ideelle organisasjoner, når det tjener formålet"),
    _(
        "Konkurranser om helse- og sosialtjenester kan reserveres for ideelle organisasjoner når det bidrar til "
        "sosiale formål og fellesskapets beste. Vurder og dokumenter det hver gang. Høyesterett godtok Oslo kommunes "
        "reservasjon etter et unntak som EU-domstolen har utviklet (HR-2025-2425-A, 8. desember 2025)."
    ),
    ("FOA § 30-2a",),
    (foa("30-2a"), SUPREME_COURT),
)

NON_PROFIT_BELOW = Reservation(
    ReservationKind.IDEELLE,
    _("Inviter bare ideelle organisasjoner"),
    _(
        "Under EØS-terskelverdien for særlige tjenester kan dere velge å invitere bare ideelle organisasjoner til å "
        "levere helse- og sosialtjenester. Det må fortsatt være noe konkurranse mellom dem. Skriv valget og "
        "begrunnelsen i protokollen."
    ),
    (),
    (SPECIAL_SERVICES_GUIDE,),
)

NO_RESERVATION_NEEDED = _(
    "Under nedre grense trenger dere ikke reservere konkurransen: dere kan kjøpe direkte, også fra en "
    "arbeidsintegrerende virksomhet eller en ideell organisasjon."
)


def reservations_for(regime: Regime, category: Category) -> tuple[Reservation, ...]:
    """Which reservations the regime and category allow (procurement-facts.md, corrections 8 and 9)."""
    if regime == Regime.UTENFOR:
        return ()
    health = category == Category.HELSE_SOSIAL
    if regime == Regime.DEL_1:
        return (_work_integration(None), *((NON_PROFIT_BELOW,) if health else ()))
    if regime == Regime.DEL_2:
        return (_work_integration("8-8"),)
    if regime == Regime.DEL_3:
        return (_work_integration("16-9"),)
    return (_work_integration("30-3"), NON_PROFIT_ABOVE)


def notes_for(buyer: Buyer, category: Category, period: Thresholds) -> tuple[str, ...]:
    """Facts about this period that a reader could otherwise miss."""
    notes: list[str] = []
    if (
        buyer == Buyer.STATLIG
        and category == Category.VARER_TJENESTER
        and period.national_threshold >= period.eea_central_government
    ):
        notes.append(
            _(
                "I denne perioden var den nasjonale terskelverdien og EØS-terskelverdien for statlige "
                "oppdragsgivere like høye. For statlige kjøp av varer og tjenester var det derfor ikke noe "
                "intervall med bare del II."
            )
        )
    return tuple(notes)


# --- The EU's thresholds in euro ------------------------------------------------------------------


@dataclass(frozen=True)
class EuroThresholds:
    """The EU's thresholds for two years, which Norway turns into kroner by amending FOA § 5-3."""

    years: str
    central_government: int
    other_buyers: int
    works: int
    special_services: int
    source: str
    source_url: str


# Delegated Regulation (EU) 2025/2152; special services are not indexed (procurement-facts.md).
EU_THRESHOLDS_2026_27 = EuroThresholds(
    years="2026–2027",
    central_government=140_000,
    other_buyers=216_000,
    works=5_404_000,
    special_services=750_000,
    source="Delegert forordning (EU) 2025/2152",
    source_url="https://eur-lex.europa.eu/eli/reg_del/2025/2152/oj",
)

EURO_BY_FIELD: Mapping[str, str] = {
    "eea_central_government": "central_government",
    "eea_other_buyers": "other_buyers",
    "eea_works": "works",
    "eea_special_services": "special_services",
}


# --- Estimated value -----------------------------------------------------------------------------


def estimated_value(
    *,
    annual_value: int | None = None,
    years: int | None = None,
    option_years: int = 0,
    monthly_value: int | None = None,
) -> int:
    """The estimated value of a contract (FOA § 5-4): the annual value times the years including the
    years that options may add, or, for a contract with no end date, the monthly value times 48."""
    if monthly_value is not None:
        if annual_value is not None or years is not None or option_years:
            raise ValueError("give either a monthly value or an annual value with years, not both")
        if monthly_value < 0:
            raise ValueError("the monthly value must not be negative")
        return monthly_value * INDEFINITE_CONTRACT_MONTHS
    if annual_value is None or years is None:
        raise ValueError("an annual value needs the number of years")
    if annual_value < 0 or years < 1 or option_years < 0:
        raise ValueError("annual value and option years must not be negative, and years must be at least 1")
    return annual_value * (years + option_years)


# --- Reading an amount ---------------------------------------------------------------------------


class KronerError(ValueError):
    """Text that is not an amount in kroner; `message` is a Norwegian sentence for the user."""

    def __init__(self, message: str, code: str = "invalid"):
        self.message = message
        self.code = code
        super().__init__(str(message))


_MULTIPLIERS: Mapping[str, int] = {
    "k": 1_000,
    "tusen": 1_000,
    "mill": 1_000_000,
    "mill.": 1_000_000,
    "mln": 1_000_000,
    "million": 1_000_000,
    "millioner": 1_000_000,
    "mrd": 1_000_000_000,
    "mrd.": 1_000_000_000,
    "milliard": 1_000_000_000,
    "milliarder": 1_000_000_000,
}
# Spaces people and Django's nb locale put between thousands: space, no-break space, thin spaces.
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f']+")
_CURRENCY = re.compile(r"^(kr\.?|nok)|(kr\.?|kroner|nok|,-|\.-)$")
# Thousands grouped by dots ("1.300.000"), or by commas in two or more groups ("1,300,000", as in
# English); a single comma group is not accepted, since "1,300" could be read as 1,3.
_PLAIN = re.compile(r"^(?P<int>\d+|\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3}){2,})(?:,(?P<ore>\d{1,2}))?$")
_SCALED = re.compile(r"^(?P<number>\d+(?:[.,]\d+)?)(?P<unit>[a-z.]+)$")
# Beyond this nobody is estimating a real purchase, and it keeps Decimal and int work small.
MAX_KRONER = 10**13
MAX_INPUT_LENGTH = 40

EXAMPLE_HINT = _("Skriv beløpet i kroner, for eksempel 1 300 000 eller 1,3 mill.")


def parse_kroner(text: str) -> int:
    """Read an amount in whole kroner as Norwegians write it: "1 300 000", "1300000", "1.300.000",
    "1 300 000 kr", "1,3 mill", "1,3 millioner", "500k", "2 mrd". Raises KronerError."""
    raw = (text or "").strip()
    if not raw:
        raise KronerError(_("Skriv inn et beløp i kroner."), "empty")
    if len(raw) > MAX_INPUT_LENGTH:
        raise KronerError(EXAMPLE_HINT)
    compact = _SPACES.sub("", raw.lower()).replace("\u2212", "-").replace("\u2013", "-")
    if compact.startswith("-"):
        raise KronerError(_("Beløpet kan ikke være negativt."), "negative")
    if compact.startswith("+"):
        compact = compact[1:]
    # Strip the currency word at either end, then a "kr" that stood before a unit ("1,3 mill. kr").
    for _round in range(2):
        compact = _CURRENCY.sub("", compact)
    if not compact:
        raise KronerError(EXAMPLE_HINT)

    plain = _PLAIN.match(compact)
    if plain:
        if plain["ore"] and int(plain["ore"]) != 0:
            if "." not in plain["int"] and len(plain["int"]) <= 3:
                raise KronerError(
                    format_lazy(_("Oppgi hele kroner uten øre. Mente du {} mill.?"), f"{plain['int']},{plain['ore']}"),
                    "not_whole_kroner",
                )
            raise KronerError(_("Oppgi hele kroner uten øre."), "not_whole_kroner")
        amount = int(plain["int"].replace(".", "").replace(",", ""))
    else:
        scaled = _SCALED.match(compact)
        if not scaled or scaled["unit"] not in _MULTIPLIERS:
            raise KronerError(EXAMPLE_HINT)
        try:
            number = Decimal(scaled["number"].replace(",", "."))
        except InvalidOperation as error:  # pragma: no cover - the pattern only lets digits through
            raise KronerError(EXAMPLE_HINT) from error
        exact = number * _MULTIPLIERS[scaled["unit"]]
        if exact != exact.to_integral_value():
            raise KronerError(
                _("Beløpet må bli et helt antall kroner. Skriv det heller ut, for eksempel 1 234 567."),
                "not_whole_kroner",
            )
        amount = int(exact)
    if amount > MAX_KRONER:
        raise KronerError(_("Beløpet er for stort. Sjekk at du ikke har skrevet for mange sifre."), "too_large")
    return amount
