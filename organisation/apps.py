from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "organisation"
    verbose_name = _("Organisation and contacts")

    def ready(self):
        from organisation.models import (
            Department,
            Official,
            OrganisationProfile,
            Position,
        )
        from portal import pagecache

        pagecache.watch(OrganisationProfile, Department, Position, Official)

        from organisation.models import assignee_choices
        from organisation.sitemaps import OrganisationSitemap
        from portal import directory, menu, roles, sitemaps

        menu.register(
            "organisation",
            label=_("Organisation and contacts"),
            url_name="organisation:page",
            order=50,
        )

        # Staff read the chart; the unit administrator keeps it.
        roles.grant(
            roles.Role.EDITOR,
            "organisation.view_organisationprofile",
            "organisation.view_department",
            "organisation.view_position",
            "organisation.view_official",
        )
        roles.grant(
            roles.Role.UNIT_ADMIN,
            "organisation.add_organisationprofile",
            "organisation.change_organisationprofile",
            "organisation.delete_organisationprofile",
            "organisation.add_department",
            "organisation.change_department",
            "organisation.delete_department",
            "organisation.add_position",
            "organisation.change_position",
            "organisation.delete_position",
            "organisation.add_official",
            "organisation.change_official",
            "organisation.delete_official",
        )

        sitemaps.register("to-chuc", OrganisationSitemap)
        # Other apps (questions) assign work to departments and officials
        # through portal.directory, without importing this app.
        directory.register(assignee_choices)

    def load_demo(self, site):
        """Called by portal's load_demo (see portal/demo)."""
        from organisation import demo

        return demo.load(site)
