from django.urls import reverse

from portal.sitemaps import SiteSitemap


class ScheduleSitemap(SiteSitemap):
    """The current week only: other weeks are reached by their links."""

    changefreq = "daily"

    def items(self):
        return ["schedule:week"]

    def location(self, item):
        return reverse(item)
