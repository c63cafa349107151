"""Phone numbers as citizens type them: checked and stored as E.164 by phonenumbers.

The library knows Vietnam's mobile and landline prefixes (2018 renumbering
included) and is kept up to date by its maintainers, so no prefix list lives here.
"""

import contextlib
import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REGION = "VN"
# What people type around the digits; a letter (an "ext." or a typo) is refused.
TYPED = re.compile(r"[\d\s.\-()+]+")
INVALID = _(
    "Enter a valid Vietnamese phone number, e.g. 0914 266 628 or +84 914 266 628."
)


def normalize_phone(value):
    """'0914.266.628', '+84 914 266 628', '84914266628' → '+84914266628'; '' stays ''."""
    value = (value or "").strip()
    if not value:
        return ""
    number = None
    if TYPED.fullmatch(value):
        with contextlib.suppress(phonenumbers.NumberParseException):
            number = phonenumbers.parse(value, REGION)
    if number is None or not phonenumbers.is_valid_number_for_region(number, REGION):
        # "84914266628" without a plus: the country code typed as digits.
        if value.startswith("84") and not value.startswith("840"):
            return normalize_phone("+" + value)
        raise ValidationError(INVALID, code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164):
    """'+84914266628' → '0914 266 628' (national format for Vietnam, else international)."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, REGION)
    except phonenumbers.NumberParseException:
        return e164
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if phonenumbers.region_code_for_number(number) == REGION
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, style)
