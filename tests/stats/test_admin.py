"""The starting total, edited in the admin for the request's site."""

import pytest
from django.urls import reverse_lazy

from stats.models import SiteCounterSettings
from tests.factories import login_verified, make_site

pytestmark = pytest.mark.django_db
ADD = reverse_lazy("admin:stats_sitecountersettings_add")


def test_an_administrator_sets_the_starting_total_of_the_site(client, site, admin_user):
    make_site("khac.example.test")
    site.domain = "mot.example.test"
    site.save()
    client.defaults["HTTP_HOST"] = site.domain
    login_verified(client, admin_user)
    response = client.post(ADD, {"starting_total": "242904"})
    assert response.status_code == 302
    assert SiteCounterSettings.objects.get().site == site
    assert SiteCounterSettings.objects.get().starting_total == 242904
    assert client.get(ADD).status_code == 403  # one row per site


def test_editors_without_the_permission_cannot_change_it(client, staff_user):
    login_verified(client, staff_user)
    assert client.get(ADD).status_code == 403
