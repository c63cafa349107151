"""What is counted as a visit and a page view, through the middleware and the service."""

from datetime import timedelta
from unittest import mock

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from stats.counting import COOKIE_NAME, PageView, daily_hash, is_countable
from stats.models import (
    DailyArticleViews,
    DailyReferrer,
    DailySiteStats,
    VisitorActivity,
)
from stats.services import record_page_view
from tests.factories import (
    A_HOST,
    FIREFOX,
    login_verified,
    make_article,
    make_category,
    vietnam_time,
)

pytestmark = pytest.mark.django_db


def today_row(site, day=None):
    day = day or timezone.localdate()
    return DailySiteStats.objects.filter(site=site, date=day).first()


def figures(site):
    row = today_row(site)
    return (row.visits, row.page_views) if row else (0, 0)


def view(site, visitor="a" * 32, **overrides):
    fields = {
        "site_id": site.pk,
        "visitor": visitor,
        "new_cookie": None,
        "is_mobile": False,
        "article_id": None,
        "referrer_host": None,
    }
    fields.update(overrides)
    return PageView(**fields)


def test_a_page_view_of_a_new_visitor_starts_a_visit(browser, site):
    """The first page: one visit, one page view; the next page: one more view."""
    category = make_category()
    browser.get(reverse("home"))
    assert figures(site) == (1, 1)
    browser.get(category.get_absolute_url())
    assert figures(site) == (1, 2)


def test_a_visit_ends_after_thirty_minutes_without_a_page_view(site):
    """29 minutes apart: the same visit; 31 minutes apart: a new one."""
    # A fixed instant in the middle of a Vietnamese day: the four views fall on
    # one local date whatever the hour the suite runs at.
    start = vietnam_time(2026, 3, 10, 12)
    assert record_page_view(view(site), now=start) is True
    assert record_page_view(view(site), now=start + timedelta(minutes=29)) is False
    assert record_page_view(view(site), now=start + timedelta(minutes=60)) is True
    assert record_page_view(view(site), now=start + timedelta(minutes=60)) is False
    row = today_row(site, start.date())
    assert (row.visits, row.page_views) == (2, 4)


def test_the_window_counts_through_the_middleware_with_time_moved(browser, site):
    """Patched clock: 31 minutes after the last page, a page view is a new visit."""
    browser.get(reverse("home"))
    later = timezone.now() + timedelta(minutes=31)
    with mock.patch("django.utils.timezone.now", return_value=later):
        browser.get(reverse("home"))
    assert figures(site) == (2, 2)


@pytest.mark.parametrize(
    "user_agent",
    [
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "Wget/1.21",
        "python-requests/2.32",
        "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0 Safari/537.36",
        "",
    ],
)
def test_bots_and_scripts_are_not_counted(site, user_agent):
    """Crawlers, HTTP libraries, headless browsers and empty User-Agents."""
    Client(HTTP_USER_AGENT=user_agent).get(reverse("home"))
    assert figures(site) == (0, 0)


def test_admin_static_feeds_head_404_and_non_html_are_not_counted(
    browser, site, staff_user
):
    """Only a 200 HTML answer to a GET of a public page counts."""
    make_article()
    login_verified(browser, staff_user)
    for path in (
        reverse("admin:index"),
        reverse("articles:feed"),
        reverse("sitemap"),
        reverse("robots"),
        "/captcha/x/",
    ):
        browser.get(path)
    browser.get("/static/css/portal.css")
    browser.head(reverse("home"))
    browser.get("/tin-tuc/khong-co-bai-nay/")
    browser.post(reverse("home"))
    assert figures(site) == (0, 0)
    browser.get(reverse("home"))
    assert figures(site) == (1, 1)


def test_prefetches_are_not_counted(browser, site):
    browser.get(reverse("home"), headers={"Sec-Purpose": "prefetch"})
    assert figures(site) == (0, 0)


def test_requests_without_a_site_are_not_counted(rf, site):
    """A 200 HTML page of a request that has no site (never resolved) is skipped."""
    request = rf.get(reverse("home"), HTTP_USER_AGENT=FIREFOX)
    assert not is_countable(request, HttpResponse("<p>x</p>"))
    request.site = site
    assert is_countable(request, HttpResponse("<p>x</p>"))
    assert not is_countable(
        request, HttpResponse("{}", content_type="application/json")
    )


def test_counting_off_counts_nothing(browser, site):
    with override_settings(STATS_COUNTING=False):
        response = browser.get(reverse("home"))
    assert figures(site) == (0, 0)
    assert COOKIE_NAME not in response.cookies


def test_article_views_grow_view_count_and_the_daily_article_row(browser, site):
    article = make_article()
    for _ in range(3):
        browser.get(article.get_absolute_url())
    article.refresh_from_db()
    assert article.view_count == 3
    assert DailyArticleViews.objects.get(article=article).views == 3
    assert figures(site) == (1, 3)
    # The page shows the count made before it (counting runs after the response);
    # made now, not the copy the page cache kept at the first view.
    with override_settings(PAGE_CACHE_SECONDS=0):
        html = browser.get(article.get_absolute_url()).content.decode()
    assert "Lượt xem: 3" in html


