from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "organisation"
    verbose_name = _("Organisation and contacts")

    def ready(self):
        from organisation.models import assignee_choices
        from portal import directory

        # Other apps (questions) assign work to departments and officials
        # through portal.directory, without importing this app.
        directory.register(assignee_choices)
