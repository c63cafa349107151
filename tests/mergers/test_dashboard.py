"""The counter's history of former units stays readable under their own names."""

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from portal.models import Membership
from stats.models import DailySiteStats
from tests.factories import make_site
from tests.mergers.conftest import NEW, merge

pytestmark = pytest.mark.django_db
URL = "/admin/thong-ke/"


@pytest.fixture
def viewer(units, django_user_model):
    user = django_user_model.objects.create_user("thongke", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_statistics"))
    Membership.objects.create(site=units[0], user=user)
    return user


def test_the_new_units_staff_read_a_former_units_history(client, units, viewer):
    """Tân Thịnh's 42 visits of today, shown under its name after the merger."""
    new, old_a, _ = units
    DailySiteStats.objects.create(site=old_a, date=timezone.localdate(), visits=42)
    merge([new], [old_a])
    client.force_login(viewer)
    response = client.get(URL, {"site": old_a.pk, "days": 7}, HTTP_HOST=NEW)
    assert response.context["stats_site"] == old_a
    assert response.context["totals"]["visits"] == 42
    assert "Phường Tân Thịnh" in response.content.decode()


def test_staff_cannot_read_a_unit_that_is_not_a_predecessor(client, units, viewer):
    new, old_a, old_b = units
    merge([new], [old_a])
    client.force_login(viewer)
    response = client.get(URL, {"site": old_b.pk}, HTTP_HOST=NEW)
    assert response.status_code == 404
    other = make_site("khac.example.test")
    assert client.get(URL, {"site": other.pk}, HTTP_HOST=NEW).status_code == 404
