from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.no import orgnr as stdnum_orgnr


def normalize_orgnr(value: str) -> str:
    """Remove the spaces people type between groups of digits: '923 609 016' → '923609016'."""
    return "".join(value.split())


def validate_orgnr(value: str) -> None:
    """A Norwegian organisation number: nine digits, starting with 8 or 9, with a valid check digit."""
    number = normalize_orgnr(value or "")
    if not number.isdigit():
        raise ValidationError(_("Organisasjonsnummeret kan bare inneholde siffer."), code="digits")
    if len(number) != 9:
        raise ValidationError(
            _("Organisasjonsnummeret må ha 9 siffer. Du skrev %(count)s.") % {"count": len(number)},
            code="length",
        )
    if number[0] not in "89":
        raise ValidationError(_("Et organisasjonsnummer begynner med 8 eller 9."), code="first-digit")
    if not stdnum_orgnr.is_valid(number):
        raise ValidationError(
            _("Kontrollsifferet stemmer ikke. Sjekk at du har skrevet av nummeret riktig fra Enhetsregisteret."),
            code="checksum",
        )
