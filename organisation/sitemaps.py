from django.urls import reverse

from portal.sitemaps import SiteSitemap


class OrganisationSitemap(SiteSitemap):
    """The organisation and contacts page, in Vietnamese and in English."""

    changefreq = "monthly"

    def items(self):
        return ["organisation:page", "organisation:page_en"]

    def location(self, item):
        return reverse(item)
