from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from pages.models import Page
from portal.admin_scoping import SiteScopedAdmin
from portal.workflow import services as workflow


class WorkflowServicesAdmin(admin.ModelAdmin):
    """Saves, deletions and actions through the workflow services, never
    `queryset.update()`: every change is checked, kept as a revision and logged.

    A stand-in until portal/workflow/admin.py's WorkflowAdmin is merged; then
    PageAdmin becomes `class PageAdmin(WorkflowAdmin, SiteScopedAdmin)` and this
    class goes (its action names are the mixin's).
    """

    actions = ["submit_for_review", "publish", "unpublish", "archive"]

    def get_object(self, request, object_id, from_field=None):
        # Staff edit the working copy: a live object's pending revision, if any.
        obj = super().get_object(request, object_id, from_field)
        return workflow.working_copy(obj) if obj is not None else None

    def save_model(self, request, obj, form, change):
        workflow.save_draft(obj, user=request.user, request=request)

    def delete_model(self, request, obj):
        workflow.delete(obj, user=request.user, request=request)

    def delete_queryset(self, request, queryset):
        self._transition(request, queryset, workflow.delete)

    def _transition(self, request, queryset, service):
        for obj in queryset:
            try:
                service(obj, user=request.user, request=request)
            except (PermissionDenied, workflow.InvalidTransition) as error:
                self.message_user(request, f"{obj}: {error}", messages.ERROR)

    @admin.action(
        description=_("Send the selected items for review"), permissions=["change"]
    )
    def submit_for_review(self, request, queryset):
        self._transition(request, queryset, workflow.submit_for_review)

    @admin.action(description=_("Publish the selected items"), permissions=["publish"])
    def publish(self, request, queryset):
        self._transition(request, queryset, workflow.publish)

    @admin.action(
        description=_("Withdraw the selected items from the public"),
        permissions=["publish"],
    )
    def unpublish(self, request, queryset):
        self._transition(request, queryset, workflow.unpublish)

    @admin.action(description=_("Archive the selected items"), permissions=["publish"])
    def archive(self, request, queryset):
        self._transition(request, queryset, workflow.archive)

    def has_publish_permission(self, request):
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


@admin.register(Page)
class PageAdmin(WorkflowServicesAdmin, SiteScopedAdmin):
    list_display = ["title", "slug", "status", "live", "published_at", "updated_at"]
    list_filter = ["status", "live"]
    search_fields = ["title"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "body"]}),
        (_("Publication"), {"fields": ["published_at", "expires_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("body")
