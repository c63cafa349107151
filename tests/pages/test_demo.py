"""The demo unit gets its pages and a menu that opens them."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from pages.models import Page
from portal.menu.models import MenuItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(site):
    call_command("load_demo", stdout=StringIO())
    return site


def test_the_demo_pages_are_published(client, demo):
    """Giới thiệu chung, Chức năng nhiệm vụ and the accessibility statement."""
    for slug, title in [
        ("gioi-thieu-chung", "Giới thiệu chung"),
        ("chuc-nang-nhiem-vu", "Chức năng nhiệm vụ"),
        ("tuyen-bo-ve-kha-nang-tiep-can", "Tuyên bố về khả năng tiếp cận"),
    ]:
        html = client.get(f"/trang/{slug}/").content.decode()
        assert f'<h1 class="article__title">{title}</h1>' in html


def test_the_demo_menu_orders_categories_pages_and_links(client, demo):
    """The categories, the unit's documents and services, its pages, the portals."""
    html = client.get("/").content.decode()
    nav = html[html.index('<ul class="menu__list">') : html.index("</nav>")]
    assert re.findall(r"<(?:a [^>]*|summary)>([^<]+)<", nav) == [
        "Trang chủ",
        "Tin tức - Sự kiện",
        "Xây dựng Đảng",
        "Hội nghị - Sơ kết",
        "Văn bản",
        "Tra cứu văn bản",
        "Lấy ý kiến dự thảo",
        "Thủ tục hành chính",
        "Hỏi đáp",
        "Giới thiệu",
        "Giới thiệu chung",
        "Chức năng nhiệm vụ",
        "Cơ cấu tổ chức và liên hệ",
        "Lịch công tác",
        "Tuyên bố về khả năng tiếp cận",
        "Chính sách bảo vệ dữ liệu cá nhân",
        "Liên kết",
        "Cổng Dịch vụ công Quốc gia",
        "Cổng thông tin điện tử tỉnh Thái Nguyên",
    ]


def test_loading_the_demo_again_changes_nothing(demo):
    """No page or menu entry is duplicated, and a unit's own menu is kept."""
    counts = (Page.objects.count(), MenuItem.objects.count())
    MenuItem.objects.filter(label="Liên kết").update(label="Liên kết hữu ích")
    call_command("load_demo", stdout=StringIO())
    assert (Page.objects.count(), MenuItem.objects.count()) == counts
    assert MenuItem.objects.filter(label="Liên kết hữu ích").exists()


def test_the_demo_pages_are_searchable(client, demo):
    """Pages written by the demo are in the search index."""
    response = client.get("/tim-kiem/", {"q": "kha nang tiep can", "loai": "trang"})
    titles = [entry.title for entry in response.context["results"].page]
    assert titles[0] == "Tuyên bố về khả năng tiếp cận"
