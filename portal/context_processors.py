from django.core.cache import cache

from articles.models import Category
from portal.models import UnitProfile
from portal.units import unit_history

UNIT_CACHE_SECONDS = 300


def unit_cache_key(site_id):
    return f"portal:unit:{site_id}"


def unit(request):
    """The unit profile (footer) and the menu of the request's site.

    Both change rarely and appear on every page, so they are read once into the
    shared cache and dropped from it whenever one of them is saved.
    """
    site = getattr(request, "site", None)
    if site is None:
        return {}
    # The home view reads the menu too; one cache read per request is enough.
    data = getattr(request, "_portal_unit", None) or cache.get(unit_cache_key(site.pk))
    if data is None:
        data = {
            "unit": UnitProfile.objects.filter(site=site).first(),
            "menu": list(Category.objects.for_site(site).menu()),
            "history": unit_history(site),
        }
        cache.set(unit_cache_key(site.pk), data, UNIT_CACHE_SECONDS)
    request._portal_unit = data
    return {**data, "site": site, "unit_history": data.get("history")}
