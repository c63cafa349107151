"""Attachments are checked by their bytes, stored under generated names, labelled."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from documents import demo_files
from documents.files import check_attachment
from documents.models import DocumentAttachment
from tests.factories import make_document, upload

pytestmark = pytest.mark.django_db

PDF = demo_files.pdf(["QUYET DINH"])
DOCX = demo_files.docx(["Quyết định số 15/2024/QĐ-UBND"])
XLSX = demo_files.xlsx([["STT", "Nội dung"]])
HTML = b"<!doctype html><html><script>alert(1)</script></html>"


def refusal(name, data):
    with pytest.raises(ValidationError) as error:
        check_attachment(upload(name, data))
    return error.value.messages[0]


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("Quyết định.pdf", PDF, "pdf"),
        ("Quyết định.docx", DOCX, "docx"),
        ("Biểu mẫu.xlsx", XLSX, "xlsx"),
        ("Văn bản.odt", demo_files.odf("text"), "odt"),
        ("Bảng tính.ods", demo_files.odf("spreadsheet"), "ods"),
        ("Phụ lục.zip", demo_files.archive({"a.pdf": PDF, "b.xlsx": XLSX}), "zip"),
    ],
)
def test_accepted_kinds_are_recognised_by_content(name, data, kind):
    assert check_attachment(upload(name, data)).code == kind


def test_a_pdf_renamed_docx_is_refused_saying_what_it_is():
    message = refusal("Quyết định.docx", PDF)
    assert "có đuôi .docx nhưng là tệp PDF" in message
    assert "đổi tên thành .pdf" in message


def test_an_html_page_renamed_pdf_is_refused():
    message = refusal("quyet-dinh.pdf", HTML)
    assert "trang web hoặc ảnh (HTML/SVG)" in message


def test_an_svg_image_is_refused():
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'
    assert "HTML/SVG" in refusal("so-do.pdf", svg)


def test_a_docx_and_a_zip_are_told_apart_though_both_are_zip_files():
    """A plain ZIP named .docx is not a Word document, and the reverse."""
    assert "là tệp ZIP" in refusal("Quyết định.docx", demo_files.archive({"a": b"x"}))
    assert "là tệp DOCX" in refusal("Phụ lục.zip", DOCX)


def test_an_opendocument_and_an_office_file_are_told_apart():
    assert "là tệp ODT" in refusal("Văn bản.docx", demo_files.odf("text"))


def test_a_zip_with_a_program_inside_is_refused():
    annexes = demo_files.archive({"Phụ lục.pdf": PDF, "cai-dat.exe": b"MZ..."})
    assert "cai-dat.exe" in refusal("Phụ lục.zip", annexes)


def test_a_damaged_zip_is_refused():
    assert "bị hỏng" in refusal("Phụ lục.zip", b"PK\x03\x04" + b"\x00" * 64)


@override_settings(DOCUMENT_ATTACHMENT_MAX_BYTES=1024 * 1024)
def test_an_oversized_file_is_refused_with_both_sizes():
    big = PDF + b"0" * (1024 * 1024 + 200 * 1024)
    message = refusal("Quyết định.pdf", big)
    assert "quá lớn (1,2 MB)" in message and "1,0 MB" in message


def test_unknown_kinds_are_refused_listing_what_is_accepted():
    message = refusal("anh.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    assert "PDF, Word (DOC, DOCX)" in message


def test_a_stored_file_gets_a_generated_name_and_keeps_the_original(site):
    document = make_document()
    attachment = DocumentAttachment.objects.create(
        document=document, file=upload("Quyết định 15-2024-QĐ-UBND.pdf", PDF)
    )
    assert attachment.original_name == "Quyết định 15-2024-QĐ-UBND.pdf"
    assert attachment.file.name.startswith("van-ban/")
    assert attachment.file.name.endswith(".pdf")
    assert "Quy" not in attachment.file.name


def test_the_label_shows_kind_and_size_in_vietnamese_notation(site):
    document = make_document()
    data = PDF + b"0" * (1258291 - len(PDF))  # 1.2 MiB
    attachment = DocumentAttachment.objects.create(
        document=document, file=upload("Quyết định.pdf", data)
    )
    assert attachment.label == "PDF, 1,2 MB"
