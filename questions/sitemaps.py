from django.urls import reverse

from portal.sitemaps import SiteSitemap
from questions.models import Question


class QuestionListSitemap(SiteSitemap):
    changefreq = "weekly"

    def items(self):
        return ["questions:list"]

    def location(self, item):
        return reverse(item)


class QuestionSitemap(SiteSitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return (
            Question.objects.for_site(self.site)
            .published()
            .only("slug", "updated_at")
            .order_by("-answered_at", "-id")
        )

    def lastmod(self, item):
        return item.updated_at
