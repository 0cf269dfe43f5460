"""schema.org JSON-LD for entrepreneur and public-body pages, so that search engines and other
registers can read who the organisation is, where it works and what it offers.

The data goes in <script type="application/ld+json">: data, not script, so a Content Security
Policy without inline script allows it. The JSON is escaped as Django's json_script does, so text
typed by users can never close the element.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import _json_script_escapes
from django.utils.safestring import SafeString, mark_safe

NORWAY = {"@type": "Country", "name": "Norge", "identifier": "NO"}


def _place(place, kind: str) -> dict:
    return {"@type": "AdministrativeArea", "name": place.name, "identifier": place.number, "additionalType": kind}


def _organisation(obj, url: str) -> dict:
    data = {"@context": "https://schema.org", "@type": "Organization", "@id": url + "#organisasjon", "name": obj.name}
    data["url"] = url
    if obj.orgnr:
        # ICD 0192 is Enhetsregisteret's organisation number (ISO 6523).
        data["iso6523Code"] = f"0192:{obj.orgnr}"
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "orgnr", "value": obj.orgnr}
    if obj.website:
        data["sameAs"] = [obj.website]
    return data


def as_script_content(data: dict) -> SafeString:
    """JSON safe inside a <script> element (<, > and & escaped)."""
    return mark_safe(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_json_script_escapes))


def entrepreneur_json_ld(entrepreneur, offers, counties, municipalities, url: str) -> SafeString:
    data = _organisation(entrepreneur, url)
    if entrepreneur.summary:
        data["description"] = entrepreneur.summary
    if entrepreneur.founded:
        data["foundingDate"] = str(entrepreneur.founded)
    if entrepreneur.nationwide:
        data["areaServed"] = [NORWAY]
    else:
        data["areaServed"] = [_place(county, "fylke") for county in counties] + [
            _place(municipality, "kommune") for municipality in municipalities
        ]
    data["makesOffer"] = [
        {
            "@type": "Offer",
            "itemOffered": {
                "@type": "Service",
                "name": offer.title,
                "description": offer.description,
                "serviceType": [area.name for area in offer.service_areas.all()],
            },
            **({"description": offer.price} if offer.price else {}),
        }
        for offer in offers
    ]
    return as_script_content(data)


def public_body_json_ld(body, url: str) -> SafeString:
    data = _organisation(body, url)
    data["@type"] = "GovernmentOrganization"
    place = body.municipality or body.county
    if place is not None:
        data["areaServed"] = [_place(place, "kommune" if body.municipality else "fylke")]
    if body.parent_id and body.parent.status == "published":
        data["parentOrganization"] = {"@type": "GovernmentOrganization", "name": body.parent.name}
    return as_script_content(data)
