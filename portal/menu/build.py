"""The menu of a unit, resolved into plain entries in a constant number of queries.

One query for the unit's entries, one per kind of object they point at (not per
entry), none for fixed pages (reversed URLs). A unit without entries gets the
default menu the apps give (the news categories).
"""

from collections import defaultdict

from django.urls import NoReverseMatch, reverse

from portal import menu
from portal.menu.models import MenuItem


def entries_for(site):
    items = list(MenuItem.objects.for_site(site).shown().order_by("position", "id"))
    if not items:
        return default_entries(site)
    objects = _objects(site, items)
    children = defaultdict(list)
    for item in items:
        if item.parent_id:
            children[item.parent_id].append(item)
    entries = []
    for item in items:
        if item.parent_id:
            continue
        kids = tuple(
            entry
            for child in children[item.pk]
            if (entry := _entry(child, objects)) is not None and entry.url
        )
        entry = _entry(item, objects, kids)
        if entry is not None and (entry.url or entry.children):
            entries.append(entry)
    return entries


def default_entries(site):
    entries = []
    for target in menu.targets():
        if target.default is not None:
            entries.extend(target.default(site))
    return entries


def _objects(site, items):
    """{(target key, object id): object} of every object the entries point at."""
    wanted = defaultdict(set)
    for item in items:
        target = menu.target(item.target)
        if target is not None and target.model is not None and item.object_id:
            wanted[target.key].add(item.object_id)
    found = {}
    for key, ids in wanted.items():
        for obj in menu.target(key).queryset(site).filter(pk__in=ids):
            found[key, obj.pk] = obj
    return found


def _entry(item, objects, children=()):
    """The entry of `item`, or None when what it opens is gone or not public."""
    if item.target == menu.EXTERNAL:
        return menu.Entry(item.label, item.url, external=True, children=children)
    if item.target == menu.HEADING:
        return menu.Entry(item.label, "", children=children) if item.label else None
    target = menu.target(item.target)
    if target is None:  # the app that offered it is not installed (any more)
        return None
    if target.model is None:
        try:
            url = reverse(target.url_name)
        except NoReverseMatch:
            return None
        return menu.Entry(item.label or str(target.label), url, children=children)
    obj = objects.get((target.key, item.object_id))
    if obj is None:
        # Not public (a withdrawn page): its sub-entries stay, under its label.
        return menu.Entry(item.label, "", children=children) if item.label else None
    label = item.label or str(target.title(obj))
    return menu.Entry(label, obj.get_absolute_url(), children=children)
