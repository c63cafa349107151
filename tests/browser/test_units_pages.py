"""Organisation, questions and schedule in a real Chromium: axe at 375 and 1280 px,
and a citizen asking a question and following it with the tracking code."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from captcha.models import CaptchaStore

from questions.models import Question
from tests.browser.test_accessibility import AXE_OPTIONS
from tests.factories import (
    image_upload,
    make_department,
    make_entry,
    make_official,
    make_position,
    make_question,
    make_topic,
    make_unit,
)


@pytest.fixture
def unit_pages(transactional_db):
    make_unit()
    committee = make_department(
        name="Ủy ban nhân dân phường", name_en="Ward People's Committee"
    )
    office = make_department(name="Văn phòng HĐND-UBND", parent=committee)
    make_official(
        committee,
        make_position(name="Chủ tịch UBND phường", name_en="Chairman"),
        name="Dương Anh Tuấn",
        phone="0914.266.628",
        email="datuan.tnmt@gmail.com",
        is_spokesperson=True,
        photo=image_upload("tuan.jpg", (320, 400), "JPEG"),
    )
    make_official(office, name="Lê Thị Hoa", is_contact_officer=True)
    topic = make_topic(name="Hộ tịch")
    question = make_question(topic=topic)
    for _ in range(16):
        make_question(topic=topic)
    make_entry()
    make_entry(start_time=None, content="Trực lãnh đạo")
    return {
        "organisation": "/to-chuc/",
        "organisation-en": "/en/organisation/",
        "questions": "/hoi-dap/",
        "questions-search": "/hoi-dap/?q=khai+sinh",
        "question": question.get_absolute_url(),
        "ask": "/hoi-dap/gui-cau-hoi/",
        "track": "/hoi-dap/tra-cuu/",
        "schedule": "/lich-cong-tac/",
    }


def violations(page):
    found = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in found]


@pytest.mark.parametrize("width", [375, 1280])
def test_the_new_pages_have_no_wcag_violations(live_server, page, unit_pages, width):
    page.set_viewport_size({"width": width, "height": 900})
    problems = {}
    for name, path in unit_pages.items():
        page.goto(live_server.url + path)
        if found := violations(page):
            problems[name] = found
    assert problems == {}


@pytest.mark.parametrize("width", [375, 1280])
def test_a_citizen_asks_and_follows_the_question(
    live_server, page, unit_pages, artifacts, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/hoi-dap/")
    page.get_by_role("link", name="Gửi câu hỏi").click()

    # Sent empty: the error summary and the fields' errors are accessible too.
    page.get_by_role("button", name="Gửi câu hỏi").click()
    page.get_by_role("alert").wait_for()
    assert violations(page) == []

    page.get_by_label("Họ tên").fill("Nguyễn Văn An")
    page.get_by_label("Thư điện tử").fill("an.nguyen@example.test")
    page.get_by_label("Lĩnh vực").select_option(label="Hộ tịch")
    page.get_by_label("Tiêu đề").fill("Thủ tục đăng ký khai sinh cho con")
    page.get_by_role("textbox", name=re.compile("^Câu hỏi")).fill(
        "Con tôi sinh ngày 02/01, tôi cần những giấy tờ gì để đăng ký khai sinh?"
    )
    page.get_by_role("checkbox", name=re.compile("Tôi đồng ý")).check()
    key = page.locator("input[name=captcha_0]").input_value()
    answer = CaptchaStore.objects.get(hashkey=key).response
    page.get_by_label("Mã xác nhận").fill(answer)
    page.get_by_label("Mã xác nhận").press("Enter")

    page.get_by_role("heading", name="Câu hỏi của bạn đã được gửi").wait_for()
    code = Question.objects.get(asker_name="Nguyễn Văn An").tracking_code
    assert f"{code[:4]}-{code[4:]}" in page.locator(".tracking-code").text_content()
    assert violations(page) == []

    page.get_by_role("button", name="Tra cứu câu hỏi ngay").click()
    page.get_by_text("Đã tiếp nhận").wait_for()
    assert code not in page.url  # sent by POST
    assert violations(page) == []
    page.screenshot(path=artifacts / f"questions-track-{width}.png", full_page=True)
