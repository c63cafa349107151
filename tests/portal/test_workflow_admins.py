"""Every workflow model's admin is the workflow admin: buttons by role, no bypass."""

import pytest
from django.urls import reverse

from portal.models import Membership
from tests.factories import (
    login_verified,
    make_document,
    make_draft,
    make_page,
    make_procedure,
    make_question,
    make_staff,
)

pytestmark = pytest.mark.django_db

DRAFT = {"status": "draft", "live": False}
MODELS = {
    "documents_document": lambda: make_document(**DRAFT),
    "documents_draft": lambda: make_draft(**DRAFT),
    "procedures_procedure": lambda: make_procedure(**DRAFT),
    "pages_page": lambda: make_page(**DRAFT),
    "questions_question": lambda: make_question(**DRAFT),
}


def signed_in(client, role, site):
    login_verified(client, make_staff(f"canbo-{role}", site, role=role))
    return client


@pytest.mark.parametrize("name", MODELS)
def test_an_approver_sees_the_workflow_buttons(client, site, name):
    obj = MODELS[name]()
    signed_in(client, Membership.Role.APPROVER, site)
    html = client.get(reverse(f"admin:{name}_change", args=[obj.pk])).content.decode()
    for label in ("Lưu nháp", "Gửi duyệt", "Duyệt và xuất bản", "Lưu trữ"):
        assert f'value="{label}"' in html, label
    revisions = reverse(f"admin:{name}_revisions", args=[obj.pk])
    assert client.get(revisions).status_code == 200


@pytest.mark.parametrize("name", MODELS)
def test_an_editor_is_offered_no_publishing_and_a_crafted_action_publishes_nothing(
    client, site, name
):
    obj = MODELS[name]()
    signed_in(client, Membership.Role.EDITOR, site)
    html = client.get(reverse(f"admin:{name}_change", args=[obj.pk])).content.decode()
    assert 'value="Gửi duyệt"' in html
    assert 'value="Duyệt và xuất bản"' not in html
    client.post(
        reverse(f"admin:{name}_changelist"),
        {"action": "publish", "_selected_action": [obj.pk]},
    )
    obj.refresh_from_db()
    assert not obj.live
