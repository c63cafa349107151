"""The pages of one object's workflow in the admin: revisions, diff, restore, preview.

Each is reached through the object (`model_admin.get_row`: this unit's rows only)
and reads only that object's revisions, so no URL shows another unit's text.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_ckeditor_5.fields import CKEditor5Field

from portal.sanitize import sanitize_html
from portal.workflow import services as workflow
from portal.workflow.diff import compare as compare_contents
from portal.workflow.models import Revision, apply_content


def _object(model_admin, request, object_id):
    obj = model_admin.get_row(request, object_id)
    if not model_admin.has_view_or_change_permission(request, obj):
        raise PermissionDenied
    return obj


def _revisions(obj):
    return Revision.objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        site_id=obj.site_id,
    )


def _revision(obj, revision_id):
    try:
        return _revisions(obj).select_related("created_by").get(pk=revision_id)
    except (Revision.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def _url(model_admin, name, *args):
    opts = model_admin.opts
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)


def _context(model_admin, request, obj, title, **extra):
    return {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "subtitle": str(obj),
        "opts": model_admin.opts,
        "original": obj,
        "change_url": _url(model_admin, "change", obj.pk),
        "revisions_url": _url(model_admin, "revisions", obj.pk),
        "has_view_permission": model_admin.has_view_permission(request),
        **extra,
    }


def revisions(model_admin, request, object_id):
    """Every saved version, newest first, with who and when; pick two to compare."""
    obj = _object(model_admin, request, object_id)
    rows = list(_revisions(obj).select_related("created_by")[:200])
    for row in rows:
        row.is_live = row.pk == obj.live_revision_id and obj.live
        row.is_latest = row.pk == obj.latest_revision_id
        row.url = _url(model_admin, "revision", obj.pk, row.pk)
    context = _context(
        model_admin,
        request,
        obj,
        _("Revisions"),
        revisions=rows,
        compare_url=_url(model_admin, "compare", obj.pk),
    )
    return TemplateResponse(request, "workflow/admin/revisions.html", context)


def revision(model_admin, request, object_id, revision_id):
    """One version as it was saved, with the restore button."""
    obj = _object(model_admin, request, object_id)
    shown = _revision(obj, revision_id)
    copy = apply_content(type(obj)._default_manager.get(pk=obj.pk), shown.content)
    fields = [
        (copy._meta.get_field(name).verbose_name, _display(copy, name))
        for name in copy.revision_field_names()
    ]
    context = _context(
        model_admin,
        request,
        obj,
        _("Version of %(time)s") % {"time": workflow.local_time(shown.created_at)},
        revision=shown,
        fields=fields,
        can_restore=model_admin.has_change_permission(request, obj)
        and shown.pk != obj.latest_revision_id,
        restore_url=_url(model_admin, "restore", obj.pk, shown.pk),
        compare_url=_url(model_admin, "compare", obj.pk)
        + f"?a={shown.pk}&b={obj.latest_revision_id or shown.pk}",
    )
    return TemplateResponse(request, "workflow/admin/revision.html", context)


def _display(obj, name):
    field = obj._meta.get_field(name)
    if field.choices:
        return getattr(obj, f"get_{name}_display")()
    value = getattr(obj, name)
    if value is None or value == "":
        return "—"
    if isinstance(field, CKEditor5Field):
        # Sanitized again here, whatever an old revision holds: nothing typed
        # into a revision runs script in an approver's admin session.
        return mark_safe(sanitize_html(value))  # noqa: S308
    if field.get_internal_type() == "DateTimeField":
        return workflow.local_time(value)
    if field.get_internal_type() == "BooleanField":
        return _("Yes") if value else _("No")
    return value


def compare(model_admin, request, object_id):
    """Two versions side by side as text: what was removed and what was added."""
    obj = _object(model_admin, request, object_id)
    old = _revision(obj, request.GET.get("a"))
    new = _revision(obj, request.GET.get("b"))
    if (old.created_at, old.pk) > (new.created_at, new.pk):
        old, new = new, old
    fields, others = compare_contents(
        type(obj), old.content, new.content, model_admin.diff_fields()
    )
    context = _context(
        model_admin,
        request,
        obj,
        _("Compare versions"),
        old=old,
        new=new,
        old_url=_url(model_admin, "revision", obj.pk, old.pk),
        new_url=_url(model_admin, "revision", obj.pk, new.pk),
        fields=fields,
        others=others,
    )
    return TemplateResponse(request, "workflow/admin/compare.html", context)


def restore(model_admin, request, object_id, revision_id):
    """An old version becomes a new draft revision (POST only)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    obj = _object(model_admin, request, object_id)
    if not model_admin.has_change_permission(request, obj):
        raise PermissionDenied
    old = _revision(obj, revision_id)
    workflow.restore_revision(obj, old, user=request.user, request=request)
    model_admin.message_user(
        request,
        _(
            "The version of %(time)s is now the draft. Check it, then submit it "
            "for review."
        )
        % {"time": workflow.local_time(old.created_at)},
        messages.SUCCESS,
    )
    return redirect(_url(model_admin, "change", obj.pk))


def preview(model_admin, request, object_id):
    """The working copy (the text waiting for approval) as staff will see it."""
    obj = _object(model_admin, request, object_id)
    return model_admin.preview_response(request, workflow.working_copy(obj))


def generic_preview(model_admin, request, obj):
    fields = [
        (obj._meta.get_field(name).verbose_name, _display(obj, name))
        for name in obj.revision_field_names()
    ]
    context = _context(
        model_admin, request, obj, _("Preview"), fields=fields, preview=True
    )
    return TemplateResponse(request, model_admin.preview_template, context)
