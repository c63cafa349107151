from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "procedures"
    verbose_name = _("Administrative procedures")

    def ready(self):
        from procedures import merging

        merging.register()

        from portal import pagecache
        from procedures.models import Procedure

        pagecache.watch(Procedure)
        from portal import menu, roles, search, sitemaps
        from portal.text import plain_text

        menu.register(
            "procedures",
            label=_("Administrative procedures"),
            url_name="procedures:list",
            order=40,
        )

        roles.grant(
            roles.Role.EDITOR,
            "procedures.view_procedure",
            "procedures.add_procedure",
            "procedures.change_procedure",
            "procedures.delete_procedure",
            "procedures.view_procedurefield",
            "procedures.add_procedurefield",
            "procedures.change_procedurefield",
        )
        roles.grant(roles.Role.APPROVER, "procedures.publish_procedure")
        roles.grant(roles.Role.UNIT_ADMIN, "procedures.delete_procedurefield")
        from procedures.models import Procedure
        from procedures.sitemaps import ProcedureSitemap

        sitemaps.register("thu-tuc-hanh-chinh", ProcedureSitemap)
        search.register(
            search.SearchSource(
                kind="thu-tuc-hanh-chinh",
                label=_("Administrative procedures"),
                model=Procedure,
                queryset=lambda site: (
                    Procedure.objects.for_site(site).published().select_related("field")
                ),
                title=lambda procedure: procedure.name,
                text=lambda procedure: " ".join(
                    [
                        procedure.code,
                        procedure.field.name,
                        plain_text(procedure.required_papers),
                    ]
                ),
                date=lambda procedure: None,
                order=40,
            )
        )

    def load_demo(self, site):
        """Called by portal's load_demo (see portal/demo)."""
        from procedures import demo

        return demo.load(site)
