"""Keeping the index in step with what the public may see.

An object is indexed while its source's `queryset(site)` holds it, or while it
is a live workflow object waiting for its publication date: nothing happens
when that date comes, so the index holds it already and the search filters by
date (`SearchEntry.objects.visible()`). What is indexed is always read back from
the database — the live row — never the object a signal carries, which may hold
an editor's unpublished working copy.
"""

from datetime import date, datetime, time
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.utils import timezone

from portal import search
from portal.search_index.models import SearchEntry
from portal.text import search_normalize
from portal.workflow.models import WorkflowModel

# Bounds a row: the display text of a long document, and the words searched.
TEXT_LIMIT = 50_000
FOLDED_LIMIT = 200_000
UPDATE_FIELDS = [
    "site",
    "kind",
    "title",
    "text",
    "url",
    "date",
    "published_at",
    "expires_at",
    "folded_title",
    "folded_text",
]


def update_object(obj):
    """Index `obj` as the public sees it now, or drop it from the index."""
    source = search.source_for(obj)
    if source is None or obj.pk is None:
        return
    live = None
    for objects in _indexable(source, obj.site):
        live = objects.filter(pk=obj.pk).first()
        if live is not None:
            break
    if live is None:
        remove_object(obj)
        return
    entry = build_entry(source, live)
    SearchEntry.objects.update_or_create(
        content_type=entry.content_type,
        object_id=entry.object_id,
        defaults={name: getattr(entry, name) for name in UPDATE_FIELDS},
    )


def remove_object(obj):
    SearchEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).delete()


def reindex(*, sites=None, kinds=None, batch_size=500):
    """Rebuild the index of `sites` (default all) for `kinds` (default all).

    Answers {kind: number of entries}. Entries of objects no longer public, and
    of kinds no app registers any more, are removed.
    """
    sites = list(sites if sites is not None else Site.objects.order_by("id"))
    chosen = [s for s in search.sources() if kinds is None or s.kind in kinds]
    counts = {}
    for source in chosen:
        content_type = ContentType.objects.get_for_model(source.model)
        counts[source.kind] = 0
        for site in sites:
            kept = set()
            for queryset in _indexable(source, site):
                objects = queryset.iterator(chunk_size=batch_size)
                while chunk := list(islice(objects, batch_size)):
                    entries = [build_entry(source, obj) for obj in chunk]
                    SearchEntry.objects.bulk_create(
                        entries,
                        update_conflicts=True,
                        unique_fields=["content_type", "object_id"],
                        update_fields=UPDATE_FIELDS,
                    )
                    kept.update(entry.object_id for entry in entries)
            SearchEntry.objects.filter(site=site, content_type=content_type).exclude(
                object_id__in=kept
            ).delete()
            counts[source.kind] += len(kept)
    if kinds is None:
        registered = [
            ContentType.objects.get_for_model(s.model).pk for s in search.sources()
        ]
        SearchEntry.objects.filter(site__in=sites).exclude(
            content_type__in=registered
        ).delete()
    return counts


def build_entry(source, obj):
    title = str(source.title(obj) or "")
    text = str(source.text(obj) or "")
    return SearchEntry(
        site_id=obj.site_id,
        kind=source.kind,
        content_type=ContentType.objects.get_for_model(source.model),
        object_id=str(obj.pk),
        title=title[:500],
        text=text[:TEXT_LIMIT],
        url=obj.get_absolute_url()[:500],
        date=_as_datetime(source.date(obj)),
        published_at=getattr(obj, "published_at", None),
        expires_at=getattr(obj, "expires_at", None),
        folded_title=search_normalize(title),
        folded_text=search_normalize(text[:FOLDED_LIMIT]),
    )


def _indexable(source, site):
    """The objects of a unit the index keeps: public ones, then scheduled ones."""
    public = source.queryset(site)
    if not issubclass(source.model, WorkflowModel):
        return [public]
    scheduled = source.model._default_manager.filter(
        site=site, live=True, published_at__gt=timezone.now()
    ).exclude(pk__in=public.values("pk"))
    return [public, scheduled]


def _as_datetime(value):
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return timezone.make_aware(datetime.combine(value, time()))
    return None
