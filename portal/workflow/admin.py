"""The workflow admin: what every workflow model's admin reuses.

    @admin.register(Document)
    class DocumentAdmin(WorkflowAdmin, SiteScopedAdmin):
        list_display = ["title", "workflow_state", "published_at"]
        workflow_diff_fields = ("title", "summary", "body")  # compared as text

- The change form edits the WORKING COPY (a live object's pending revision), and
  shows the state, the approver's comment and the public's version.
- Its buttons are the transitions — "Lưu nháp", "Gửi duyệt", "Duyệt và xuất
  bản", "Yêu cầu sửa" (with a comment), "Gỡ xuất bản", "Lưu trữ" — shown by
  permission, and each calls its service, which checks the permission again: a
  crafted POST gets 403 and changes nothing.
- The form carries the revision it was opened on (`base_revision`). When someone
  saved since, the save is refused with a link to their version; nothing is
  overwritten and what was typed stays in the form.
- Revisions, the diff of two, restore and preview are pages of the object
  (portal/workflow/admin_views.py); bulk actions and deletion go through the
  services one object at a time.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.audit.models import Action, AuditEntry
from portal.workflow import admin_views
from portal.workflow import services as workflow
from portal.workflow.admin_actions import BulkTransitions
from portal.workflow.models import Revision, Status

SAVE, SUBMIT, PUBLISH = "_continue", "_submit", "_publish"
REQUEST_CHANGES, UNPUBLISH, ARCHIVE = "_request_changes", "_unpublish", "_archive"
# Buttons that change the state only: the form's fields are not saved.
STATE_ONLY = {
    REQUEST_CHANGES: gettext_lazy("Sent back to the editor with your comment."),
    UNPUBLISH: gettext_lazy("Withdrawn from the public; it is a draft again."),
    ARCHIVE: gettext_lazy("Archived: withdrawn from the public."),
}


class WorkflowAdmin(BulkTransitions, admin.ModelAdmin):
    """Mix in before SiteScopedAdmin: `class XAdmin(WorkflowAdmin, SiteScopedAdmin)`."""

    change_form_template = "workflow/admin/change_form.html"
    # Fields compared as text on the diff page; None: the text fields kept in
    # revisions.
    workflow_diff_fields = None
    # Template of the preview page; override preview_response() to show the
    # public page's own template.
    preview_template = "workflow/admin/preview.html"

    # --- reading: the working copy ------------------------------------------
    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        return workflow.working_copy(obj) if obj is not None else None

    def get_row(self, request, object_id):
        """The object as stored (the live copy), of this unit only, or 404."""
        obj = admin.ModelAdmin.get_object(self, request, object_id)
        if obj is None:
            raise Http404
        return obj

    @admin.display(description=gettext_lazy("state"), ordering="status")
    def workflow_state(self, obj):
        return obj.state_label

    def get_exclude(self, request, obj=None):
        return [*(super().get_exclude(request, obj) or []), "status"]

    def get_fields(self, request, obj=None):
        return [f for f in super().get_fields(request, obj) if f != "base_revision"]

    # --- permissions -----------------------------------------------------
    def has_publish_permission(self, request, obj=None):
        if obj is not None:
            return workflow.can(request.user, "publish", obj)
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")

    def has_delete_permission(self, request, obj=None):
        if obj is not None:
            return workflow.can(request.user, "delete", obj)
        return super().has_delete_permission(request)

    # --- the form ----------------------------------------------------------
    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        model_admin = self

        class WorkflowForm(form_class):
            base_revision = forms.IntegerField(required=False, widget=forms.HiddenInput)

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if self.instance.pk:
                    self.fields[
                        "base_revision"
                    ].initial = self.instance.latest_revision_id

            def clean(self):
                cleaned = super().clean()
                starts, ends = cleaned.get("published_at"), cleaned.get("expires_at")
                if starts and ends and ends <= starts:
                    self.add_error(
                        "expires_at",
                        _("The end of publication must come after its start."),
                    )
                if self.instance.pk:
                    model_admin.check_base_revision(
                        request, self.instance, cleaned.get("base_revision")
                    )
                return cleaned

        return WorkflowForm

    def check_base_revision(self, request, obj, base_revision):
        """ValidationError, with a link to the other version, when one was saved
        after the form was opened (the services check again under a lock)."""
        latest = (
            type(obj)
            ._default_manager.filter(pk=obj.pk)
            .values_list("latest_revision_id", flat=True)
            .first()
        )
        if latest is None or latest == base_revision:
            return
        revision = Revision.objects.select_related("created_by").get(pk=latest)
        raise ValidationError(self.conflict_message(obj, revision))

    def conflict_message(self, obj, revision):
        url = reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_revision",
            args=[obj.pk, revision.pk],
        )
        # format_html escapes the message and the name; the link is ours.
        return format_html(
            '{} <a href="{}">{}</a>',
            str(workflow.EditConflict(revision)),
            url,
            _("Open their version"),
        )

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        context["workflow"] = self.workflow_context(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def workflow_context(self, request, obj):
        if obj is None:
            can_change = self.has_add_permission(request)
            can_publish = self.has_publish_permission(request)
            return {
                "state_label": _("New"),
                "buttons": {
                    "save": can_change,
                    "submit": can_change,
                    "publish": can_publish,
                },
            }
        can_change = self.has_change_permission(request, obj)
        can_publish = can_change and self.has_publish_permission(request, obj)
        context = {
            "state": obj.state,
            "state_label": obj.state_label,
            "object": obj,
            "buttons": {
                "save": can_change,
                "submit": can_change and obj.status != Status.REVIEW,
                "publish": can_publish,
                "request_changes": can_publish and obj.status == Status.REVIEW,
                "unpublish": can_publish and obj.live,
                "archive": can_publish and obj.status != Status.ARCHIVED,
            },
        }
        if obj.review_note:
            context["review_note"] = obj.review_note
            context["review_entry"] = (
                AuditEntry.objects.filter(
                    action=Action.REQUEST_CHANGES,
                    content_type__app_label=self.opts.app_label,
                    content_type__model=self.opts.model_name,
                    object_id=str(obj.pk),
                )
                .order_by("-created_at", "-id")
                .first()
            )
        return context

    # --- saving: the buttons -------------------------------------------------
    @staticmethod
    def pressed(request):
        for name in (SUBMIT, PUBLISH, *STATE_ONLY):
            if name in request.POST:
                return name
        return SAVE

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id:
            button = self.pressed(request)
            if button in STATE_ONLY:
                return self.change_state(request, object_id, button)
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except workflow.EditConflict as conflict:
            # Someone saved between the form's check and the locked save.
            self.message_user(request, str(conflict), messages.ERROR)
            return redirect(request.path)

    def change_state(self, request, object_id, button):
        """Send back, unpublish or archive, without saving the form's fields."""
        obj = self.get_row(request, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        try:
            with transaction.atomic():
                if button == REQUEST_CHANGES:
                    workflow.request_changes(
                        obj,
                        user=request.user,
                        request=request,
                        comment=request.POST.get("review_comment", ""),
                    )
                elif button == UNPUBLISH:
                    workflow.unpublish(obj, user=request.user, request=request)
                else:
                    workflow.archive(obj, user=request.user, request=request)
        except workflow.InvalidTransition as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(request, STATE_ONLY[button], messages.SUCCESS)
        return redirect(request.path)

    def save_model(self, request, obj, form, change):
        button = self.pressed(request)
        if not change:
            obj.site = request.site
        if not workflow.can(
            request.user, "publish" if button == PUBLISH else "change", obj
        ):
            raise PermissionDenied
        base = form.cleaned_data.get("base_revision")
        if not change or form.has_changed():
            workflow.save_draft(
                obj,
                user=request.user,
                request=request,
                base_revision=base if change else workflow.UNCHECKED,
            )
        else:
            workflow.ensure_current(obj, base_revision=base)
        if button == SUBMIT:
            self._transition(request, obj, workflow.submit_for_review)
        elif button == PUBLISH:
            self._transition(request, obj, workflow.publish)
        elif obj.live:
            self.message_user(
                request,
                _(
                    "Your changes are kept as a draft: the public keeps the "
                    "approved version until an approver publishes them."
                ),
                messages.INFO,
            )

    def _transition(self, request, obj, service):
        try:
            done = service(obj, user=request.user, request=request)
        except workflow.InvalidTransition as error:
            self.message_user(request, str(error), messages.WARNING)
            return
        obj.status, obj.live = done.status, done.live
        if done.status == Status.REVIEW:
            text = _("Sent for review: the unit's approvers have been told.")
        elif done.is_scheduled:
            text = _("Approved: it goes public at %(time)s.") % {
                "time": workflow.local_time(done.published_at)
            }
        else:
            text = _("Published: the public sees it now.")
        self.message_user(request, text, messages.SUCCESS)

    def response_add(self, request, obj, post_url_continue=None):
        if self.pressed(request) in (SUBMIT, PUBLISH):
            return self._to_changelist(request)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if self.pressed(request) in (SUBMIT, PUBLISH):
            return self._to_changelist(request)
        return super().response_change(request, obj)

    def _to_changelist(self, request):
        return redirect(
            reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        )

    def delete_model(self, request, obj):
        workflow.delete(obj, user=request.user, request=request)

    def delete_queryset(self, request, queryset):
        # Django checked has_delete_permission(request, obj) for each on the
        # confirmation page; the service checks again, one object at a time.
        for obj in queryset:
            workflow.delete(obj, user=request.user, request=request)

    # --- the object's workflow pages -----------------------------------------
    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view

        def bind(function):
            return view(
                lambda request, *args, **kw: function(self, request, *args, **kw)
            )

        return [
            path(
                "<path:object_id>/phien-ban/",
                bind(admin_views.revisions),
                name=f"{name}_revisions",
            ),
            path(
                "<path:object_id>/phien-ban/so-sanh/",
                bind(admin_views.compare),
                name=f"{name}_compare",
            ),
            path(
                "<path:object_id>/phien-ban/<int:revision_id>/",
                bind(admin_views.revision),
                name=f"{name}_revision",
            ),
            path(
                "<path:object_id>/phien-ban/<int:revision_id>/khoi-phuc/",
                bind(admin_views.restore),
                name=f"{name}_restore",
            ),
            path(
                "<path:object_id>/xem-truoc/",
                bind(admin_views.preview),
                name=f"{name}_preview",
            ),
            *super().get_urls(),
        ]

    def diff_fields(self):
        if self.workflow_diff_fields is not None:
            return self.workflow_diff_fields
        return [
            name
            for name in self.model.revision_fields
            if self.model._meta.get_field(name).get_internal_type()
            in ("CharField", "TextField")
            and name != "slug"
        ]

    def preview_response(self, request, obj):
        """The page showing `obj` (the working copy) to staff before publication."""
        return admin_views.generic_preview(self, request, obj)


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
