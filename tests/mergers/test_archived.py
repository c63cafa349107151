"""An archived unit is read-only: its pages answer with a banner, input is refused."""

import pytest
from django.urls import reverse

from comments.models import Comment, Rating
from portal.mergers.models import UnitArchive, UnitSuccession
from tests.factories import make_article, make_category, make_site, make_unit
from tests.mergers.conftest import host_client

pytestmark = pytest.mark.django_db
OLD = "tanthinh.example.test"


@pytest.fixture
def archived(site):
    """A former unit archived with its content kept, succeeded by Tân Lập."""
    site.domain, site.name = "tanlap.example.test", "Phường Tân Lập"
    site.save()
    old = make_site(OLD, "Phường Tân Thịnh")
    make_unit(site=old, name="PHƯỜNG TÂN THỊNH")
    article = make_article(category=make_category(site=old), title="Tin lưu trữ")
    UnitSuccession.objects.create(predecessor=old, successor=site)
    UnitArchive.objects.create(site=old)
    return article


def test_an_archived_units_page_answers_with_a_banner_naming_its_successor(archived):
    response = host_client(OLD).get(archived.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200 and "Tin lưu trữ" in html
    banner = html[html.index('class="archived-banner"') :]
    assert "cổng thông tin lưu trữ" in banner
    assert 'href="http://tanlap.example.test/">Phường Tân Lập</a>' in banner


def test_an_archived_units_article_shows_no_forms(archived):
    html = host_client(OLD).get(archived.get_absolute_url()).content.decode()
    assert 'name="captcha_0"' not in html and 'name="stars"' not in html
    assert "không còn nhận bình luận" in html


def test_a_comment_to_an_archived_unit_is_refused(archived):
    url = reverse("comments:post", kwargs={"slug": archived.slug})
    response = host_client(OLD).post(
        url, {"name": "A", "title": "Góp ý", "content": "Nội dung góp ý dài."}
    )
    assert response.status_code == 403
    assert "không còn nhận bình luận" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_rating_to_an_archived_unit_is_refused_in_json_too(archived):
    url = reverse("comments:rate", kwargs={"slug": archived.slug})
    response = host_client(OLD).post(
        url, {"stars": "5"}, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
    )
    assert response.status_code == 403
    assert "Phường Tân Lập" in response.json()["error"]
    assert not Rating.objects.exists()


def test_a_unit_in_service_still_takes_ratings(site):
    article = make_article()
    response = host_client("testserver").post(
        reverse("comments:rate", kwargs={"slug": article.slug}), {"stars": "4"}
    )
    assert response.status_code == 302 and Rating.objects.count() == 1


def test_the_archived_units_home_goes_to_its_successor(archived):
    response = host_client(OLD).get("/")
    assert response.status_code == 301
    assert response["Location"] == "http://tanlap.example.test/"


def test_an_archived_unit_no_longer_answers_for_unknown_hosts(archived, site):
    """The only unit in service is the one a local host name reaches."""
    assert host_client("127.0.0.1").get("/").wsgi_request.site == site
