"""Staff enter documents fast, through the workflow; they read and export opinions."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from documents.models import Document, IssuingBody, Opinion
from portal.workflow.models import Revision, Status
from tests.documents.conftest import PDF, attach
from tests.factories import login_verified, make_document, make_draft, make_site, upload

pytestmark = pytest.mark.django_db
ADD = "admin:documents_document_add"


@pytest.fixture
def other_site(site):
    """A second unit; the default one answers on the test client's host."""
    site.domain = "testserver"
    site.save()
    return make_site("khac.example.test")


def logged_in(user):
    client = Client()
    login_verified(client, user)
    return client


def document_form(site, **overrides):
    from documents.models import DocumentType

    data = {
        "number": "15/2024/QĐ-UBND",
        "document_type": DocumentType.remember(site, "Quyết định").pk,
        "issue_date": "20/05/2024",
        "effective_date": "",
        "expiry_date": "",
        "issuing_body_name": "UBND tỉnh Thái Nguyên",
        "signer_name": "Phó Chủ tịch Lê Quang Minh",
        "sector": "",
        "summary": "Ban hành Quy định một cửa",
        "body": "",
        "published_at_0": "20/05/2024",
        "published_at_1": "08:00",
        "expires_at_0": "",
        "expires_at_1": "",
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "0",
        "attachments-0-title": "",
        "attachments-0-position": "0",
        "outgoing_relations-TOTAL_FORMS": "0",
        "outgoing_relations-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_a_new_document_is_a_draft_with_a_revision_and_remembered_names(site, editor):
    client = logged_in(editor)
    data = document_form(site)
    data["attachments-0-file"] = upload("Quyết định 15.pdf", PDF)
    response = client.post(reverse(ADD), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    document = Document.objects.get()
    assert (document.status, document.live) == (Status.DRAFT, False)
    assert Revision.objects.filter(object_id=str(document.pk)).exists()
    assert document.issuing_body.name == "UBND tỉnh Thái Nguyên"
    assert document.effective_date == document.issue_date
    assert document.attachments.get().original_name == "Quyết định 15.pdf"


def test_a_bad_attachment_is_refused_in_vietnamese_and_nothing_saved(site, editor):
    client = logged_in(editor)
    data = document_form(site)
    data["attachments-0-file"] = upload("Quyết định 15.docx", PDF)
    response = client.post(reverse(ADD), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "có đuôi .docx nhưng là tệp PDF" in html
    assert not Document.objects.exists()


def test_the_number_is_unique_in_the_unit_whatever_the_spelling(site, editor):
    """One number per issuing body; another body's "15/2024/QĐ-UBND" is another."""
    first = make_document(number="15/2024/QĐ-UBND")
    body = first.issuing_body.name
    client = logged_in(editor)
    response = client.post(
        reverse(ADD),
        document_form(site, number="15/2024/qd-ubnd", issuing_body_name=body),
    )
    assert "Đơn vị này đã có văn bản của cơ quan ban hành này với số, ký hiệu này." in (
        response.content.decode()
    )
    client.post(
        reverse(ADD),
        document_form(
            site, number="15/2024/QĐ-UBND", issuing_body_name="HĐND phường Tân Lập"
        ),
    )
    assert Document.objects.filter(number_key=first.number_key).count() == 2


def test_the_add_form_suggests_the_units_bodies_and_starts_from_the_last_entry(
    site, editor, other_site
):
    logged_in(editor).post(reverse(ADD), document_form(site))
    IssuingBody.remember(other_site, "UBND xã Khác")
    html = logged_in(editor).get(reverse(ADD)).content.decode()
    assert '<datalist id="id_issuing_body_name_goi-y">' in html
    assert '<option value="UBND tỉnh Thái Nguyên">' in html
    assert "UBND xã Khác" not in html
    assert 'value="Phó Chủ tịch Lê Quang Minh"' in html  # the last signer


def test_related_documents_autocomplete_within_the_unit(site, editor, other_site):
    mine = make_document(number="15/2024/QĐ-UBND")
    make_document(site=other_site, number="15/2024/QĐ-UBND")
    response = logged_in(editor).get(
        reverse("admin:autocomplete"),
        {
            "term": "15/2024/qd",
            "app_label": "documents",
            "model_name": "documentrelation",
            "field_name": "target",
        },
    )
    assert [r["id"] for r in response.json()["results"]] == [str(mine.pk)]


def test_publishing_goes_through_the_workflow_service(site, approver):
    document = make_document(status="draft")
    logged_in(approver).post(
        reverse("admin:documents_document_changelist"),
        {"action": "publish", "_selected_action": [document.pk]},
    )
    document.refresh_from_db()
    assert (document.status, document.live) == (Status.PUBLISHED, True)


def test_an_editor_cannot_publish(site, editor):
    document = make_document(status="draft")
    response = logged_in(editor).get(reverse("admin:documents_document_changelist"))
    assert 'value="publish"' not in response.content.decode()
    document.refresh_from_db()
    assert not document.live


def test_an_editor_sees_a_live_documents_files_read_only(site, editor):
    document = make_document()
    attach(document)
    html = (
        logged_in(editor)
        .get(reverse("admin:documents_document_change", args=[document.pk]))
        .content.decode()
    )
    assert 'name="attachments-0-file"' not in html
    assert "Quyết định 15-2024-QĐ-UBND.pdf" in html


def test_another_units_document_is_not_in_the_admin(site, editor, other_site):
    other = make_document(site=other_site)
    response = logged_in(editor).get(
        reverse("admin:documents_document_change", args=[other.pk])
    )
    assert response.status_code == 302  # the admin's "does not exist" redirect


def test_opinions_export_as_csv_with_formulas_neutralised(site, approver):
    draft = make_draft()
    Opinion.objects.create(
        site=site,
        draft=draft,
        name='=HYPERLINK("http://x")',
        phone="+84914266628",
        clause="Điều 3",
        content="Đề nghị sửa Điều 3.",
    )
    response = logged_in(approver).get(
        reverse("admin:documents_draft_csv", args=[draft.pk])
    )
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["STT", "Họ tên", "Thư điện tử"]
    assert rows[1][1] == '\'=HYPERLINK("http://x")'
    assert rows[1][3] == "0914 266 628"
    assert rows[1][5] == "Đề nghị sửa Điều 3."


def test_opinions_have_a_printable_page(site, approver):
    draft = make_draft()
    Opinion.objects.create(
        site=site, draft=draft, name="Trần Thị Bình", content="Nhất trí với dự thảo."
    )
    html = (
        logged_in(approver)
        .get(reverse("admin:documents_draft_print", args=[draft.pk]))
        .content.decode()
    )
    assert "Tổng hợp ý kiến góp ý dự thảo" in html and "Nhất trí với dự thảo." in html


def test_opinions_of_another_unit_cannot_be_exported(site, approver, other_site):
    draft = make_draft(site=other_site)
    response = logged_in(approver).get(
        reverse("admin:documents_draft_csv", args=[draft.pk])
    )
    assert response.status_code == 404


def test_an_editor_without_the_opinion_permission_cannot_export(site, editor):
    """Opinions carry citizens' contacts: editors work on drafts, never export them."""
    draft = make_draft()
    response = logged_in(editor).get(
        reverse("admin:documents_draft_csv", args=[draft.pk])
    )
    assert response.status_code == 403


def test_the_documents_admin_pages_are_in_vietnamese(site, admin_user):
    """No English left on the pages staff use for documents, drafts and procedures."""
    from tests.factories import make_procedure
    from tests.portal.test_admin_vietnamese import english_on

    document, draft = make_document(), make_draft()
    Opinion.objects.create(site=site, draft=draft, name="Bình", content="Nhất trí.")
    client = logged_in(admin_user)
    failures = {}
    for url in [
        reverse("admin:documents_document_changelist"),
        reverse(ADD),
        reverse("admin:documents_document_change", args=[document.pk]),
        reverse("admin:documents_document_import"),
        reverse("admin:documents_draft_changelist"),
        reverse("admin:documents_draft_change", args=[draft.pk]),
        reverse("admin:documents_opinion_changelist"),
        reverse("admin:documents_draft_print", args=[draft.pk]),
        reverse("admin:procedures_procedure_change", args=[make_procedure().pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        if english := english_on(response.content.decode()):
            failures[url] = english
    assert failures == {}
