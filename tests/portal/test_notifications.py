"""E-mails of the workflow: approvers when something waits, the editor after review."""

import pytest
from django.core import mail
from django.db import transaction

from portal.workflow import services as workflow
from tests.factories import make_category, make_staff, vietnam_time
from tests.portal.conftest import Role
from tests.portal.test_workflow_admin import draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks of the block (the mails leave on commit)."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            action(*args, **kwargs)
        return mail.outbox

    return run


def test_submitting_tells_the_units_approvers_only(sent, units, editor, approver):
    """The unit's approvers and administrators; not another unit's, not the editor."""
    site_a, site_b = units
    make_staff("quantri", site_a, Role.UNIT_ADMIN)
    make_staff("khongthu", site_a, Role.APPROVER, email="")
    make_staff("vinhte", site_b, Role.APPROVER)
    article = draft(editor, category=make_category(site=site_a), title="Lịch tiếp dân")
    outbox = sent(workflow.submit_for_review, article, user=editor)
    assert sorted(m.to[0] for m in outbox) == [
        "lanhdao@example.test",
        "quantri@example.test",
    ]
    message = outbox[0]
    assert message.subject == "[Phường Tân Lập] Chờ anh/chị duyệt: Lịch tiếp dân"
    assert "bientap đã gửi “Lịch tiếp dân” (bài viết) để duyệt." in message.body
    assert f"/admin/articles/article/{article.pk}/change/" in message.body


def test_approval_tells_the_editor(sent, editor, approver):
    article = draft(editor, title="Lịch tiếp dân")
    workflow.submit_for_review(article, user=editor)
    outbox = sent(workflow.publish, article, user=approver)
    assert [m.to for m in outbox] == [["bientap@example.test"]]
    assert outbox[0].subject.endswith("Đã được duyệt: Lịch tiếp dân")
    assert "Người dân đã xem được." in outbox[0].body


def test_a_scheduled_approval_says_when_it_goes_public(sent, editor, approver):
    article = draft(editor, published_at=vietnam_time(2030, 1, 1, 7))
    workflow.submit_for_review(article, user=editor)
    outbox = sent(workflow.publish, article, user=approver)
    assert "Nội dung sẽ công khai lúc 07:00 01/01/2030." in outbox[0].body


def test_a_request_for_changes_sends_the_comment_to_the_editor(sent, editor, approver):
    article = draft(editor, title="Lịch tiếp dân")
    workflow.submit_for_review(article, user=editor)
    outbox = sent(
        workflow.request_changes, article, user=approver, comment="Thêm giờ tiếp dân."
    )
    assert [m.to for m in outbox] == [["bientap@example.test"]]
    assert outbox[0].subject.endswith("Cần sửa: Lịch tiếp dân")
    assert "Thêm giờ tiếp dân." in outbox[0].body


def test_nobody_is_told_of_their_own_action(sent, approver):
    """An approver who publishes their own draft gets no mail."""
    article = draft(approver)
    assert sent(workflow.publish, article, user=approver) == []


def test_a_transition_rolled_back_sends_nothing(sent, editor, approver):
    article = draft(editor)

    def submit_then_fail():
        with pytest.raises(RuntimeError), transaction.atomic():
            workflow.submit_for_review(article, user=editor)
            raise RuntimeError("the database refused")

    assert sent(submit_then_fail) == []


def test_a_failing_mail_server_does_not_undo_the_transition(
    sent, editor, approver, settings, caplog
):
    """The article waits for review; the log says the mail was not sent."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_PORT = 1  # nothing listens there
    article = draft(editor)
    sent(workflow.submit_for_review, article, user=editor)
    article.refresh_from_db()
    assert article.status == "review"
    assert "Workflow e-mail not sent" in caplog.text
