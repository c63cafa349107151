from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MergersConfig(AppConfig):
    name = "portal.mergers"
    label = "mergers"
    verbose_name = _("Unit mergers and redirects")

    def ready(self):
        from portal import merging
        from portal.mergers import signals  # noqa: F401

        merging.register_same_path("search", "privacy", "sitemap", "robots")
