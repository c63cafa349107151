from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from pages import merging

        merging.register()

        from pages.models import Page
        from portal import pagecache

        pagecache.watch(Page)
        from pages.sitemaps import PageSitemap
        from portal import menu, roles, search, sitemaps

        sitemaps.register("trang", PageSitemap)
        from portal.text import plain_text

        from .models import Page

        roles.grant(
            roles.Role.EDITOR,
            "pages.view_page",
            "pages.add_page",
            "pages.change_page",
            "pages.delete_page",
        )
        roles.grant(roles.Role.APPROVER, "pages.publish_page")
        menu.register(
            "page",
            label=_("Page"),
            model=Page,
            queryset=lambda site: Page.objects.for_site(site).published().defer("body"),
            choices=lambda site: Page.objects.for_site(site).only("title"),
            order=20,
        )
        search.register(
            search.SearchSource(
                kind="trang",
                label=_("Pages"),
                model=Page,
                queryset=lambda site: Page.objects.for_site(site).published(),
                title=lambda page: page.title,
                text=lambda page: plain_text(page.body),
                date=lambda page: page.published_at,
                order=50,
            )
        )
