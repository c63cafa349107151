from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("News")

    def ready(self):
        from articles.sitemaps import ArticleSitemap, CategorySitemap
        from portal import sitemaps

        sitemaps.register("articles", ArticleSitemap)
        sitemaps.register("categories", CategorySitemap)
