"""The pages admin: every change goes through the workflow services."""

import pytest

from pages.models import Page
from portal.audit.models import Action, AuditEntry
from tests.factories import login_verified, make_page

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/pages/page/"


def page_form(**overrides):
    data = {
        "title": "Giới thiệu chung",
        "slug": "",
        "body": "<p>Phường Tân Lập</p><script>alert(1)</script>",
        "published_at_0": "01/01/2026",
        "published_at_1": "08:00:00",
    }
    data.update(overrides)
    return data


def test_an_editor_adds_a_page_as_a_draft(client, site, page_editor):
    """Saving in the admin makes a draft with its revision, not a public page."""
    login_verified(client, page_editor)
    response = client.post(f"{CHANGELIST}add/", page_form())
    assert response.status_code == 302
    page = Page.objects.get()
    assert (page.status, page.live, page.site) == (Page.Status.DRAFT, False, site)
    assert page.latest_revision is not None
    assert "<script" not in page.body
    assert client.get(page.get_absolute_url()).status_code == 200  # staff preview
    client.logout()
    assert client.get(page.get_absolute_url()).status_code == 404


def test_the_publish_action_publishes_through_the_service(client, site, page_approver):
    """The approver's bulk action publishes and leaves an audit entry."""
    page = make_page(status=Page.Status.DRAFT)
    login_verified(client, page_approver)
    client.post(CHANGELIST, {"action": "publish", "_selected_action": [page.pk]})
    page.refresh_from_db()
    assert (page.live, page.status) == (True, Page.Status.PUBLISHED)
    assert AuditEntry.objects.filter(action=Action.PUBLISH).exists()


def test_the_unpublish_action_withdraws_the_page(client, site, page_approver):
    """Withdrawing keeps the content as a draft, hidden from citizens."""
    page = make_page()
    login_verified(client, page_approver)
    client.post(CHANGELIST, {"action": "unpublish", "_selected_action": [page.pk]})
    page.refresh_from_db()
    assert (page.live, page.status) == (False, Page.Status.DRAFT)


def test_an_editor_is_not_offered_publishing(client, site, page_editor):
    """Without the publish permission, the actions list has no publish."""
    make_page()
    login_verified(client, page_editor)
    html = client.get(CHANGELIST).content.decode()
    assert 'value="submit_for_review"' in html
    assert 'value="publish"' not in html


def test_an_editor_cannot_publish_by_a_crafted_post(client, site, page_editor):
    """The action refuses; the page stays a draft."""
    page = make_page(status=Page.Status.DRAFT)
    login_verified(client, page_editor)
    client.post(CHANGELIST, {"action": "publish", "_selected_action": [page.pk]})
    page.refresh_from_db()
    assert page.live is False


def test_bulk_deletion_goes_through_the_service(client, site, page_approver):
    """Deleting selected pages records each deletion in the audit log."""
    page = make_page()
    login_verified(client, page_approver)
    client.post(
        CHANGELIST,
        {"action": "delete_selected", "_selected_action": [page.pk], "post": "yes"},
    )
    assert not Page.objects.exists()
    assert AuditEntry.objects.filter(action=Action.DELETE).count() == 1
