from django.utils.functional import SimpleLazyObject

from stats.services import counter_rows


def counter(request):
    """The counter block's rows, read only if a template shows them.

    Lazy, so pages without the block (the admin, feeds) never touch the cache.
    """
    site = getattr(request, "site", None)
    if site is None or request.path.startswith("/admin/"):
        return {}
    return {"stats_counter": SimpleLazyObject(lambda: counter_rows(site.pk))}
