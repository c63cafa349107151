"""The workflow services on articles: live copy, working copy, revisions, audit."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.test import Client

from articles.models import Article
from portal.audit.models import Action, AuditEntry
from portal.models import Membership
from portal.workflow import services as workflow
from portal.workflow.models import Revision, Status
from tests.factories import make_article, make_category, make_staff, vietnam_time

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(site):
    return make_staff("bientap", site, role=Membership.Role.EDITOR)


@pytest.fixture
def approver(site):
    return make_staff("lanhdao", site, role=Membership.Role.APPROVER)


def draft(editor, **fields):
    category = fields.pop("category", None) or make_category()
    article = Article(site=category.site, category=category, title="Bản nháp", **fields)
    workflow.save_draft(article, user=editor)
    return article


def public_text(article):
    return Client().get(article.get_absolute_url())


def test_a_new_article_is_a_draft_with_its_first_revision(editor):
    article = draft(editor, lead="Tin mới")
    article.refresh_from_db()
    assert (article.status, article.live) == (Status.DRAFT, False)
    assert article.latest_revision.content["lead"] == "Tin mới"
    assert article.created_by == editor
    assert AuditEntry.objects.filter(action=Action.CREATE, user=editor).count() == 1
    assert public_text(article).status_code == 404


def test_submit_then_approve_makes_it_public(editor, approver):
    article = draft(editor)
    workflow.submit_for_review(article, user=editor)
    article.refresh_from_db()
    assert article.status == Status.REVIEW
    workflow.publish(article, user=approver)
    article.refresh_from_db()
    assert (article.status, article.live) == (Status.PUBLISHED, True)
    assert public_text(article).status_code == 200
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == [Action.CREATE, Action.SUBMIT, Action.APPROVE]


def test_an_editor_cannot_publish_by_the_service(editor):
    article = draft(editor)
    with pytest.raises(PermissionDenied):
        workflow.publish(article, user=editor)
    article.refresh_from_db()
    assert not article.live


def test_request_changes_sends_it_back_with_the_comment(editor, approver):
    article = draft(editor)
    workflow.submit_for_review(article, user=editor)
    workflow.request_changes(article, user=approver, comment="Thêm ảnh hội nghị.")
    article.refresh_from_db()
    assert (article.status, article.review_note) == (Status.DRAFT, "Thêm ảnh hội nghị.")


def test_editing_a_live_article_keeps_the_public_text_until_approved(editor, approver):
    article = draft(editor, lead="Bản đã duyệt")
    workflow.publish(article, user=approver)
    article.refresh_from_db()
    article.lead = "Bản đang sửa"
    workflow.save_draft(article, user=editor)
    assert "Bản đã duyệt" in public_text(article).content.decode()
    stored = Article.objects.get(pk=article.pk)
    assert stored.lead == "Bản đã duyệt"
    assert stored.has_unpublished_changes
    assert workflow.working_copy(stored).lead == "Bản đang sửa"
    workflow.submit_for_review(stored, user=editor)
    workflow.publish(stored, user=approver)
    assert "Bản đang sửa" in public_text(article).content.decode()


def test_a_second_save_from_a_stale_form_is_refused(editor, approver):
    article = draft(editor)
    opened = article.latest_revision_id
    first = Article.objects.get(pk=article.pk)
    first.title = "Sửa của người thứ nhất"
    workflow.save_draft(first, user=approver, base_revision=opened)
    second = Article.objects.get(pk=article.pk)
    second.title = "Sửa của người thứ hai"
    with pytest.raises(workflow.EditConflict) as conflict:
        workflow.save_draft(second, user=editor, base_revision=opened)
    assert "lanhdao" in str(conflict.value)
    assert Article.objects.get(pk=article.pk).title == "Sửa của người thứ nhất"


def test_restoring_an_old_revision_makes_a_new_draft_revision(editor, approver):
    article = draft(editor, lead="Lần một")
    old = article.latest_revision
    article.lead = "Lần hai"
    workflow.save_draft(article, user=editor)
    workflow.restore_revision(article, old, user=editor)
    article.refresh_from_db()
    assert article.lead == "Lần một"
    assert Revision.objects.filter(object_id=str(article.pk)).count() == 3


def test_scheduled_and_expiring_publication_follow_the_clock(approver):
    article = draft(
        approver,
        published_at=vietnam_time(2030, 1, 1, 7),
        expires_at=vietnam_time(2030, 1, 31, 0),
    )
    workflow.publish(article, user=approver)
    with time_machine.travel(vietnam_time(2030, 1, 1, 6, 59), tick=False):
        assert not Article.objects.published().exists()
    with time_machine.travel(vietnam_time(2030, 1, 1, 7), tick=False):
        assert Article.objects.published().get() == article
    with time_machine.travel(vietnam_time(2030, 1, 31, 0) - timedelta(seconds=1)):
        assert Article.objects.published().exists()
    with time_machine.travel(vietnam_time(2030, 1, 31, 0), tick=False):
        assert not Article.objects.published().exists()


def test_an_editor_cannot_delete_what_was_public(editor, approver):
    article = make_article()
    with pytest.raises(PermissionDenied):
        workflow.delete(article, user=editor)
    mine = draft(editor)
    workflow.delete(mine, user=editor)
    assert not Article.objects.filter(pk=mine.pk).exists()
    assert Article.objects.filter(pk=article.pk).exists()
