from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "stats"
    verbose_name = _("Access statistics")

    def ready(self):
        from portal import roles

        roles.grant(
            roles.Role.UNIT_ADMIN,
            "stats.view_statistics",
            "stats.view_sitecountersettings",
            "stats.add_sitecountersettings",
            "stats.change_sitecountersettings",
        )
        from django.core import checks

        from stats.checks import check_settings

        checks.register(check_settings)

        from stats import merging

        merging.register()

        from portal import page_context
        from stats.selectors import counter_cache_key

        page_context.read_along(counter_cache_key)
