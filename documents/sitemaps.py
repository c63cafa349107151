from documents.models import Document, Draft
from portal.sitemaps import SiteSitemap


class DocumentSitemap(SiteSitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return (
            Document.objects.for_site(self.site)
            .published()
            .only("slug", "updated_at")
            .order_by("-issue_date", "-id")
        )

    def lastmod(self, item):
        return item.updated_at


class DraftSitemap(DocumentSitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Draft.objects.for_site(self.site)
            .published()
            .only("slug", "updated_at")
            .order_by("-opens_on", "-id")
        )
