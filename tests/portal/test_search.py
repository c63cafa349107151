import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import make_article, make_category, make_site
from tests.reading import page

pytestmark = pytest.mark.django_db


def test_search_without_accents_finds_accented_titles(client, site):
    hit = make_article(title="Đảng ủy xã Vĩnh Tế sơ kết quý I", lead="")
    miss = make_article(title="Trao học bổng khuyến học", lead="")
    html = client.get(reverse("search"), {"q": "dang uy"}).content.decode()
    assert hit.title in html and miss.title not in html
    assert "1 kết quả" in html


def test_search_hides_drafts_and_other_sites(client, site):
    site.domain = "testserver"
    site.save()
    make_article(title="Hội nghị nháp", status=Article.Status.DRAFT)
    make_article(
        category=make_category(site=make_site("xa-khac.example.test")),
        title="Hội nghị xã khác",
    )
    response = client.get(reverse("search"), {"q": "hoi nghi"})
    assert response.context["page"].paginator.count == 0


def test_empty_search_shows_the_form_only(client, site):
    response = client.get(reverse("search"))
    assert response.status_code == 200
    assert response.context["page"] is None
    assert 'for="search-page-q"' in response.content.decode()


@pytest.mark.parametrize("count", [1, 200])
def test_search_runs_a_constant_number_of_queries(
    client, site, django_assert_max_num_queries, count
):
    category = make_category()
    for _ in range(count):
        make_article(category=category, title="Hội nghị tổng kết công tác")
    client.get(reverse("search"), {"q": "hoi nghi"})
    with django_assert_max_num_queries(10):
        client.get(reverse("search"), {"q": "hoi nghi"})


def test_robots_txt_points_at_the_sitemap(client, site):
    body = client.get(reverse("robots")).content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_the_pages_of_results_keep_the_query(client, site):
    """The one pagination include keeps every other parameter of the address."""
    for n in range(16):
        make_article(title=f"Hội nghị số {n}", lead="")
    response = client.get(reverse("search"), {"q": "hoi nghi"})
    following = page(response).find("a", rel="next")
    assert (following.attrs["href"], following.text) == (
        "?q=hoi+nghi&page=2",
        "Trang sau ›",
    )
    second = client.get(reverse("search") + following.attrs["href"])
    assert len(second.context["page"]) == 1
