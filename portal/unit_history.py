"""A unit's history as every page reads it: what it was formed from, what it became.

`unit_history(site)` is read once with the unit's footer and menu (the shared
cache of portal.page_context), so pages of units that never merged
pay nothing for it. `history_for(request)` is the one call the middleware, the
citizen-input check and the templates use.
"""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class UnitLink:
    pk: int
    name: str
    domain: str
    date: date
    whole: bool


@dataclass(frozen=True)
class UnitHistory:
    archived_on: date | None = None
    successors: list = field(default_factory=list)  # UnitLink, first one first
    predecessors: list = field(default_factory=list)  # UnitLink

    @property
    def archived(self):
        return self.archived_on is not None

    @property
    def split(self):
        return len(self.successors) > 1

    @property
    def first_successor(self):
        return self.successors[0] if self.successors else None


EMPTY = UnitHistory()


def unit_history(site):
    """The history of `site` (two small queries; cached by the caller)."""
    from portal.mergers.models import UnitArchive, UnitSuccession

    archived_on = (
        UnitArchive.objects.filter(site=site).values_list("archived_on", flat=True)
    ).first()
    successors, predecessors = [], []
    rows = (
        UnitSuccession.objects.filter(predecessor=site)
        | UnitSuccession.objects.filter(successor=site)
    ).select_related("predecessor", "successor")
    for row in rows.order_by("position", "date", "id"):
        if row.predecessor_id == site.pk:
            other, into = row.successor, successors
        else:
            other, into = row.predecessor, predecessors
        into.append(UnitLink(other.pk, other.name, other.domain, row.date, row.whole))
    if archived_on is None and not successors and not predecessors:
        return EMPTY
    return UnitHistory(archived_on, successors, predecessors)


def history_for(request):
    """The history of the request's unit, from the cached unit context."""
    from portal.page_context import history

    if getattr(request, "site", None) is None:
        return EMPTY
    return history(request)


def forget(*site_ids):
    """Drop the cached unit context of these units (their history changed)."""
    from portal import page_context

    page_context.forget(*site_ids)
