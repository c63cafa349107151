"""A citizen finds a document by search, downloads its PDF and comments on a draft."""

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from captcha.models import CaptchaStore

from documents.models import DocumentRelation, Opinion
from tests.browser.test_accessibility import AXE_OPTIONS
from tests.documents.conftest import attach
from tests.factories import make_document, make_draft, make_procedure, make_unit


@pytest.fixture
def library(transactional_db):
    make_unit()
    old = make_document(
        number="15/2024/QĐ-UBND", summary="Quy định tiếp nhận hồ sơ một cửa"
    )
    new = make_document(number="26/2025/QĐ-UBND", summary="Quy định một cửa thay thế")
    DocumentRelation.objects.create(
        source=new, target=old, kind=DocumentRelation.Kind.REPLACES
    )
    make_document(number="58/KH-UBND", summary="Kế hoạch chuyển đổi số")
    attach(old)
    draft = make_draft(title="Dự thảo Quy chế quản lý nhà văn hóa tổ dân phố")
    procedure = make_procedure(name="Đăng ký khai sinh")
    return {"document": old, "draft": draft, "procedure": procedure}


def no_violations(page):
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]


def test_find_download_and_comment(live_server, page, library, artifacts):
    page.goto(live_server.url + "/van-ban/")
    page.get_by_label("Số, ký hiệu hoặc trích yếu").fill("qd-ubnd 15")
    page.get_by_role("button", name="Tra cứu").click()
    page.get_by_role("link", name="15/2024/QĐ-UBND").click()
    page.get_by_text("Được thay thế bởi:").wait_for()
    assert "Hết hiệu lực" in page.content()

    with page.expect_download() as info:
        page.get_by_role("link", name="Quyết định 15-2024-QĐ-UBND.pdf").click()
    download = info.value
    assert download.suggested_filename == "Quyết định 15-2024-QĐ-UBND.pdf"
    assert Path(download.path()).read_bytes()[:5] == b"%PDF-"

    page.goto(live_server.url + library["draft"].get_absolute_url())
    page.get_by_label("Họ tên").fill("Nguyễn Văn An")
    page.get_by_label("Số điện thoại").fill("0914 266 628")
    page.get_by_label("Điều, khoản góp ý").fill("Điều 5")
    page.get_by_role("textbox", name="Nội dung góp ý").fill(
        "Đề nghị mở cửa nhà văn hóa đến 21 giờ."
    )
    page.get_by_role("checkbox", name=re.compile("Tôi đồng ý")).check()
    key = page.locator("input[name=captcha_0]").input_value()
    page.get_by_label("Mã xác nhận").fill(
        CaptchaStore.objects.get(hashkey=key).response
    )
    page.get_by_role("button", name="Gửi góp ý").click()
    page.get_by_text("Ý kiến góp ý của bạn đã được tiếp nhận").wait_for()
    opinion = Opinion.objects.get()
    assert (opinion.phone, opinion.clause) == ("+84914266628", "Điều 5")
    page.screenshot(path=str(artifacts / "documents-draft.png"), full_page=True)


@pytest.mark.parametrize("width", [375, 1280])
def test_documents_pages_have_no_wcag_violations(live_server, page, library, width):
    page.set_viewport_size({"width": width, "height": 900})
    problems = {}
    for path in [
        "/van-ban/",
        "/van-ban/?q=quyet+dinh&hieu_luc=het-hieu-luc",
        library["document"].get_absolute_url(),
        "/du-thao/",
        library["draft"].get_absolute_url(),
        "/thu-tuc-hanh-chinh/",
        library["procedure"].get_absolute_url(),
    ]:
        page.goto(live_server.url + path)
        if found := no_violations(page):
            problems[path] = found
    assert problems == {}
