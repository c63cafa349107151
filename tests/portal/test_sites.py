"""Which unit answers a host: its own domain, the default unit, or nobody."""

import pytest
from django.contrib.sites import models as sites_models
from django.contrib.sites.models import Site
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.models import Membership, UnitProfile
from portal.sites import site_for_host
from tests.factories import (
    A_HOST,
    B_HOST,
    FIREFOX,
    login_verified,
    make_article,
    make_category,
    make_site,
    make_unit,
)

pytestmark = pytest.mark.django_db

NO_PORTAL = "Không có cổng thông tin tại địa chỉ này"


def page_heading(html):
    """The text of the page's brand (the unit's name in the header)."""
    start = html.index('class="site-brand__name">') + len('class="site-brand__name">')
    return html[start : html.index("</span>", start)]


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "127.0.0.1:8000"])
def test_a_new_install_answers_on_its_own_addresses(client, site, host):
    """The first unit is the default: it answers the hosts ALLOWED_HOSTS names."""
    make_unit(name="PHƯỜNG TÂN LẬP")
    response = client.get(reverse("home"), HTTP_HOST=host)
    assert response.status_code == 200
    assert page_heading(response.content.decode()) == "PHƯỜNG TÂN LẬP"


def test_adding_a_unit_leaves_the_default_unit_answering(client, site):
    """localhost keeps the first unit; the new unit answers on its own domain."""
    make_unit(name="PHƯỜNG TÂN LẬP")
    make_unit(site=make_site(B_HOST), name="XÃ VĨNH TẾ")
    home = reverse("home")
    assert page_heading(client.get(home, HTTP_HOST="localhost").content.decode()) == (
        "PHƯỜNG TÂN LẬP"
    )
    assert page_heading(client.get(home, HTTP_HOST=B_HOST).content.decode()) == (
        "XÃ VĨNH TẾ"
    )


def test_every_site_gets_its_unit_record_and_only_the_first_is_default(site):
    second = make_site(B_HOST)
    units = UnitProfile.objects.order_by("site_id")
    assert [(u.site_id, u.is_default) for u in units] == [
        (site.pk, True),
        (second.pk, False),
    ]


def test_two_default_units_are_refused_by_the_database(two_sites):
    _a, b = two_sites
    with pytest.raises(IntegrityError):
        UnitProfile.objects.filter(site=b).update(is_default=True)


def test_the_host_is_matched_whatever_its_case(two_sites):
    assert site_for_host(B_HOST.upper() + ":8443") == two_sites[1]


def test_a_domain_with_its_port_wins_over_the_same_domain_without(two_sites):
    with_port = make_site(B_HOST + ":8443")
    assert site_for_host(B_HOST + ":8443") == with_port
    assert site_for_host(B_HOST) == two_sites[1]


def test_the_host_lookup_is_one_query_on_an_index(two_sites):
    with CaptureQueriesContext(connection) as queries:
        site_for_host("localhost")
    assert len(queries) == 1
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = %s",
            [Site._meta.db_table],
        )
        definitions = [row[0] for row in cursor.fetchall()]
    assert any("lower((domain)" in definition for definition in definitions)


def test_each_host_sees_only_its_own_content(client, two_sites):
    tanlap, vinhte = two_sites
    ours = make_article(category=make_category(site=tanlap), title="Tin của Tân Lập")
    theirs = make_article(category=make_category(site=vinhte), title="Tin của Vĩnh Tế")
    html = client.get(reverse("home"), HTTP_HOST=A_HOST).content.decode()
    assert ours.title in html and "PHƯỜNG TÂN LẬP" in html
    assert theirs.title not in html and "XÃ VĨNH TẾ" not in html
    url = theirs.get_absolute_url()
    assert client.get(url, HTTP_HOST=A_HOST).status_code == 404
    assert client.get(url, HTTP_HOST=B_HOST).status_code == 200


