import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import make_article, make_category, make_site

pytestmark = pytest.mark.django_db


def test_rss_lists_published_articles_of_the_site(client, site):
    site.domain = "tanlap.example.test"
    site.save()
    visible = make_article(title="Tin đã đăng")
    draft = make_article(title="Tin nháp", status=Article.Status.DRAFT)
    foreign = make_article(
        category=make_category(site=make_site("xa-khac.example.test")),
        title="Tin xã khác",
    )
    response = client.get(reverse("articles:feed"), HTTP_HOST="tanlap.example.test")
    xml = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    assert visible.title in xml
    assert draft.title not in xml and foreign.title not in xml
    assert f"http://tanlap.example.test{visible.get_absolute_url()}" in xml


def test_category_rss(client, site):
    category = make_category(name="Văn hóa")
    inside = make_article(category=category)
    outside = make_article()
    xml = client.get(f"/rss/{category.slug}/").content.decode()
    assert inside.title in xml and outside.title not in xml


def test_sitemap_lists_the_sites_articles_on_any_host(client, site):
    article = make_article()
    draft = make_article(status=Article.Status.DRAFT)
    response = client.get(reverse("sitemap"), HTTP_HOST="localhost")
    xml = response.content.decode()
    assert response.status_code == 200
    assert article.get_absolute_url() in xml
    assert draft.get_absolute_url() not in xml
