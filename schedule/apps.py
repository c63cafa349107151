from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScheduleConfig(AppConfig):
    name = "schedule"
    verbose_name = _("Work schedule")

    def ready(self):
        from portal import pagecache
        from schedule.models import Entry

        pagecache.watch(Entry)

        from portal import menu, roles, sitemaps

        menu.register(
            "schedule", label=_("Work schedule"), url_name="schedule:week", order=70
        )

        # The week's schedule is entered by the office (editors and up).
        roles.grant(
            roles.Role.EDITOR,
            "schedule.view_entry",
            "schedule.add_entry",
            "schedule.change_entry",
            "schedule.delete_entry",
        )
        from schedule.sitemaps import ScheduleSitemap

        sitemaps.register("lich-cong-tac", ScheduleSitemap)

    def load_demo(self, site):
        """Called by portal's load_demo (see portal/demo)."""
        from schedule import demo

        return demo.load(site)
