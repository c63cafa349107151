"""The workflow change form and actions, per role, including crafted POSTs."""

import pytest
import time_machine
from django.urls import reverse
from django.utils.timezone import localtime

from articles.models import Article
from portal.workflow import services as workflow
from portal.workflow.models import Revision, Status
from tests.factories import login_verified, make_category

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:articles_article_changelist"


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def draft(user, **fields):
    category = fields.pop("category", None) or make_category()
    article = Article(
        site=category.site,
        category=category,
        title=fields.pop("title", "Thông báo lịch tiếp dân"),
        lead=fields.pop("lead", "Lịch tiếp công dân tháng 12."),
        body=fields.pop("body", "<p>Nội dung thông báo.</p>"),
        **fields,
    )
    workflow.save_draft(article, user=user)
    return Article.objects.get(pk=article.pk)


def live(approver, **fields):
    article = draft(approver, **fields)
    workflow.publish(article, user=approver)
    return Article.objects.get(pk=article.pk)


def form_data(article, **changes):
    """What the change form posts for `article`, opened now."""
    article = workflow.working_copy(Article.objects.get(pk=article.pk))
    data = {
        "title": article.title,
        "slug": article.slug,
        "category": article.category_id,
        "lead": article.lead,
        "body": article.body,
        "cover_caption": article.cover_caption,
        "published_at_0": f"{localtime(article.published_at):%d/%m/%Y}",
        "published_at_1": f"{localtime(article.published_at):%H:%M:%S}",
        # The hidden initial value Django renders for a field with a callable default.
        "initial-published_at_0": f"{localtime(article.published_at):%d/%m/%Y}",
        "initial-published_at_1": f"{localtime(article.published_at):%H:%M:%S}",
        "expires_at_0": "",
        "expires_at_1": "",
        "author": article.author,
        "source": article.source,
        "base_revision": article.latest_revision_id or "",
    }
    data.update(changes)
    return data


def public(client, article):
    client.logout()
    return client.get(article.get_absolute_url())


def test_an_editor_gets_save_and_submit_but_no_publishing_button(client, editor):
    """The editor's form offers "Lưu nháp" and "Gửi duyệt", nothing that publishes."""
    article = draft(editor)
    login_verified(client, editor)
    html = client.get(change_url(article)).content.decode()
    assert 'value="Lưu nháp"' in html and 'value="Gửi duyệt"' in html
    for label in ("Duyệt và xuất bản", "Gỡ xuất bản", "Lưu trữ", "Yêu cầu sửa"):
        assert f'value="{label}"' not in html
    assert 'workflow-badge--draft">Bản nháp<' in html


def test_an_approver_gets_every_transition_on_an_article_waiting(
    client, editor, approver
):
    """Waiting for review, the approver sees approve, request changes and archive."""
    article = draft(editor)
    workflow.submit_for_review(article, user=editor)
    login_verified(client, approver)
    html = client.get(change_url(article)).content.decode()
    for label in ("Duyệt và xuất bản", "Yêu cầu sửa", "Lưu trữ"):
        assert f'value="{label}"' in html
    assert 'workflow-badge--review">Chờ duyệt<' in html
    assert 'value="Gỡ xuất bản"' not in html  # not public: nothing to withdraw


def test_the_editor_submits_from_the_form(client, editor):
    """ "Gửi duyệt" saves the text and sends it for review."""
    article = draft(editor)
    login_verified(client, editor)
    response = client.post(
        change_url(article), form_data(article, lead="Lịch mới.", _submit="1")
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.status, article.lead) == (Status.REVIEW, "Lịch mới.")
    page = client.get(reverse(CHANGELIST)).content.decode()
    assert "Đã gửi duyệt" in page


def test_a_new_article_can_be_submitted_from_the_add_form(client, editor):
    """ "Gửi duyệt" on the add form creates the draft and submits it at once."""
    category = make_category()
    login_verified(client, editor)
    data = {
        "title": "Thông báo mới",
        "slug": "",
        "category": category.pk,
        "lead": "",
        "body": "<p>Nội dung.</p>",
        "published_at_0": "01/12/2026",
        "published_at_1": "08:00:00",
        "_submit": "1",
    }
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.status, article.live, article.created_by) == (
        Status.REVIEW,
        False,
        editor,
    )


