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

        from articles.models import Article, Category
        from portal import menu, search
        from portal.text import plain_text

        menu.register(
            "category",
            label=_("News category"),
            model=Category,
            queryset=lambda site: Category.objects.for_site(site),
            default=_default_menu,
            order=10,
            title=lambda category: category.name,
        )
        search.register(
            search.SearchSource(
                kind="tin-tuc",
                label=_("News"),
                model=Article,
                queryset=lambda site: Article.objects.for_site(site).published(),
                title=lambda article: article.title,
                text=lambda article: f"{article.lead} {plain_text(article.body)}",
                date=lambda article: article.published_at,
                order=10,
            )
        )

        from articles import merging

        merging.register()

        from portal import pagecache

        pagecache.watch(Article, Category)


def _default_menu(site):
    """The menu of a unit without entries: its categories, as before menus existed."""
    from articles.models import Category
    from portal.menu import Entry

    return [
        Entry(
            category.name,
            category.get_absolute_url(),
            children=tuple(
                Entry(child.name, child.get_absolute_url())
                for child in category.children.all()
            ),
        )
        for category in Category.objects.for_site(site).menu()
    ]
