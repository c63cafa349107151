"""The unit administrator builds and orders the menu in the admin."""

import re

import pytest

from portal import menu
from portal.menu.models import MenuItem
from portal.models import Membership
from tests.factories import (
    login_verified,
    make_category,
    make_menu_item,
    make_page,
    make_site,
    make_staff,
)

pytestmark = pytest.mark.django_db

ADMIN = "/admin/menu/menuitem/"


@pytest.fixture
def unit_admin(client, site):
    user = make_staff("quantri", site, role=Membership.Role.UNIT_ADMIN)
    login_verified(client, user)
    return user


def entry_form(**overrides):
    data = {"label": "", "target": "", "url": "", "parent": "", "position": "1"}
    data.update(overrides)
    data.setdefault("visible", "on")
    return data


def test_an_entry_opens_a_page_chosen_from_the_units_pages(client, site, unit_admin):
    """The page is picked from a list; the menu links it under its title."""
    page = make_page(title="Giới thiệu chung")
    response = client.post(f"{ADMIN}add/", entry_form(target=f"page:{page.pk}"))
    assert response.status_code == 302
    item = MenuItem.objects.get()
    assert (item.target, item.object_id, item.content_object) == ("page", page.pk, page)
    assert '<a href="/trang/gioi-thieu-chung/">Giới thiệu chung</a>' in (
        client.get("/").content.decode()
    )


def test_the_choices_are_grouped_by_kind_and_only_the_units(client, site, unit_admin):
    """Categories, pages, fixed pages and links in groups; no other unit's page."""
    site.domain = "testserver"
    site.save()
    make_category(name="Xây dựng Đảng")
    make_page(title="Trang của phường")
    make_page(site=make_site("xa-khac.example.test"), title="Trang của xã khác")
    html = client.get(f"{ADMIN}add/").content.decode()
    groups = re.findall(r'<optgroup label="([^"]+)">', html)
    assert groups == [
        "Các trang của cổng thông tin",
        "Chuyên mục tin tức",
        "Trang",
        "Khác",
    ]
    assert "Trang của phường" in html and "Trang của xã khác" not in html
    assert '<option value="privacy">Chính sách bảo vệ dữ liệu cá nhân</option>' in html


def test_an_address_typed_without_https_gets_it(client, site, unit_admin):
    """An address typed as dichvucong.gov.vn is saved with https://."""
    client.post(
        f"{ADMIN}add/",
        entry_form(target=menu.EXTERNAL, label="Dịch vụ công", url="dichvucong.gov.vn"),
    )
    assert MenuItem.objects.get().url == "https://dichvucong.gov.vn"


def test_a_script_address_is_refused_with_a_vietnamese_message(
    client, site, unit_admin
):
    """javascript: links are refused; nothing is saved, what was typed stays."""
    response = client.post(
        f"{ADMIN}add/",
        entry_form(target=menu.EXTERNAL, label="Lừa đảo", url="javascript:alert(1)"),
    )
    assert response.status_code == 200
    assert not MenuItem.objects.exists()
    html = response.content.decode()
    assert "Nhập một URL hợp lệ." in html
    assert 'value="Lừa đảo"' in html


def test_an_entry_without_a_destination_is_refused(client, site, unit_admin):
    """A page entry needs its page; the error is on the "opens" field."""
    response = client.post(f"{ADMIN}add/", entry_form(target="page:999999"))
    assert response.status_code == 200
    assert not MenuItem.objects.exists()
    assert list(response.context["adminform"].form.errors) == ["target"]


def test_the_list_shows_entries_in_menu_order(client, site, unit_admin):
    """Each top entry, then its sub-entries, as the menu shows them."""
    second = make_menu_item(label="Liên kết", position=2)
    first = make_menu_item(label="Giới thiệu", position=1)
    make_menu_item(label="Cổng tỉnh", parent=second, position=1)
    make_menu_item(label="Lịch sử", parent=first, position=5)
    html = client.get(ADMIN).content.decode()
    names = re.findall(r'<th class="field-entry"><a [^>]*>([^<]+)</a>', html)
    assert names == ["Giới thiệu", "— Lịch sử", "Liên kết", "— Cổng tỉnh"]


def test_reordering_in_the_list_reorders_the_menu(client, site, unit_admin):
    """Positions edited in the list change the public order."""
    a = make_menu_item(label="Một", position=1)
    b = make_menu_item(label="Hai", position=2)
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": str(a.pk),
        "form-0-position": "3",
        "form-0-visible": "on",
        "form-1-id": str(b.pk),
        "form-1-position": "1",
        "form-1-visible": "on",
        "_save": "Lưu",
    }
    assert client.post(ADMIN, data).status_code == 302
    html = client.get("/").content.decode()
    assert html.index(">Hai<") < html.index(">Một<")
