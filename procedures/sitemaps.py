from portal.sitemaps import SiteSitemap
from procedures.models import Procedure


class ProcedureSitemap(SiteSitemap):
    changefreq = "monthly"

    def items(self):
        return (
            Procedure.objects.for_site(self.site)
            .published()
            .only("slug", "updated_at")
            .order_by("name", "id")
        )

    def lastmod(self, item):
        return item.updated_at
