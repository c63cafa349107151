"""Writes of the counters (one SQL statement per page view) and the counter figures."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from django.utils.numberformat import format as number_format
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# One statement, so one round trip and one implicit transaction per page view.
# The activity upsert locks the visitor's row and decides, from the row as
# committed by any concurrent request, whether this page view starts a visit
# (last seen before the window) and returns that; the other CTEs add to the
# day's rows with ON CONFLICT … SET n = n + …, so concurrent page views never
# lose an increment. Every statement takes its row locks in the same order.
RECORD_SQL = """
WITH commit_mode AS (
    SELECT set_config('synchronous_commit', %(commit_mode)s, true)
), activity AS (
    INSERT INTO stats_visitoractivity AS a
        (site_id, visitor, last_seen, visit_started, visit_page_views, is_mobile)
    VALUES (%(site)s, %(visitor)s, %(now)s, %(now)s, 1, %(mobile)s)
    ON CONFLICT (site_id, visitor) DO UPDATE SET
        visit_started = CASE WHEN a.last_seen < %(cutoff)s
            THEN EXCLUDED.visit_started ELSE a.visit_started END,
        visit_page_views = CASE WHEN a.last_seen < %(cutoff)s
            THEN 1 ELSE a.visit_page_views + 1 END,
        last_seen = GREATEST(a.last_seen, EXCLUDED.last_seen),
        is_mobile = EXCLUDED.is_mobile
    RETURNING visit_page_views = 1 AS new_visit
), site_day AS (
    INSERT INTO stats_dailysitestats AS d
        (site_id, date, visits, page_views, mobile_visits)
    SELECT %(site)s, %(day)s, new_visit::int, 1, (new_visit AND %(mobile)s)::int
    FROM activity
    ON CONFLICT (site_id, date) DO UPDATE SET
        visits = d.visits + EXCLUDED.visits,
        page_views = d.page_views + EXCLUDED.page_views,
        mobile_visits = d.mobile_visits + EXCLUDED.mobile_visits
), article AS (
    UPDATE articles_article SET view_count = view_count + 1
    WHERE id = %(article)s AND site_id = %(site)s
    RETURNING id
), article_day AS (
    INSERT INTO stats_dailyarticleviews AS v (site_id, article_id, date, views)
    SELECT %(site)s, id, %(day)s, 1 FROM article
    ON CONFLICT (article_id, date) DO UPDATE SET views = v.views + 1
), referrer AS (
    INSERT INTO stats_dailyreferrer AS r (site_id, date, host, visits)
    SELECT %(site)s, %(day)s, %(referrer)s, 1 WHERE %(referrer)s IS NOT NULL
    ON CONFLICT (site_id, date, host) DO UPDATE SET visits = r.visits + 1
)
SELECT new_visit FROM activity, commit_mode
"""

COUNTER_SQL = """
SELECT
    (SELECT count(*) FROM stats_visitoractivity
     WHERE site_id = %(site)s AND last_seen >= %(online)s),
    COALESCE(SUM(visits) FILTER (WHERE date = %(today)s), 0),
    COALESCE(SUM(visits) FILTER (WHERE date = %(yesterday)s), 0),
    COALESCE(SUM(visits) FILTER (WHERE date >= %(month)s), 0),
    COALESCE(SUM(visits), 0),
    COALESCE((SELECT starting_total FROM stats_sitecountersettings
              WHERE site_id = %(site)s), 0)
FROM stats_dailysitestats WHERE site_id = %(site)s
"""

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
        "now": now,
        "cutoff": now - timedelta(minutes=settings.STATS_VISIT_MINUTES),
        "mobile": view.is_mobile,
        "day": timezone.localdate(now),
        "article": view.article_id,
        "referrer": view.referrer_host,
        "commit_mode": "off" if settings.STATS_ASYNC_COMMIT else "on",
    }
    with connection.cursor() as cursor:
        cursor.execute(RECORD_SQL, params)
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
        cursor.execute(COUNTER_SQL, params)
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
