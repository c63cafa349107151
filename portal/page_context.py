"""What every public page shows around its content: the unit (footer) and the menu.

Both change rarely and appear on every page, so they are read once into the
shared cache and dropped from it whenever one of them is saved (portal/signals.py,
portal/menu/signals.py). What a scheduled publication adds to the menu shows
within UNIT_CACHE_SECONDS.
The context processor and the views that need them (the home page's sections
follow the menu) read them here, once per request.
"""

import uuid

from django.core.cache import cache

from articles.models import Category
from portal.menu.build import entries_for
from portal.models import UnitProfile
from portal.unit_history import unit_history

UNIT_CACHE_SECONDS = 300


def unit_cache_key(site_id):
    return f"portal:unit:{site_id}"


def forget(*site_ids):
    """The unit, its menu or its history changed: read them again, and make its
    pages again (the page cache shows them)."""
    from portal import pagecache

    ids = [pk for pk in site_ids if pk]
    cache.delete_many([unit_cache_key(pk) for pk in ids])
    for pk in ids:
        pagecache.forget_site(pk)


# Other cache keys every public page reads (the counter block's figures),
# fetched in the same round trip as the unit's data: key_function(site_id) -> key.
_read_along = []


def read_along(key_function):
    """Read key_function(site_id) from the shared cache with the unit's data."""
    _read_along.append(key_function)


def value_read_along(request, key):
    """What the shared cache held for `key`, if it was read along with the
    request's unit data; else None (not read, or not in the cache)."""
    return getattr(request, "_portal_read_along", {}).get(key)


def _unit_data(request):
    data = getattr(request, "_portal_unit", None)
    if data is None:
        site = request.site
        key = unit_cache_key(site.pk)
        found = cache.get_many([key, *(along(site.pk) for along in _read_along)])
        request._portal_read_along = found
        data = found.get(key)
        if data is None:
            data = {
                "unit": UnitProfile.objects.filter(site=site).first(),
                # The unit's menu entries, resolved (portal/menu).
                "menu": entries_for(site),
                # The home page's sections: top-level categories in the menu.
                "sections": list(Category.objects.for_site(site).menu()),
                # Predecessors, successors, archived (portal/unit_history.py).
                "history": unit_history(site),
                # Names this reading, for what is rendered from it (portal/fragments.py).
                "version": uuid.uuid4().hex,
            }
            data["menu_paths"] = frozenset(_paths(data["menu"]))
            cache.set(unit_cache_key(site.pk), data, UNIT_CACHE_SECONDS)
        request._portal_unit = data
    return data


def _paths(entries):
    for entry in entries:
        if entry.url:
            yield entry.url
        yield from _paths(entry.children)


def cached_data(request):
    """All of the request's unit data (with its version), or None without a site."""
    if getattr(request, "site", None) is None:
        return None
    return _unit_data(request)


def unit_profile(request):
    """The request's unit profile (name, footer, privacy notice), or None."""
    return _unit_data(request)["unit"]


def menu(request):
    """The request's site's menu entries (portal/menu), sub-entries included."""
    return _unit_data(request)["menu"]


def sections(request):
    """The home page's sections: top-level categories with their children."""
    return _unit_data(request)["sections"]


def history(request):
    """The request's unit's history: what it was formed from, what it became."""
    return _unit_data(request)["history"]
