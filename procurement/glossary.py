"""The words of the procurement guide in plain language, for a buyer with no legal training.

Kept in code (with gettext) rather than in the database: the words follow the guide's texts, which
live in rules.py and the templates, and change with them.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Term:
    slug: str
    term: str
    explanation: str
    abbreviation: str = ""


TERMS: tuple[Term, ...] = (
    Term(
        "loa",
        _("Anskaffelsesloven"),
        _(
            "Lov om offentlige anskaffelser fra 2016. Den sier hvem reglene gjelder for, og gir de grunnleggende "
            "prinsippene."
        ),
        "LOA",
    ),
    Term(
        "foa",
        _("Anskaffelsesforskriften"),
        _(
            "Forskrift om offentlige anskaffelser fra 2016. Den har de detaljerte reglene, delt i del I (alle kjøp "
            "etter loven), del II (over den nasjonale terskelverdien), del III (over EØS-terskelverdiene) og del IV "
            "(helse- og sosialtjenester over EØS-terskelverdien)."
        ),
        "FOA",
    ),
    Term(
        "anslatt-verdi",
        _("Anslått verdi"),
        _(
            "Alt dere kan komme til å betale over hele avtalen, uten merverdiavgift, med opsjoner og forlengelser. "
            "Den avgjør hvilke regler som gjelder."
        ),
    ),
    Term(
        "nedre-grense",
        _("Nedre grense"),
        _(
            "Under denne verdien gjelder ikke lov og forskrift om offentlige anskaffelser. Den var 100 000 kroner "
            "og er 500 000 kroner fra 1. juli 2026."
        ),
    ),
    Term(
        "terskelverdi",
        _("Terskelverdi"),
        _(
            "En verdi der strengere regler begynner å gjelde. Er kjøpet lik eller over terskelverdien, gjelder "
            "reglene for det høyere nivået."
        ),
    ),
    Term(
        "nasjonal-terskelverdi",
        _("Nasjonal terskelverdi"),
        _("Fra denne verdien må konkurransen kunngjøres i Doffin (del II). Den er 1 300 000 kroner siden 2018."),
    ),
    Term(
        "eos-terskelverdi",
        _("EØS-terskelverdi"),
        _(
            "Fra denne verdien gjelder EØS-reglene, og konkurransen må kunngjøres i hele EØS. Den er ulik for "
            "statlige og andre oppdragsgivere, for bygge- og anleggsarbeid og for helse- og sosialtjenester."
        ),
        _("EØS"),
    ),
    Term(
        "saerlige-tjenester",
        _("Særlige tjenester"),
        _(
            "Helse- og sosialtjenester og noen andre tjenester (for eksempel undervisning og kultur) som har egne, "
            "enklere regler og en høyere EØS-terskelverdi."
        ),
    ),
    Term(
        "kunngjoring",
        _("Kunngjøring"),
        _("Å gjøre konkurransen kjent offentlig, slik at alle leverandører kan se den og levere tilbud."),
    ),
    Term("doffin", _("Doffin"), _("Den nasjonale databasen for kunngjøringer av offentlige anskaffelser (doffin.no).")),
    Term(
        "ted",
        _("TED"),
        _("EUs database for kunngjøringer (Tenders Electronic Daily). Norske kunngjøringer sendes dit gjennom Doffin."),
    ),
    Term(
        "veiledende-kunngjoring",
        _("Veiledende kunngjøring"),
        _("En kunngjøring i Doffin som forteller markedet om et kommende kjøp og kan invitere til dialog."),
    ),
    Term(
        "protokoll",
        _("Anskaffelsesprotokoll"),
        _(
            "Et skriftlig referat av anskaffelsen: hva dere kjøpte, hvem dere spurte, hvem som vant og hvorfor, og "
            "de viktigste beslutningene underveis."
        ),
    ),
    Term(
        "grunnleggende-prinsipper",
        _("De grunnleggende prinsippene"),
        _(
            "Konkurranse, likebehandling, forutberegnelighet (forutsigbarhet), etterprøvbarhet (det kan kontrolleres "
            "i ettertid) og forholdsmessighet (kravene står i forhold til kjøpet)."
        ),
    ),
    Term(
        "markedsdialog",
        _("Markedsdialog"),
        _(
            "Samtaler med leverandører før konkurransen starter, for å lære hva markedet kan tilby. Lov, så lenge "
            "ingen leverandør får en urimelig fordel."
        ),
    ),
    Term(
        "tilbudskonkurranse",
        _("Tilbudskonkurranse"),
        _("Prosedyren i del II. Den kan være åpen (alle kan levere tilbud) eller begrenset (bare de som er invitert)."),
    ),
    Term(
        "anbudskonkurranse",
        _("Anbudskonkurranse"),
        _("Prosedyren i del III. Den kan være åpen eller begrenset, og det er ikke lov å forhandle."),
    ),
    Term(
        "reservert-kontrakt",
        _("Reservert konkurranse"),
        _(
            "En konkurranse der bare bestemte virksomheter kan delta: arbeidsintegrerende virksomheter der minst "
            "30 prosent av de ansatte har funksjonsnedsettelse eller er vanskeligstilte, eller ideelle "
            "organisasjoner for helse- og sosialtjenester."
        ),
    ),
    Term(
        "ideell-organisasjon",
        _("Ideell organisasjon"),
        _("En organisasjon med et sosialt formål som ikke deler ut overskudd til eierne, for eksempel en stiftelse."),
    ),
    Term(
        "opsjon",
        _("Opsjon"),
        _("En rett, ikke en plikt, til å forlenge avtalen eller kjøpe mer. Verdien regnes med i den anslåtte verdien."),
    ),
    Term(
        "rammeavtale",
        _("Rammeavtale"),
        _("En avtale om vilkårene for kjøp over en periode. Verdien er det meste dere kan kjøpe på avtalen."),
    ),
    Term(
        "ulovlig-direkte-anskaffelse",
        _("Ulovlig direkte anskaffelse"),
        _(
            "Å kjøpe uten den kunngjøringen reglene krever. Kan gi overtredelsesgebyr på opptil 15 prosent av "
            "kontraktens verdi."
        ),
    ),
    Term(
        "karensperiode",
        _("Karensperiode"),
        _("Ventetiden mellom beskjeden om hvem som vant og signeringen, så de andre kan klage."),
    ),
)
