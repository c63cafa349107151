"""Exact counts over real HTTP: 20 browsers at once against gunicorn."""

import http.cookiejar
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db.models import Sum

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
        path = article_url if n % 2 else "/"
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
