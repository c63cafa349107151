"""The unit's menu: order, nesting, every kind of entry, validation, cache."""

import re

import pytest
from django.core.exceptions import ValidationError

from pages.models import Page
from portal import menu
from portal.menu.build import entries_for
from portal.menu.models import MenuItem
from portal.workflow import services as workflow
from tests.factories import (
    make_category,
    make_menu_item,
    make_page,
    make_site,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents_target():
    """A fixed page an app offers (here the search page stands in for one)."""
    menu.register("test-documents", label="Văn bản", url_name="search", order=30)
    yield "test-documents"
    menu._targets.pop("test-documents")


def nav(client, path="/"):
    html = client.get(path).content.decode()
    return html[html.index('<nav class="menu"') : html.index("</nav>") + 6]


def labels(html):
    """The entries' names, in order (the phone's "Danh mục" toggle left out)."""
    entries = html[html.index('<ul class="menu__list">') :]
    return re.findall(r"<(?:a [^>]*|summary)>([^<]+)<", entries)


def test_a_unit_without_entries_shows_its_categories(client, site):
    """Nothing breaks for a unit that never set up a menu: its categories show."""
    parent = make_category(name="Tin tức - Sự kiện")
    make_category(name="Tin trong phường", parent=parent)
    make_category(name="Hidden", in_menu=False)
    html = nav(client)
    assert labels(html) == ["Trang chủ", "Tin tức - Sự kiện", "Tin trong phường"]
    assert re.search(r"Tin tức - Sự kiện</a>\s*<ul class=\"menu__sub\">", html)


def test_entries_come_in_their_order_with_sub_entries_nested(client, site):
    """Top entries by position; each one's sub-entries in a list inside its item."""
    second = make_menu_item(label="Dịch vụ công", position=2)
    make_menu_item(label="Cổng tỉnh", position=1, parent=second)
    make_menu_item(label="Cổng quốc gia", position=0, parent=second)
    make_menu_item(label="Đầu tiên", position=1)
    html = nav(client)
    assert labels(html) == [
        "Trang chủ",
        "Đầu tiên",
        "Dịch vụ công",
        "Cổng quốc gia",
        "Cổng tỉnh",
    ]
    item = html[html.index("Dịch vụ công") :]
    assert item.index('<ul class="menu__sub">') < item.index("Cổng quốc gia")
    assert item.index("Cổng tỉnh") < item.index("</li>\n</ul>")


def test_a_category_entry_links_the_category_under_its_name(client, site):
    """Without a label, the entry is called as the category."""
    category = make_category(name="Xây dựng Đảng")
    make_menu_item(target="category", obj=category, label="")
    assert '<a href="/chuyen-muc/xay-dung-dang/">Xây dựng Đảng</a>' in nav(client)


def test_a_page_entry_shows_only_while_the_page_is_public(client, site, page_approver):
    """A draft page's entry is hidden; published, it appears."""
    page = make_page(title="Giới thiệu chung", status=Page.Status.DRAFT)
    make_menu_item(target="page", obj=page, label="")
    assert "Giới thiệu chung" not in nav(client)
    workflow.publish(page, user=page_approver)
    assert '<a href="/trang/gioi-thieu-chung/">Giới thiệu chung</a>' in nav(client)


def test_a_registered_fixed_page_entry_links_the_apps_url(
    client, site, documents_target
):
    """An app's own page (the documents library…) by its registered URL name."""
    make_menu_item(target=documents_target, label="")
    assert '<a href="/tim-kiem/">Văn bản</a>' in nav(client)


def test_an_external_link_says_it_leaves_the_portal(client, site):
    """Screen readers hear "(trang ngoài)"; the arrow is for the eyes only."""
    make_menu_item(label="Cổng Dịch vụ công Quốc gia", url="https://dichvucong.gov.vn/")
    html = nav(client)
    assert 'href="https://dichvucong.gov.vn/">Cổng Dịch vụ công Quốc gia' in html
    assert '<span class="visually-hidden"> (trang ngoài)</span>' in html
    assert '<span class="menu__external" aria-hidden="true"> ↗</span>' in html


def test_a_heading_opens_its_sub_entries_without_javascript(client, site):
    """A heading is a native disclosure (<details>) holding its sub-entries."""
    heading = make_menu_item(target=menu.HEADING, label="Giới thiệu")
    make_menu_item(
        target="page", obj=make_page(title="Chức năng nhiệm vụ"), parent=heading
    )
    html = nav(client)
    assert re.search(
        r'<details class="menu__group">\s*<summary>Giới thiệu</summary>\s*'
        r'<ul class="menu__sub">\s*<li><a href="/trang/chuc-nang-nhiem-vu/">',
        html,
    )


def test_a_heading_without_sub_entries_is_not_shown(client, site):
    """An empty heading would be a dead end."""
    make_menu_item(target=menu.HEADING, label="Giới thiệu")
    make_menu_item(label="Liên kết")
    assert "Giới thiệu" not in nav(client)


def test_an_entry_of_an_app_not_installed_is_skipped(client, site):
    """An entry whose target no app registers any more is left out, not an error."""
    make_menu_item(target="gone-app", label="Ứng dụng cũ")
    make_menu_item(label="Còn lại")
    html = nav(client)
    assert "Ứng dụng cũ" not in html and "Còn lại" in html


def test_hidden_entries_are_not_shown(client, site):
    """Unticking "shown" keeps the entry for later."""
    make_menu_item(label="Tạm ẩn", visible=False)
    make_menu_item(label="Hiện")
    html = nav(client)
    assert "Tạm ẩn" not in html and "Hiện" in html


def test_the_current_page_is_marked_for_screen_readers(client, site):
    """aria-current="page" on the entry of the page being read."""
    page = make_page(title="Giới thiệu chung")
    make_menu_item(target="page", obj=page, label="")
    html = nav(client, page.get_absolute_url())
    assert 'href="/trang/gioi-thieu-chung/" aria-current="page"' in html


def test_the_menu_is_a_labelled_navigation_landmark(client, site):
    """A <nav> named by a heading, so it is found in a screen reader's landmarks."""
    html = nav(client)
    assert html.startswith('<nav class="menu" aria-labelledby="menu-heading">')
    assert '<h2 id="menu-heading" class="visually-hidden">Menu chính</h2>' in html


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "ftp://example.com/", "dichvucong", "data:text/html,x"],
)
def test_external_links_must_be_web_addresses(site, url):
    """Only http and https addresses are accepted."""
    item = MenuItem(site=site, target=menu.EXTERNAL, label="Liên kết", url=url)
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "url" in error.value.message_dict


