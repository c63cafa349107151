from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from portal.admin_scoping import SiteScopedAdmin
from portal.audit.admin import AuditedAdmin
from portal.audit.models import Action
from stats.models import DailySiteStats, SiteCounterSettings
from stats.views import can_view_statistics


@admin.register(SiteCounterSettings)
class SiteCounterSettingsAdmin(AuditedAdmin, SiteScopedAdmin):
    """The unit's starting total; one row per site, edited by its administrators."""

    audit_action = Action.SETTINGS

    list_display = ["site", "starting_total"]
    fields = ["starting_total"]

    def has_add_permission(self, request):
        exists = SiteCounterSettings.objects.filter(site=request.site).exists()
        return super().has_add_permission(request) and not exists


@admin.register(DailySiteStats)
class StatisticsEntry(admin.ModelAdmin):
    """The admin index's link to the dashboard, for those who may read it."""

    def has_module_permission(self, request):
        return can_view_statistics(request.user)

    def has_view_permission(self, request, obj=None):
        return can_view_statistics(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not can_view_statistics(request.user):
            raise PermissionDenied
        return redirect("stats:dashboard")