@pytest.mark.parametrize("button", ["_publish", "_unpublish", "_archive"])
def test_an_editor_crafting_a_publishing_post_gets_403(
    client, editor, approver, button
):
    """Publish, unpublish and archive by crafted POST: refused, nothing saved."""
    article = live(approver, lead="Bản đã duyệt")
    revisions = Revision.objects.count()
    login_verified(client, editor)
    response = client.post(
        change_url(article),
        form_data(article, lead="Bản của biên tập", **{button: "1"}),
    )
    assert response.status_code == 403
    article.refresh_from_db()
    assert (article.live, article.status, article.lead) == (
        True,
        Status.PUBLISHED,
        "Bản đã duyệt",
    )
    assert Revision.objects.count() == revisions


def test_an_editor_crafting_request_changes_gets_403(client, editor):
    """Sending back is the approver's: a crafted POST leaves it waiting."""
    article = draft(editor)
    workflow.submit_for_review(article, user=editor)
    login_verified(client, editor)
    response = client.post(
        change_url(article), {"_request_changes": "1", "review_comment": "Sửa"}
    )
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.status == Status.REVIEW


def test_an_editor_cannot_delete_a_published_article(client, editor, approver):
    """The delete page and its POST are refused for what is public."""
    article = live(approver)
    login_verified(client, editor)
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_an_editor_deletes_their_own_draft(client, editor):
    """A draft that was never public is the editor's to delete."""
    article = draft(editor)
    login_verified(client, editor)
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()


def test_an_editors_bulk_delete_of_a_published_article_is_refused(
    client, editor, approver
):
    """delete_selected on a public article: 403, the article stays."""
    public_one = live(approver)
    login_verified(client, editor)
    response = client.post(
        reverse(CHANGELIST),
        {
            "action": "delete_selected",
            "_selected_action": [public_one.pk],
            "post": "yes",
        },
    )
    assert response.status_code == 403
    assert Article.objects.filter(pk=public_one.pk).exists()


@pytest.mark.parametrize("action", ["publish", "unpublish", "archive"])
def test_an_editors_crafted_bulk_action_does_nothing(client, editor, approver, action):
    """Actions the editor is not offered do nothing when posted anyway."""
    mine = draft(editor)
    public_one = live(approver)
    login_verified(client, editor)
    listing = client.get(reverse(CHANGELIST)).content.decode()
    assert f'value="{action}"' not in listing
    client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [mine.pk, public_one.pk]},
    )
    mine.refresh_from_db()
    public_one.refresh_from_db()
    assert (mine.live, mine.status) == (False, Status.DRAFT)
    assert (public_one.live, public_one.status) == (True, Status.PUBLISHED)


def test_the_editor_submits_in_bulk(client, editor):
    """ "Gửi duyệt" as a bulk action goes through the service, one by one."""
    first, second = draft(editor), draft(editor, title="Bài thứ hai")
    login_verified(client, editor)
    client.post(
        reverse(CHANGELIST),
        {"action": "submit_for_review", "_selected_action": [first.pk, second.pk]},
    )
    assert set(Article.objects.values_list("status", flat=True)) == {Status.REVIEW}


def test_the_approver_publishes_and_withdraws_in_bulk(client, editor, approver):
    """Bulk publish and unpublish go through the services (one audit entry each)."""
    first, second = draft(editor), draft(editor, title="Bài thứ hai")
    login_verified(client, approver)
    selected = {"_selected_action": [first.pk, second.pk]}
    client.post(reverse(CHANGELIST), {"action": "publish", **selected})
    assert Article.objects.published().count() == 2
    client.post(reverse(CHANGELIST), {"action": "unpublish", **selected})
    assert Article.objects.published().count() == 0
    assert set(Article.objects.values_list("status", flat=True)) == {Status.DRAFT}


def test_request_changes_shows_the_comment_to_the_editor(client, editor, approver):
    """ "Yêu cầu sửa" sends it back; the editor reads the comment on the form."""
    article = draft(editor)
    workflow.submit_for_review(article, user=editor)
    login_verified(client, approver)
    client.post(
        change_url(article),
        {"_request_changes": "1", "review_comment": "Bổ sung ảnh hội nghị."},
    )
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    login_verified(client, editor)
    html = client.get(change_url(article)).content.decode()
    assert "Người duyệt yêu cầu sửa" in html
    assert "Bổ sung ảnh hội nghị." in html and "lanhdao" in html


def test_request_changes_needs_a_comment(client, editor, approver):
    """Without a comment nothing is sent back, and the approver is told why."""
    article = draft(editor)
    workflow.submit_for_review(article, user=editor)
    login_verified(client, approver)
    response = client.post(
        change_url(article),
        {"_request_changes": "1", "review_comment": "  "},
        follow=True,
    )
    assert "Vui lòng ghi rõ nội dung cần sửa." in response.content.decode()
    article.refresh_from_db()
    assert article.status == Status.REVIEW


