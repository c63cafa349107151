from django.contrib import admin
from django.contrib.sites.models import Site
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from stats import dashboard

PERMISSION = "stats.view_statistics"


def can_view_statistics(user):
    return user.is_superuser or user.has_perm(PERMISSION)


def statistics(request):
    """The dashboard (wrapped in admin_view: staff of this site, logged in)."""
    if not can_view_statistics(request.user):
        raise PermissionDenied
    site = request.site
    wanted = request.GET.get("site", "")
    if request.user.is_superuser and wanted.isdigit() and len(wanted) < 10:
        site = get_object_or_404(Site, pk=request.GET["site"])
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
        "sites": Site.objects.order_by("name") if request.user.is_superuser else None,
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
