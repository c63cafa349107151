"""The index follows every change of what the public may see.

Workflow transitions (publish, unpublish, archive, edits) send `transitioned`;
some only update the state columns, without post_save, so both are heard.
post_save also covers sources that are not workflow models, and rows made
directly (the demo content); post_delete covers deletion.
"""

from django.db.models.signals import post_delete, post_save

from portal import search
from portal.search_index import indexing


def _saved(sender, instance, raw=False, **kwargs):
    if not raw and search.source_for(sender) is not None:
        indexing.update_object(instance)


def _deleted(sender, instance, **kwargs):
    indexing.remove_object(instance)


def _watch(source):
    # Per model, never for every model: a post_delete receiver without sender
    # would stop Django's fast deletes everywhere (stats clean-ups included).
    uid = f"portal.search_index:{source.model._meta.label}"
    post_save.connect(_saved, sender=source.model, dispatch_uid=uid)
    post_delete.connect(_deleted, sender=source.model, dispatch_uid=uid)


def connect():
    from portal.workflow.services import transitioned

    transitioned.connect(_saved, dispatch_uid="portal.search_index:transitioned")
    search.on_register(_watch)


def fill_empty_index(using="default", **kwargs):
    """After migrate: an empty index (a new install, or the upgrade that brings
    it) is built from what is published, so search works without a manual step."""
    from portal.search_index.models import SearchEntry

    if not SearchEntry.objects.using(using).exists():
        indexing.reindex()
