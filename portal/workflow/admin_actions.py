"""Bulk actions of the workflow admin: each selected object through its service."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy, ngettext

from portal.workflow import services as workflow


class BulkTransitions:
    """Submit, publish, unpublish and archive the selected objects, one by one.

    Each object in its own transaction: one refused (no permission, wrong
    state) is reported by name and the others still go through.
    """

    actions = ["submit_for_review", "publish", "unpublish", "archive"]

    def _bulk(self, request, queryset, service, done_text):
        done = 0
        for obj in queryset:
            try:
                with transaction.atomic():
                    service(obj, user=request.user, request=request)
            except (PermissionDenied, workflow.InvalidTransition) as error:
                self.message_user(request, f"{obj}: {error}", messages.ERROR)
            else:
                done += 1
        if done:
            self.message_user(request, done_text(done), messages.SUCCESS)

    @admin.action(
        description=gettext_lazy("Submit the selected items for review"),
        permissions=["change"],
    )
    def submit_for_review(self, request, queryset):
        self._bulk(
            request,
            queryset,
            workflow.submit_for_review,
            lambda n: (
                ngettext(
                    "%(count)d item sent for review.",
                    "%(count)d items sent for review.",
                    n,
                )
                % {"count": n}
            ),
        )

    @admin.action(
        description=gettext_lazy("Approve and publish the selected items"),
        permissions=["publish"],
    )
    def publish(self, request, queryset):
        self._bulk(
            request,
            queryset,
            workflow.publish,
            lambda n: (
                ngettext("%(count)d item published.", "%(count)d items published.", n)
                % {"count": n}
            ),
        )

    @admin.action(
        description=gettext_lazy("Withdraw the selected items from the public"),
        permissions=["publish"],
    )
    def unpublish(self, request, queryset):
        self._bulk(
            request,
            queryset,
            workflow.unpublish,
            lambda n: (
                ngettext("%(count)d item withdrawn.", "%(count)d items withdrawn.", n)
                % {"count": n}
            ),
        )

    @admin.action(
        description=gettext_lazy("Archive the selected items"), permissions=["publish"]
    )
    def archive(self, request, queryset):
        self._bulk(
            request,
            queryset,
            workflow.archive,
            lambda n: (
                ngettext("%(count)d item archived.", "%(count)d items archived.", n)
                % {"count": n}
            ),
        )
