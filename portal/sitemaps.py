"""One sitemap.xml per unit, made of the sitemaps the content apps register.

Each content app declares its sitemaps in its AppConfig.ready()
(`register("van-ban", DocumentSitemap)`); the view below builds them for the
request's site. Like the search registry, portal knows no app: a new app gets
into the sitemap by registering.
"""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as django_sitemap

_sitemaps = {}


class SiteSitemap(Sitemap):
    """Base of a sitemap of one unit: its items are read for `self.site`."""

    def __init__(self, site):
        self.site = site


def register(key, sitemap_class):
    """`sitemap_class(site)` gives the sitemap of a unit's `key` section."""
    _sitemaps[key] = sitemap_class


def sitemaps_for(site):
    return {key: sitemap_class(site) for key, sitemap_class in _sitemaps.items()}


def sitemap(request):
    """Django's sitemap view, with the sitemaps of the request's site only."""
    return django_sitemap(request, sitemaps=sitemaps_for(request.site))
