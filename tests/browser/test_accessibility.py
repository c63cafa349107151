"""WCAG 2.1 AA checks with axe-core on every kind of public page, phone and desktop."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import make_article, make_category, make_unit

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


@pytest.fixture
def portal_pages(transactional_db):
    make_unit()
    parent = make_category(name="Tin tức - Sự kiện")
    child = make_category(name="Tin trong xã", parent=parent)
    article = make_article(
        category=child,
        featured=True,
        body='<p>Nội dung.</p><figure class="image"><img src="/static/none.png" '
        'alt="Toàn cảnh hội nghị"><figcaption>Toàn cảnh hội nghị</figcaption></figure>',
    )
    make_article(category=parent)
    return {
        "home": "/",
        "category": parent.get_absolute_url(),
        "article": article.get_absolute_url(),
        "search": "/tim-kiem/?q=hoi+nghi",
        "not-found": "/khong-co-trang-nay/",
    }


@pytest.mark.parametrize("width", [375, 1280])
def test_public_pages_have_no_wcag_violations(live_server, page, portal_pages, width):
    page.set_viewport_size({"width": width, "height": 900})
    axe = Axe()
    problems = {}
    for name, path in portal_pages.items():
        page.goto(live_server.url + path)
        results = axe.run(page, options=AXE_OPTIONS)
        violations = results.response["violations"]
        if violations:
            problems[name] = [
                (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
                for v in violations
            ]
    assert problems == {}


def test_the_search_page_has_unique_landmarks(live_server, page, portal_pages):
    """axe's landmark-unique (best practice): the two search forms are named apart."""
    page.goto(live_server.url + portal_pages["search"])
    results = Axe().run(
        page, options={"runOnly": {"type": "rule", "values": ["landmark-unique"]}}
    )
    assert results.response["violations"] == []
