"""Counting from nginx's log (STATS_COUNTED_BY=access_log): stats/access_log.py.

The lines are written as deploy/nginx.conf's `portal_count` format writes them
(tests/security/test_nginx.py checks that with nginx itself).
"""

import json
import os
import secrets
import signal

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from articles.models import Article
from stats import access_log
from stats.counting import daily_hash
from stats.models import (
    DailyArticleViews,
    DailyReferrer,
    DailySiteStats,
    FirstView,
    VisitorActivity,
)
from tests.factories import FIREFOX, IPHONE, make_article, vietnam_time

pytestmark = pytest.mark.django_db

KEY = "0A0B0C0D0E0F10111213141516171819"


def line(site, article=None, at=None, **fields):
    at = at or vietnam_time(2026, 12, 5, 9, 30)
    values = {
        "t": f"{at.timestamp():.3f}",
        "h": "tanlap.example.test",
        "m": "GET",
        "s": "200",
        "mark": f"{site.pk} {article.pk if article else '-'}",
        "ua": FIREFOX,
        "p": "",
        "r": "",
        "uid": "",
        "new": f"khach={secrets.token_hex(16).upper()}",
        "a": "203.0.113.7",
    }
    values.update(fields)
    return json.dumps(values) + "\n"


def write(path, *lines, mode="a"):
    with open(path, mode) as log:
        log.write("".join(lines))


def test_every_view_of_a_person_is_counted_once(site, tmp_path):
    article = make_article()
    log = tmp_path / "count.log"
    write(log, *[line(site, article) for _ in range(3)], line(site))
    assert access_log.read(log) == (4, 4)
    assert access_log.read(log) == (0, 0)
    write(log, line(site, article, uid=f"khach={KEY}", new="", a=""))
    assert access_log.read(log) == (1, 1)
    assert Article.objects.get(pk=article.pk).view_count == 4
    row = DailySiteStats.objects.get(site=site)
    assert (row.page_views, row.date) == (5, vietnam_time(2026, 12, 5).date())


def test_crawlers_prefetches_and_other_answers_are_not_counted(site, tmp_path):
    article = make_article()
    log = tmp_path / "count.log"
    write(
        log,
        line(site, article, ua="Mozilla/5.0 (compatible; Googlebot/2.1)"),
        line(site, article, ua=""),
        line(site, article, p="prefetch;prerender"),
        line(site, article, m="HEAD"),
        line(site, article, s="304"),
        line(site, article, mark=""),
        "not json at all\n",
        json.dumps(["a list"]) + "\n",
        line(site, article, t="not a time"),
        line(site, article),
    )
    assert access_log.read(log) == (10, 1)
    assert Article.objects.get(pk=article.pk).view_count == 1


def test_the_visitor_is_the_cookie_key_or_the_daily_hash_of_the_address(site, tmp_path):
    """A browser without nginx's cookie is its daily hash (the address is never
    kept), and the key nginx gave it joins that visit when it comes back."""

    log = tmp_path / "count.log"
    at = vietnam_time(2026, 12, 5, 9, 30)
    write(log, line(site, at=at, ua=IPHONE, new=f"khach={KEY}"))
    access_log.read(log)
    hashed = daily_hash("203.0.113.7", IPHONE, at.date())
    assert FirstView.objects.get().cookie_key == KEY.lower()
    assert list(VisitorActivity.objects.values_list("visitor", flat=True)) == [hashed]
    write(log, line(site, at=at, ua=IPHONE, uid=f"khach={KEY}", new="", a=""))
    access_log.read(log)
    assert list(VisitorActivity.objects.values_list("visitor", flat=True)) == [
        KEY.lower()
    ]
    row = DailySiteStats.objects.get(site=site)
    assert (row.visits, row.page_views, row.mobile_visits) == (1, 2, 1)


def test_an_external_referrer_is_kept_as_its_host(site, tmp_path):
    log = tmp_path / "count.log"
    write(
        log,
        line(site, r="https://www.google.com/search?q=x"),
        line(site, r="https://tanlap.example.test/tin-tuc/"),
    )
    access_log.read(log)
    assert list(DailyReferrer.objects.values_list("host", "visits")) == [
        ("www.google.com", 1)
    ]


