"""Vietnamese phone numbers as citizens type them, normalized to 0XXXXXXXXX."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SEPARATORS = re.compile(r"[\s.\-()]")
# Mobiles have 10 digits (0 + 9); landlines since 2017 have 11 (02 + 9).
VALID = re.compile(r"0[1-9]\d{8}|02\d{9}")


def normalize_phone(value):
    """'+84 914 266 628', '0914.266.628', '84914266628' → '0914266628'."""
    digits = SEPARATORS.sub("", value or "")
    if not digits:
        return ""
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if not VALID.fullmatch(digits):
        raise ValidationError(
            _(
                "Enter a valid Vietnamese phone number, e.g. 0914 266 628 or "
                "+84 914 266 628."
            ),
            code="invalid_phone",
        )
    return digits
