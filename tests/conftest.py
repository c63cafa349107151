import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from tests.factories import default_site


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
def site(db):
    return default_site()


@pytest.fixture
def staff_user(db, site, django_user_model):
    """An editor of the default site with every permission on articles."""
    from django.contrib.auth.models import Permission

    from portal.models import Membership

    user = django_user_model.objects.create_user(
        "bientap", password="mat-khau-rat-dai-123", is_staff=True
    )
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="articles")
    )
    Membership.objects.create(site=site, user=user)
    return user


@pytest.fixture
def page_approver(db, site, django_user_model):
    """An approver of the default site for pages (publish, withdraw, delete)."""
    from django.contrib.auth.models import Permission

    from portal.models import Membership

    user = django_user_model.objects.create_user(
        "lanhdao", password="mat-khau-rat-dai-123", is_staff=True
    )
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="pages")
    )
    Membership.objects.create(site=site, user=user)
    return user
