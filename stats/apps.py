from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "stats"
    verbose_name = _("Access statistics")

    def ready(self):
        from django.core import checks

        from stats.checks import check_settings

        checks.register(check_settings)
