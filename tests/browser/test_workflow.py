"""The editorial workflow in a real Chromium: write, send back, fix, publish, edit live.

Three browser contexts: the editor, the approver and a citizen, each with their
own session, against the live server.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail

from articles.models import Article
from portal.models import Membership
from tests.browser.test_accessibility import AXE_OPTIONS
from tests.factories import make_category, make_staff, make_unit

PASSWORD = "mat-khau-123"


@pytest.fixture
def newsroom(transactional_db):
    make_unit()
    make_staff("bientap", role=Membership.Role.EDITOR)
    make_staff("lanhdao", role=Membership.Role.APPROVER)
    return make_category(name="Thông báo")


@pytest.fixture
def people(browser, live_server):
    contexts = []

    def open_as(username=None):
        context = browser.new_context(
            locale="vi-VN", viewport={"width": 1280, "height": 900}
        )
        contexts.append(context)
        page = context.new_page()
        if username:
            page.goto(f"{live_server.url}/admin/login/?next=/admin/")
            page.fill("#id_username", username)
            page.fill("#id_password", PASSWORD)
            page.click("input[type=submit]")
            page.wait_for_url("**/admin/")
        return page

    yield open_as
    for context in contexts:
        context.close()


def type_body(page, text):
    """Into CKEditor 5's editing area when it loaded, else into the textarea."""
    editable = page.locator(".ck-editor__editable")
    if editable.count():
        editable.first.click()
        page.keyboard.press("Control+A")
        page.keyboard.type(text)
    else:
        page.fill("#id_body", f"<p>{text}</p>")


def press(page, label):
    page.get_by_role("button", name=label, exact=True).click()
    page.wait_for_load_state()


def open_article(page, live_server, article):
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")


def test_write_send_back_fix_publish_and_edit_live(
    live_server, people, newsroom, artifacts
):
    editor, approver, citizen = people("bientap"), people("lanhdao"), people()

    # 1. The editor writes and submits.
    editor.goto(f"{live_server.url}/admin/articles/article/add/")
    editor.fill("#id_title", "Lịch tiếp công dân tháng 12")
    editor.select_option("#id_category", label="Thông báo")
    editor.fill("#id_lead", "Chủ tịch UBND tiếp công dân vào thứ Năm.")
    type_body(editor, "Địa điểm: trụ sở UBND phường.")
    press(editor, "Gửi duyệt")
    assert editor.get_by_text("Đã gửi duyệt").is_visible()
    article = Article.objects.get()
    assert article.status == "review"
    assert [m.to for m in mail.outbox] == [["lanhdao@example.test"]]

    # 2. The approver finds it in "Việc của tôi" and asks for changes.
    approver.goto(f"{live_server.url}/admin/")
    approver.get_by_role("link", name="Lịch tiếp công dân tháng 12").first.click()
    approver.wait_for_load_state()
    violations = Axe().run(approver, options=AXE_OPTIONS).response["violations"]
    ours = [
        v["id"]
        for v in violations
        for node in v["nodes"]
        if any("workflow" in str(t) for t in node["target"])
    ]
    assert ours == []  # the state, comment box and buttons are accessible
    approver.screenshot(path=str(artifacts / "workflow-review.png"), full_page=True)
    approver.get_by_label("Nội dung biên tập viên cần sửa").fill("Ghi rõ giờ tiếp dân.")
    press(approver, "Yêu cầu sửa")
    assert approver.get_by_text("Đã trả lại cho biên tập viên").is_visible()
    assert "Cần sửa" in mail.outbox[-1].subject

    # 3. The editor reads the comment, fixes and resubmits.
    open_article(editor, live_server, article)
    assert editor.get_by_text("Ghi rõ giờ tiếp dân.").is_visible()
    editor.screenshot(path=str(artifacts / "workflow-sent-back.png"))
    editor.fill("#id_lead", "Tiếp dân từ 7 giờ 30 thứ Năm.")
    press(editor, "Gửi duyệt")
    editor.screenshot(path=str(artifacts / "workflow-resubmitted.png"))

    # 4. The approver publishes; the public sees the article.
    open_article(approver, live_server, article)
    assert approver.get_by_text("Tiếp dân từ 7 giờ 30 thứ Năm.").count()
    press(approver, "Duyệt và xuất bản")
    assert approver.get_by_text("Đã xuất bản: người dân đã xem được.").is_visible()
    public_url = live_server.url + Article.objects.get().get_absolute_url()
    citizen.goto(public_url)
    assert citizen.get_by_role("heading", name="Lịch tiếp công dân tháng 12").count()
    assert citizen.get_by_text("Tiếp dân từ 7 giờ 30 thứ Năm.").count()

    # 5. The editor edits the live article: the public keeps the old text...
    open_article(editor, live_server, article)
    editor.fill("#id_lead", "Lịch mới: tiếp dân cả thứ Ba và thứ Năm.")
    press(editor, "Gửi duyệt")
    citizen.reload()
    assert citizen.get_by_text("Tiếp dân từ 7 giờ 30 thứ Năm.").count()
    assert not citizen.get_by_text("Lịch mới: tiếp dân cả thứ Ba").count()

    # ...until the approver approves.
    open_article(approver, live_server, article)
    assert approver.get_by_text("Có thay đổi chờ duyệt").count()
    press(approver, "Duyệt và xuất bản")
    citizen.reload()
    assert citizen.get_by_text("Lịch mới: tiếp dân cả thứ Ba và thứ Năm.").count()
    citizen.screenshot(path=str(artifacts / "workflow-published.png"))
    assert [m.to for m in mail.outbox if "Đã được duyệt" in m.subject] == [
        ["bientap@example.test"],
        ["bientap@example.test"],
    ]