def test_a_staff_preview_of_a_draft_is_not_an_article_view(browser, site, staff_user):
    from articles.models import Article

    draft = make_article(status=Article.Status.DRAFT)
    login_verified(browser, staff_user)
    assert browser.get(draft.get_absolute_url()).status_code == 200
    draft.refresh_from_db()
    assert draft.view_count == 0
    assert not DailyArticleViews.objects.exists()


def test_the_visitor_cookie_is_signed_httponly_lax_and_a_year_long(browser, site):
    cookie = browser.get(reverse("home")).cookies[COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == 365 * 24 * 3600
    assert ":" in cookie.value  # signed
    browser.get(reverse("home"))
    assert VisitorActivity.objects.count() == 1


def test_a_forged_cookie_is_ignored(site):
    client = Client(HTTP_USER_AGENT=FIREFOX)
    client.cookies[COOKIE_NAME] = "f" * 32
    client.get(reverse("home"))
    assert not VisitorActivity.objects.filter(visitor="f" * 32).exists()


def test_browsers_without_cookies_are_one_visitor_by_daily_hash(site):
    """No cookie kept: the same address and User-Agent stay one visit."""
    for _ in range(3):
        Client(HTTP_USER_AGENT=FIREFOX).get(reverse("home"))
    assert figures(site) == (1, 3)


def test_the_hash_rotates_daily():
    """The same address and User-Agent give another key on another day."""
    day = timezone.localdate()
    first = daily_hash("203.0.113.7", FIREFOX, day)
    assert first == daily_hash("203.0.113.7", FIREFOX, day)
    assert first != daily_hash("203.0.113.7", FIREFOX, day + timedelta(days=1))
    assert first != daily_hash("203.0.113.8", FIREFOX, day)
    assert len(first) == 32 and "203" not in first


def test_no_address_no_user_agent_and_no_referrer_path_is_stored(site):
    """Scan every text column of every stats table for what must not be kept."""
    article = make_article()
    client = Client(HTTP_USER_AGENT=FIREFOX, REMOTE_ADDR="198.51.100.23")
    client.get(
        article.get_absolute_url(),
        HTTP_REFERER="https://www.google.com/search?q=ubnd-phuong",
    )
    client.get(reverse("home"), headers={"Referer": "http://testserver/tin-tuc/"})
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_name LIKE 'stats\\_%%' "
            "AND data_type IN ('text', 'character varying')"
        )
        columns = cursor.fetchall()
        assert ("stats_visitoractivity", "visitor") in columns
        values = []
        for table, column in columns:
            cursor.execute(f'SELECT "{column}" FROM "{table}"')  # noqa: S608
            values += [row[0] for row in cursor.fetchall()]
    assert values, "the requests were counted"
    for value in values:
        for secret in (
            "198.51.100.23",
            "Firefox",
            "Mozilla",
            "ubnd-phuong",
            reverse("home"),
        ):
            assert secret not in value
    assert DailyReferrer.objects.get().host == "www.google.com"


def test_mobile_visits_are_counted_apart(phone, browser, site):
    phone.get(reverse("home"))
    phone.get(reverse("home"))
    browser.get(reverse("home"))
    row = today_row(site)
    assert (row.visits, row.mobile_visits) == (2, 1)


def test_an_error_in_counting_never_breaks_the_page(browser, site, caplog):
    with mock.patch(
        "stats.services.record_page_view", side_effect=RuntimeError("db down")
    ):
        response = browser.get(reverse("home"))
    assert response.status_code == 200
    assert "Counting a page view failed" in caplog.text


def test_views_on_one_site_never_count_for_another(two_sites):
    site_a, site_b = two_sites
    make_category(site=site_a)
    Client(HTTP_USER_AGENT=FIREFOX).get(reverse("home"), HTTP_HOST=A_HOST)
    assert figures(site_a) == (1, 1)
    assert figures(site_b) == (0, 0)
    assert not VisitorActivity.objects.filter(site=site_b).exists()


@pytest.mark.parametrize("async_commit", [True, False])
def test_counting_works_with_either_commit_mode(site, async_commit):
    """STATS_ASYNC_COMMIT only changes how the statement commits, not what it adds."""
    with override_settings(STATS_ASYNC_COMMIT=async_commit):
        assert record_page_view(view(site)) is True
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            assert cursor.fetchone()[0] == ("off" if async_commit else "on")
    assert figures(site) == (1, 1)


def test_behind_a_proxy_the_configured_header_tells_visitors_apart(site):
    """Two cookie-less browsers behind one proxy address, same User-Agent."""
    with override_settings(CLIENT_IP_HEADER="HTTP_X_REAL_IP"):
        for address in ("192.0.2.1", "192.0.2.2", "192.0.2.2"):
            Client(HTTP_USER_AGENT=FIREFOX, HTTP_X_REAL_IP=address).get(reverse("home"))
    assert figures(site) == (2, 3)
