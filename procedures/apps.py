from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "procedures"
    verbose_name = _("Administrative procedures")

    def ready(self):
        from portal import search, sitemaps
        from procedures.models import Procedure
        from procedures.sitemaps import ProcedureSitemap

        sitemaps.register("thu-tuc-hanh-chinh", ProcedureSitemap)
        search.register(
            search.SearchSource(
                kind="thu-tuc-hanh-chinh",
                label=_("Administrative procedures"),
                model=Procedure,
                queryset=lambda site: Procedure.objects.for_site(site).published(),
                title=lambda procedure: procedure.name,
                text=lambda procedure: procedure.code,
                date=lambda procedure: None,
                order=40,
            )
        )

    def load_demo(self, site):
        """Called by portal's load_demo (see portal/demo)."""
        from procedures import demo

        return demo.load(site)