def test_an_https_link_is_accepted(site):
    """The National Public Service Portal's address passes."""
    MenuItem(
        site=site,
        target=menu.EXTERNAL,
        label="Dịch vụ công",
        url="https://dichvucong.gov.vn",
    ).full_clean()


def test_only_one_level_of_sub_entries(site):
    """An entry under a sub-entry is refused."""
    top = make_menu_item()
    sub = make_menu_item(parent=top)
    item = MenuItem(
        site=site, target=menu.EXTERNAL, label="x", url="https://a.vn", parent=sub
    )
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "parent" in error.value.message_dict


def test_an_entry_cannot_open_another_units_page(site):
    """The page chosen must be one of this unit's."""
    page = make_page(site=make_site("xa-khac.example.test"))
    item = MenuItem(site=site, target="page", object_id=page.pk)
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "target" in error.value.message_dict


def test_the_menu_is_cached_and_forgotten_when_an_entry_changes(client, site):
    """An edit in the admin shows on the next page view."""
    item = make_menu_item(label="Tên cũ")
    assert "Tên cũ" in nav(client)
    item.label = "Tên mới"
    item.save()
    assert "Tên mới" in nav(client)


def test_publishing_a_page_shows_its_entry_at_once(client, site, page_approver):
    """The workflow's transitions forget the cached menu (no post_save on unpublish)."""
    page = make_page(title="Giới thiệu chung")
    make_menu_item(target="page", obj=page, label="")
    assert "Giới thiệu chung" in nav(client)
    workflow.unpublish(page, user=page_approver)
    assert "Giới thiệu chung" not in nav(client)
    workflow.publish(page, user=page_approver)
    assert "Giới thiệu chung" in nav(client)


def many_entries(count):
    for n in range(count):
        make_menu_item(target="page", obj=make_page())
        make_menu_item(target="category", obj=make_category())
        make_menu_item(label=f"Liên kết {n}")


@pytest.mark.parametrize("count", [1, 30])
def test_resolving_the_menu_takes_one_query_per_kind_of_object(
    site, django_assert_num_queries, count
):
    """The entries, then the pages, then the categories: 3 queries for any number."""
    many_entries(count)
    with django_assert_num_queries(3):
        assert len(entries_for(site)) == 3 * count


@pytest.mark.parametrize("count", [1, 30])
def test_the_home_page_with_a_menu_stays_within_10_queries(
    client, site, django_assert_max_num_queries, count
):
    """The cached menu costs no query on the next page views."""
    many_entries(count)
    client.get("/")
    with django_assert_max_num_queries(10):
        client.get("/")


@pytest.mark.parametrize(
    ("target", "label", "url_name"),
    [
        ("documents", "Văn bản", "documents:list"),
        ("drafts", "Dự thảo lấy ý kiến", "documents:drafts"),
        ("procedures", "Thủ tục hành chính", "procedures:list"),
        ("organisation", "Cơ cấu tổ chức và liên hệ", "organisation:page"),
        ("questions", "Hỏi đáp", "questions:list"),
        ("schedule", "Lịch công tác", "schedule:week"),
    ],
)
def test_every_apps_page_can_be_a_menu_entry(client, site, target, label, url_name):
    """The apps' own pages are menu targets, under their Vietnamese names."""
    from django.urls import reverse

    make_menu_item(target=target)
    html = client.get("/").content.decode()
    url = reverse(url_name)
    assert f'<a href="{url}"' in html and label in html
    assert client.get(url).status_code == 200
