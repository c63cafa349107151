"""A unit's free pages: public when published through the workflow, never before."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from pages.models import Page
from portal.workflow import services as workflow
from tests.factories import login_verified, make_page, make_site, vietnam_time

pytestmark = pytest.mark.django_db


def detail(slug):
    return reverse("pages:detail", kwargs={"slug": slug})


def test_a_published_page_shows_its_title_and_content(client, site):
    """The citizen reads the page at /trang/<slug>/."""
    page = make_page(
        title="Chức năng nhiệm vụ", body="<p>Ủy ban nhân dân phường quản lý.</p>"
    )
    response = client.get(detail(page.slug))
    html = response.content.decode()
    assert response.status_code == 200
    assert page.get_absolute_url() == "/trang/chuc-nang-nhiem-vu/"
    assert '<h1 class="article__title">Chức năng nhiệm vụ</h1>' in html
    assert "<p>Ủy ban nhân dân phường quản lý.</p>" in html


def test_a_draft_page_is_not_public(client, site):
    """A page nobody published answers 404 to citizens."""
    page = make_page(status=Page.Status.DRAFT)
    assert client.get(detail(page.slug)).status_code == 404


def test_staff_preview_a_draft_page_with_a_warning(client, site, page_editor):
    """The unit's staff see the draft, marked as not public yet."""
    page = make_page(status=Page.Status.DRAFT, title="Bản nháp giới thiệu")
    login_verified(client, page_editor)
    html = client.get(detail(page.slug)).content.decode()
    assert "Bản nháp giới thiệu" in html
    assert "Bản xem trước: trang này chưa hiển thị với công chúng." in html


def test_a_page_scheduled_for_later_is_public_from_its_date(client, site):
    """A future publication date keeps the page hidden until that minute (UTC+7)."""
    page = make_page(published_at=vietnam_time(2026, 1, 1, 7, 0))
    with time_machine.travel(vietnam_time(2026, 1, 1, 6, 59), tick=False):
        assert client.get(detail(page.slug)).status_code == 404
    with time_machine.travel(vietnam_time(2026, 1, 1, 7, 0), tick=False):
        assert client.get(detail(page.slug)).status_code == 200


def test_an_expired_page_is_withdrawn(client, site):
    """Past its end of publication, the page is no longer public."""
    page = make_page(expires_at=timezone.now() - timedelta(minutes=1))
    assert client.get(detail(page.slug)).status_code == 404


def test_the_workflow_takes_a_page_from_draft_to_public_and_back(
    client, site, page_editor, page_approver
):
    """Editor saves and submits, approver publishes, then withdraws it."""
    page = Page(site=site, title="Tuyên bố về khả năng tiếp cận", body="<p>Cam kết</p>")
    workflow.save_draft(page, user=page_editor)
    workflow.submit_for_review(page, user=page_editor)
    assert client.get(detail(page.slug)).status_code == 404
    workflow.publish(page, user=page_approver)
    assert client.get(detail(page.slug)).status_code == 200
    workflow.unpublish(page, user=page_approver)
    assert client.get(detail(page.slug)).status_code == 404


def test_edits_of_a_live_page_wait_for_approval(client, site, page_editor):
    """Citizens keep reading the approved text while an edit waits for review."""
    page = make_page(body="<p>Bản đã duyệt</p>")
    page.body = "<p>Bản đang sửa</p>"
    workflow.save_draft(page, user=page_editor)
    html = client.get(detail(page.slug)).content.decode()
    assert "Bản đã duyệt" in html and "Bản đang sửa" not in html


def test_the_content_is_sanitized_on_save(site):
    """Script and event handlers typed into the editor never reach citizens."""
    page = make_page(body='<p onclick="x()">Nội dung</p><script>alert(1)</script>')
    assert page.body == "<p>Nội dung</p>"


def test_slugs_come_from_the_title_and_are_unique_per_unit(site):
    """Two pages of one title get -2; another unit may reuse the slug."""
    first = make_page(title="Giới thiệu chung")
    second = make_page(title="Giới thiệu chung")
    other = make_page(site=make_site("xa-khac.example.test"), title="Giới thiệu chung")
    assert (first.slug, second.slug, other.slug) == (
        "gioi-thieu-chung",
        "gioi-thieu-chung-2",
        "gioi-thieu-chung",
    )


def test_another_units_page_is_not_found(client, site):
    """A unit's host never shows another unit's page."""
    page = make_page(site=make_site("xa-khac.example.test"))
    assert client.get(detail(page.slug)).status_code == 404


@pytest.mark.parametrize("count", [1, 30])
def test_the_page_runs_a_constant_number_of_queries(
    client, site, django_assert_max_num_queries, count
):
    """At most 10 queries, however many pages the unit has."""
    pages = [make_page() for _ in range(count)]
    client.get(detail(pages[0].slug))
    with django_assert_max_num_queries(10):
        assert client.get(detail(pages[0].slug)).status_code == 200
