"""Plain, correct admin behaviour for workflow models, through the services only.

Interim: the workflow's own ModelAdmin mixin (buttons, diff, restore) is meant
to replace this module. Admins that use `WorkflowAdminMixin` and
`WorkflowInlineMixin` switch by changing their import; nothing here writes
`status` or `live`, and no action runs `queryset.update()`.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from portal.workflow import services as workflow


class WorkflowAdminMixin:
    """For a SiteScopedAdmin of a WorkflowModel: saves are drafts, actions are services."""

    actions = ["submit_for_review", "publish", "unpublish"]

    def get_object(self, request, object_id, from_field=None):
        # Staff edit the working copy: a live object's pending revision, if any.
        obj = super().get_object(request, object_id, from_field)
        return workflow.working_copy(obj) if obj is not None else None

    def save_model(self, request, obj, form, change):
        obj.site = request.site
        workflow.save_draft(obj, user=request.user, request=request)

    def delete_model(self, request, obj):
        workflow.delete(obj, user=request.user, request=request)

    def delete_queryset(self, request, queryset):
        self._transition(request, queryset, workflow.delete)

    def _transition(self, request, queryset, service):
        done = 0
        for obj in queryset:
            try:
                service(obj, user=request.user, request=request)
                done += 1
            except (PermissionDenied, workflow.InvalidTransition) as error:
                self.message_user(request, f"{obj}: {error}", messages.ERROR)
        return done

    @admin.action(description=_("Send the selected items for review"))
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

    def has_publish_permission(self, request):
        meta = self.model._meta
        return request.user.has_perm(f"{meta.app_label}.publish_{meta.model_name}")


class WorkflowInlineMixin:
    """Rows beside a workflow object (attachments, relations) that revisions don't keep.

    Saved at once, so on a live object they are public at once: there only an
    approver may change them; an editor sees them read-only.
    """

    def _may_change_beside(self, request, obj):
        return obj is None or not obj.live or workflow.can(request.user, "publish", obj)

    def has_add_permission(self, request, obj=None):
        return self._may_change_beside(request, obj) and super().has_add_permission(
            request, obj
        )

    def has_change_permission(self, request, obj=None):
        return self._may_change_beside(request, obj) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        return self._may_change_beside(request, obj) and super().has_delete_permission(
            request, obj
        )
