from django.core.cache import cache

from articles.models import Category
from portal.menu.build import entries_for
from portal.models import UnitProfile

UNIT_CACHE_SECONDS = 300


def unit_cache_key(site_id):
    return f"portal:unit:{site_id}"


def unit(request):
    """The unit profile (footer), the menu and the home page's sections of the
    request's site.

    They change rarely and appear on every page, so they are read once into the
    shared cache and dropped from it whenever one of them is saved (the menu:
    portal/menu/signals.py). What a scheduled publication adds to the menu shows
    within UNIT_CACHE_SECONDS.
    """
    site = getattr(request, "site", None)
    if site is None:
        return {}
    # The home view reads the sections too; one cache read per request is enough.
    data = getattr(request, "_portal_unit", None) or cache.get(unit_cache_key(site.pk))
    if data is None:
        data = {
            "unit": UnitProfile.objects.filter(site=site).first(),
            "menu": entries_for(site),
            "sections": list(Category.objects.for_site(site).menu()),
        }
        cache.set(unit_cache_key(site.pk), data, UNIT_CACHE_SECONDS)
    request._portal_unit = data
    return {**data, "site": site}
