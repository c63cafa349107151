"""CSV import of documents from an old portal: a dry run reports every row."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from documents.models import Document, DocumentRelation
from tests.factories import upload

pytestmark = pytest.mark.django_db

HEADER = "Số ký hiệu;Loại văn bản;Cơ quan ban hành;Người ký;Ngày ban hành;Ngày hiệu lực;Trích yếu;Thay thế văn bản\n"
GOOD = "15/2024/QĐ-UBND;Quyết định;UBND tỉnh Thái Nguyên;Lê Quang Minh;20/05/2024;01/06/2024;Quy định một cửa;\n"
REPLACING = "26/2025/QĐ-UBND;Quyết định;UBND tỉnh Thái Nguyên;;10/07/2025;;Quy định một cửa mới;15/2024/QĐ-UBND\n"
BAD_DATE = (
    "16/2024/QĐ-UBND;Quyết định;UBND tỉnh Thái Nguyên;;31/02/2024;;Văn bản lỗi ngày;\n"
)
NO_SUMMARY = "17/2024/QĐ-UBND;Quyết định;UBND tỉnh Thái Nguyên;;01/03/2024;;;\n"


def csv_file(tmp_path, *rows):
    path = tmp_path / "van-ban.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8-sig")
    return str(path)


def run(path, *args):
    out = StringIO()
    call_command("import_documents", path, "--user", "lanhdao", *args, stdout=out)
    return out.getvalue()


def test_a_dry_run_reports_each_bad_row_and_writes_nothing(tmp_path, approver):
    path = csv_file(tmp_path, GOOD, BAD_DATE, NO_SUMMARY)
    with pytest.raises(CommandError):
        run(path)
    assert not Document.objects.exists()


def test_the_report_names_the_line_and_the_problem(tmp_path, approver):
    path = csv_file(tmp_path, GOOD, BAD_DATE, NO_SUMMARY)
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import_documents", path, "--user", "lanhdao", stdout=out)
    report = out.getvalue()
    assert (
        "Dòng 3: Ngày ban hành “31/02/2024” không phải ngày viết theo dạng dd/mm/yyyy."
        in report
    )
    assert "Dòng 4: Cột “Trích yếu” để trống." in report
    assert "1 mới, 0 đã có, 2 có lỗi. Chạy thử: chưa ghi gì." in report


def test_apply_imports_published_documents_with_relations(tmp_path, approver):
    path = csv_file(tmp_path, GOOD, REPLACING)
    run(path, "--apply", "--publish")
    old, new = (
        Document.objects.get(number=n) for n in ("15/2024/QĐ-UBND", "26/2025/QĐ-UBND")
    )
    assert old.live and new.live
    assert old.effective_date.isoformat() == "2024-06-01"
    assert new.effective_date == new.issue_date
    assert DocumentRelation.objects.filter(source=new, target=old).exists()
    assert old.effect_status() == "het-hieu-luc"


def test_importing_twice_adds_nothing(tmp_path, approver):
    path = csv_file(tmp_path, GOOD)
    run(path, "--apply")
    assert "0 mới, 1 đã có, 0 có lỗi." in run(path, "--apply")
    assert Document.objects.count() == 1


def test_a_missing_column_is_refused_before_any_row(tmp_path, approver):
    path = tmp_path / "thieu.csv"
    path.write_text("Số ký hiệu,Trích yếu\n1/QĐ,Văn bản\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Dòng đầu thiếu các cột"):
        run(str(path))


def test_the_admin_page_runs_a_dry_run(site, approver):
    client = Client()
    client.force_login(approver)
    url = reverse("admin:documents_document_import")
    data = (HEADER + GOOD + BAD_DATE).encode("utf-8")
    response = client.post(url, {"file": upload("van-ban.csv", data), "dry_run": "on"})
    html = response.content.decode()
    assert "Kết quả chạy thử (chưa ghi gì)" in html
    assert "1 mới, 0 đã có, 1 có lỗi." in html
    assert "31/02/2024" in html
    assert not Document.objects.exists()


def test_a_non_utf8_file_is_explained(site, approver):
    client = Client()
    client.force_login(approver)
    data = (HEADER + GOOD).encode("cp1258", errors="replace")
    response = client.post(
        reverse("admin:documents_document_import"),
        {"file": upload("van-ban.csv", data), "dry_run": "on"},
    )
    assert "CSV UTF-8" in response.content.decode()
