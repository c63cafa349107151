from functools import wraps

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _

from portal import two_factor
from portal.tenancy import user_can_manage_site

# Views a staff member who still has to set up two-factor authentication may open.
SETUP_EXEMPT = {"logout", "two_factor_setup"}


class PortalAdminSite(admin.AdminSite):
    """The admin, opened only to staff of the unit whose host it is served on.

    With two-factor authentication (portal/two_factor.py): a session counts only
    once verified by a code when its user has a device; superusers and unit
    administrators are sent to set one up first.
    """

    site_header = _("Portal administration")
    site_title = _("Portal administration")
    index_title = _("Content management")
    login_form = two_factor.LoginForm

    def has_permission(self, request):
        site = getattr(request, "site", None)
        return (
            site is not None
            and user_can_manage_site(request.user, site)
            and two_factor.session_allowed(request)
        )

    def admin_view(self, view, cacheable=False):
        guarded = super().admin_view(view, cacheable)
        if getattr(view, "__name__", "") in SETUP_EXEMPT:
            return guarded

        @wraps(view)
        def inner(request, *args, **kwargs):
            if self.has_permission(request) and two_factor.needs_setup(request):
                return redirect("admin:two_factor")
            return guarded(request, *args, **kwargs)

        return inner

    def get_urls(self):
        def two_factor_setup(request):
            return two_factor.setup_view(self, request)

        return [
            path("hai-lop/", self.admin_view(two_factor_setup), name="two_factor"),
            *super().get_urls(),
        ]

    def each_context(self, request):
        context = super().each_context(request)
        context["current_unit_site"] = getattr(request, "site", None)
        return context
