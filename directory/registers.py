"""Enhetsregisteret, Brønnøysundregistrene's open API (NLOD licence, no key).

    lookup("991825827")   -> Unit, or raises NotFound (404), Removed (410), Unavailable
    updated_since(date)    -> the organisation numbers the update feed lists since that day

The base address comes from settings.ENHETSREGISTERET_URL (env ENHETSREGISTERET_URL). Requests have
short timeouts and retry failed connections; answers are cached (Django's cache) so that the
registration form and sync_registers ask the register once per unit and hour. Tests replace
TRANSPORT with recorded responses (directory/tests/registers/); they never reach the network.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field

import httpx
from django.conf import settings
from django.core.cache import cache

TIMEOUT = httpx.Timeout(5.0, connect=3.0)
RETRIES = 2  # failed connections only (httpx retries connects, never a request that was sent)
CACHE_SECONDS = 60 * 60
CACHE_PREFIX = "enhetsregisteret"
FEED_PAGE_SIZE = 1000
FEED_MAX_PAGES = 50
PUBLIC_PAGE = "https://virksomhet.brreg.no/nb/oppslag/enheter/{orgnr}"

# Set by tests to an httpx.MockTransport; None means the network.
TRANSPORT: httpx.BaseTransport | None = None

# Enhetsregisteret's organisation forms → our OrganisationForm slugs (fixtures/taxonomies.json).
ORGANISATION_FORMS = {
    "AS": "aksjeselskap",
    "ASA": "aksjeselskap",
    "STI": "stiftelse",
    "FLI": "forening",
    "SA": "samvirkeforetak",
    "ENK": "enkeltpersonforetak",
}


class RegisterError(Exception):
    pass


class NotFound(RegisterError):
    """No unit has this number (HTTP 404)."""


class Removed(RegisterError):
    """The unit has been removed from the register (HTTP 410)."""


class Unavailable(RegisterError):
    """The register did not answer in time, or answered with an error."""


@dataclass(frozen=True)
class Unit:
    orgnr: str
    name: str
    organisation_form_code: str = ""
    organisation_form: str = ""
    municipality_number: str = ""
    nace_code: str = ""
    nace: str = ""
    founded: datetime.date | None = None
    website: str = ""
    voluntary_register: bool = False
    bankrupt: bool = False
    winding_up: bool = False
    forced_dissolution: bool = False
    deleted: datetime.date | None = None
    problems: tuple[str, ...] = field(default=())

    @property
    def website_url(self) -> str:
        """The register writes "www.digdir.no"; profiles keep full addresses."""
        if not self.website:
            return ""
        return self.website if "://" in self.website else f"https://{self.website}"

    @property
    def organisation_form_slug(self) -> str | None:
        return ORGANISATION_FORMS.get(self.organisation_form_code)


def public_page(orgnr: str) -> str:
    """The register's own public page for the unit (linked from profiles)."""
    return PUBLIC_PAGE.format(orgnr=orgnr)


def _date(value) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def problems_of(data: dict) -> tuple[str, ...]:
    """What makes a unit unfit to be shown as checked: bankruptcy, winding-up, deletion."""
    found = []
    if data.get("konkurs"):
        found.append("konkurs")
    if data.get("underAvvikling"):
        found.append("under avvikling")
    if data.get("underTvangsavviklingEllerTvangsopplosning"):
        found.append("under tvangsavvikling eller tvangsoppløsning")
    if data.get("slettedato"):
        found.append("slettet")
    return tuple(found)


def parse_unit(data: dict) -> Unit:
    """A Unit from the JSON of GET /enheter/{orgnr} (the fields the portal uses)."""
    form = data.get("organisasjonsform") or {}
    address = data.get("forretningsadresse") or data.get("postadresse") or {}
    nace = data.get("naeringskode1") or {}
    return Unit(
        orgnr=str(data.get("organisasjonsnummer", "")),
        name=str(data.get("navn", "")),
        organisation_form_code=str(form.get("kode", "")),
        organisation_form=str(form.get("beskrivelse", "")),
        municipality_number=str(address.get("kommunenummer", "")),
        nace_code=str(nace.get("kode", "")),
        nace=str(nace.get("beskrivelse", "")),
        founded=_date(data.get("stiftelsesdato")),
        website=str(data.get("hjemmeside", "")),
        voluntary_register=bool(data.get("registrertIFrivillighetsregisteret")),
        bankrupt=bool(data.get("konkurs")),
        winding_up=bool(data.get("underAvvikling")),
        forced_dissolution=bool(data.get("underTvangsavviklingEllerTvangsopplosning")),
        deleted=_date(data.get("slettedato")),
        problems=problems_of(data),
    )


def _client() -> httpx.Client:
    transport = TRANSPORT or httpx.HTTPTransport(retries=RETRIES)
    return httpx.Client(
        base_url=settings.ENHETSREGISTERET_URL.rstrip("/"),
        timeout=TIMEOUT,
        transport=transport,
        headers={"Accept": "application/json"},
    )


def _get(path: str, params: dict | None = None) -> httpx.Response:
    try:
        with _client() as client:
            return client.get(path, params=params)
    except httpx.HTTPError as error:
        raise Unavailable(str(error)) from error


def lookup(orgnr: str, *, use_cache: bool = True) -> Unit:
    """The unit with this organisation number, from the register (or the cache)."""
    key = f"{CACHE_PREFIX}:enhet:{orgnr}"
    if use_cache:
        cached = cache.get(key)
        if cached is not None:
            return _from_cache(cached)
    response = _get(f"/enheter/{orgnr}")
    if response.status_code == 404:
        raise NotFound(orgnr)
    if response.status_code == 410:
        raise Removed(orgnr)
    if response.status_code != 200:
        raise Unavailable(f"HTTP {response.status_code}")
    try:
        unit = parse_unit(response.json())
    except ValueError as error:
        raise Unavailable("not JSON") from error
    cache.set(key, asdict(unit), CACHE_SECONDS)
    return unit


def _from_cache(values: dict) -> Unit:
    return Unit(**{**values, "problems": tuple(values.get("problems", ()))})


def updated_since(day: datetime.date) -> set[str]:
    """Organisation numbers of the units the update feed lists from that day on."""
    numbers: set[str] = set()
    for page in range(FEED_MAX_PAGES):
        response = _get(
            "/oppdateringer/enheter",
            params={"dato": f"{day.isoformat()}T00:00:00.000Z", "page": page, "size": FEED_PAGE_SIZE},
        )
        if response.status_code != 200:
            raise Unavailable(f"HTTP {response.status_code}")
        try:
            data = response.json()
        except ValueError as error:
            raise Unavailable("not JSON") from error
        updates = (data.get("_embedded") or {}).get("oppdaterteEnheter") or []
        numbers.update(str(update.get("organisasjonsnummer", "")) for update in updates)
        total_pages = (data.get("page") or {}).get("totalPages", 0)
        if not updates or page + 1 >= total_pages:
            break
    numbers.discard("")
    return numbers
