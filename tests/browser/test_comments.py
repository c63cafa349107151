"""A citizen rates an article and sends a comment in a real Chromium."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from captcha.models import CaptchaStore
from playwright.sync_api import expect

from comments.models import Comment
from tests.browser.test_accessibility import AXE_OPTIONS
from tests.factories import make_article, make_unit


@pytest.fixture
def article(transactional_db):
    make_unit()
    return make_article(title="Hội nghị tổng kết công tác Đảng năm 2020")


def captcha_key(page):
    return page.locator("input[name=captcha_0]").input_value()


def test_rate_refresh_captcha_and_comment(live_server, page, article, artifacts):
    page.goto(live_server.url + article.get_absolute_url())
    assert page.get_by_text(
        "Mời bạn là người đầu tiên xếp hạng và nhận xét"
    ).is_visible()
    url = page.url

    # Rating: updated in place by the script, announced, no navigation.
    page.get_by_role("button", name="4 sao").click()
    # Locator waits, not wait_for_function: the page's CSP forbids eval().
    expect(page.locator('[data-star-count="4"]')).to_have_text("(1)")
    live = page.locator("[data-rating-live]")
    live.filter(has_text="Cảm ơn bạn đã đánh giá").wait_for(state="attached")
    assert "4,0/5" in page.locator("[data-rating-summary]").text_content()
    assert page.url == url

    # The form (and its captcha) comes when the reader asks for it, in place.
    assert page.locator("input[name=captcha_0]").count() == 0
    page.get_by_role("link", name="Viết bình luận").click()
    page.get_by_label("Họ tên").wait_for()
    assert page.url == url

    # New captcha without reloading: image and hidden key change, typing kept.
    page.get_by_label("Họ tên").fill("Nguyễn Văn An")
    old_key = captcha_key(page)
    old_src = page.locator("[data-captcha-image]").get_attribute("src")
    page.get_by_role("button", name="Lấy lại mã bảo mật").click()
    expect(page.locator("input[name=captcha_0]")).not_to_have_value(old_key)
    assert page.locator("[data-captcha-image]").get_attribute("src") != old_src
    assert page.get_by_label("Họ tên").input_value() == "Nguyễn Văn An"
    assert page.url == url

    # A wrong answer: the page comes back with the message and the typed text.
    page.get_by_label("Số điện thoại").fill("+84 914 266 628")
    page.get_by_label("Tiêu đề").fill("Đề nghị sửa đường")
    content = page.get_by_role("textbox", name="Nội dung")
    content.fill("Đường liên xóm 3 đã xuống cấp nhiều.")
    page.get_by_label("Mã xác nhận").fill("sai")
    page.get_by_role("button", name="Gửi bình luận").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "Mã xác nhận không đúng hoặc đã hết hạn" in alert.text_content()
    # Consent is never assumed: the unticked box is one of the errors.
    assert "Vui lòng đánh dấu ô đồng ý" in alert.text_content()
    assert page.get_by_label("Tiêu đề").input_value() == "Đề nghị sửa đường"
    assert page.get_by_label("Số điện thoại").input_value() == "+84 914 266 628"
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert [v["id"] for v in violations] == []  # the error state is accessible too

    # Consent, then the right answer, read from the store for the key now in the
    # form; Enter in the code box sends the comment (it does not refresh the code).
    page.get_by_role("checkbox", name=re.compile("Tôi đồng ý")).check()
    answer = CaptchaStore.objects.get(hashkey=captcha_key(page)).response
    page.get_by_label("Mã xác nhận").fill(answer)
    page.get_by_label("Mã xác nhận").press("Enter")
    page.get_by_text("Bình luận của bạn đang chờ duyệt").wait_for()
    assert re.search(r"#binh-luan$", page.url)
    comment = Comment.objects.get()
    assert comment.phone == "+84914266628" and comment.status == "pending"
    assert comment.consented_at is not None
    page.screenshot(path=str(artifacts / "comments-article.png"), full_page=True)


def test_without_javascript_a_star_and_a_comment_still_work(
    live_server, browser, article
):
    """Scripts off: a star opens a page that posts the vote; the link opens the form."""
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    page = context.new_page()
    page.goto(live_server.url + article.get_absolute_url())
    page.get_by_role("button", name="5 sao").click()
    page.get_by_role("button", name="Gửi đánh giá").click()
    page.get_by_text("Cảm ơn bạn đã đánh giá").wait_for()
    assert page.locator('[data-star-count="5"]').text_content() == "(1)"
    page.get_by_role("link", name="Viết bình luận").click()
    assert page.get_by_label("Mã xác nhận").is_visible()
    context.close()
