from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments import services
from comments.models import Comment
from tests.factories import make_article, make_comment, make_unit

pytestmark = pytest.mark.django_db

Status = Comment.Status


def test_only_approved_comments_are_shown_and_never_the_phone(client, article):
    make_comment(article, title="Đã duyệt", phone="0988777666")
    for status in (Status.PENDING, Status.REJECTED, Status.SPAM):
        make_comment(article, status=status, title=f"Ẩn {status}")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Đã duyệt" in html and "Trần Thị Bình" in html
    assert "Ẩn" not in html
    assert "0988777666" not in html and "0988" not in html


def test_comment_shows_time_as_in_the_seeds(client, article):
    comment = make_comment(article)
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.make_aware(datetime(2021, 1, 8, 16, 4))
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "16:04 08/01/2021" in html


def test_script_and_html_are_shown_as_text_with_line_breaks(client, article):
    make_comment(
        article,
        title="<b>Tiêu đề</b>",
        content="<script>alert(1)</script>\nDòng hai http://example.com",
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>Dòng hai" in html
    assert "&lt;b&gt;Tiêu đề&lt;/b&gt;" in html
    assert 'href="http://example.com"' not in html


def test_official_reply_is_signed_with_the_unit_name(client, article, staff_user):
    comment = make_comment(article)
    services.comment_reply(
        comment=comment, reply="UBND phường sẽ sửa trong tháng 3.", user=staff_user
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Trả lời của PHƯỜNG TÂN LẬP - THÀNH PHỐ THÁI NGUYÊN" in html
    assert "UBND phường sẽ sửa trong tháng 3." in html


def test_comments_are_oldest_first_and_paginated_by_twenty(client, article):
    for n in range(45):
        make_comment(article, title=f"Ý kiến số {n:02d}")
    first = client.get(article.get_absolute_url()).content.decode()
    assert first.index("Ý kiến số 00") < first.index("Ý kiến số 19")
    assert "Ý kiến số 20" not in first
    # Absolute links: the page is also shown at the comment form's POST address.
    link = f'href="{article.get_absolute_url()}?binh-luan='
    assert f'{link}2#binh-luan"' in first and f'{link}3#binh-luan"' in first
    third = client.get(article.get_absolute_url() + "?binh-luan=3").content.decode()
    assert "Ý kiến số 40" in third and "Ý kiến số 44" in third
    assert "Ý kiến số 39" not in third
    beyond = client.get(article.get_absolute_url() + "?binh-luan=9").content.decode()
    assert "?binh-luan=1#binh-luan" in beyond
    bad = client.get(article.get_absolute_url() + "?binh-luan=abc")
    assert "Ý kiến số 00" in bad.content.decode()


def test_comments_of_other_articles_are_not_shown(client, article):
    make_comment(make_article(), title="Bài khác")
    assert "Bài khác" not in client.get(article.get_absolute_url()).content.decode()


def test_block_has_headings_and_anchors(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    for heading in ("Đánh giá", "Ý kiến bạn đọc", "Gửi bình luận"):
        assert f'class="section-title">{heading}</h2>' in html
    assert 'id="danh-gia"' in html and 'id="binh-luan"' in html


def count_page_queries(client, url):
    client.get(url)  # warm the shared cache like any visited page
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_block_adds_a_constant_single_query(client, site, no_page_cache):
    """Rating summary + comments page in one SELECT; no captcha on a page view."""
    make_unit()
    quiet = make_article()
    busy = make_article(category=quiet.category)
    for n in range(50):
        make_comment(busy, title=f"Ý kiến {n}")
        make_comment(busy, status=Status.PENDING)
    for n in range(300):
        services.rating_vote(
            article=busy, voter=f"v{n}", address_hash="", stars=n % 5 + 1
        )
    counts = {
        count_page_queries(client, quiet.get_absolute_url()),
        count_page_queries(client, busy.get_absolute_url()),
        count_page_queries(client, busy.get_absolute_url() + "?binh-luan=2"),
    }
    assert len(counts) == 1
    with CaptureQueriesContext(connection) as queries:
        client.get(busy.get_absolute_url())
    ours = [
        q["sql"]
        for q in queries
        if "comments_" in q["sql"] or "captcha_captchastore" in q["sql"]
    ]
    assert len(ours) == 1, ours
    assert counts.pop() <= 8  # leaves room for the visitor counter's two
