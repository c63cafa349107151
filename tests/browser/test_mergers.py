"""A former unit's host in a real browser: redirect followed, chooser and banner pass axe."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from portal.mergers.services import merge_units
from tests.browser.test_accessibility import AXE_OPTIONS
from tests.factories import make_article, make_category, make_site, make_unit


@pytest.fixture
def former_units(transactional_db, settings, site):
    """Tân Thịnh merged into the demo unit; Thịnh Đức divided with Tân Cương."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".localhost"]
    site.domain, site.name = "localhost", "Phường Tân Lập"
    site.save()
    make_unit(site=site)
    tanthinh = make_site("tanthinh.localhost", "Phường Tân Thịnh")
    thinhduc = make_site("thinhduc.localhost", "Xã Thịnh Đức")
    tancuong = make_site("tancuong.localhost", "Xã Tân Cương")
    for unit in (tanthinh, thinhduc, tancuong):
        make_unit(site=unit, name=unit.name.upper())
    make_category(site=site, name="Tin tức")
    make_article(category=make_category(site=tanthinh, name="Tin tức"), slug="tin-a")
    make_article(category=make_category(site=thinhduc, name="Tin tức"), slug="tin-b")
    merge_units(into=[site], sources=[tanthinh])
    merge_units(into=[site, tancuong], sources=[thinhduc])
    return site


def test_a_former_units_article_address_opens_the_article_on_the_new_host(
    live_server, page, former_units
):
    port = live_server.url.rsplit(":", 1)[1]
    page.goto(f"http://tanthinh.localhost:{port}/tin-tuc/tin-a/")
    assert page.url == f"http://localhost:{port}/tin-tuc/tin-a/"
    assert "Nguồn: Phường Tân Thịnh, trước sáp nhập" in page.content()


@pytest.mark.parametrize("path", ["/", "/khong-con-trang-nay/"])
def test_the_chooser_and_the_banner_pass_axe(live_server, page, former_units, path):
    port = live_server.url.rsplit(":", 1)[1]
    page.goto(f"http://thinhduc.localhost:{port}{path}")
    assert page.locator("#main").get_by_role("link", name="Xã Tân Cương").is_visible()
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert [v["id"] for v in violations] == []
