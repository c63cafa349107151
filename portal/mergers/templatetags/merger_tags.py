from django import template
from django.contrib.sites.models import Site

from portal.mergers.redirects import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def unit_url(context, link, path="/"):
    """The address of `path` on another unit (a UnitLink), with this request's port."""
    site = Site(pk=link.pk, domain=link.domain, name=link.name)
    return absolute_url(context["request"], site, path)
