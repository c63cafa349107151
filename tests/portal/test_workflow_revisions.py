"""Revisions in the admin: the list, the diff, restore, preview, concurrent edits,
and that none of it reaches across units."""

import pytest
import time_machine
from django.urls import reverse

from articles.models import Article
from portal.workflow import services as workflow
from portal.workflow.diff import plain_text, word_diff
from portal.workflow.models import Revision, Status
from tests.factories import login_verified, make_category, make_staff, vietnam_time
from tests.portal.conftest import B_HOST, Role
from tests.portal.test_workflow_admin import change_url, draft, form_data, live

pytestmark = pytest.mark.django_db


def url(name, article, *args):
    return reverse(f"admin:articles_article_{name}", args=[article.pk, *args])


def test_plain_text_strips_tags_and_keeps_paragraphs():
    """The diff reads text, one line per paragraph, entities decoded."""
    html = "<p>Hội nghị <strong>tổng kết</strong></p><p>Năm&nbsp;2026 &amp; 2027</p>"
    assert plain_text(html) == "Hội nghị tổng kết\nNăm 2026 & 2027"


def test_word_diff_marks_what_was_removed_and_added():
    """Only the changed words are marked."""
    assert word_diff("Lịch tiếp dân tháng 11", "Lịch tiếp dân tháng 12") == [
        ("equal", "Lịch tiếp dân tháng "),
        ("delete", "11"),
        ("insert", "12"),
    ]


def test_the_revisions_page_lists_who_and_when_in_vietnam_time(client, editor):
    """Each save is a row: its author and the Vietnamese wall-clock time."""
    with time_machine.travel(vietnam_time(2026, 12, 31, 23, 59), tick=False):
        article = draft(editor)
    with time_machine.travel(vietnam_time(2027, 1, 1, 0, 1), tick=False):
        article.lead = "Sửa lần hai"
        workflow.save_draft(article, user=editor)
    login_verified(client, editor)
    html = client.get(url("revisions", article)).content.decode()
    assert "23:59:00 31/12/2026" in html and "00:01:00 01/01/2027" in html
    assert html.count("bientap") >= 2


def test_the_diff_shows_title_lead_and_body_as_text(client, editor):
    """Removed words struck through, added ones underlined, no HTML tags shown."""
    article = draft(
        editor, lead="Họp vào thứ Hai.", body="<p>Địa điểm: hội trường A.</p>"
    )
    old = article.latest_revision
    article.lead = "Họp vào thứ Ba."
    article.body = "<p>Địa điểm: <em>hội trường B</em>.</p>"
    workflow.save_draft(article, user=editor)
    login_verified(client, editor)
    response = client.get(
        url("compare", article), {"a": old.pk, "b": article.latest_revision_id}
    )
    html = response.content.decode()
    assert 'thứ <del><span class="workflow-hidden">[đã xóa: </span>Hai.<' in html
    assert '<ins><span class="workflow-hidden">[thêm vào: </span>Ba.<' in html
    assert "&lt;em&gt;" not in html and "&lt;p&gt;" not in html
    assert "Tiêu đề <small>(không thay đổi)</small>" in html


def test_restore_makes_the_old_version_a_new_draft(client, editor, approver):
    """Restoring a live article's old text: a new revision, pending; the public
    keeps the live text."""
    article = live(approver, lead="Bản một")
    first = article.latest_revision
    article.lead = "Bản hai"
    workflow.save_draft(article, user=editor)
    workflow.publish(Article.objects.get(pk=article.pk), user=approver)
    count = Revision.objects.count()
    login_verified(client, editor)
    response = client.post(url("restore", article, first.pk))
    assert response.status_code == 302
    assert Revision.objects.count() == count + 1
    stored = Article.objects.get(pk=article.pk)
    assert stored.lead == "Bản hai"  # still what the public reads
    assert workflow.working_copy(stored).lead == "Bản một"
    assert stored.status == Status.DRAFT


def test_restore_needs_a_post(client, editor):
    """A link (GET) never restores."""
    article = draft(editor)
    login_verified(client, editor)
    response = client.get(url("restore", article, article.latest_revision_id))
    assert response.status_code == 405


def test_the_preview_shows_the_pending_text_on_the_public_template(
    client, editor, approver
):
    """Staff preview the text waiting for approval as the public page shows it."""
    article = live(approver, title="Bản đã duyệt")
    article.title = "Tiêu đề đang chờ duyệt"
    workflow.save_draft(article, user=editor)
    login_verified(client, editor)
    html = client.get(url("preview", article)).content.decode()
    assert "Tiêu đề đang chờ duyệt" in html
    assert 'class="article' in html  # the public article template


