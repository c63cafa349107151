"""Reads of the counters: the counter block's figures and the dashboard's queries."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from stats import sql
from stats.models import DailyArticleViews, DailyReferrer, DailySiteStats


def counter_values(site_id, *, now=None):
    """Online now, today, yesterday, this month and total visits, in one query.

    The total is the starting total plus every visit counted here: the seeds'
    portals count visits ("Tổng truy cập"), not page views.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    params = {
        "site": site_id,
        "online": now - timedelta(minutes=settings.STATS_ONLINE_MINUTES),
        "today": today,
        "yesterday": today - timedelta(days=1),
        "month": today.replace(day=1),
    }
    with connection.cursor() as cursor:
        cursor.execute(sql.statement(sql.COUNTER_FIGURES), params)
        online, today_n, yesterday_n, month_n, total, start = cursor.fetchone()
    values = {
        "online": online,
        "today": today_n,
        "yesterday": yesterday_n,
        "month": month_n,
        "total": total + start,
    }
    if settings.STATS_BACKEND == "redis":
        from stats import redis_backend

        redis_backend.add_pending(values, site_id, now=now)
    return values


def counter_cache_key(site_id):
    return f"stats:counter:{site_id}"


def cached_counter_values(site_id):
    """counter_values through the shared cache: one cache read when warm."""
    key = counter_cache_key(site_id)
    values = cache.get(key)
    if values is None:
        values = counter_values(site_id)
        cache.set(key, values, settings.STATS_COUNTER_CACHE_SECONDS)
    return values


@dataclass
class Day:
    date: date
    visits: int = 0
    page_views: int = 0
    mobile_visits: int = 0


def daily_series(site, start, end):
    """One Day per date of the range, zero where nothing was counted."""
    rows = {
        row.date: row
        for row in DailySiteStats.objects.filter(site=site, date__range=(start, end))
    }
    days = []
    for offset in range((end - start).days + 1):
        day = start + timedelta(days=offset)
        row = rows.get(day)
        days.append(
            Day(day, row.visits, row.page_views, row.mobile_visits) if row else Day(day)
        )
    return days


def totals(days):
    visits = sum(d.visits for d in days)
    mobile = sum(d.mobile_visits for d in days)
    mobile_share = round(100 * mobile / visits) if visits else 0
    return {
        "visits": visits,
        "page_views": sum(d.page_views for d in days),
        "mobile_visits": mobile,
        "mobile_share": mobile_share,
        "desktop_share": 100 - mobile_share if visits else 0,
    }


def top_articles(site, start, end, limit=10):
    return list(
        DailyArticleViews.objects.filter(site=site, date__range=(start, end))
        .values("article_id", "article__title", "article__slug")
        .annotate(views=Sum("views"))
        .order_by("-views", "article_id")[:limit]
    )


def top_referrers(site, start, end, limit=10):
    return list(
        DailyReferrer.objects.filter(site=site, date__range=(start, end))
        .values("host")
        .annotate(visits=Sum("visits"))
        .order_by("-visits", "host")[:limit]
    )
