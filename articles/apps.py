from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("News")

    def ready(self):
        from articles.sitemaps import ArticleSitemap, CategorySitemap
        from portal import roles, sitemaps

        sitemaps.register("articles", ArticleSitemap)
        sitemaps.register("categories", CategorySitemap)

        # Editors write (and delete their own drafts: portal.workflow.services.can
        # keeps what was ever public for approvers); approvers publish.
        roles.grant(
            roles.Role.EDITOR,
            "articles.view_article",
            "articles.add_article",
            "articles.change_article",
            "articles.delete_article",
            "articles.view_category",
        )
        roles.grant(roles.Role.APPROVER, "articles.publish_article")
        roles.grant(
            roles.Role.UNIT_ADMIN,
            "articles.add_category",
            "articles.change_category",
            "articles.delete_category",
        )