def test_no_revision_ever_holds_script(client, editor, approver):
    """An edit of a live article is sanitized before its revision is written."""
    article = live(approver)
    article.body = '<p>Chữ</p><script>alert(1)</script><img src=x onerror="alert(2)">'
    workflow.save_draft(article, user=editor)
    latest = Revision.objects.get(
        pk=Article.objects.get(pk=article.pk).latest_revision_id
    )
    assert "<script" not in latest.content["body"]
    assert "onerror" not in latest.content["body"]


def test_a_second_save_from_a_stale_form_is_refused_and_keeps_the_typing(
    client, editor, approver
):
    """Two people open the form; the second save is refused in Vietnamese with a
    link to the first person's version; nothing is overwritten."""
    article = draft(editor, title="Bản gốc")
    opened = form_data(article)
    login_verified(client, approver)
    first = client.post(change_url(article), {**opened, "title": "Bản của lãnh đạo"})
    assert first.status_code == 302
    login_verified(client, editor)
    second = client.post(change_url(article), {**opened, "title": "Bản của biên tập"})
    assert second.status_code == 200
    html = second.content.decode()
    assert "lanhdao đã lưu nội dung này lúc" in html
    theirs = Article.objects.get(pk=article.pk).latest_revision_id
    assert url("revision", article, theirs) in html
    assert 'value="Bản của biên tập"' in html  # what was typed is not lost
    assert Article.objects.get(pk=article.pk).title == "Bản của lãnh đạo"


def test_approving_a_version_someone_changed_since_is_refused(client, editor, approver):
    """The approver cannot publish a text they have not seen."""
    article = draft(editor, lead="Bản đã đọc")
    workflow.submit_for_review(article, user=editor)
    opened = form_data(article)
    article = Article.objects.get(pk=article.pk)
    article.lead = "Bản sửa sau"
    workflow.save_draft(article, user=editor)
    login_verified(client, approver)
    response = client.post(change_url(article), {**opened, "_publish": "1"})
    assert response.status_code == 200
    assert not Article.objects.get(pk=article.pk).live


@pytest.fixture
def theirs(units):
    """An article of unit A with a second revision."""
    site_a, _ = units
    writer = make_staff("tacgia", site_a, Role.APPROVER)
    article = live(writer, category=make_category(site=site_a), title="Tin của Tân Lập")
    article.lead = "Bản sửa của Tân Lập"
    workflow.save_draft(article, user=writer)
    return Article.objects.get(pk=article.pk)


@pytest.fixture
def b_approver(units, client):
    """An approver of unit B, logged in on B's host."""
    _, site_b = units
    user = make_staff("vinhte", site_b, Role.APPROVER)
    login_verified(client, user)
    client.defaults["HTTP_HOST"] = B_HOST
    return user


@pytest.mark.parametrize("name", ["revisions", "preview", "compare"])
def test_another_units_staff_get_404_on_its_workflow_pages(
    client, theirs, b_approver, name
):
    """Revisions, diff and preview of unit A's article do not exist on B's host."""
    response = client.get(
        url(name, theirs),
        {"a": theirs.live_revision_id, "b": theirs.latest_revision_id},
    )
    assert response.status_code == 404


def test_another_units_staff_cannot_restore_or_change_it(client, theirs, b_approver):
    """Restore and the change form of unit A's article: nothing happens from B."""
    assert (
        client.post(url("restore", theirs, theirs.live_revision_id)).status_code == 404
    )
    response = client.post(change_url(theirs), {"_unpublish": "1"})
    assert response.status_code == 404
    assert Article.objects.get(pk=theirs.pk).live


def test_another_units_revision_is_not_found_through_my_article(
    client, theirs, b_approver, units
):
    """A revision id of unit A's article, put in the URL of B's article: 404."""
    _, site_b = units
    mine = draft(b_approver, category=make_category(site=site_b))
    response = client.get(url("revision", mine, theirs.latest_revision_id))
    assert response.status_code == 404


def test_another_units_articles_are_in_no_list_or_search(client, theirs, b_approver):
    """B's article list and its search never show unit A's article."""
    listing = reverse("admin:articles_article_changelist")
    assert "Tin của Tân Lập" not in client.get(listing).content.decode()
    found = client.get(listing, {"q": "Tân Lập"}).content.decode()
    assert "Tin của Tân Lập" not in found


def test_the_category_autocomplete_offers_only_the_units_categories(
    client, theirs, b_approver, units
):
    """The admin's autocomplete answers from B's categories, never A's."""
    make_category(site=units[1], name="Tin Vĩnh Tế")
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "article",
            "field_name": "category",
            "term": "Tin",
        },
    )
    names = {row["text"] for row in response.json()["results"]}
    assert "Tin Vĩnh Tế" in names
    assert theirs.category.name not in names
