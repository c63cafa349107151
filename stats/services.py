"""Writes of the counters (one SQL statement per page view) and the counter figures."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from django.utils.numberformat import format as number_format
from django.utils.translation import gettext_lazy as _

from stats import sql

logger = logging.getLogger(__name__)

COUNTER_LABELS = [
    ("online", _("Online now")),
    ("today", _("Today")),
    ("yesterday", _("Yesterday")),
    ("month", _("This month")),
    ("total", _("Total visits")),
]


def record_page_view(view, *, now=None):
    """Count one page view; True when it started a visit."""
    now = now or timezone.now()
    if settings.STATS_BACKEND == "redis":
        from stats import redis_backend

        return redis_backend.record(view, now=now)
    params = {
        "site": view.site_id,
        "visitor": view.visitor,
        "new_cookie": view.new_cookie,
        "now": now,
        "cutoff": now - timedelta(minutes=settings.STATS_VISIT_MINUTES),
        "mobile": view.is_mobile,
        "day": timezone.localdate(now),
        "article": view.article_id,
        "referrer": view.referrer_host,
        "commit_mode": "off" if settings.STATS_ASYNC_COMMIT else "on",
    }
    with connection.cursor() as cursor:
        cursor.execute(sql.statement(sql.RECORD_PAGE_VIEW), params)
        return cursor.fetchone()[0]


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


def counter_rows(site_id):
    """The counter block's (label, "242.904") rows; one cache read when warm."""
    key = counter_cache_key(site_id)
    try:
        values = cache.get(key)
        if values is None:
            values = counter_values(site_id)
            cache.set(key, values, settings.STATS_COUNTER_CACHE_SECONDS)
    except Exception:
        # A counter is not worth a broken page (e.g. Redis down): no block.
        logger.exception("Reading the visitor counter failed")
        return []
    return [(label, group_digits(values[name])) for name, label in COUNTER_LABELS]


def group_digits(number):
    """242904 -> "242.904", the Vietnamese way, whatever the active locale."""
    return number_format(
        int(number), decimal_sep=",", grouping=3, thousand_sep=".", force_grouping=True
    )
