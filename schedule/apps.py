from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScheduleConfig(AppConfig):
    name = "schedule"
    verbose_name = _("Work schedule")

    def ready(self):
        from portal import sitemaps
        from schedule.sitemaps import ScheduleSitemap

        sitemaps.register("lich-cong-tac", ScheduleSitemap)

    def load_demo(self, site):
        """Called by portal's load_demo (see portal/demo)."""
        from schedule import demo

        return demo.load(site)
