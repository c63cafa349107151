"""The header, menu and footer, kept per process for each version of a unit's data
(portal/fragments.py): never another unit's, language's or page's, never stale."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from portal import fragments, page_context
from tests.factories import (
    A_HOST,
    B_HOST,
    make_article,
    make_menu_item,
    make_page,
    make_unit,
)

# Every page is made for its request: a copy from the page cache renders nothing.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

HEADER = "includes/header.html"


def rendered(response):
    return [t.name for t in response.templates]


def header(response):
    html = response.content.decode()
    return html[html.index('<header class="site-header">') : html.index("</header>")]


def footer(response):
    html = response.content.decode()
    return html[html.index('<footer class="site-footer">') : html.index("</footer>")]


def test_the_header_is_rendered_once_for_each_version_of_the_unit(client, site):
    unit = make_unit(site=site, name="UBND XÃ TÂN LẬP", address="Ấp 1")
    first = client.get("/")
    assert HEADER in rendered(first)
    second = client.get("/")
    assert HEADER not in rendered(second)
    assert header(second) == header(first)
    assert "Ấp 1" in footer(second)
    # Saving the unit forgets its data: a new version, rendered again at once.
    unit.name, unit.address = "UBND XÃ TÂN LẬP MỚI", "Ấp 2"
    unit.save()
    third = client.get("/")
    assert HEADER in rendered(third)
    assert "UBND XÃ TÂN LẬP MỚI" in header(third)
    assert "Ấp 2" in footer(third) and "Ấp 1" not in footer(third)


def test_a_menu_change_shows_on_the_next_view(client, site):
    item = make_menu_item(label="Tên cũ")
    assert "Tên cũ" in header(client.get("/"))
    item.label = "Tên mới"
    item.save()
    html = header(client.get("/"))
    assert "Tên mới" in html and "Tên cũ" not in html


def test_each_page_marks_only_its_own_menu_entry(client, site):
    page = make_page(title="Giới thiệu chung")
    make_menu_item(target="page", obj=page, label="")
    article = make_article()
    home_link = f'<a href="{reverse("home")}" aria-current="page">'
    page_link = f'<a href="{page.get_absolute_url()}" aria-current="page">'
    for _ in range(2):  # the second time from this process's copies
        on_home = header(client.get("/"))
        assert home_link in on_home and page_link not in on_home
        on_page = header(client.get(page.get_absolute_url()))
        assert page_link in on_page and home_link not in on_page
        on_article = header(client.get(article.get_absolute_url()))
        assert 'aria-current="page"' not in on_article


def test_each_unit_gets_its_own_header_and_footer(two_sites):
    a, b = Client(HTTP_HOST=A_HOST), Client(HTTP_HOST=B_HOST)
    for _ in range(2):
        assert "PHƯỜNG TÂN LẬP" in header(a.get("/"))
        assert "XÃ VĨNH TẾ" in header(b.get("/"))
        assert "PHƯỜNG TÂN LẬP" not in footer(b.get("/"))


def test_the_english_page_gets_the_english_header(client, site):
    make_unit(site=site)
    for _ in range(2):
        english = header(client.get(reverse("organisation:page_en")))
        vietnamese = header(client.get(reverse("organisation:page")))
        assert 'lang="vi">Tiếng Việt</a>' in english
        assert "Search the portal" in english
        assert 'lang="en">English</a>' in vietnamese
        assert "Tìm kiếm trên cổng thông tin" in vietnamese


def test_data_cached_without_a_version_are_rendered_on_each_view(client, site):
    """Data an older release put in the cache have no version: no copy is kept."""
    make_unit(site=site, name="UBND XÃ TÂN LẬP")
    client.get("/")
    key = page_context.unit_cache_key(site.pk)
    data = cache.get(key)
    del data["version"]
    cache.set(key, data)
    for _ in range(2):
        response = client.get("/")
        assert HEADER in rendered(response)
        assert "UBND XÃ TÂN LẬP" in header(response)


def test_the_copies_a_process_keeps_are_bounded(client, site, monkeypatch):
    """Versions change every few minutes: old copies are dropped, memory stays flat."""
    monkeypatch.setattr(fragments, "MAX_ENTRIES", 4)
    monkeypatch.setattr(fragments, "_rendered", {})
    unit = make_unit(site=site)
    for n in range(5):
        unit.name = f"UBND XÃ SỐ {n}"
        unit.save()  # a new version each time: three new copies per view
        assert f"UBND XÃ SỐ {n}" in header(client.get("/"))
        assert len(fragments._rendered) <= 4
