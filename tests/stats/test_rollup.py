"""manage.py stats_rollup: trims old rows, --dry-run changes nothing, never overlaps."""

import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from stats.management.commands.stats_rollup import LOCK_ID
from stats.models import (
    DailyArticleViews,
    DailyReferrer,
    DailySiteStats,
    FirstView,
    VisitorActivity,
)
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_and_new_rows(site):
    now = timezone.now()
    today = timezone.localdate()
    article = make_article()
    for key, hours in (("a", 1), ("b", 30)):
        seen = now - timedelta(hours=hours)
        VisitorActivity.objects.create(
            site=site, visitor=key * 32, last_seen=seen, visit_started=seen
        )
        FirstView.objects.create(
            site=site,
            cookie_key=key * 32,
            daily_key="d" * 32,
            seen_at=seen,
            date=timezone.localdate(seen),
            started_visit=True,
        )
    for days in (10, 500):
        date = today - timedelta(days=days)
        DailyArticleViews.objects.create(site=site, article=article, date=date, views=1)
        DailyReferrer.objects.create(site=site, date=date, host="zalo.me", visits=1)
        DailySiteStats.objects.create(site=site, date=date, visits=1, page_views=1)


def rollup(*args):
    out = StringIO()
    call_command("stats_rollup", *args, stdout=out)
    return out.getvalue()


def counts():
    return [
        model.objects.count()
        for model in (
            VisitorActivity,
            FirstView,
            DailyArticleViews,
            DailyReferrer,
            DailySiteStats,
        )
    ]


def test_dry_run_prints_and_changes_nothing(old_and_new_rows):
    output = rollup("--dry-run")
    assert counts() == [2, 2, 2, 2, 2]
    assert "Would delete 1 visitor activity rows" in output
    assert "Would delete 1 daily article rows" in output


def test_rollup_deletes_old_rows_and_keeps_daily_site_rows(old_and_new_rows):
    output = rollup()
    assert counts() == [1, 1, 1, 1, 2]
    assert VisitorActivity.objects.get().visitor == "a" * 32
    assert FirstView.objects.get().cookie_key == "a" * 32
    assert "Deleted 1 daily referrer rows" in output
    assert rollup().count("Deleted 0") == 4  # idempotent


def test_the_retention_period_is_a_setting(old_and_new_rows):
    with override_settings(STATS_RETENTION_DAYS=5):
        rollup()
    assert counts() == [1, 1, 0, 0, 2]


@pytest.mark.django_db(transaction=True)
def test_a_second_run_waits_for_nothing_while_one_holds_the_lock(site):
    """Another session holds the advisory lock: the run does nothing and says so."""
    from django.db import connections

    held, release = threading.Event(), threading.Event()

    def hold():
        other = connections.create_connection("default")
        with other.cursor() as cursor:
            cursor.execute("BEGIN")
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_ID])
            held.set()
            release.wait(10)
            cursor.execute("COMMIT")
        other.close()

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(10)
    try:
        assert "Another stats_rollup is running" in rollup()
    finally:
        release.set()
        thread.join()
    assert "Another stats_rollup" not in rollup()
    assert connection.is_usable()
