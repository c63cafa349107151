"""Public pages from the shared cache (portal/pagecache.py): fast, exact, private."""

import uuid
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from comments import services as comment_services
from comments.models import Comment
from portal.conf import redis_cache
from portal.workflow import services as workflow
from stats.models import DailyArticleViews, DailySiteStats
from tests.factories import (
    A_HOST,
    B_HOST,
    FIREFOX,
    login_verified,
    make_article,
    make_category,
    make_comment,
    make_unit,
    vietnam_time,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return Client(HTTP_USER_AGENT=FIREFOX)


@pytest.fixture
def article(site):
    make_unit()
    # Published on a fixed day: the tests travel to other days (and the suite
    # runs at any date).
    return make_article(
        category=make_category(name="Tin hoạt động"),
        published_at=vietnam_time(2026, 11, 1, 8),
    )


def visit(client, url, **extra):
    """The page, and whether it was made (it read articles) or came from the cache
    (the counting statement, which adds to an article's views, reads none)."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **extra)
    made = any(
        query["sql"].lstrip("( ").startswith("SELECT") and '"articles_' in query["sql"]
        for query in context.captured_queries
    )
    return response, made


def test_the_second_reader_gets_the_page_from_the_cache_in_three_queries(
    reader, article
):
    url = article.get_absolute_url()
    first, made = visit(reader, url)
    assert made
    with CaptureQueriesContext(connection) as context:
        again = Client(HTTP_USER_AGENT=FIREFOX).get(url)
    # The unit of the host; the page with its unit's state, in one cache read;
    # the counting statement.
    assert len(context.captured_queries) == 3, [
        q["sql"] for q in context.captured_queries
    ]
    assert again.status_code == 200
    assert again.content == first.content
    assert again["Content-Type"] == "text/html; charset=utf-8"
    assert again["Content-Language"] == "vi"
    # The outer middleware still protect a page from the cache.
    assert "Content-Security-Policy" in again
    assert again["X-Frame-Options"] == "DENY"


def test_pages_from_the_cache_are_counted_exactly(reader, article, site):
    url = article.get_absolute_url()
    for n in range(5):
        _response, made = visit(reader, url)
        assert made == (n == 0)
    Client(HTTP_USER_AGENT=FIREFOX).get(url)  # a second reader
    article.refresh_from_db()
    assert article.view_count == 6
    assert DailyArticleViews.objects.get(article=article).views == 6
    row = DailySiteStats.objects.get(site=site, date=timezone.localdate())
    assert (row.visits, row.page_views) == (2, 6)


def test_publishing_shows_at_once(reader, article, staff_user):
    home = reverse("home")
    assert visit(reader, home)[1]
    assert not visit(reader, home)[1]
    news = make_article(
        category=article.category, title="Thông báo mới", status=Article.Status.DRAFT
    )
    workflow.publish(news, user=staff_user)
    response, made = visit(reader, home)
    assert made and "Thông báo mới" in response.content.decode()
    workflow.unpublish(news, user=staff_user)
    response, made = visit(reader, home)
    assert made and "Thông báo mới" not in response.content.decode()


def test_a_vote_and_a_moderation_show_at_once(reader, article, staff_user):
    url = article.get_absolute_url()
    visit(reader, url)
    comment_services.rating_vote(article=article, voter="v1", address_hash="", stars=4)
    response, made = visit(reader, url)
    assert made and "1 lượt đánh giá" in response.content.decode()
    comment = make_comment(article, status=Comment.Status.PENDING, title="Đề nghị sửa")
    assert not visit(reader, url)[1]  # a comment waiting changes nothing public
    comment_services.comments_moderate(
        queryset=Comment.objects.filter(pk=comment.pk),
        status=Comment.Status.APPROVED,
        user=staff_user,
    )
    response, made = visit(reader, url)
    assert made and "Đề nghị sửa" in response.content.decode()


def test_a_change_of_a_category_or_of_other_content_shows_at_once(reader, article):
    home = reverse("home")
    visit(reader, home)
    article.category.name = "Tin tức nổi bật"
    article.category.save()
    response, made = visit(reader, home)
    assert made and "Tin tức nổi bật" in response.content.decode()


def test_a_scheduled_article_appears_at_its_minute(reader, article, staff_user):
    with time_machine.travel(vietnam_time(2027, 3, 1, 8, 0), tick=False):
        later = make_article(
            category=article.category,
            title="Lịch tiếp công dân tháng 3",
            published_at=vietnam_time(2027, 3, 1, 8, 0, 30),
        )
        home = visit(reader, reverse("home"))[0].content.decode()
        assert later.title not in home
    with time_machine.travel(vietnam_time(2027, 3, 1, 8, 0, 30), tick=False):
        response, made = visit(reader, reverse("home"))
        assert made and later.title in response.content.decode()


def test_every_page_is_made_again_after_midnight_in_vietnam(reader, article):
    with time_machine.travel(vietnam_time(2027, 2, 28, 23, 59, 30), tick=False):
        assert visit(reader, reverse("home"))[1]
        assert not visit(reader, reverse("home"))[1]
    with time_machine.travel(vietnam_time(2027, 3, 1, 0, 0), tick=False):
        assert visit(reader, reverse("home"))[1]


def test_a_page_expires_after_page_cache_seconds(reader, article):
    url = article.get_absolute_url()
    with time_machine.travel(vietnam_time(2026, 12, 31, 10, 0), tick=False):
        visit(reader, url)
    with time_machine.travel(vietnam_time(2026, 12, 31, 10, 0, 59), tick=False):
        assert not visit(reader, url)[1]
    with time_machine.travel(vietnam_time(2026, 12, 31, 10, 1, 1), tick=False):
        assert visit(reader, url)[1]


def test_staff_with_a_session_never_get_nor_leave_a_cached_page(
    client, reader, article, staff_user
):
    url = article.get_absolute_url()
    visit(reader, url)
    login_verified(client, staff_user)
    assert visit(client, url)[1]
    # A draft staff preview is theirs only: never kept for the public.
    draft = make_article(category=article.category, status=Article.Status.DRAFT)
    assert client.get(draft.get_absolute_url()).status_code == 200
    assert reader.get(draft.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("cookie", ["messages", "binh_chon"])
def test_a_reader_with_a_message_or_a_vote_gets_their_own_page(reader, article, cookie):
    url = article.get_absolute_url()
    visit(reader, url)
    reader.cookies[cookie] = "x"
    assert visit(reader, url)[1]


def test_an_address_with_other_parameters_is_never_kept(reader, article):
    url = article.get_absolute_url()
    for n in range(3):
        assert visit(reader, f"{url}?utm_source=zalo{n}")[1]
    assert visit(reader, f"{url}?fbclid=a")[1]
    assert visit(reader, f"{url}?fbclid=a")[1]
    # Page numbers of lists are kept.
    category = article.category.get_absolute_url()
    assert visit(reader, f"{category}?page=1")[1]
    assert not visit(reader, f"{category}?page=1")[1]


def test_a_page_with_a_form_is_made_for_each_reader(reader, site):
    make_unit()
    ask = reverse("questions:ask")
    first = reader.get(ask).content.decode()
    second = Client(HTTP_USER_AGENT=FIREFOX).get(ask).content.decode()
    assert "csrfmiddlewaretoken" in first
    # Each gets a captcha of their own (and a token for their own cookie).
    assert first != second


def test_each_unit_and_host_has_its_own_pages(two_sites):
    site_a, site_b = two_sites
    make_article(category=make_category(site=site_a), title="Tin của Tân Lập")
    make_article(category=make_category(site=site_b), title="Tin của Vĩnh Tế")
    reader = Client(HTTP_USER_AGENT=FIREFOX)
    for _ in range(2):
        a = reader.get("/", HTTP_HOST=A_HOST).content.decode()
        b = reader.get("/", HTTP_HOST=B_HOST).content.decode()
        assert "Tin của Tân Lập" in a and "Tin của Vĩnh Tế" not in a
        assert "Tin của Vĩnh Tế" in b and "Tin của Tân Lập" not in b


def test_errors_are_not_kept(reader, article):
    missing = "/tin-tuc/khong-co-bai-nay/"
    assert reader.get(missing).status_code == 404
    # Written without signals: only a 404 that was never kept lets the page show.
    Article.objects.filter(pk=article.pk).update(slug="khong-co-bai-nay")
    response = reader.get(missing)
    assert response.status_code == 200
    assert article.title in response.content.decode()


def test_a_broken_cache_still_serves_the_page(reader, article):
    """Redis gone (nothing listens on port 1): pages are made, none is lost."""
    broken = {"default": redis_cache("redis://127.0.0.1:1/0")}
    with override_settings(CACHES=broken):
        for _ in range(2):
            response, made = visit(reader, article.get_absolute_url())
            assert response.status_code == 200 and made
            assert article.title in response.content.decode()


def test_the_cache_works_the_same_on_redis(reader, article):
    redis = pytest.importorskip("redis")
    url = "redis://127.0.0.1:6379/8"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    on_redis = {"default": redis_cache(url, f"pagecache-{uuid.uuid4().hex}")}
    with override_settings(CACHES=on_redis):
        page = article.get_absolute_url()
        assert visit(reader, page)[1]
        assert not visit(reader, page)[1]
        article.title = "Tiêu đề đã sửa"
        article.save()
        response, made = visit(reader, page)
        assert made and "Tiêu đề đã sửa" in response.content.decode()


def test_turned_off_every_page_is_made(reader, article, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = article.get_absolute_url()
    assert visit(reader, url)[1]
    assert visit(reader, url)[1]


def test_the_state_lasts_until_the_next_change(article):
    from portal.pagecache import unit_state

    with time_machine.travel(vietnam_time(2027, 12, 31, 23, 0), tick=False):
        state = unit_state(article.site_id)
        assert state["until"] == vietnam_time(2028, 1, 1)
        make_article(
            category=article.category,
            published_at=timezone.now() + timedelta(minutes=5),
        )
        assert unit_state(article.site_id)["until"] == vietnam_time(2027, 12, 31, 23, 5)


GOOGLEBOT = (
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; "
    "+http://www.google.com/bot.html) Chrome/120.0.6099.216 Safari/537.36"
)


def test_a_crawler_walking_every_article_writes_nothing(article):
    """No captcha, no counting, no cache entry: a crawl costs reads only."""
    articles = [article] + [make_article(category=article.category) for _ in range(30)]
    reader = Client(HTTP_USER_AGENT=FIREFOX)
    reader.get(articles[0].get_absolute_url())  # a person's page is in the cache
    googlebot = Client(HTTP_USER_AGENT=GOOGLEBOT)
    urls = ["/", article.category.get_absolute_url(), "/sitemap.xml"]
    urls += [each.get_absolute_url() for each in articles]
    with CaptureQueriesContext(connection) as context:
        for url in urls:
            assert googlebot.get(url).status_code == 200, url
    writes = [
        query["sql"]
        for query in context.captured_queries
        if query["sql"].lstrip(" (").split(" ", 1)[0].upper()
        in {"INSERT", "UPDATE", "DELETE", "WITH"}
    ]
    assert writes == []


@override_settings(PROXY_CACHE_SECONDS=5)
def test_nginx_may_keep_what_the_cache_keeps_never_longer(article):
    """X-Accel-Expires (read by deploy/nginx.conf) on a page kept and on a page
    served from the cache, capped by what is left of the cache's copy; never on a
    page of a staff member or a reader who voted."""
    url = article.get_absolute_url()
    assert Client(HTTP_USER_AGENT=FIREFOX).get(url)["X-Accel-Expires"] == "5"
    assert Client(HTTP_USER_AGENT=FIREFOX).get(url)["X-Accel-Expires"] == "5"
    with time_machine.travel(timezone.now() + timedelta(seconds=57)):
        late = Client(HTTP_USER_AGENT=FIREFOX).get(url)
    assert int(late["X-Accel-Expires"]) <= 3
    voter = Client(HTTP_USER_AGENT=FIREFOX)
    voter.cookies["binh_chon"] = "x"
    assert "X-Accel-Expires" not in voter.get(url)
    crawler = Client(HTTP_USER_AGENT="Googlebot/2.1").get(reverse("home"))
    assert "X-Accel-Expires" not in crawler  # made for a crawler, kept by no one


@override_settings(PROXY_CACHE_SECONDS=0)
def test_without_a_proxy_cache_nothing_tells_nginx_to_keep_a_page(reader, article):
    reader.get(article.get_absolute_url())
    assert "X-Accel-Expires" not in reader.get(article.get_absolute_url())
