import pytest

from portal.models import Membership
from tests.factories import make_site, make_staff

Role = Membership.Role
A_HOST, B_HOST = "tanlap.example.test", "vinhte.example.test"


@pytest.fixture
def editor(site):
    return make_staff("bientap", site, Role.EDITOR)


@pytest.fixture
def approver(site):
    return make_staff("lanhdao", site, Role.APPROVER)


@pytest.fixture
def unit_admin(site):
    return make_staff("quantri", site, Role.UNIT_ADMIN)


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        "sieuquantri", "root@example.test", "mat-khau-123"
    )


@pytest.fixture
def units(site, client):
    """Unit A (the default site, Tân Lập) and unit B (Vĩnh Tế), each on its host;
    the test client talks to A unless told otherwise."""
    site.domain, site.name = A_HOST, "Phường Tân Lập"
    site.save()
    client.defaults["HTTP_HOST"] = A_HOST
    return site, make_site(B_HOST, "Xã Vĩnh Tế")
