import pytest

from portal.models import Membership
from tests.factories import make_site, make_unit


@pytest.fixture
def two_units(site):
    """Tân Lập (the default site) and Vĩnh Tế, each on its own host."""
    site.domain = "tanlap.example.test"
    site.save()
    other = make_site("vinhte.example.test", "Xã Vĩnh Tế")
    make_unit(site=site, name="PHƯỜNG TÂN LẬP")
    make_unit(site=other, name="XÃ VĨNH TẾ")
    return site, other


@pytest.fixture
def other_unit_staff(two_units, django_user_model):
    """An editor of Vĩnh Tế only."""
    user = django_user_model.objects.create_user(
        "vinhte", password="mat-khau-rat-dai-456", is_staff=True
    )
    Membership.objects.create(site=two_units[1], user=user)
    return user
