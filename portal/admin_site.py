from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.tenancy import user_can_manage_site


class PortalAdminSite(admin.AdminSite):
    """The admin, opened only to staff of the unit whose host it is served on."""

    site_header = _("Portal administration")
    site_title = _("Portal administration")
    index_title = _("Content management")
    index_template = "admin/portal_index.html"

    def has_permission(self, request):
        site = getattr(request, "site", None)
        return site is not None and user_can_manage_site(request.user, site)

    def each_context(self, request):
        context = super().each_context(request)
        context["current_unit_site"] = getattr(request, "site", None)
        return context

    def index(self, request, extra_context=None):
        from portal.workflow.dashboard import my_work

        context = {"my_work": my_work(self, request), **(extra_context or {})}
        return super().index(request, context)
