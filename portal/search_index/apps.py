from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchIndexConfig(AppConfig):
    name = "portal.search_index"
    label = "search_index"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from portal.search_index import signals

        signals.connect()
        post_migrate.connect(signals.fill_empty_index, sender=self)
