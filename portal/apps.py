from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default = True
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.db.models.signals import post_migrate

        from portal import signals  # noqa: F401
        from portal.editor import load_vietnamese_corrections
        from portal.permissions import default_permission_names

        load_vietnamese_corrections()
        # After auth's own handler (auth is installed first): every app's turn.
        post_migrate.connect(default_permission_names, dispatch_uid="portal.perms")


class PortalAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "portal.admin_site.PortalAdminSite"
