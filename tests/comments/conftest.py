import pytest

from portal.models import Membership
from tests.factories import make_article, make_unit


@pytest.fixture
def article(site):
    make_unit()
    return make_article()


@pytest.fixture
def moderator(staff_user):
    """The default site's administrator, who moderates comments."""
    staff_user.memberships.update(role=Membership.Role.UNIT_ADMIN)
    return staff_user
