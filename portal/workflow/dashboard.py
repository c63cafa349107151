""" "Việc của tôi" on the admin's first page, over every workflow model registered.

Three lists — my drafts, what waits for review, what was recently published in
the unit — each ONE query, whatever the number of models or rows: the models'
rows are made alike (kind, id, title, date, note) and glued with UNION ALL.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, Q, TextField, Value
from django.db.models.functions import Cast
from django.urls import reverse

from portal.workflow.models import Status, WorkflowModel

LIMIT = 10


def my_work(admin_site, request, limit=LIMIT):
    """{"drafts": [...], "waiting": [...], "recent": [...]} or None (no model)."""
    user = request.user
    parts = {"drafts": [], "waiting": [], "recent": []}
    kinds = {}
    for model, model_admin in admin_site._registry.items():
        if not issubclass(model, WorkflowModel):
            continue
        if not model_admin.has_view_or_change_permission(request):
            continue
        content_type = ContentType.objects.get_for_model(model)
        kinds[content_type.pk] = model
        rows = model._default_manager.for_site(request.site)
        mine = Q(created_by=user) | Q(latest_revision__created_by=user)
        parts["drafts"].append(
            _alike(rows.filter(mine, status=Status.DRAFT), content_type, "updated_at")
        )
        waiting = rows.filter(status=Status.REVIEW)
        if not _can_publish(model_admin, request):
            waiting = waiting.filter(mine)  # editors follow their own
        parts["waiting"].append(_alike(waiting, content_type, "updated_at"))
        parts["recent"].append(_alike(rows.published(), content_type, "published_at"))
    if not kinds:
        return None
    return {name: _rows(queries, kinds, limit) for name, queries in parts.items()}


def _can_publish(model_admin, request):
    check = getattr(model_admin, "has_publish_permission", None)
    return bool(check and check(request))


def _alike(queryset, content_type, date_field):
    model = queryset.model
    return (
        queryset.order_by()
        .annotate(
            w_kind=Value(content_type.pk),
            w_id=Cast("pk", CharField()),
            w_title=Cast(model.title_field, TextField()),
            w_date=F(date_field),
            w_note=F("review_note"),
            w_live=F("live"),
        )
        .values_list("w_kind", "w_id", "w_title", "w_date", "w_note", "w_live")
    )


def _rows(queries, kinds, limit):
    union = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
    rows = []
    for kind, pk, title, date, note, live in union.order_by("-w_date")[:limit]:
        opts = kinds[kind]._meta
        rows.append(
            {
                "kind": opts.verbose_name,
                "title": title,
                "date": date,
                "note": note,
                "live": live,
                "url": reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_change", args=[pk]
                ),
            }
        )
    return rows
