from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from stats.models import DailySiteStats
from tests.factories import login_verified, make_article, make_category, make_unit
from tests.reading import heading, page

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36"


def test_article_page_shows_title_time_lead_body_byline_and_source(client, site):
    article = make_article(
        title="Huyện ủy Thường Tín triển khai công tác xây dựng Đảng năm 2021",
        lead="Sáng 08/01, Huyện ủy Thường Tín tổ chức hội nghị.",
        source="HNP",
        author="Trường Giang",
        published_at=timezone.make_aware(timezone.datetime(2021, 1, 8, 16, 4)),
    )
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert heading(html) == article.title
    shown = page(html).find("main").text
    assert "16:04 08/01/2021" in shown
    assert "HNP - Sáng 08/01, Huyện ủy Thường Tín tổ chức hội nghị." in shown
    assert "Trường Giang" in shown
    assert page(html).find("html").attrs["lang"] == "vi"


def test_other_news_lists_eight_newest_of_the_category_with_dates(client, site):
    category = make_category()
    article = make_article(category=category, published_at=timezone.now())
    others = [
        make_article(category=category, published_at=timezone.now() - timedelta(days=d))
        for d in range(1, 11)
    ]
    html = client.get(article.get_absolute_url()).content.decode()
    for other in others[:8]:
        assert other.title in html
        assert (
            f"({other.published_at.astimezone(timezone.get_current_timezone()):%d/%m/%Y})"
            in html
        )
    for other in others[8:]:
        assert other.title not in html


def test_newer_and_older_links(client, site):
    category = make_category()
    old, middle, new = (
        make_article(category=category, published_at=timezone.now() - timedelta(days=d))
        for d in (3, 2, 1)
    )
    response = client.get(middle.get_absolute_url())
    assert response.context["newer"] == new
    assert response.context["older"] == old


