from django.contrib import admin
from django.contrib.sites.models import Site
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from portal.units import history_for
from stats import dashboard

PERMISSION = "stats.view_statistics"


def can_view_statistics(user):
    return user.is_superuser or user.has_perm(PERMISSION)


def statistics(request):
    """The dashboard (wrapped in admin_view: staff of this site, logged in)."""
    if not can_view_statistics(request.user):
        raise PermissionDenied
    site = request.site
    # A merged unit's staff also read the history of the units it was formed
    # from, under each one's name (their daily rows stay theirs).
    predecessors = [link.pk for link in history_for(request).predecessors]
    if request.user.is_superuser:
        choices = Site.objects.order_by("name")
    elif predecessors:
        choices = Site.objects.filter(pk__in=[site.pk, *predecessors]).order_by("id")
    else:
        choices = None
    wanted = request.GET.get("site", "")
    if wanted.isdigit() and choices is not None:
        site = get_object_or_404(choices, pk=wanted)
    form = dashboard.RangeForm(request.GET or None)
    start, end = form.date_range(dashboard.today())
    days = dashboard.daily_series(site, start, end)
    if request.GET.get("format") == "csv" and not form.errors:
        return dashboard.csv_response(site, days, start, end)
    context = {
        **admin.site.each_context(request),
        "title": _("Access statistics"),
        "form": form,
        "stats_site": site,
        "sites": choices,
        "presets": dashboard.PRESETS,
        "start": start,
        "end": end,
        "days": days,
        "totals": dashboard.totals(days),
        "chart": dashboard.chart(days),
        "articles": dashboard.top_articles(site, start, end),
        "referrers": dashboard.top_referrers(site, start, end),
    }
    return render(request, "stats/dashboard.html", context)
