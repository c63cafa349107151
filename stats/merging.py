"""The visitor counter when units merge (registered in StatsConfig.ready).

The old units' totals are added to the starting total of the (first) new unit.
Their daily rows stay theirs: the old units are kept, so the dashboard still
shows each one's history under its own name (the new unit's staff may open
its predecessors there).
"""

from django.core.cache import cache
from django.db.models import F
from django.utils.translation import gettext_lazy

from portal import merging
from stats.models import SiteCounterSettings
from stats.selectors import counter_cache_key, counter_values


def move_counter(ctx, old_site):
    total = counter_values(old_site.pk)["total"]
    target = ctx.successors[0]
    settings, _created = SiteCounterSettings.objects.get_or_create(site=target)
    SiteCounterSettings.objects.filter(pk=settings.pk).update(
        starting_total=F("starting_total") + total
    )
    cache.delete(counter_cache_key(target.pk))
    return total


def register():
    merging.register(
        merging.Mover("visits", gettext_lazy("Visits counted"), move_counter, 90)
    )
