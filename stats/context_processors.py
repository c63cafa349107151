import logging

from django.utils.functional import SimpleLazyObject

from portal import page_context
from stats import display, selectors

logger = logging.getLogger(__name__)


def counter(request):
    """The counter block's rows, read only if a template shows them.

    Lazy, so pages without the block (the admin, feeds) never touch the cache.
    """
    site = getattr(request, "site", None)
    if site is None or request.path.startswith("/admin/"):
        return {}
    return {"stats_counter": SimpleLazyObject(lambda: counter_block(request))}


def counter_block(request):
    site_id = request.site.pk
    try:
        # Usually read with the unit's data (StatsConfig.ready): no query of its own.
        values = page_context.value_read_along(
            request, selectors.counter_cache_key(site_id)
        ) or selectors.cached_counter_values(site_id)
    except Exception:
        # A counter is not worth a broken page (e.g. Redis down): no block.
        logger.exception("Reading the visitor counter failed")
        return []
    return display.counter_rows(values)
