from pages.models import Page
from portal.sitemaps import SiteSitemap


class PageSitemap(SiteSitemap):
    changefreq = "monthly"

    def items(self):
        return (
            Page.objects.for_site(self.site)
            .published()
            .only("slug", "updated_at")
            .order_by("title", "id")
        )

    def lastmod(self, item):
        return item.updated_at
