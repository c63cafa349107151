"""Pages, the unit's menu, the search and printing, in Debian's Chromium."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from articles.models import Article
from tests.browser.test_accessibility import AXE_OPTIONS

TITLE = "Huyện ủy Thường Tín triển khai công tác xây dựng Đảng năm 2021"
PAGE = "/trang/gioi-thieu-chung/"


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo", verbosity=0)
    return Article.objects.get(title=TITLE)


def hidden(page, selector):
    return all(not element.is_visible() for element in page.locator(selector).all())


@pytest.mark.parametrize("path", ["article", PAGE])
def test_printing_shows_the_content_its_address_and_date_only(
    live_server, page, demo, artifacts, path
):
    """With print media, the menu, forms, counter, sidebar and buttons are gone."""
    path = demo.get_absolute_url() if path == "article" else path
    page.goto(live_server.url + path)
    assert page.locator(".menu").is_visible()
    assert page.locator(".print-source").is_hidden()
    page.emulate_media(media="print")
    for selector in (
        ".menu",
        ".site-search",
        ".sidebar",
        ".counter",
        "form",
        ".print-save",
    ):
        assert hidden(page, selector), selector
    assert page.locator("h1").is_visible()
    source = page.locator(".print-source")
    assert source.is_visible()
    assert f"Nguồn: {live_server.url}{path}" in source.inner_text()
    assert "Ngày: " in source.inner_text()
    page.pdf(path=artifacts / f"print-{path.strip('/').replace('/', '-')}.pdf")


def test_the_print_button_opens_the_browsers_print(live_server, page, demo):
    """The button shows with JavaScript and calls window.print()."""
    page.add_init_script("window.print = () => { window.__printed = true; };")
    page.goto(live_server.url + PAGE)
    page.get_by_role("button", name="In").click()
    assert page.evaluate("window.__printed") is True


def test_saving_downloads_a_file_named_in_vietnamese(live_server, page, demo, tmp_path):
    """The browser reads filename* (RFC 6266) and saves the page under its title."""
    page.goto(live_server.url + PAGE)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Lưu bài viết").click()
    download = download_info.value
    assert download.suggested_filename == "Giới thiệu chung.html"
    saved = tmp_path / "copy.html"
    download.save_as(saved)
    page.goto(saved.as_uri())
    assert page.locator("h1").inner_text() == "Giới thiệu chung"
    assert page.locator("nav, form, script").count() == 0


def test_search_finds_every_kind_and_filters_by_kind(live_server, page, demo):
    """Typed without accents from the header; pages and news both found, marked."""
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox").first.fill("gioi thieu")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/**")
    assert page.locator(".result mark").first.inner_text() == "Giới"
    page.get_by_role("link", name="Trang (").click()
    kinds = page.locator(".result__kind").all_inner_texts()
    assert kinds and set(kinds) == {"Trang"}


def test_a_heading_opens_with_the_keyboard_on_a_desktop(live_server, page, demo):
    """Tab to "Giới thiệu", Enter opens it, Tab reaches its first page."""
    page.goto(live_server.url + "/")
    summary = page.locator(".menu__group > summary", has_text="Giới thiệu")
    summary.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.inner_text() == "Giới thiệu chung"
    assert focused.is_visible()


def test_the_phone_menu_works_without_javascript(live_server, browser, demo):
    """At 375 px and with scripts off, the menu folds, unfolds and opens a page."""
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 375, "height": 800}
    )
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        toggle = page.locator(".menu__toggle > summary")
        assert toggle.is_visible()
        link = page.locator(".menu__list > li > a", has_text="Tin tức - Sự kiện")
        assert link.is_visible()
        toggle.click()
        assert link.is_hidden()
        toggle.click()
        page.locator(".menu__group > summary", has_text="Giới thiệu").click()
        page.locator(".menu__sub a", has_text="Chức năng nhiệm vụ").click()
        assert page.locator("h1").inner_text() == "Chức năng nhiệm vụ"
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_new_public_pages_have_no_wcag_violations(live_server, page, demo, width):
    """axe (WCAG 2.1 AA) on the pages, the search and the menu, phone and desktop."""
    page.set_viewport_size({"width": width, "height": 900})
    axe = Axe()
    problems = {}
    for path in [
        PAGE,
        "/trang/tuyen-bo-ve-kha-nang-tiep-can/",
        "/tim-kiem/?q=dang+uy",
        "/tim-kiem/?q=gioi+thieu&loai=trang",
        "/tim-kiem/?q=khong+co+gi+ca",
        "/",
    ]:
        page.goto(live_server.url + path)
        if path == "/":
            page.locator(".menu__group > summary").first.click()
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            problems[path] = [
                (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
                for v in violations
            ]
    assert problems == {}