def test_views_either_side_of_midnight_in_vietnam_count_on_their_own_days(
    site, tmp_path
):
    article = make_article()
    log = tmp_path / "count.log"
    write(
        log,
        line(site, article, at=vietnam_time(2026, 12, 31, 23, 59, 59)),
        line(site, article, at=vietnam_time(2027, 1, 1, 0, 0, 1)),
    )
    access_log.read(log)
    days = dict(DailyArticleViews.objects.values_list("date", "views"))
    assert days == {
        vietnam_time(2026, 12, 31).date(): 1,
        vietnam_time(2027, 1, 1).date(): 1,
    }


def test_a_line_nginx_is_still_writing_waits_for_its_end(site, tmp_path):
    log = tmp_path / "count.log"
    whole = line(site)
    write(log, whole, whole[:20])
    assert access_log.read(log) == (1, 1)
    write(log, whole[20:])
    assert access_log.read(log) == (1, 1)


def test_a_rotated_log_is_finished_before_the_new_one(site, tmp_path):
    """logrotate renames the file to .1 and nginx opens a new one: the lines
    written to the old file after the last read are counted, none twice."""
    log = tmp_path / "count.log"
    write(log, line(site), line(site))
    assert access_log.read(log) == (2, 2)
    write(log, line(site))
    os.rename(log, f"{log}.1")
    write(log, line(site), line(site))
    assert access_log.read(log) == (3, 3)
    assert DailySiteStats.objects.get(site=site).page_views == 5


def test_the_reader_moves_the_apps_log_aside_once_read_and_big(site, tmp_path):
    """make run's reader (--rotate-over): the app's log never grows without end,
    and no line is lost or counted twice around the move."""
    log = tmp_path / "views.log"
    write(log, line(site), line(site))
    assert not access_log.rotate(log, over=1)  # not read yet
    assert access_log.read(log) == (2, 2)
    assert not access_log.rotate(log, over=10_000)  # read, but small
    write(log, line(site))
    assert not access_log.rotate(log, over=1)  # a line not read yet
    access_log.read(log)
    assert access_log.rotate(log, over=1)
    assert not log.exists() and (tmp_path / "views.log.1").exists()
    # A worker that had the old file open still writes there; then a new one.
    write(f"{log}.1", line(site))
    assert access_log.read(log) == (1, 1)  # the moved log is finished first
    write(log, line(site), line(site))
    assert access_log.read(log) == (2, 2)
    assert access_log.read(log) == (0, 0)
    assert DailySiteStats.objects.get(site=site).page_views == 6


def test_the_app_writes_a_new_log_after_the_reader_moved_it(
    site, tmp_path, settings, no_page_cache
):
    settings.STATS_COUNTED_BY = "app_log"
    settings.STATS_LOG_PATH = str(tmp_path / "views.log")
    article = make_article()
    browser = Client(HTTP_USER_AGENT=FIREFOX)
    browser.get(article.get_absolute_url())
    access_log.read(settings.STATS_LOG_PATH)
    assert access_log.rotate(settings.STATS_LOG_PATH, over=1)
    browser.get(article.get_absolute_url())
    assert os.path.getsize(settings.STATS_LOG_PATH) > 0
    assert access_log.read(settings.STATS_LOG_PATH) == (1, 1)
    assert Article.objects.get(pk=article.pk).view_count == 2


def test_a_truncated_log_is_read_from_its_start(site, tmp_path):
    log = tmp_path / "count.log"
    write(log, line(site), line(site), line(site))
    access_log.read(log)
    write(log, line(site), mode="w")
    assert access_log.read(log) == (1, 1)


def test_batches_keep_the_position_with_their_counts(site, tmp_path):
    """Each batch commits its counts and its position together."""
    log = tmp_path / "count.log"
    write(log, *[line(site) for _ in range(7)])
    assert access_log.read(log, batch=3) == (7, 7)
    assert DailySiteStats.objects.get(site=site).page_views == 7


def test_a_missing_log_reads_nothing(tmp_path):
    assert access_log.read(tmp_path / "none.log") == (0, 0)


def test_the_command_reads_the_log(site, tmp_path, capsys):
    log = tmp_path / "count.log"
    write(log, line(site), line(site, ua="curl/8.0"))
    call_command("stats_read_access_log", str(log))
    assert "2 lines read, 1 page views counted" in capsys.readouterr().out


def test_without_a_path_the_command_reads_the_apps_own_log(
    site, tmp_path, settings, capsys
):
    settings.STATS_LOG_PATH = str(tmp_path / "views.log")
    write(settings.STATS_LOG_PATH, line(site), line(site))
    call_command("stats_read_access_log")
    assert "2 lines read, 2 page views counted" in capsys.readouterr().out
    assert DailySiteStats.objects.get(site=site).page_views == 2


