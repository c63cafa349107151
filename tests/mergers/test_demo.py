"""load_demo's former units: the redirects, the banner and the chooser can be seen."""

import pytest
from django.core.management import call_command

from articles.models import Article
from portal.mergers.models import UnitArchive
from tests.mergers.conftest import host_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(site, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".localhost"]  # as by default
    call_command("load_demo", stdout=None)
    site.refresh_from_db()
    return site


def test_the_demo_has_two_archived_former_units(demo):
    assert set(UnitArchive.objects.values_list("site__domain", flat=True)) == {
        "tanthinh.localhost",
        "thinhduc.localhost",
    }


def test_a_former_units_article_redirects_with_its_new_slug(demo):
    """Tân Thịnh's article clashed with a seed's slug: it is -2 on the demo unit."""
    response = host_client("tanthinh.localhost:8000").get(
        "/tin-tuc/ngay-hoi-toan-dan-bao-ve-an-ninh-to-quoc-nam-2022/"
    )
    assert response["Location"] == (
        "http://localhost:8000/tin-tuc/ngay-hoi-toan-dan-bao-ve-an-ninh-to-quoc-nam-2022-2/"
    )


def test_a_former_units_unknown_address_shows_the_banner(demo):
    html = host_client("tanthinh.localhost").get("/khong-co/").content.decode()
    assert 'class="archived-banner"' in html and "PHƯỜNG TÂN LẬP" not in html[:200]


def test_the_divided_units_home_is_the_chooser(demo):
    html = host_client("thinhduc.localhost").get("/").content.decode()
    assert "http://localhost/" in html and "http://tancuong.localhost/" in html


def test_the_demo_unit_still_answers_on_local_addresses(demo, client):
    """127.0.0.1 and testserver reach the demo unit, not Xã Tân Cương."""
    assert client.get("/").wsgi_request.site == demo
    assert host_client("127.0.0.1:8000").get("/").wsgi_request.site == demo


def test_loading_the_demo_again_merges_nothing_twice(demo):
    count = Article.objects.count()
    call_command("load_demo", stdout=None)
    assert Article.objects.count() == count