def test_the_approver_approves_from_the_form_and_the_public_sees_it(
    client, editor, approver
):
    """ "Duyệt và xuất bản" makes it public."""
    article = draft(editor, title="Thông báo đã duyệt")
    workflow.submit_for_review(article, user=editor)
    login_verified(client, approver)
    client.post(change_url(article), form_data(article, _publish="1"))
    assert public(client, article).status_code == 200


def test_an_edit_of_a_live_article_waits_for_approval(client, editor, approver):
    """The public keeps the approved text; the preview shows the pending one."""
    article = live(approver, lead="Bản đã duyệt")
    login_verified(client, editor)
    client.post(change_url(article), form_data(article, lead="Bản đang sửa"))
    html = client.get(change_url(article)).content.decode()
    assert "Bản đang sửa" in html  # the form edits the working copy
    assert "Đã đăng, có bản nháp chưa gửi" in html
    preview = reverse("admin:articles_article_preview", args=[article.pk])
    assert "Bản đang sửa" in client.get(preview).content.decode()
    page = public(client, article).content.decode()
    assert "Bản đã duyệt" in page and "Bản đang sửa" not in page


def test_unpublish_from_the_form_withdraws_it(client, approver):
    """ "Gỡ xuất bản": the public gets a 404, the text is a draft again."""
    article = live(approver)
    login_verified(client, approver)
    client.post(change_url(article), {"_unpublish": "1"})
    article.refresh_from_db()
    assert (article.live, article.status) == (False, Status.DRAFT)
    assert public(client, article).status_code == 404


def test_archive_from_the_form(client, approver):
    """ "Lưu trữ": withdrawn and filed away."""
    article = live(approver)
    login_verified(client, approver)
    client.post(change_url(article), {"_archive": "1"})
    article.refresh_from_db()
    assert (article.live, article.status) == (False, Status.ARCHIVED)


def test_an_end_before_the_start_is_refused(client, approver):
    """The end of publication must come after its start; nothing is saved."""
    article = draft(approver)
    login_verified(client, approver)
    response = client.post(
        change_url(article),
        form_data(
            article,
            lead="Không được lưu",
            published_at_0="10/12/2026",
            published_at_1="08:00:00",
            expires_at_0="09/12/2026",
            expires_at_1="08:00:00",
        ),
    )
    assert response.status_code == 200
    assert (
        "Thời điểm kết thúc đăng phải sau thời điểm bắt đầu."
        in response.content.decode()
    )
    article.refresh_from_db()
    assert article.lead != "Không được lưu"


def test_a_unit_administrator_may_also_publish(client, editor, unit_admin):
    """The unit administrator's role includes the approver's."""
    article = draft(editor)
    login_verified(client, unit_admin)
    client.post(change_url(article), form_data(article, _publish="1"))
    article.refresh_from_db()
    assert article.live


def test_a_scheduled_article_goes_public_by_itself_and_expires(client, approver):
    """At fixed Vietnamese clocks: scheduled, then public, then ended; no cron."""
    from tests.factories import vietnam_time

    with time_machine.travel(vietnam_time(2026, 12, 31, 17, 30), tick=False):
        article = draft(approver)
        login_verified(client, approver)
        client.post(
            change_url(article),
            form_data(
                article,
                published_at_0="01/01/2027",
                published_at_1="00:00:00",
                expires_at_0="31/01/2027",
                expires_at_1="23:59:00",
                _publish="1",
            ),
        )
        html = client.get(change_url(article)).content.decode()
        assert 'workflow-badge--scheduled">Đã hẹn giờ<' in html
        assert "tự động công khai lúc 00:00 01/01/2027" in html
    at = {
        vietnam_time(2026, 12, 31, 23, 59): 404,
        vietnam_time(2027, 1, 1, 0, 0): 200,
        vietnam_time(2027, 1, 31, 23, 58): 200,
        vietnam_time(2027, 1, 31, 23, 59): 404,
    }
    for moment, status in at.items():
        with time_machine.travel(moment, tick=False):
            assert public(client, article).status_code == status, moment
    with time_machine.travel(vietnam_time(2027, 2, 1, 8), tick=False):
        login_verified(client, approver)
        html = client.get(change_url(article)).content.decode()
        assert 'workflow-badge--expired">Hết hạn đăng<' in html
