import datetime
import re

from django import template
from django.template.defaultfilters import truncatechars
from django.utils import timezone
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from portal import fragments

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


@register.filter
def vn_date(value):
    """`value|date:"d/m/Y"`, the way a date is written in Vietnam, local time.

    Django's filter looks its format up and parses it on every call (about
    70 µs); lists show a date on every line.
    """
    value = _local(value)
    return f"{value.day:02}/{value.month:02}/{value.year}" if value else ""


@register.filter
def vn_datetime(value):
    """`value|date:"H:i d/m/Y"`: the hour, then the date, local time."""
    value = _local(value)
    if not isinstance(value, datetime.datetime):
        return vn_date(value)
    return f"{value.hour:02}:{value.minute:02} {vn_date(value)}"


def _local(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value) if timezone.is_aware(value) else value
    return value if isinstance(value, datetime.date) else None


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


@register.simple_tag(takes_context=True)
def unit_fragment(context, template_name):
    """Include a template that shows only the unit's header, menu or footer data:
    rendered once per process for each version of them (portal/fragments.py)."""
    return fragments.render(context, template_name)
