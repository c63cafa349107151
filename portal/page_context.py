"""What every public page shows around its content: the unit (footer) and the menu.

Both change rarely and appear on every page, so they are read once into the
shared cache and dropped from it whenever one of them is saved (portal/signals.py).
The context processor and the views that need them (the home page's sections
follow the menu) read them here, once per request.
"""

from django.core.cache import cache

from articles.models import Category
from portal.models import UnitProfile

UNIT_CACHE_SECONDS = 300


def unit_cache_key(site_id):
    return f"portal:unit:{site_id}"


def _unit_data(request):
    data = getattr(request, "_portal_unit", None)
    if data is None:
        site = request.site
        data = cache.get(unit_cache_key(site.pk))
        if data is None:
            data = {
                "unit": UnitProfile.objects.filter(site=site).first(),
                "menu": list(Category.objects.for_site(site).menu()),
            }
            cache.set(unit_cache_key(site.pk), data, UNIT_CACHE_SECONDS)
        request._portal_unit = data
    return data


def unit_profile(request):
    """The request's unit profile (name, footer, privacy notice), or None."""
    return _unit_data(request)["unit"]


def menu(request):
    """The request's site's menu: top-level categories with their children."""
    return _unit_data(request)["menu"]