def test_newer_and_older_skip_what_the_public_may_not_see(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 0
    category, other = make_category(), make_category(name="Khác")
    now = timezone.now()
    at = now - timedelta(days=2)
    old = make_article(category=category, published_at=now - timedelta(days=5))
    middle = make_article(category=category, published_at=at)
    tie = make_article(category=category, published_at=at)  # same moment, later id
    make_article(category=other, published_at=now - timedelta(days=1))
    make_article(
        category=category,
        published_at=now - timedelta(days=1),
        live=False,
        status=Article.Status.DRAFT,
    )
    make_article(
        category=category,
        published_at=now - timedelta(days=4),
        expires_at=now - timedelta(hours=1),
    )
    make_article(category=category, published_at=now + timedelta(hours=1))
    context = client.get(middle.get_absolute_url()).context
    assert (context["newer"], context["older"]) == (tie, old)
    context = client.get(tie.get_absolute_url()).context
    assert (context["newer"], context["older"]) == (None, middle)


def test_drafts_and_future_articles_are_invisible(client, site):
    category = make_category()
    draft = make_article(category=category, status=Article.Status.DRAFT)
    future = make_article(
        category=category, published_at=timezone.now() + timedelta(days=1)
    )
    visible = make_article(category=category)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(future.get_absolute_url()).status_code == 404
    for url in (reverse("home"), category.get_absolute_url()):
        html = client.get(url).content.decode()
        assert visible.title in html
        assert draft.title not in html
        assert future.title not in html


def test_category_page_is_paginated_newest_first(client, site):
    category = make_category()
    articles = [
        make_article(
            category=category, published_at=timezone.now() - timedelta(hours=h)
        )
        for h in range(20)
    ]
    first = client.get(category.get_absolute_url())
    assert list(first.context["page"]) == articles[:15]
    assert page(first).find_all("a", rel="prev") == []
    older = page(first).find("a", rel="next")
    assert older.attrs["href"].startswith("?sau=") and older.text == "Cũ hơn ›"
    second = client.get(category.get_absolute_url() + older.attrs["href"])
    assert list(second.context["page"]) == articles[15:]
    assert page(second).find_all("a", rel="next") == []
    newer = page(second).find("a", rel="prev")
    assert newer.attrs["href"].startswith("?truoc=") and newer.text == "‹ Mới hơn"
    back = client.get(category.get_absolute_url() + newer.attrs["href"])
    assert list(back.context["page"]) == articles[:15]


def test_category_pages_walk_ties_and_ignore_broken_cursors(client, site):
    """Articles published at the same moment are neither skipped nor doubled."""
    category = make_category()
    moment = timezone.now() - timedelta(hours=1)
    same = [make_article(category=category, published_at=moment) for _ in range(40)]
    seen, url = [], category.get_absolute_url()
    while url:
        response = client.get(url)
        seen += list(response.context["page"])
        older = page(response).find_all("a", rel="next")
        url = category.get_absolute_url() + older[0].attrs["href"] if older else None
    assert sorted(a.pk for a in seen) == sorted(a.pk for a in same)
    assert len(seen) == 40
    for broken in ("abc", "1.2.3", "9" * 40 + ".1", ".", "-5.x"):
        response = client.get(category.get_absolute_url(), {"sau": broken})
        assert response.status_code == 200
        assert len(response.context["page"]) == 15


def test_subcategory_articles_show_on_the_parent_category(client, site):
    parent = make_category(name="Tin tức")
    child = make_category(name="Tin xã", parent=parent)
    article = make_article(category=child)
    assert article.title in client.get(parent.get_absolute_url()).content.decode()


def test_home_shows_featured_and_latest_of_each_category(client, site):
    first, second = make_category(name="Xây dựng Đảng"), make_category(name="Văn hóa")
    featured = make_article(category=first, featured=True)
    latest = [make_article(category=second) for _ in range(6)]
    html = client.get(reverse("home")).content.decode()
    assert featured.title in html
    assert "Xây dựng Đảng" in html and "Văn hóa" in html
    assert all(a.title in html for a in latest[:5])
    assert latest[5].title not in html


def test_unit_profile_is_the_footer_of_every_page(client, site):
    make_unit()
    article = make_article()
    for url in (
        reverse("home"),
        article.category.get_absolute_url(),
        article.get_absolute_url(),
        "/khong-co/",
    ):
        html = client.get(url).content.decode()
        assert "PHƯỜNG TÂN LẬP - THÀNH PHỐ THÁI NGUYÊN" in html
        assert "511 Ba Tháng Hai" in html
        assert "Dương Anh Tuấn - Chủ tịch UBND phường" in html
        assert "0914.266.628" in html and "datuan.tnmt@gmail.com" in html


def test_footer_follows_a_profile_edit_at_once(client, site):
    unit = make_unit()
    client.get(reverse("home"))
    unit.name = "XÃ VĨNH TẾ"
    unit.save()
    assert "XÃ VĨNH TẾ" in client.get(reverse("home")).content.decode()


def test_vietnamese_404_page(client, site):
    response = client.get("/tin-tuc/khong-ton-tai/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Bỏ qua để đến nội dung chính" in html
    assert "Không tìm thấy trang" in html


@pytest.mark.parametrize("count", [1, 300])
def test_pages_run_a_constant_number_of_queries(
    site, django_assert_max_num_queries, count
):
    """Home, category and article pages stay within 10 queries at any size.

    Seen by a real browser, so the visit is counted. The article page's 9: site,
    article, newer+older, other news, the unit+menu cache, the rating/comments
    block, its captcha, the counter block's cache, the counting statement.
    """
    client = Client(HTTP_USER_AGENT=BROWSER)
    make_unit()
    categories = [make_category() for _ in range(3)]
    articles = [
        make_article(category=categories[i % 3], featured=i % 10 == 0)
        for i in range(count)
    ]
    for url in (
        reverse("home"),
        categories[0].get_absolute_url(),
        articles[0].get_absolute_url(),
    ):
        client.get(url)  # warm the shared cache like any visited page
        with django_assert_max_num_queries(10):
            assert client.get(url).status_code == 200
    assert DailySiteStats.objects.get().page_views == 6


def test_unit_staff_can_preview_a_draft(client, site, staff_user):
    draft = make_article(status=Article.Status.DRAFT)
    login_verified(client, staff_user)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Bản xem trước" in response.content.decode()


def test_staff_of_another_unit_cannot_preview_a_draft(client, site, django_user_model):
    draft = make_article(status=Article.Status.DRAFT)
    outsider = django_user_model.objects.create_user(
        "ngoai", password="x", is_staff=True
    )
    login_verified(client, outsider)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_expired_article_is_gone_for_readers_but_staff_still_preview_it(
    client, site, staff_user
):
    expired = make_article(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(expired.get_absolute_url()).status_code == 404
    login_verified(client, staff_user)
    assert client.get(expired.get_absolute_url()).status_code == 200


def test_article_of_a_subcategory_links_both_categories_in_its_breadcrumb(client, site):
    parent = make_category(name="Tin tức")
    child = make_category(name="Tin xã", parent=parent)
    article = make_article(category=child)
    crumbs = page(client.get(article.get_absolute_url()).content.decode()).find(
        "nav", class_="breadcrumb"
    )
    assert [(a.attrs["href"], a.text) for a in crumbs.find_all("a")][1:] == [
        (parent.get_absolute_url(), "Tin tức"),
        (child.get_absolute_url(), "Tin xã"),
    ]


def test_an_article_of_another_unit_is_not_found_on_this_host(two_sites):
    from tests.factories import A_HOST, B_HOST

    site_a, site_b = two_sites
    theirs = make_article(site=site_b, category=make_category(site=site_b))
    assert Client(HTTP_HOST=A_HOST).get(theirs.get_absolute_url()).status_code == 404
    assert Client(HTTP_HOST=B_HOST).get(theirs.get_absolute_url()).status_code == 200


def test_the_fixed_article_statement_reads_what_the_orm_reads(site):
    """articles/selectors.article_by_slug builds models from a raw row: every
    field (a new one included) must come back as the ORM gives it."""
    from articles.selectors import article_by_slug

    parent = make_category(name="Tin tức")
    article = make_article(
        category=make_category(name="Tin xã", parent=parent),
        lead="Sáng 08/01",
        expires_at=timezone.now() + timedelta(days=3),
    )
    fetched = article_by_slug(site, article.slug)
    expected = Article.objects.select_related("category__parent").get(pk=article.pk)
    for a, b in [
        (fetched, expected),
        (fetched.category, expected.category),
        (fetched.category.parent, expected.category.parent),
    ]:
        for field in type(b)._meta.concrete_fields:
            assert getattr(a, field.attname) == getattr(b, field.attname), field.name
    assert fetched._state.adding is False and fetched._state.db == "default"
    assert article_by_slug(site, "khong-co") is None
