""" "Việc của tôi" on the admin's first page."""

import pytest
from django.urls import reverse

from portal.workflow import services as workflow
from tests.factories import login_verified, make_article, make_category
from tests.portal.test_workflow_admin import draft

pytestmark = pytest.mark.django_db
INDEX = reverse("admin:index")


def section(html, heading):
    """The text of one section of "Việc của tôi", up to the next heading."""
    start = html.index(f">{heading}</h3>")
    return html[start : html.index("</section>", start)]


def test_an_editor_sees_their_drafts_and_what_they_sent(client, editor, approver):
    mine = draft(editor, title="Bản nháp của tôi")
    sent = draft(editor, title="Bài tôi đã gửi")
    workflow.submit_for_review(sent, user=editor)
    draft(approver, title="Nháp của lãnh đạo")
    login_verified(client, editor)
    html = client.get(INDEX).content.decode()
    assert "Việc của tôi" in html
    drafts = section(html, "Bản nháp của tôi")
    assert "Bản nháp của tôi" in drafts and "Nháp của lãnh đạo" not in drafts
    assert reverse("admin:articles_article_change", args=[mine.pk]) in drafts
    assert "Bài tôi đã gửi" in section(html, "Chờ duyệt")


def test_a_draft_sent_back_says_so(client, editor, approver):
    article = draft(editor, title="Bài bị trả lại")
    workflow.submit_for_review(article, user=editor)
    workflow.request_changes(article, user=approver, comment="Sửa tiêu đề.")
    login_verified(client, editor)
    drafts = section(client.get(INDEX).content.decode(), "Bản nháp của tôi")
    assert "Bài bị trả lại" in drafts and "(cần sửa)" in drafts


def test_an_approver_sees_everything_waiting_in_their_unit(client, editor, approver):
    article = draft(editor, title="Chờ lãnh đạo duyệt")
    workflow.submit_for_review(article, user=editor)
    login_verified(client, approver)
    waiting = section(client.get(INDEX).content.decode(), "Chờ duyệt")
    assert "Chờ lãnh đạo duyệt" in waiting


def test_recent_publications_are_the_units_only(client, units, editor):
    site_a, site_b = units
    make_article(category=make_category(site=site_a), title="Tin Tân Lập")
    make_article(category=make_category(site=site_b), title="Tin Vĩnh Tế")
    make_article(category=make_category(site=site_a), title="Tin chưa đăng", live=False)
    login_verified(client, editor)
    recent = section(client.get(INDEX).content.decode(), "Mới xuất bản tại đơn vị")
    assert "Tin Tân Lập" in recent
    assert "Tin Vĩnh Tế" not in recent and "Tin chưa đăng" not in recent


def test_the_first_page_costs_the_same_with_more_content(
    client, editor, approver, django_assert_max_num_queries
):
    """One query per list, however many drafts and articles there are."""
    category = make_category()

    def add(n):
        for i in range(n):
            draft(editor, category=category, title=f"Nháp {i}")
            make_article(category=category)
            waiting = draft(approver, category=category, title=f"Chờ {i}")
            workflow.submit_for_review(waiting, user=approver)

    login_verified(client, editor)
    add(2)
    with django_assert_max_num_queries(100) as few:
        client.get(INDEX)
    add(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(INDEX).content.decode()
    assert html.count("Nháp ") >= 10
