"""STATS_BACKEND=redis: counts in Redis, flushed to PostgreSQL by stats_rollup.

Uses the local Redis (TEST_REDIS_URL, keys of this test worker emptied around each
test: tests/stats/conftest.py); skipped without it.
"""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stats import redis_backend
from stats.models import DailyArticleViews, DailyReferrer, DailySiteStats
from stats.selectors import counter_values
from stats.services import record_page_view
from tests.factories import make_article, vietnam_time
from tests.stats.test_counting import view


def rollup(capture):
    out = StringIO()
    with capture(execute=True):
        call_command("stats_rollup", stdout=out)
    return out.getvalue()


def test_page_views_go_to_redis_then_to_postgresql(
    redis_backend_on, browser, site, django_capture_on_commit_callbacks
):
    article = make_article()
    browser.get(reverse("home"))
    with CaptureQueriesContext(connection) as context:
        browser.get(article.get_absolute_url(), HTTP_REFERER="https://zalo.me/x?y=1")
    assert not any("stats_" in q["sql"] for q in context.captured_queries)
    assert not DailySiteStats.objects.exists()
    values = counter_values(site.pk)
    assert (values["online"], values["today"], values["total"]) == (1, 1, 1)

    assert "Flushed" in rollup(django_capture_on_commit_callbacks)
    row = DailySiteStats.objects.get()
    assert (row.visits, row.page_views) == (1, 2)
    article.refresh_from_db()
    assert article.view_count == 1
    assert DailyArticleViews.objects.get().views == 1
    assert DailyReferrer.objects.get().host == "zalo.me"
    assert counter_values(site.pk)["total"] == 1  # not counted twice

    assert "No Redis counters" in rollup(django_capture_on_commit_callbacks)
    row.refresh_from_db()
    assert (row.visits, row.page_views) == (1, 2)


def test_counts_after_a_flush_add_up(
    redis_backend_on, site, django_capture_on_commit_callbacks
):
    now = vietnam_time(2026, 3, 10, 12)
    record_page_view(view(site), now=now)
    rollup(django_capture_on_commit_callbacks)
    record_page_view(view(site), now=now + timedelta(minutes=1))
    record_page_view(view(site, visitor="b" * 32), now=now + timedelta(minutes=2))
    rollup(django_capture_on_commit_callbacks)
    row = DailySiteStats.objects.get()
    assert (row.visits, row.page_views) == (2, 3)


def test_the_visit_window_in_redis(redis_backend_on, site):
    start = vietnam_time(2026, 3, 10, 12)
    assert record_page_view(view(site), now=start) is True
    assert record_page_view(view(site), now=start + timedelta(minutes=29)) is False
    assert record_page_view(view(site), now=start + timedelta(minutes=60)) is True
    day = redis_backend.day_key(site.pk, timezone.localdate(start))
    assert redis_backend_on.hget(day, "visits") == b"2"
    assert redis_backend_on.hget(day, "page_views") == b"3"


def test_dry_run_flushes_nothing(redis_backend_on, site):
    record_page_view(view(site))
    out = StringIO()
    call_command("stats_rollup", "--dry-run", stdout=out)
    assert "Would flush" in out.getvalue()
    assert not DailySiteStats.objects.exists()
    assert redis_backend_on.scard(redis_backend.DIRTY) == 1
