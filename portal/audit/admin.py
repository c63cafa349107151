"""The audit log in the admin (read only, CSV export) and AuditedAdmin for settings.

Unit administrators read their unit's entries, superusers everyone's. Nobody
adds, edits or deletes an entry here, whatever they POST: the admin has no add,
change or delete permission for it at all.
"""

import csv
import json

from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.audit.models import Action, AuditEntry
from portal.audit.services import record

TIME_FORMAT = "%d/%m/%Y %H:%M"


def local(moment):
    return timezone.localtime(moment).strftime(TIME_FORMAT)


def summarize(form, formsets=None):
    """ "Changed: Name, E-mail. Added unit “…”." from a saved form and its inlines."""
    parts = []
    labels = [_label(form, name) for name in form.changed_data]
    if labels:
        parts.append(_("Changed: %(fields)s.") % {"fields": ", ".join(labels)})
    for formset in formsets or []:
        name = formset.model._meta.verbose_name
        for obj in formset.new_objects:
            parts.append(
                _("Added %(name)s “%(object)s”.") % {"name": name, "object": obj}
            )
        for obj, fields in formset.changed_objects:
            names = ", ".join(
                str(formset.model._meta.get_field(f).verbose_name) for f in fields
            )
            parts.append(
                _("Changed %(fields)s of %(name)s “%(object)s”.")
                % {"fields": names, "name": name, "object": obj}
            )
        for obj in formset.deleted_objects:
            parts.append(
                _("Deleted %(name)s “%(object)s”.") % {"name": name, "object": obj}
            )
    return " ".join(parts)


def _label(form, name):
    field = form.fields.get(name)
    if field is not None and field.label:
        return str(field.label)
    # A form's own name for a model field (the password form's "password").
    instance = getattr(form, "instance", None) or getattr(form, "user", None)
    try:
        return str(instance._meta.get_field(name).verbose_name)
    except (AttributeError, LookupError):
        return name


class AuditedAdmin(admin.ModelAdmin):
    """Write an audit entry for each add, change and delete made through this admin.

    Django's admin calls log_addition/log_change/log_deletions for every save
    (forms, list_editable, the delete action): hooking them misses none.
    """

    audit_action = None  # None: Created / Edited / Deleted

    def construct_change_message(self, request, form, formsets, add=False):
        # Django stores its change message in English (for LogEntry); the
        # audit entry gets a summary in the language of the person reading it.
        request._audit_summary = "" if add else summarize(form, formsets)
        return super().construct_change_message(request, form, formsets, add)

    def audit_summary(self, request, obj, action, message):
        """The entry's summary: the changed fields, named as on the form."""
        summary = getattr(request, "_audit_summary", None)
        if summary is not None:
            del request._audit_summary
            return summary
        if isinstance(message, list):
            message = json.dumps(message)
        return LogEntry(change_message=message or "").get_change_message()

    def _audit(self, request, obj, action, message=""):
        site = obj.site if getattr(obj, "site_id", None) else request.site
        record(
            self.audit_action or action,
            request=request,
            site=site,
            obj=obj,
            summary=self.audit_summary(request, obj, action, message),
        )

    def log_addition(self, request, obj, message):
        self._audit(request, obj, Action.CREATE, message)
        return super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        self._audit(request, obj, Action.EDIT, message)
        return super().log_change(request, obj, message)

    def log_deletions(self, request, queryset):
        for obj in queryset:
            self._audit(request, obj, Action.DELETE)
        return super().log_deletions(request, queryset)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    change_list_template = "audit/admin/change_list.html"
    list_display = ["time", "username", "site", "action", "object_repr", "summary"]
    list_select_related = ["site"]
    search_fields = ["username", "object_repr", "summary"]
    date_hierarchy = "created_at"
    fields = [
        "time",
        "site",
        "username",
        "action",
        "content_type",
        "object_id",
        "object_repr",
        "summary",
        "address_hash",
    ]
    readonly_fields = fields
    list_per_page = 50

    def get_queryset(self, request):
        entries = super().get_queryset(request)
        if request.user.is_superuser:
            return entries
        return entries.for_site(request.site)

    def get_list_filter(self, request):
        filters = [
            ("user", admin.RelatedOnlyFieldListFilter),
            "action",
            ("created_at", admin.DateFieldListFilter),
        ]
        if request.user.is_superuser:
            filters.insert(0, "site")  # others see their unit's entries only
        return filters

    @admin.display(description=gettext_lazy("time"), ordering="created_at")
    def time(self, entry):
        return local(entry.created_at)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "xuat-csv/",
                self.admin_site.admin_view(self.export_view),
                name="audit_auditentry_export",
            ),
            *super().get_urls(),
        ]

    def export_view(self, request):
        """The list as filtered on screen, as CSV for Excel (UTF-8 with BOM)."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            self.message_user(request, _("Unknown filter."), messages.ERROR)
            return redirect(reverse("admin:audit_auditentry_changelist"))
        entries = changelist.get_queryset(request).select_related(
            "site", "content_type"
        )
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = StreamingHttpResponse(
            _csv_rows(entries, translation.get_language()),
            content_type="text/csv; charset=utf-8",
        )
        name = f"nhat-ky-{request.site.domain.replace(':', '-')}-{stamp}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class _Echo:
    def write(self, value):
        return value


def _csv_rows(entries, language):
    # Streamed after the view returned: the request's language is set again.
    with translation.override(language):
        yield from _rows(entries)


def _rows(entries):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # Excel reads UTF-8 only with the byte-order mark
    yield writer.writerow(
        [
            _("Time"),
            _("Unit"),
            _("User"),
            _("Action"),
            _("Kind of object"),
            _("Object"),
            _("Object id"),
            _("Summary"),
            _("Address hash"),
        ]
    )
    for entry in entries.iterator(chunk_size=2000):
        yield writer.writerow(
            [
                local(entry.created_at),
                entry.site.name if entry.site else "",
                entry.username,
                entry.get_action_display(),
                entry.content_type.name if entry.content_type else "",
                entry.object_repr,
                entry.object_id,
                entry.summary,
                entry.address_hash,
            ]
        )
