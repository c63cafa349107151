"""Phone numbers on contact cards: national text, E.164 in tel: links."""

import phonenumbers
from django import template
from django.core.exceptions import ValidationError

from portal.phone import REGION, display_phone, normalize_phone

register = template.Library()


def _e164(value):
    """E.164 of a stored or typed number ('0914.266.628' too); '' when invalid."""
    try:
        return normalize_phone(value)
    except ValidationError:
        return ""


@register.filter
def tel_uri(value):
    """'+84914266628' → 'tel:+84914266628' (RFC 3966 global number)."""
    number = _e164(value)
    return f"tel:{number}" if number else ""


@register.filter
def phone_national(value):
    """'+84914266628' → '0914 266 628'; what cannot be read is shown as typed."""
    number = _e164(value)
    return display_phone(number) if number else value


@register.filter
def phone_international(value):
    """'+84914266628' → '+84 914 266 628', for readers calling from abroad."""
    number = _e164(value)
    if not number:
        return value
    return phonenumbers.format_number(
        phonenumbers.parse(number, REGION),
        phonenumbers.PhoneNumberFormat.INTERNATIONAL,
    )
