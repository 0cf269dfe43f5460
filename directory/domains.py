"""Which e-mail domains belong to which public body: pure rules, no database.

A confirmed address on one of a body's domains (or a subdomain of one) joins the body at once
(directory.services.body_join). Sources and the reasoning are in docs/email-domains.md:

- Names under kommune.no are reserved for the municipalities (Norid's domain name policy), so
  <name>.kommune.no, and every subdomain of it, belongs to the municipality of that name.
- Some domains are shared by many bodies (nav.no: every NAV office is a partnership between the
  state and a municipality, and all its staff have @nav.no addresses). An address there says nothing
  about which body the person works in; a curator decides. Curators keep that list in admin
  (SharedEmailDomain).
"""

import re

from directory.text import norwegian_slugify

KOMMUNE_NO = "kommune.no"
# Letters a municipality's name may have for the rule to apply. Names in Sami (Kárášjohka,
# Unjárga) belong to municipalities whose domains use the Norwegian name; the rule cannot know
# it, so those bodies get their domains from a curator.
_NORWEGIAN_NAME = re.compile(r"^[a-zæøå .'-]+$", re.IGNORECASE)
_DOMAIN = re.compile(r"^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
# Too broad to mean one organisation: the country, and the registry's category domains.
PUBLIC_SUFFIXES = frozenset({"no", KOMMUNE_NO, "herad.no", "stat.no", "dep.no", "priv.no", "fylkesbibl.no"})


def municipality_domain(name: str) -> str | None:
    """The domain a municipality has under kommune.no: 'Østre Toten' → 'ostre-toten.kommune.no'."""
    if not _NORWEGIAN_NAME.match(name.strip()):
        return None
    label = norwegian_slugify(name)
    return f"{label}.{KOMMUNE_NO}" if label else None


def normalise_domain(value: str) -> str:
    """A domain as typed ('@Trondheim.Kommune.no ') in the form it is stored and compared."""
    return value.strip().lstrip("@").rstrip(".").lower()


def is_valid_domain(domain: str) -> bool:
    return bool(_DOMAIN.match(domain)) and domain not in PUBLIC_SUFFIXES


def email_domain(address: str) -> str:
    return normalise_domain(address.rpartition("@")[2])


def is_within(domain: str, parent: str) -> bool:
    """Whether `domain` is `parent` or one of its subdomains (bga.oslo.kommune.no within oslo.kommune.no)."""
    domain, parent = normalise_domain(domain), normalise_domain(parent)
    return bool(parent) and (domain == parent or domain.endswith("." + parent))


def parent_domains(domain: str) -> list[str]:
    """The domain and each domain above it, down to two labels: for looking up the bodies it may belong to."""
    labels = normalise_domain(domain).split(".")
    return [".".join(labels[index:]) for index in range(max(len(labels) - 1, 0))]


def joins_at_once(address: str, body_domains: list[str], shared_domains: list[str]) -> bool:
    """Whether a confirmed address on these terms joins the body without a curator."""
    domain = email_domain(address)
    if not domain or any(is_within(domain, shared) for shared in shared_domains):
        return False
    return any(is_within(domain, own) for own in body_domains if normalise_domain(own))


# County municipalities' domains follow no rule; these are the ones of the county municipalities in
# the directory, each the domain of the body's own website and published addresses (see
# docs/email-domains.md). Curators add the others in admin.
COUNTY_MUNICIPALITY_DOMAINS = {
    "32": "afk.no",  # Akershus fylkeskommune
    "50": "trondelagfylke.no",  # Trøndelag fylkeskommune
}


def default_domains(kind: str, municipality_name: str | None = None, county_number: str | None = None) -> list[str]:
    """The domains a body gets when it is created: a municipality's own under kommune.no, and a
    county municipality's from the curated table above.

    Other kinds (districts, NAV offices, state agencies) have no domain a rule can give; curators
    add theirs in admin.
    """
    if kind == "kommune" and municipality_name:
        domain = municipality_domain(municipality_name)
        return [domain] if domain else []
    if kind == "fylkeskommune" and county_number in COUNTY_MUNICIPALITY_DOMAINS:
        return [COUNTY_MUNICIPALITY_DOMAINS[county_number]]
    return []
