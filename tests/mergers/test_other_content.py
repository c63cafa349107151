"""Documents, drafts, procedures, pages and Q&A move too, and their old addresses work."""

import pytest
from django.urls import reverse

from documents.models import Document, DocumentAttachment, Draft, IssuingBody, Opinion
from pages.models import Page
from portal.models import UnitProfile
from procedures.models import Procedure
from questions.models import Question
from tests.documents.conftest import PDF
from tests.factories import (
    make_document,
    make_draft,
    make_page,
    make_procedure,
    make_question,
    upload,
)
from tests.mergers.conftest import NEW, OLD_A, host_client, merge

pytestmark = pytest.mark.django_db


def location(host, path):
    response = host_client(host).get(path)
    assert response.status_code == 301, (path, response.status_code)
    return response["Location"]


@pytest.fixture
def library(units):
    """Each unit publishes documents, a draft, procedures, a page and answers."""
    new, old_a, _ = units
    rows = {
        "province_new": make_document(
            site=new,
            number="12/2025/QĐ-UBND",
            issuing_body=IssuingBody.remember(new, "UBND tỉnh Thái Nguyên"),
        ),
        "province_a": make_document(
            site=old_a,
            number="12/2025/qđ-ubnd",
            issuing_body=IssuingBody.remember(old_a, "UBND TỈNH THÁI NGUYÊN"),
        ),
        "own_a": make_document(
            site=old_a, number="12/2025/QĐ-UBND", slug="12-2025-qd-ubnd-phuong"
        ),
        "draft_a": make_draft(site=old_a, title="Dự thảo Quy chế văn hóa"),
        "birth_new": make_procedure(site=new, code="1.001193"),
        "birth_a": make_procedure(site=old_a, code="1.001193"),
        "land_a": make_procedure(site=old_a, code="1.004227", name="Đăng ký đất đai"),
        "intro_new": make_page(site=new, title="Giới thiệu chung", slug="gioi-thieu"),
        "intro_a": make_page(site=old_a, title="Giới thiệu chung", slug="gioi-thieu"),
        "answer_a": make_question(site=old_a, title="Hỏi về khai sinh"),
    }
    rows["file_a"] = DocumentAttachment.objects.create(
        document=rows["own_a"], file=upload("Quyết định.pdf", PDF)
    )
    Opinion.objects.create(
        site=old_a, draft=rows["draft_a"], name="An", content="Nhất trí với dự thảo."
    )
    return rows


def test_documents_move_and_a_document_both_portals_carried_is_not_doubled(
    units, library
):
    new, old_a, _ = units
    merge([new], [old_a])
    own = Document.objects.get(pk=library["own_a"].pk)
    assert own.site == new and own.merged_from == "Phường Tân Thịnh"
    # Its issuing body is remembered by the new unit under the same name.
    assert own.issuing_body.site == new
    # The province's decision both carried: the new unit's copy stays the one.
    same_number = Document.key_of("12/2025/QĐ-UBND")
    assert Document.objects.filter(site=new, number_key=same_number).count() == 2
    assert Document.objects.get(pk=library["province_a"].pk).site == old_a
    assert location(OLD_A, library["province_a"].get_absolute_url()).endswith(
        library["province_new"].get_absolute_url()
    )


def test_a_moved_documents_page_and_files_answer_from_the_old_address(units, library):
    new, old_a, _ = units
    own, attachment = library["own_a"], library["file_a"]
    merge([new], [old_a])
    moved = Document.objects.get(pk=own.pk)
    assert location(OLD_A, own.get_absolute_url()) == (
        f"http://{NEW}{moved.get_absolute_url()}"
    )
    old_file = reverse("documents:download", args=[own.slug, attachment.pk])
    assert location(OLD_A, old_file) == (
        f"http://{NEW}"
        + reverse("documents:download", args=[moved.slug, attachment.pk])
    )
    page = host_client(NEW).get(moved.get_absolute_url()).content.decode()
    assert "Nguồn: Phường Tân Thịnh, trước sáp nhập" in page


def test_drafts_move_with_their_opinions(units, library):
    new, old_a, _ = units
    merge([new], [old_a])
    draft = Draft.objects.get(pk=library["draft_a"].pk)
    assert draft.site == new
    assert Opinion.objects.get().site == new


def test_a_procedure_the_new_unit_lists_is_not_doubled(units, library):
    new, old_a, _ = units
    report = merge([new], [old_a]).text()
    assert Procedure.objects.get(pk=library["land_a"].pk).site == new
    assert Procedure.objects.get(pk=library["birth_a"].pk).site == old_a
    assert location(OLD_A, library["birth_a"].get_absolute_url()).endswith(
        library["birth_new"].get_absolute_url()
    )
    assert "Thủ tục hành chính: 1" in report
    assert "Thủ tục đơn vị mới đã có: 1" in report


def test_pages_with_clashing_addresses_keep_both(units, library):
    new, old_a, _ = units
    merge([new], [old_a])
    moved = Page.objects.get(pk=library["intro_a"].pk)
    assert moved.site == new and moved.slug == "gioi-thieu-2"
    assert Page.objects.get(pk=library["intro_new"].pk).slug == "gioi-thieu"
    assert location(OLD_A, "/trang/gioi-thieu/") == f"http://{NEW}/trang/gioi-thieu-2/"


def test_answers_move_and_their_tracking_code_still_finds_them(units, library):
    new, old_a, _ = units
    merge([new], [old_a])
    answer = Question.objects.get(pk=library["answer_a"].pk)
    assert answer.site == new and answer.merged_from == "Phường Tân Thịnh"
    page = host_client(NEW).get(answer.get_absolute_url())
    assert page.status_code == 200
    assert "Nguồn: Phường Tân Thịnh, trước sáp nhập" in page.content.decode()


def test_the_dry_run_moves_nothing(units, library):
    new, old_a, _ = units
    merge([new], [old_a], dry_run=True)
    assert Document.objects.get(pk=library["own_a"].pk).site == old_a
    assert Page.objects.get(pk=library["intro_a"].pk).slug == "gioi-thieu"


def test_the_default_unit_moves_to_its_successor(units):
    new, old_a, _ = units
    UnitProfile.objects.filter(site=new).update(is_default=False)
    UnitProfile.objects.filter(site=old_a).update(is_default=True)
    merge([new], [old_a])
    assert list(
        UnitProfile.objects.filter(is_default=True).values_list("site", flat=True)
    ) == [new.pk]


@pytest.mark.parametrize(
    "url_name",
    ["questions:ask", "questions:track"],
)
def test_an_archived_unit_takes_no_question(units, url_name):
    new, old_a, _ = units
    merge([new], [old_a])
    response = host_client(OLD_A).post(reverse(url_name), {"title": "x"})
    assert response.status_code == 403
    assert "đơn vị cũ" in response.content.decode()
    assert not Question.objects.exists()


def test_an_archived_unit_takes_no_opinion_on_a_draft(units, library):
    """Even a draft left on the former unit's portal takes no more opinions."""
    new, old_a, _ = units
    merge([new], [old_a])
    left = make_draft(site=old_a, title="Dự thảo còn lại")
    response = host_client(OLD_A).post(
        reverse("documents:opinion", args=[left.slug]), {"content": "x"}
    )
    assert response.status_code == 403
    assert "đơn vị cũ" in response.content.decode()
    assert Opinion.objects.count() == 1
