"""An audit entry for each staff action the issue lists: who, unit, object, summary."""

import pytest
from django.urls import reverse

from articles.models import Category
from comments.models import Comment
from portal.audit.models import Action, AuditEntry
from portal.workflow import services as workflow
from tests.factories import login_verified, make_article, make_comment, make_unit
from tests.portal.test_workflow_admin import draft, form_data

pytestmark = pytest.mark.django_db


SESSIONS = [Action.LOGIN, Action.LOGOUT, Action.LOGIN_FAILED]


def actions(sessions=False):
    """The actions recorded, in order (force_login's logins left out)."""
    entries = AuditEntry.objects.order_by("id")
    if not sessions:
        entries = entries.exclude(action__in=SESSIONS)
    return list(entries.values_list("action", flat=True))


def test_logging_in_failing_and_logging_out_are_recorded(client, editor):
    """With the unit, and the address as a salted hash, never the address."""
    client.post(reverse("admin:login"), {"username": "bientap", "password": "sai"})
    client.post(
        reverse("admin:login"), {"username": "bientap", "password": "mat-khau-123"}
    )
    client.post(reverse("admin:logout"))
    assert actions(sessions=True) == [Action.LOGIN_FAILED, Action.LOGIN, Action.LOGOUT]
    failed = AuditEntry.objects.get(action=Action.LOGIN_FAILED)
    assert failed.username == "bientap" and failed.site is not None
    assert len(failed.address_hash) >= 32 and "127.0.0.1" not in failed.address_hash


def test_every_transition_through_the_admin_is_recorded(client, editor, approver):
    """Create, edit, submit, request changes, approve, unpublish, archive, delete."""
    login_verified(client, editor)
    article = draft(editor)
    client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        form_data(article, lead="Sửa", _submit="1"),
    )
    login_verified(client, approver)
    url = reverse("admin:articles_article_change", args=[article.pk])
    client.post(url, {"_request_changes": "1", "review_comment": "Thêm ảnh."})
    workflow.submit_for_review(article, user=editor)
    client.post(url, form_data(article, _publish="1"))
    client.post(url, {"_unpublish": "1"})
    client.post(url, {"_archive": "1"})
    client.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )
    assert actions() == [
        Action.CREATE,
        Action.EDIT,
        Action.SUBMIT,
        Action.REQUEST_CHANGES,
        Action.SUBMIT,
        Action.APPROVE,
        Action.UNPUBLISH,
        Action.ARCHIVE,
        Action.DELETE,
    ]
    changes = AuditEntry.objects.get(action=Action.REQUEST_CHANGES)
    assert (changes.user, changes.summary, changes.object_repr) == (
        approver,
        "Thêm ảnh.",
        "Thông báo lịch tiếp dân",
    )


def test_a_restore_is_recorded(editor):
    article = draft(editor)
    first = article.latest_revision
    article.lead = "Khác"
    workflow.save_draft(article, user=editor)
    workflow.restore_revision(article, first, user=editor)
    assert actions()[-1] == Action.RESTORE


def test_categories_are_recorded_when_added_changed_listed_or_deleted(
    client, unit_admin, site
):
    """The form, the list's editable columns and deletion all write entries."""
    login_verified(client, unit_admin)
    client.post(
        reverse("admin:articles_category_add"),
        {"name": "Thông báo", "slug": "", "position": "1", "in_menu": "on"},
    )
    category = Category.objects.get()
    client.post(
        reverse("admin:articles_category_changelist"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": category.pk,
            "form-0-position": "5",
            "form-0-in_menu": "on",
            "_save": "1",
        },
    )
    client.post(
        reverse("admin:articles_category_delete", args=[category.pk]), {"post": "yes"}
    )
    assert actions() == [Action.CREATE, Action.EDIT, Action.DELETE]
    edit = AuditEntry.objects.get(action=Action.EDIT)
    assert (edit.site, edit.object_repr, edit.user) == (site, "Thông báo", unit_admin)
    assert edit.summary == "Đã thay đổi: Thứ tự."


def test_the_unit_profile_change_is_recorded(client, unit_admin, site):
    profile = make_unit()
    login_verified(client, unit_admin)
    client.post(
        reverse("admin:portal_unitprofile_change", args=[profile.pk]),
        {"name": "UBND XÃ MỚI", "personal_data_retention_months": "12"},
    )
    entry = AuditEntry.objects.exclude(action__in=SESSIONS).get()
    assert (entry.action, entry.site, entry.object_repr) == (
        Action.SETTINGS,
        site,
        "UBND XÃ MỚI",
    )


def test_the_counter_setting_is_recorded(client, unit_admin):
    login_verified(client, unit_admin)
    client.post(
        reverse("admin:stats_sitecountersettings_add"), {"starting_total": "242904"}
    )
    assert actions() == [Action.SETTINGS]


def test_comment_moderation_is_recorded_per_comment(client, unit_admin):
    """Bulk moderation: one entry per comment, from which status to which."""
    article = make_article()
    first, second = (
        make_comment(article, Comment.Status.PENDING),
        make_comment(article, Comment.Status.PENDING),
    )
    login_verified(client, unit_admin)
    client.post(
        reverse("admin:comments_comment_changelist"),
        {"action": "approve", "_selected_action": [first.pk, second.pk]},
    )
    entries = AuditEntry.objects.filter(action=Action.MODERATE)
    assert {e.object_id for e in entries} == {str(first.pk), str(second.pk)}
    assert {e.summary for e in entries} == {"Chờ duyệt → Đã duyệt"}


def test_a_reply_and_a_status_change_in_the_form_are_recorded(client, unit_admin):
    comment = make_comment(make_article(), Comment.Status.PENDING)
    login_verified(client, unit_admin)
    client.post(
        reverse("admin:comments_comment_change", args=[comment.pk]),
        {"status": Comment.Status.APPROVED, "reply": "Cảm ơn ông/bà đã góp ý."},
    )
    summaries = list(
        AuditEntry.objects.filter(action=Action.MODERATE).values_list(
            "summary", flat=True
        )
    )
    assert len(summaries) == 2 and "Chờ duyệt → Đã duyệt" in summaries