def test_the_same_slug_on_two_sites_resolves_to_each_sites_article(client, two_sites):
    tanlap, vinhte = two_sites
    make_article(category=make_category(site=tanlap), title="Hội nghị", lead="Tân Lập")
    make_article(category=make_category(site=vinhte), title="Hội nghị", lead="Vĩnh Tế")
    url = reverse("articles:detail", kwargs={"slug": "hoi-nghi"})
    assert "Vĩnh Tế" in client.get(url, HTTP_HOST=B_HOST).content.decode()
    tanlap_html = client.get(url, HTTP_HOST=A_HOST).content.decode()
    assert "Tân Lập" in tanlap_html and "Vĩnh Tế" not in tanlap_html


def test_an_unknown_host_with_several_units_gets_the_vietnamese_page(client, two_sites):
    """A subdomain let in by a wildcard that names no unit: no portal there."""
    make_article(category=make_category(site=two_sites[0]), title="Tin nội bộ")
    response = client.get(reverse("home"), HTTP_HOST="khong-co.example.test")
    html = response.content.decode()
    assert response.status_code == 404
    assert NO_PORTAL in html and "khong-co.example.test" in html
    assert "Tin nội bộ" not in html and "PHƯỜNG TÂN LẬP" not in html


def test_without_a_default_unit_the_own_addresses_name_no_portal(client, two_sites):
    UnitProfile.objects.update(is_default=False)
    response = client.get(reverse("home"), HTTP_HOST="localhost")
    assert response.status_code == 404
    assert NO_PORTAL in response.content.decode()


def test_host_outside_allowed_hosts_is_refused(client, site):
    assert client.get(reverse("home"), HTTP_HOST="evil.example.com").status_code == 400


@pytest.mark.parametrize("host", ["localhost", A_HOST])
def test_a_page_costs_the_same_queries_on_any_host(
    client, two_sites, django_assert_max_num_queries, host
):
    """The default unit's fallback adds no query: the home page stays within 10."""
    client.defaults["HTTP_USER_AGENT"] = FIREFOX
    make_article(category=make_category(site=two_sites[0]))
    client.get(reverse("home"), HTTP_HOST=host)  # warm the shared cache
    with django_assert_max_num_queries(10):
        assert client.get(reverse("home"), HTTP_HOST=host).status_code == 200


def test_a_thousand_host_headers_do_not_grow_the_site_cache(client, two_sites):
    """Django's process-wide SITE_CACHE holds one entry per unit or named host."""
    sites_models.SITE_CACHE.clear()
    robots = reverse("robots")
    for n in range(500):
        client.get(robots, HTTP_HOST=f"localhost:{1000 + n}")
        client.get(robots, HTTP_HOST=f"x{n}.example.test")
    client.get(robots, HTTP_HOST=A_HOST)
    client.get(robots, HTTP_HOST=B_HOST + ":8443")
    assert set(sites_models.SITE_CACHE) == {"localhost", A_HOST, B_HOST}


def test_staff_of_one_unit_cannot_use_the_admin_of_another(
    client, two_sites, django_user_model
):
    tanlap, vinhte = two_sites
    user = django_user_model.objects.create_user("canbo", password="x", is_staff=True)
    Membership.objects.create(site=tanlap, user=user)
    login_verified(client, user)
    admin_index = reverse("admin:index")
    assert client.get(admin_index, HTTP_HOST=A_HOST).status_code == 200
    response = client.get(admin_index, HTTP_HOST=B_HOST)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_admin_lists_only_the_units_articles(admin_client, two_sites):
    tanlap, vinhte = two_sites
    ours = make_article(category=make_category(site=tanlap), title="Tin của Tân Lập")
    theirs = make_article(category=make_category(site=vinhte), title="Tin của Vĩnh Tế")
    changelist = reverse("admin:articles_article_changelist")
    html = admin_client.get(changelist, HTTP_HOST=A_HOST).content.decode()
    assert ours.title in html and theirs.title not in html
    change = reverse("admin:articles_article_change", args=[theirs.pk])
    assert admin_client.get(change, HTTP_HOST=A_HOST).status_code == 302
