import pytest

from portal.models import Membership
from tests.factories import make_staff


@pytest.fixture
def page_editor(site):
    return make_staff("bientap", site, role=Membership.Role.EDITOR)
