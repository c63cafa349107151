"""Helpers of the one pagination include (templates/includes/pagination.html)."""

from django import template
from django.template.defaulttags import querystring

register = template.Library()


@register.simple_tag(takes_context=True)
def page_query(context, number, param=None):
    """Django's {% querystring %} for page `number` under `param` (default "page").

    The template language cannot spell a hyphenated name as a keyword
    (`binh-luan=2`), so the comments' page parameter needs this one step.
    """
    return querystring(context, **{param or "page": number})


@register.filter
def page_numbers(page):
    """1 2 … 7 8 9 … 20: the pages worth a link around the current one."""
    return page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
