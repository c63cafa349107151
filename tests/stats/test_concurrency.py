"""Exact counts over real HTTP: 20 browsers at once against gunicorn."""

import http.cookiejar
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse

from articles.models import Article
from stats.counting import COOKIE_NAME
from stats.models import DailyArticleViews, DailySiteStats, VisitorActivity
from tests.factories import make_article, make_unit
from tests.live import gunicorn

CLIENTS = 20
VIEWS = 10  # each: 5 home pages and 5 article pages, alternating


def browse(base, article_url, index, start, keeps_cookies):
    """One visitor: its own cookie jar, or none at all."""
    jar = http.cookiejar.CookieJar()
    handlers = [urllib.request.HTTPCookieProcessor(jar)] if keeps_cookies else []
    opener = urllib.request.build_opener(*handlers)
    start.wait()
    for n in range(VIEWS):
        # A browser keeping cookies changes its User-Agent on every request, so
        # only the cookie can make it one visitor; the others keep theirs.
        agent = f"Mozilla/5.0 (X11; Linux) Firefox/128.0 client-{index}"
        if keeps_cookies:
            agent += f" req-{n}"
        path = article_url if n % 2 else reverse("home")
        request = urllib.request.Request(base + path, headers={"User-Agent": agent})
        with opener.open(request, timeout=30) as response:
            assert response.status == 200
            response.read()
    return any(cookie.name == COOKIE_NAME for cookie in jar)


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_browsers_leave_exact_counts():
    make_unit()
    article = make_article()
    start = threading.Barrier(CLIENTS)
    url = article.get_absolute_url()
    with gunicorn(workers=2, threads=4) as base, ThreadPoolExecutor(CLIENTS) as pool:
        futures = [
            pool.submit(browse, base, url, i, start, i % 2 == 0) for i in range(CLIENTS)
        ]
        got_cookie = [future.result() for future in futures]
    assert got_cookie == [i % 2 == 0 for i in range(CLIENTS)]
    totals = DailySiteStats.objects.aggregate(v=Sum("visits"), p=Sum("page_views"))
    assert totals == {"v": CLIENTS, "p": CLIENTS * VIEWS}
    assert VisitorActivity.objects.count() == CLIENTS
    article_views = CLIENTS * VIEWS // 2
    assert Article.objects.get(pk=article.pk).view_count == article_views
    assert DailyArticleViews.objects.aggregate(v=Sum("views"))["v"] == article_views


CHROME_ANDROID = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)
FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"


def read_pages(base, paths, user_agent, start, keeps_cookies):
    """One client reading `paths` in turn; the visitor keys it kept."""
    jar = http.cookiejar.CookieJar()
    handlers = [urllib.request.HTTPCookieProcessor(jar)] if keeps_cookies else []
    opener = urllib.request.build_opener(*handlers)
    start.wait()
    for path in paths:
        request = urllib.request.Request(
            base + path, headers={"User-Agent": user_agent}
        )
        with opener.open(request, timeout=30) as response:
            assert response.status == 200
            response.read()
    return [cookie.value for cookie in jar if cookie.name == COOKIE_NAME]


@pytest.mark.django_db(transaction=True)
def test_twenty_phones_behind_one_address_are_twenty_visitors():
    """One address, one User-Agent, 20 phones keeping cookies: +20 visits.

    Beside them a client that never returns the cookie reads 10 pages: +1 visit.
    """
    make_unit()
    article = make_article()
    paths = [
        article.get_absolute_url() if n % 2 else reverse("home") for n in range(VIEWS)
    ]
    start = threading.Barrier(CLIENTS + 1)
    with (
        gunicorn(workers=2, threads=4) as base,
        ThreadPoolExecutor(CLIENTS + 1) as pool,
    ):
        phones = [
            pool.submit(read_pages, base, paths, CHROME_ANDROID, start, True)
            for _ in range(CLIENTS)
        ]
        # Another User-Agent: its views never join the phones' daily hash.
        refusing = pool.submit(read_pages, base, paths, FIREFOX_ANDROID, start, False)
        keys = [future.result() for future in phones]
        refusing.result()
    assert len({key for kept in keys for key in kept}) == CLIENTS
    totals = DailySiteStats.objects.aggregate(v=Sum("visits"), p=Sum("page_views"))
    assert totals == {"v": CLIENTS + 1, "p": (CLIENTS + 1) * VIEWS}


@pytest.mark.django_db(transaction=True)
def test_a_page_is_sent_before_its_view_is_written():
    """A locked counter row (a long rollup, say) never keeps a reader waiting:
    the statement runs after the last byte is sent, and the view still counts."""
    make_unit()
    url = make_article().get_absolute_url()
    agent = {"User-Agent": "Mozilla/5.0 (X11; Linux) Firefox/128.0"}
    with gunicorn(workers=2) as base:
        with urllib.request.urlopen(urllib.request.Request(base + url, headers=agent)):
            pass
        wait_for(lambda: page_views() == 1)
        with transaction.atomic():
            list(DailySiteStats.objects.select_for_update())
            started = time.monotonic()
            request = urllib.request.Request(base + url, headers=agent)
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.status == 200
                response.read()
            assert time.monotonic() - started < 5
            assert page_views() == 1
        wait_for(lambda: page_views() == 2)


def page_views():
    return DailySiteStats.objects.aggregate(p=Sum("page_views"))["p"] or 0


def wait_for(condition, seconds=10):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)
