"""A citizen reads a demo article on a phone and on a desktop, in Debian's Chromium."""

import pytest
from django.core.management import call_command

from articles.models import Article

TITLE = "Huyện ủy Thường Tín triển khai công tác xây dựng Đảng năm 2021"


@pytest.fixture
def demo_article(transactional_db):
    call_command("load_demo", verbosity=0)
    return Article.objects.get(title=TITLE)


@pytest.mark.parametrize("width", [375, 1280])
def test_reading_a_demo_article(live_server, page, demo_article, artifacts, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + demo_article.get_absolute_url())

    assert page.title().startswith(TITLE)
    assert page.locator("h1").inner_text() == TITLE
    assert page.locator(".article__meta time").inner_text() == "16:04 08/01/2021"
    cover = page.locator(".article__cover img")
    assert cover.evaluate("img => img.complete && img.naturalWidth > 0")
    # Nothing wider than the phone: no sideways scrolling to read.
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.screenshot(path=artifacts / f"article-{width}.png", full_page=True)
    assert (artifacts / f"article-{width}.png").stat().st_size > 10_000

    # The first Tab reaches the skip link, which shows itself and jumps to the content.
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Bỏ qua để đến nội dung chính"
    assert skip.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")

    footer = page.locator("footer")
    assert "PHƯỜNG TÂN LẬP - THÀNH PHỐ THÁI NGUYÊN" in footer.inner_text()
    assert "datuan.tnmt@gmail.com" in footer.inner_text()
