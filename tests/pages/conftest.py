import pytest
from django.contrib.auth.models import Permission

from portal.models import Membership


def unit_staff(django_user_model, site, name, *codenames):
    user = django_user_model.objects.create_user(
        name, password="mat-khau-rat-dai-123", is_staff=True
    )
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    Membership.objects.create(site=site, user=user)
    return user


@pytest.fixture
def page_editor(django_user_model, site):
    return unit_staff(
        django_user_model, site, "bientap", "add_page", "change_page", "view_page"
    )
