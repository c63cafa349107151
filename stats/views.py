import csv

from django.contrib import admin
from django.contrib.sites.models import Site
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.unit_history import history_for
from stats import selectors
from stats.chart import chart
from stats.forms import PRESETS, RangeForm

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
    if wanted.isdigit() and len(wanted) < 10 and choices is not None:
        site = get_object_or_404(choices, pk=wanted)
    form = RangeForm(request.GET or None)
    start, end = form.date_range(timezone.localdate())
    days = selectors.daily_series(site, start, end)
    if request.GET.get("format") == "csv" and not form.errors:
        return csv_response(site, days, start, end)
    context = {
        **admin.site.each_context(request),
        "title": _("Access statistics"),
        "form": form,
        "stats_site": site,
        "sites": choices,
        "presets": PRESETS,
        "start": start,
        "end": end,
        "days": days,
        "totals": selectors.totals(days),
        "chart": chart(days),
        "articles": selectors.top_articles(site, start, end),
        "referrers": selectors.top_referrers(site, start, end),
    }
    return render(request, "stats/dashboard.html", context)


def csv_response(site, days, start, end):
    """The daily figures for Excel: UTF-8 with a BOM, Vietnamese header, dd/mm/yyyy."""
    domain = site.domain.replace(":", "-")
    name = f"thong-ke-{domain}-{start:%Y%m%d}-{end:%Y%m%d}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([_("Date"), _("Visits"), _("Page views"), _("Mobile visits")])
    for day in days:
        writer.writerow(
            [f"{day.date:%d/%m/%Y}", day.visits, day.page_views, day.mobile_visits]
        )
    return response
