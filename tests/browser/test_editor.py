"""Staff write in CKEditor 5 in Vietnamese, in a real Chromium."""

import pytest
from django.urls import reverse


@pytest.fixture
def admin_login(transactional_db, live_server, page, django_user_model):
    django_user_model.objects.create_superuser("quantri", "", "mat-khau-rat-dai-123")
    page.goto(live_server.url + reverse("admin:login"))
    page.get_by_label("Tên đăng nhập").fill("quantri")
    page.get_by_label("Mật khẩu").fill("mat-khau-rat-dai-123")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(live_server.url + reverse("admin:index"))
    return page


def test_the_editor_speaks_vietnamese(admin_login, live_server):
    page = admin_login
    page.goto(live_server.url + reverse("admin:articles_article_add"))
    editable = page.locator(".ck-editor__editable").first
    editable.wait_for()
    assert editable.get_attribute("aria-label").startswith("Vùng soạn thảo nội dung")
    assert page.locator(".ck-toolbar button[data-cke-tooltip-text^='Làm lại']").count()
    assert not page.locator(
        ".ck-toolbar button[data-cke-tooltip-text^='Tiếp tục']"
    ).count()
    editable.click()
    page.keyboard.type("Hội nghị tổng kết")
    assert "Hội nghị tổng kết" in page.locator("textarea#id_body").input_value()