def test_following_stops_once_its_parent_is_gone(site, tmp_path, capsys):
    """`make run`'s reader (scripts/gunicorn_run.py) must not outlive gunicorn."""
    log = tmp_path / "count.log"
    write(log, line(site))
    gone = os.getppid() + 1_000_000  # never this process's parent

    def still_following(*args):
        pytest.fail("the reader kept following after its parent was gone")

    signal.signal(signal.SIGALRM, still_following)
    signal.alarm(20)  # it would sleep 60 s between rounds, forever
    try:
        call_command(
            "stats_read_access_log", str(log), follow=True, every=60, with_parent=gone
        )
    finally:
        signal.alarm(0)
    assert DailySiteStats.objects.get(site=site).page_views == 1


@override_settings(STATS_COUNTED_BY="access_log")
def test_behind_nginx_the_app_marks_pages_and_counts_none(site, no_page_cache):
    article = make_article()
    browser = Client(HTTP_USER_AGENT=FIREFOX)
    response = browser.get(article.get_absolute_url())
    assert response[access_log.HEADER] == f"{site.pk} {article.pk}"
    assert "vid" not in response.cookies
    home = browser.get("/")
    assert home[access_log.HEADER] == f"{site.pk} -"
    # A crawler's view is marked too: nginx may give the page to a person next.
    bot = Client(HTTP_USER_AGENT="Googlebot/2.1").get(article.get_absolute_url())
    assert bot[access_log.HEADER] == f"{site.pk} {article.pk}"
    assert not DailySiteStats.objects.exists()
    assert access_log.HEADER not in browser.get("/khong-co-trang-nay/")


def test_the_app_counting_itself_marks_nothing(site, no_page_cache):
    response = Client(HTTP_USER_AGENT=FIREFOX).get("/")
    assert access_log.HEADER not in response
    assert DailySiteStats.objects.get(site=site, date=timezone.localdate()).page_views


def scenario(site):
    """Views at fixed times: a new browser, its return with the cookie, a phone
    from a search engine, a crawler; two days."""
    article = make_article(published_at=vietnam_time(2026, 12, 1, 8))
    url = article.get_absolute_url()
    browser = Client(HTTP_USER_AGENT=FIREFOX)
    phone = Client(HTTP_USER_AGENT=IPHONE, HTTP_REFERER="https://www.google.com/?q=x")
    bot = Client(HTTP_USER_AGENT="Googlebot/2.1")
    for at, client, address in [
        (vietnam_time(2026, 12, 5, 9), browser, "/"),
        (vietnam_time(2026, 12, 5, 9, 1), browser, url),
        (vietnam_time(2026, 12, 5, 9, 50), browser, url),
        (vietnam_time(2026, 12, 5, 23, 59), phone, url),
        (vietnam_time(2026, 12, 6, 0, 1), phone, url),
        (vietnam_time(2026, 12, 6, 0, 2), bot, url),
    ]:
        with time_machine.travel(at, tick=False):
            assert client.get(address).status_code == 200
    return article


def counted(article):
    return (
        sorted(
            DailySiteStats.objects.values_list(
                "date", "visits", "page_views", "mobile_visits"
            )
        ),
        sorted(DailyArticleViews.objects.values_list("date", "views")),
        sorted(DailyReferrer.objects.values_list("date", "host", "visits")),
        Article.objects.get(pk=article.pk).view_count,
    )


def test_the_apps_own_log_counts_as_the_app_counts(site, no_page_cache, tmp_path):
    """STATS_COUNTED_BY=app_log: the app appends each view to its log (its own
    visitor cookie, the daily hash, never the address) and the reader counts the
    log into the very rows the app's counting statement makes."""
    article = scenario(site)
    expected = counted(article)
    assert expected[0] and expected[2]
    article.delete()
    for model in (DailySiteStats, DailyArticleViews, DailyReferrer):
        model.objects.all().delete()
    VisitorActivity.objects.all().delete()
    FirstView.objects.all().delete()
    log = tmp_path / "views.log"
    with override_settings(STATS_COUNTED_BY="app_log", STATS_LOG_PATH=str(log)):
        article = scenario(site)
        assert not DailySiteStats.objects.exists()  # nothing counted yet
        assert access_log.read(log) == (5, 5)  # the crawler's view is not written
    assert b"203.0.113" not in log.read_bytes() and b"127.0.0.1" not in log.read_bytes()
    assert counted(article) == expected
