"""The search index follows the workflow, the clock and the reindex command."""

from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from articles.models import Article
from pages.models import Page
from portal.models import Membership
from portal.search_index import highlight
from portal.search_index.models import SearchEntry
from portal.search_index.signals import fill_empty_index
from portal.workflow import services as workflow
from tests.factories import (
    make_article,
    make_category,
    make_page,
    make_staff,
    vietnam_time,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def approver(site):
    return make_staff("duyet", site, role=Membership.Role.APPROVER)


def found(client, q):
    response = client.get("/tim-kiem/", {"q": q})
    return [entry.title for entry in response.context["results"].page]


def test_publishing_adds_and_withdrawing_removes(client, site, approver):
    """Publish, unpublish and archive through the services, seen by the search."""
    page = make_page(title="Quy chế làm việc", status=Page.Status.DRAFT)
    assert found(client, "quy che") == []
    workflow.publish(page, user=approver)
    assert found(client, "quy che") == ["Quy chế làm việc"]
    workflow.unpublish(page, user=approver)
    assert found(client, "quy che") == []
    workflow.publish(page, user=approver)
    workflow.archive(page, user=approver)
    assert found(client, "quy che") == []


def test_deleting_removes_from_the_search(client, site, approver):
    """A deleted article is no longer found."""
    article = make_article(title="Thông báo tuyển dụng")
    workflow.delete(article, user=approver)
    assert found(client, "tuyen dung") == []
    assert not SearchEntry.objects.exists()


def test_an_edit_waiting_for_review_is_not_searchable(client, site, approver):
    """Citizens find the approved words until the edit is published."""
    article = make_article(title="Lịch tiếp dân tháng 5", lead="")
    article.title = "Lịch tiếp dân tháng 6"
    workflow.save_draft(article, user=approver)
    assert found(client, "thang 6") == []
    assert found(client, "thang 5") == ["Lịch tiếp dân tháng 5"]
    workflow.publish(article, user=approver)
    assert found(client, "thang 6") == ["Lịch tiếp dân tháng 6"]
    assert found(client, "thang 5") == []


def test_a_scheduled_article_is_found_from_its_minute(client, site):
    """Indexed when scheduled; the search shows it from 07:00 Vietnam time on."""
    make_article(title="Thông báo nghỉ Tết", published_at=vietnam_time(2027, 1, 1, 7))
    with time_machine.travel(vietnam_time(2027, 1, 1, 6, 59), tick=False):
        assert found(client, "nghi tet") == []
    with time_machine.travel(vietnam_time(2027, 1, 1, 7, 0), tick=False):
        assert found(client, "nghi tet") == ["Thông báo nghỉ Tết"]


def test_an_article_leaves_the_search_at_its_end_of_publication(client, site):
    """Expiry needs no job: the search compares the date (UTC+7 midnight here)."""
    # Written on a fixed day, not "now": the suite runs at any date (an article
    # saved after its end of publication is never indexed at all).
    with time_machine.travel(vietnam_time(2026, 12, 1), tick=False):
        make_article(title="Thông báo hết hạn", expires_at=vietnam_time(2027, 1, 1))
    with time_machine.travel(vietnam_time(2026, 12, 31, 23, 59), tick=False):
        assert found(client, "het han") == ["Thông báo hết hạn"]
    with time_machine.travel(vietnam_time(2027, 1, 1, 0, 0), tick=False):
        assert found(client, "het han") == []


def test_reindex_catches_up_with_rows_written_around_the_signals(client, site):
    """Bulk imports and direct updates are brought in by search_reindex."""
    category = make_category()
    Article.objects.bulk_create(
        [
            Article(
                site=site,
                category=category,
                title=f"Bài nhập khẩu {n}",
                slug=f"bai-nhap-khau-{n}",
                status="published",
                live=True,
            )
            for n in range(3)
        ]
    )
    withdrawn = make_article(title="Bài nhập khẩu bị gỡ")
    Article.objects.filter(pk=withdrawn.pk).update(live=False)
    assert len(found(client, "nhap khau")) == 1
    out = StringIO()
    call_command("search_reindex", stdout=out)
    assert "tin-tuc: 3 entries" in out.getvalue()
    assert sorted(found(client, "nhap khau")) == [
        f"Bài nhập khẩu {n}" for n in range(3)
    ]


def test_an_empty_index_is_filled_after_migrate(site):
    """An install upgraded to the index gets it built without a manual step."""
    make_article(title="Bài cũ")
    SearchEntry.objects.all().delete()
    fill_empty_index()
    assert list(SearchEntry.objects.values_list("title", flat=True)) == ["Bài cũ"]


def test_folding_keeps_one_character_per_character():
    """Marks land on the right letters because folding never shifts them."""
    text = "Đảng ủy Phường Tân Lập – ĐẠI HỘI"
    assert highlight.fold(text) == "dang uy phuong tan lap – dai hoi"
    assert len(highlight.fold(text)) == len(text)


def test_an_excerpt_shows_the_passage_around_a_late_match():
    """A long text is cut around the first match, with ellipses."""
    text = "Mở đầu. " * 60 + "Phường tổ chức tiếp công dân định kỳ." + " Kết." * 60
    excerpt = str(highlight.excerpt(text, highlight.query_words("tiep cong dan")))
    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert "<mark>tiếp</mark> <mark>công</mark> <mark>dân</mark>" in excerpt
    assert len(excerpt) < 400


def test_an_excerpt_escapes_the_text():
    """Angle brackets in the text come out as entities."""
    marked = str(highlight.excerpt("a <b>Đảng</b> & c", ["dang"]))
    assert marked == "a &lt;b&gt;<mark>Đảng</mark>&lt;/b&gt; &amp; c"


def test_other_models_keep_their_fast_deletes(site):
    """The index listens to its sources only: clean-ups elsewhere stay one DELETE."""
    from django.db.models.deletion import Collector

    from stats.models import VisitorActivity

    assert Collector(using="default").can_fast_delete(VisitorActivity.objects.all())
