import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from tests.factories import (
    A_HOST,
    B_HOST,
    default_site,
    login_verified,
    make_site,
    make_unit,
)


@pytest.fixture(autouse=True)
def _clean_cache(request, django_db_blocker):
    """Empty the shared cache around tests that commit (the others roll it back)."""
    commits = {"transactional_db", "live_server"} & set(request.fixturenames)
    if commits:
        with django_db_blocker.unblock():
            cache.clear()
    yield
    if commits:
        with django_db_blocker.unblock():
            cache.clear()
            # The test's teardown had closed the connections; this one was opened
            # again just for the clear and would keep the test database busy.
            connection.close()


@pytest.fixture(scope="session", autouse=True)
def _test_media_root():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture
def no_page_cache(settings):
    """Every page made for the request (to count what making it costs)."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _query_budgets_measure_making_the_page(request):
    """A query budget is about making the page: a copy from the page cache
    (one read) would pass any budget, so tests that set one do without it."""
    budgets = {"django_assert_max_num_queries", "django_assert_num_queries"}
    if budgets & set(request.fixturenames):
        request.getfixturevalue("no_page_cache")


@pytest.fixture
def site(db):
    return default_site()


@pytest.fixture
def staff_user(db, site):
    """A staff member of the default site with every right on articles (approver)."""
    from portal.models import Membership
    from tests.factories import make_staff

    user = make_staff("bientap", site, role=Membership.Role.APPROVER)
    user.set_password("mat-khau-rat-dai-123")
    user.save(update_fields=["password"])
    return user


@pytest.fixture
def two_sites(site):
    """Unit A (the default site, Tân Lập, at A_HOST) and unit B (Vĩnh Tế, B_HOST)."""
    site.domain = A_HOST
    site.save()
    other = make_site(B_HOST, "Xã Vĩnh Tế")
    make_unit(site=site, name="PHƯỜNG TÂN LẬP")
    make_unit(site=other, name="XÃ VĨNH TẾ")
    return site, other


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin_client, verified by a second factor as superusers must."""
    login_verified(client, admin_user)
    return client


@pytest.fixture
def page_approver(db, site):
    """An approver of the default site (pages: publish, withdraw, delete)."""
    from portal.models import Membership
    from tests.factories import make_staff

    return make_staff("lanhdao", site, role=Membership.Role.APPROVER)
