"""Writes of the counters: one SQL statement per page view (stats/sql.py)."""

from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from stats import sql


def record_page_view(view, *, now=None):
    """Count one page view (a counting.PageView); True when it started a visit."""
    now = now or timezone.now()
    if settings.STATS_BACKEND == "redis":
        from stats import redis_backend

        return redis_backend.record(view, now=now)
    with connection.cursor() as cursor:
        cursor.execute(sql.statement(sql.RECORD_PAGE_VIEW), _parameters(view, now))
        return cursor.fetchone()[0]


def record_page_views(views):
    """Count many (PageView, time) pairs in order (stats/batch.py): the reader of
    nginx's log, the only writer of the counts then."""
    if not views:
        return
    if settings.STATS_BACKEND == "redis":
        for view, now in views:
            record_page_view(view, now=now)
        return
    from stats import batch

    batch.record(views)


def _parameters(view, now):
    return {
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
