"""The counter's history of former units stays readable under their own names."""

import pytest
from django.utils import timezone

from portal.models import Membership
from stats.models import DailySiteStats
from tests.factories import login_verified, make_site, make_staff
from tests.mergers.conftest import NEW, merge

pytestmark = pytest.mark.django_db
URL = "/admin/thong-ke/"


@pytest.fixture
def viewer(units):
    """The new unit's administrator, who reads its statistics."""
    return make_staff("thongke", units[0], role=Membership.Role.UNIT_ADMIN)


def test_the_new_units_staff_read_a_former_units_history(client, units, viewer):
    """Tân Thịnh's 42 visits of today, shown under its name after the merger."""
    new, old_a, _ = units
    DailySiteStats.objects.create(site=old_a, date=timezone.localdate(), visits=42)
    merge([new], [old_a])
    login_verified(client, viewer)
    response = client.get(URL, {"site": old_a.pk, "days": 7}, HTTP_HOST=NEW)
    assert response.context["stats_site"] == old_a
    assert response.context["totals"]["visits"] == 42
    assert "Phường Tân Thịnh" in response.content.decode()


def test_staff_cannot_read_a_unit_that_is_not_a_predecessor(client, units, viewer):
    new, old_a, old_b = units
    merge([new], [old_a])
    login_verified(client, viewer)
    response = client.get(URL, {"site": old_b.pk}, HTTP_HOST=NEW)
    assert response.status_code == 404
    other = make_site("khac.example.test")
    assert client.get(URL, {"site": other.pk}, HTTP_HOST=NEW).status_code == 404
