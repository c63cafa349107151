from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "organisation"
    verbose_name = _("Organisation and contacts")

    def ready(self):
        from organisation.models import assignee_choices
        from organisation.sitemaps import OrganisationSitemap
        from portal import directory, sitemaps

        sitemaps.register("to-chuc", OrganisationSitemap)
        # Other apps (questions) assign work to departments and officials
        # through portal.directory, without importing this app.
        directory.register(assignee_choices)

    def load_demo(self, site):
        """Called by portal's load_demo (see portal/demo)."""
        from organisation import demo

        return demo.load(site)
