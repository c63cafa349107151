"""Every kind of old address, asked on the former unit's own host name."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.mergers.conftest import NEW, OLD_A, OLD_B, host_client, merge

pytestmark = pytest.mark.django_db


@pytest.fixture
def merged(units, content):
    new, old_a, old_b = units
    merge([new], [old_a, old_b])
    return content


def location(host, path):
    response = host_client(host).get(path)
    assert response.status_code == 301, (path, response.status_code)
    return response["Location"]


def test_an_old_article_address_goes_to_its_new_address(merged):
    """The clashing slug: /tin-tuc/hoi-nghi/ on the old host → hoi-nghi-2 on the new."""
    assert location(OLD_A, "/tin-tuc/hoi-nghi/") == f"http://{NEW}/tin-tuc/hoi-nghi-2/"
    assert location(OLD_B, "/tin-tuc/hoi-nghi/") == f"http://{NEW}/tin-tuc/hoi-nghi-3/"


def test_an_unchanged_slug_redirects_to_the_same_path_on_the_new_host(merged):
    assert location(OLD_A, "/tin-tuc/le-hoi/") == f"http://{NEW}/tin-tuc/le-hoi/"


def test_the_redirect_lands_on_the_article(merged):
    """Followed, the 301 shows the moved article's page."""
    response = host_client(NEW).get("/tin-tuc/hoi-nghi-2/")
    assert response.status_code == 200
    assert response.context["article"].pk == merged["a"].pk


def test_the_old_home_page_goes_to_the_new_home(merged):
    assert location(OLD_A, "/") == f"http://{NEW}/"


def test_an_old_category_page_goes_to_its_counterpart(merged):
    """Mapped by name ("TIN TUC" → tin-tuc) and created ("Văn hóa")."""
    assert (
        location(OLD_A, "/chuyen-muc/tin-tuc-a/") == f"http://{NEW}/chuyen-muc/tin-tuc/"
    )
    target = location(OLD_A, "/chuyen-muc/van-hoa/")
    assert target.startswith(f"http://{NEW}/chuyen-muc/van-hoa")
    assert host_client(NEW).get(target.removeprefix(f"http://{NEW}")).status_code == 200


def test_old_category_feeds_go_to_their_counterpart(merged):
    assert location(OLD_A, "/rss/tin-tuc-a/") == f"http://{NEW}/rss/tin-tuc/"


@pytest.mark.parametrize(
    "path",
    ["/rss/", "/sitemap.xml", "/tim-kiem/?q=hoi+nghi", "/bao-ve-du-lieu-ca-nhan/"],
)
def test_unit_wide_pages_go_to_the_same_page_of_the_successor(merged, path):
    assert location(OLD_A, path) == f"http://{NEW}{path}"


def test_an_address_without_counterpart_gets_a_page_linking_the_successor(merged):
    """404 in Vietnamese, naming Phường Tân Lập with a link to its portal."""
    response = host_client(OLD_A).get("/trang-cu/khong-con/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "đã được sáp nhập" in html
    assert f'href="http://{NEW}/"' in html and "Phường Tân Lập" in html


def test_the_port_of_the_request_is_kept(merged):
    """On a development server (:8000) the new host gets the same port."""
    response = host_client(f"{OLD_A}:8000").get("/tin-tuc/le-hoi/")
    assert response["Location"] == f"http://{NEW}:8000/tin-tuc/le-hoi/"


def test_the_admin_of_a_former_unit_still_answers(merged, admin_client):
    response = admin_client.get("/admin/", HTTP_HOST=OLD_A)
    assert response.status_code == 200


def test_a_split_units_home_page_chooses_between_its_successors(units, content):
    """Divided between Tân Lập and Thịnh Đức: the old home lists both."""
    new, old_a, old_b = units
    merge([new, old_b], [old_a], assignments={("category", "van-hoa"): old_b})
    response = host_client(OLD_A).get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="http://{NEW}/"' in html and f'href="http://{OLD_B}/"' in html
    assert "đã được chia" in html


def test_a_split_units_articles_go_to_the_successor_that_got_them(units, content):
    new, old_a, old_b = units
    merge([new, old_b], [old_a], assignments={("category", "van-hoa"): old_b})
    assert location(OLD_A, "/tin-tuc/le-hoi/") == f"http://{OLD_B}/tin-tuc/le-hoi/"
    assert location(OLD_A, "/tin-tuc/hoi-nghi/") == f"http://{NEW}/tin-tuc/hoi-nghi-2/"


def test_the_successors_footer_lists_the_units_it_was_formed_from(merged):
    html = host_client(NEW).get("/").content.decode()
    footer = html[html.index("<footer") :]
    assert "Phường Tân Thịnh" in footer and "Xã Thịnh Đức" in footer
    assert "01/07/2025" in footer


def test_pages_of_units_in_service_cost_no_more_queries(
    units, content, django_assert_max_num_queries
):
    """Home, category and article of the new unit: the same budget after a merger."""
    new, old_a, _ = units
    urls = ["/", "/chuyen-muc/tin-tuc/", content["new"].get_absolute_url()]
    client = host_client(NEW)
    counts = []
    for url in urls:
        client.get(url)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as before:
            client.get(url)
        counts.append(len(before))
    merge([new], [old_a])
    for url, count in zip(urls, counts, strict=True):
        client.get(url)
        with django_assert_max_num_queries(count):
            assert client.get(url).status_code == 200


def test_an_unknown_address_of_a_unit_in_service_is_a_plain_404(units):
    """No redirect row: the ordinary 404 page, no successor page."""
    response = host_client(NEW).get("/khong-co/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_the_moved_article_keeps_answering_at_its_new_address_only(merged):
    moved = Article.objects.get(pk=merged["a"].pk)
    assert (
        reverse("articles:detail", kwargs={"slug": moved.slug})
        == "/tin-tuc/hoi-nghi-2/"
    )
