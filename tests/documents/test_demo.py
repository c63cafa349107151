"""load_demo adds the demo unit's documents, drafts and procedures, once."""

from io import StringIO

import pytest
from django.core.management import call_command

from documents import files
from documents.models import Document, DocumentAttachment, DocumentRelation, Draft
from documents.models.draft import Window
from procedures.models import Procedure

pytestmark = pytest.mark.django_db


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(site):
    load_demo()
    return site


def test_about_thirty_documents_in_all_three_effect_states(demo):
    documents = list(Document.objects.published().with_replacement())
    assert 28 <= len(documents) <= 32
    states = {document.effect_status() for document in documents}
    assert states == {"chua-hieu-luc", "con-hieu-luc", "het-hieu-luc"}
    assert any(document.is_replaced() for document in documents)


def test_every_kind_of_relation_is_there(demo):
    kinds = set(DocumentRelation.objects.values_list("kind", flat=True))
    assert kinds == set(DocumentRelation.Kind.values)


def test_generated_files_pass_the_upload_checks(demo):
    kinds = set()
    for attachment in DocumentAttachment.objects.all():
        with attachment.file.open("rb") as handle:
            kinds.add(files.detect(handle).code)
        assert attachment.kind in kinds
    assert {"pdf", "docx", "zip"} <= kinds


def test_one_open_and_one_closed_consultation(demo):
    windows = sorted(draft.window() for draft in Draft.objects.published())
    assert windows == sorted([Window.OPEN, Window.CLOSED])
    closed = next(d for d in Draft.objects.all() if d.window() == Window.CLOSED)
    assert closed.feedback_report and closed.opinions.count() == 3


def test_ten_procedures_with_https_links(demo):
    procedures = Procedure.objects.published()
    assert procedures.count() == 10
    assert all(p.service_url.startswith("https://") for p in procedures)


def test_loading_twice_creates_nothing_new(demo):
    counts = (
        Document.objects.count(),
        Draft.objects.count(),
        Procedure.objects.count(),
    )
    out = load_demo()
    assert "0 demo documents and 0 drafts created." in out
    assert "0 demo procedures created." in out
    after = (Document.objects.count(), Draft.objects.count(), Procedure.objects.count())
    assert after == counts


def test_the_demo_pages_answer(client, demo):
    document = Document.objects.get(number="15/2024/QĐ-UBND")
    html = client.get(document.get_absolute_url()).content.decode()
    assert "Được thay thế bởi" in html and "Hết hiệu lực" in html
