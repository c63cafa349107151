import datetime
import re

from django import template
from django.template.defaultfilters import truncatechars
from django.utils import timezone
from django.utils.html import strip_tags

register = template.Library()

DESCRIPTION_LENGTH = 160


@register.filter
def description(html):
    """A meta description from HTML: its text, on one line, at most 160 characters."""
    text = re.sub(r"\s+", " ", strip_tags(html or "")).strip()
    return truncatechars(text, DESCRIPTION_LENGTH)


@register.filter
def iso_datetime(value):
    """For <time datetime>: local time to the second, '2026-01-01T00:30:00+07:00'.

    Django's 'c' format adds microseconds, which the HTML standard refuses.
    """
    if not value:
        return ""
    if not isinstance(value, datetime.datetime):
        return value.isoformat()  # a date: '2026-01-01'
    return timezone.localtime(value).replace(microsecond=0).isoformat()
