import pytest

from portal.models import Membership
from tests.factories import make_article, make_category, make_site, make_unit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "127.0.0.1:8000"])
def test_single_site_install_answers_on_any_allowed_host(client, site, host):
    make_unit()
    response = client.get("/", HTTP_HOST=host)
    assert response.status_code == 200
    assert response.wsgi_request.site == site


@pytest.fixture
def two_units(site):
    site.domain = "tanlap.example.test"
    site.save()
    other = make_site("vinhte.example.test", "Xã Vĩnh Tế")
    make_unit(site=site, name="PHƯỜNG TÂN LẬP")
    make_unit(site=other, name="XÃ VĨNH TẾ")
    return site, other


def test_each_host_sees_only_its_own_content(client, two_units):
    tanlap, vinhte = two_units
    ours = make_article(category=make_category(site=tanlap), title="Tin của Tân Lập")
    theirs = make_article(category=make_category(site=vinhte), title="Tin của Vĩnh Tế")
    html = client.get("/", HTTP_HOST="tanlap.example.test").content.decode()
    assert ours.title in html and "PHƯỜNG TÂN LẬP" in html
    assert theirs.title not in html and "XÃ VĨNH TẾ" not in html
    assert (
        client.get(
            theirs.get_absolute_url(), HTTP_HOST="tanlap.example.test"
        ).status_code
        == 404
    )
    assert (
        client.get(
            theirs.get_absolute_url(), HTTP_HOST="vinhte.example.test"
        ).status_code
        == 200
    )


def test_the_same_slug_on_two_sites_resolves_to_each_sites_article(client, two_units):
    tanlap, vinhte = two_units
    make_article(category=make_category(site=tanlap), title="Hội nghị", lead="Tân Lập")
    make_article(category=make_category(site=vinhte), title="Hội nghị", lead="Vĩnh Tế")
    url = "/tin-tuc/hoi-nghi/"
    assert (
        "Vĩnh Tế" in client.get(url, HTTP_HOST="vinhte.example.test").content.decode()
    )
    tanlap_html = client.get(url, HTTP_HOST="tanlap.example.test").content.decode()
    assert "Tân Lập" in tanlap_html and "Vĩnh Tế" not in tanlap_html


def test_unknown_host_of_a_multi_site_install_gets_a_clear_404(client, two_units):
    make_article(category=make_category(site=two_units[0]), title="Tin nội bộ")
    response = client.get("/", HTTP_HOST="khong-co.example.test")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Không có cổng thông tin tại địa chỉ này" in html
    assert "khong-co.example.test" in html
    assert "Tin nội bộ" not in html and "PHƯỜNG TÂN LẬP" not in html


def test_host_outside_allowed_hosts_is_refused(client, site):
    assert client.get("/", HTTP_HOST="evil.example.com").status_code == 400


def test_staff_of_one_unit_cannot_use_the_admin_of_another(
    client, two_units, django_user_model
):
    tanlap, vinhte = two_units
    user = django_user_model.objects.create_user("canbo", password="x", is_staff=True)
    Membership.objects.create(site=tanlap, user=user)
    client.force_login(user)
    assert client.get("/admin/", HTTP_HOST="tanlap.example.test").status_code == 200
    response = client.get("/admin/", HTTP_HOST="vinhte.example.test")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_admin_lists_only_the_units_articles(admin_client, two_units):
    tanlap, vinhte = two_units
    ours = make_article(category=make_category(site=tanlap), title="Tin của Tân Lập")
    theirs = make_article(category=make_category(site=vinhte), title="Tin của Vĩnh Tế")
    html = admin_client.get(
        "/admin/articles/article/", HTTP_HOST="tanlap.example.test"
    ).content.decode()
    assert ours.title in html and theirs.title not in html
    assert (
        admin_client.get(
            f"/admin/articles/article/{theirs.pk}/change/",
            HTTP_HOST="tanlap.example.test",
        ).status_code
        == 302
    )
