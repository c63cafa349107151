import pytest
from django.contrib.auth.models import Permission

from tests.factories import make_article, make_unit


@pytest.fixture
def article(site):
    make_unit()
    return make_article()


@pytest.fixture
def moderator(staff_user):
    """The default site's editor, also allowed to moderate comments."""
    staff_user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="comments")
    )
    return staff_user
