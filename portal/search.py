"""One search for everything a unit publishes: a registry the content apps fill.

Each content app declares, in its AppConfig.ready(), what it offers to search
(`register(SearchSource(...))`): its public objects and how to read a title, a
text and a date from one. The search page and its index know only this
registry, never the apps, so a new app becomes searchable by registering.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

_sources = {}
_listeners = []


@dataclass(frozen=True)
class SearchSource:
    kind: str  # URL-safe key of the kind, e.g. "tin-tuc", "van-ban"
    label: str  # what the filter and the results call it, e.g. _("News")
    model: type[models.Model]
    # The objects of a unit the public may see: queryset(site) -> QuerySet.
    queryset: Callable
    title: Callable  # obj -> str
    text: Callable  # obj -> plain text searched besides the title
    date: Callable  # obj -> datetime or date shown in the results (or None)
    order: int = 100  # position of the kind in the filter


def register(source):
    _sources[source.kind] = source
    for listener in _listeners:
        listener(source)


def on_register(listener):
    """Call `listener(source)` for every source, registered already or later
    (the index connects its signals to each source's model this way)."""
    _listeners.append(listener)
    for source in sources():
        listener(source)


def sources():
    return sorted(_sources.values(), key=lambda source: (source.order, source.kind))


def source_for(model_or_obj):
    model = model_or_obj if isinstance(model_or_obj, type) else type(model_or_obj)
    return next((s for s in _sources.values() if s.model is model), None)
