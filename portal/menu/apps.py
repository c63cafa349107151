from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MenuConfig(AppConfig):
    name = "portal.menu"
    label = "menu"
    verbose_name = _("Menu")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal import menu, roles
        from portal.menu import signals

        signals.connect()
        # The unit administrator orders the unit's menu.
        roles.grant(
            roles.Role.UNIT_ADMIN,
            "menu.view_menuitem",
            "menu.add_menuitem",
            "menu.change_menuitem",
            "menu.delete_menuitem",
        )
        # The unit-level privacy notice every consent box links (portal.views).
        menu.register(
            "privacy",
            label=_("Privacy notice"),
            url_name="privacy",
            order=90,
        )
