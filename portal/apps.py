from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default = True
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.core import checks
        from django.db.models.signals import post_migrate

        from portal import login_protection, roles, signals, staff_sessions  # noqa: F401
        from portal.checks import check_settings
        from portal.editor import load_vietnamese_corrections
        from portal.permissions import default_permission_names
        from portal.units import after_migrate

        checks.register(check_settings)
        load_vietnamese_corrections()
        # After auth's own handler (auth is installed first): every app's turn.
        post_migrate.connect(default_permission_names, dispatch_uid="portal.perms")
        post_migrate.connect(roles.sync_after_migrate, dispatch_uid="portal.roles")
        # The unit's own settings, its staff and their roles (users only of
        # this unit: portal/admin_users.py scopes them).
        roles.grant(
            roles.Role.UNIT_ADMIN,
            "portal.view_unitprofile",
            "portal.add_unitprofile",
            "portal.change_unitprofile",
            "portal.view_membership",
            "portal.change_membership",
            "portal.delete_membership",
            "auth.view_user",
            "auth.change_user",
        )
        # After contrib.sites made its example.com (sites is installed first).
        post_migrate.connect(after_migrate, sender=self, dispatch_uid="portal.units")


class PortalAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "portal.admin_site.PortalAdminSite"


class AxesConfig(AxesAppConfig):
    """django-axes under a Vietnamese name in the admin (its models' names are
    translated in our catalogue: portal/django_vi.py)."""

    verbose_name = _("Login lockouts")
