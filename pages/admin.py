from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from pages.models import Page
from portal.admin_scoping import SiteScopedAdmin
from portal.workflow.admin import WorkflowAdmin


@admin.register(Page)
class PageAdmin(WorkflowAdmin, SiteScopedAdmin):
    list_display = ["title", "slug", "workflow_state", "published_at", "updated_at"]
    list_filter = ["status", "live"]
    search_fields = ["title"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "body"]}),
        (_("Publication"), {"fields": ["published_at", "expires_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("body")
