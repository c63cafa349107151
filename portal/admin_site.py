from functools import wraps

from django.contrib import admin
from django.contrib.contenttypes import views as contenttype_views
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _

from portal import two_factor
from portal.data_requests import may_handle
from portal.data_requests_admin import data_requests_view
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
    index_template = "admin/portal_index.html"
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

        def view_on_site(request, content_type_id, object_id):
            # Django's shortcut finds any unit's object; a draft's slug (made from
            # its title) must not leak to another unit's staff.
            try:
                model = ContentType.objects.get_for_id(content_type_id).model_class()
                obj = model._default_manager.filter(pk=object_id).first()
            except (ContentType.DoesNotExist, ValueError, TypeError, AttributeError):
                raise Http404 from None
            site_id = getattr(obj, "site_id", None)
            if obj is None or (site_id is not None and site_id != request.site.pk):
                raise Http404
            return contenttype_views.shortcut(request, content_type_id, object_id)

        def personal_data_requests(request):
            return data_requests_view(self, request)

        return [
            path("hai-lop/", self.admin_view(two_factor_setup), name="two_factor"),
            path(
                "du-lieu-ca-nhan/",
                self.admin_view(personal_data_requests),
                name="data_requests",
            ),
            path(
                "r/<int:content_type_id>/<path:object_id>/",
                self.admin_view(view_on_site),
                name="view_on_site",
            ),
            *super().get_urls(),
        ]

    def each_context(self, request):
        context = super().each_context(request)
        site = getattr(request, "site", None)
        context["current_unit_site"] = site
        context["may_handle_data_requests"] = (
            site is not None
            and request.user.is_authenticated
            and may_handle(request.user, site)
        )
        return context

    def index(self, request, extra_context=None):
        from portal.workflow.dashboard import my_work

        context = {"my_work": my_work(self, request), **(extra_context or {})}
        return super().index(request, context)
