"""Keeping the index in step with what the public may see.

An object is indexed while its source's `queryset(site)` holds it, or while it
is a live workflow object waiting for its publication date: nothing happens
when that date comes, so the index holds it already and the search filters by
date (`SearchEntry.objects.visible()`). What is indexed is always read back from
the database — the live row — never the object a signal carries, which may hold
an editor's unpublished working copy.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import islice

from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.db import connection
from django.utils import timezone

from portal import search
from portal.search_index.models import SearchEntry, site_token
from portal.text import search_normalize
from portal.workflow.models import WorkflowModel

# Bounds a row: the text shown around a match, and the words searched.
TEXT_LIMIT = 50_000
FOLDED_LIMIT = 200_000


@dataclass
class Entry:
    """What the index keeps of one object."""

    site_id: int
    kind: str
    content_type_id: int
    object_id: str
    title: str
    url: str
    date: datetime | None
    published_at: datetime | None
    expires_at: datetime | None
    text: str

    def vector_words(self):
        """The folded words: title (weight A), text (B), the unit's token (D)."""
        return (
            search_normalize(self.title),
            search_normalize(self.text[:FOLDED_LIMIT]),
            site_token(self.site_id),
        )


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
    else:
        upsert([build_entry(source, live)])


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
                    upsert(entries)
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
    return Entry(
        site_id=obj.site_id,
        kind=source.kind,
        content_type_id=ContentType.objects.get_for_model(source.model).pk,
        object_id=str(obj.pk),
        title=str(source.title(obj) or "")[:500],
        url=obj.get_absolute_url()[:500],
        date=_as_datetime(source.date(obj)),
        published_at=getattr(obj, "published_at", None),
        expires_at=getattr(obj, "expires_at", None),
        text=str(source.text(obj) or "")[:TEXT_LIMIT],
    )


_ENTRY_SQL = """
    INSERT INTO search_index_searchentry AS e
        (site_id, kind, content_type_id, object_id, title, url, date,
         published_at, expires_at, vector)
    VALUES {values}
    ON CONFLICT (content_type_id, object_id) DO UPDATE SET
        site_id = EXCLUDED.site_id, kind = EXCLUDED.kind, title = EXCLUDED.title,
        url = EXCLUDED.url, date = EXCLUDED.date,
        published_at = EXCLUDED.published_at, expires_at = EXCLUDED.expires_at,
        vector = EXCLUDED.vector
    RETURNING id, object_id
"""
_ENTRY_VALUES = (
    "(%s, %s, %s, %s, %s, %s, %s, %s, %s, "
    "setweight(to_tsvector('simple', %s), 'A') || "
    "setweight(to_tsvector('simple', %s), 'B') || "
    "setweight(to_tsvector('simple', %s), 'D'))"
)
_TEXT_SQL = """
    INSERT INTO search_index_searchtext (entry_id, text) VALUES {values}
    ON CONFLICT (entry_id) DO UPDATE SET text = EXCLUDED.text
"""


def upsert(entries):
    """Write `entries` (of one content type) in two statements, whatever their number.

    The vector is made by PostgreSQL from the words folded here, so the index
    and the query fold text the same way (portal.text.search_normalize).
    """
    if not entries:
        return
    params = []
    for entry in entries:
        params += [
            entry.site_id,
            entry.kind,
            entry.content_type_id,
            entry.object_id,
            entry.title,
            entry.url,
            entry.date,
            entry.published_at,
            entry.expires_at,
            *entry.vector_words(),
        ]
    values = ", ".join([_ENTRY_VALUES] * len(entries))
    with connection.cursor() as cursor:
        cursor.execute(_ENTRY_SQL.format(values=values), params)
        ids = {object_id: pk for pk, object_id in cursor.fetchall()}
        texts = [(ids[entry.object_id], entry.text) for entry in entries]
        cursor.execute(
            _TEXT_SQL.format(values=", ".join(["(%s, %s)"] * len(texts))),
            [value for row in texts for value in row],
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
