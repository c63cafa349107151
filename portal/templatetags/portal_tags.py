import datetime
import re

from django import template
from django.template.defaultfilters import truncatechars
from django.utils import timezone
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

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


@register.simple_tag(takes_context=True)
def menu_link(context, entry):
    """A menu entry's link (a portal.menu.Entry), marked when it is this page.

    Written here rather than included: a menu has a few dozen entries, and an
    include per entry cost more than the rest of the menu.
    """
    request = context.get("request")
    current = request is not None and request.path == entry.url
    external = ""
    if entry.external:
        external = format_html(
            '<span class="visually-hidden"> ({})</span>'
            '<span class="menu__external" aria-hidden="true"> ↗</span>',
            gettext("external site"),
        )
    return format_html(
        '<a href="{}"{}>{}{}</a>',
        entry.url,
        mark_safe(' aria-current="page"') if current else "",
        entry.label,
        external,
    )
