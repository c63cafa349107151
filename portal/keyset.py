"""Pages of a list read by keyset ("the rows after this date and id"), never by
OFFSET: page 500 costs what page 1 costs, because PostgreSQL starts its index
scan at the cursor instead of reading and throwing away every earlier row, and
no page counts the whole list.

The links are plain addresses (?sau=<cursor> for older rows, ?truoc=<cursor>
for newer ones) that a reader without script and a crawler follow alike. A
cursor is the row's date (or, for a moment, its microseconds since 1970) and
its id; a cursor that does not parse is the first page.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.db import models

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass
class KeysetPage:
    """One page of rows ordered by (field, id) descending."""

    rows: list
    newer: str | None  # cursor for the link to newer rows
    older: str | None  # cursor for the link to older rows

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    @property
    def has_other_pages(self):
        return bool(self.newer or self.older)


def cursor_of(row, field):
    value = getattr(row, field)
    if isinstance(value, datetime):
        value = (value - EPOCH) // timedelta(microseconds=1)
    else:
        value = value.isoformat()
    return f"{value}.{row.pk}"


def parse_cursor(value, is_moment):
    try:
        head, pk = (value or "").split(".")
        if is_moment:
            moment = EPOCH + timedelta(microseconds=int(head))
        else:
            moment = date.fromisoformat(head)
        return moment, int(pk)
    except (ValueError, OverflowError):
        return None


def keyset_page(queryset, *, field, after=None, before=None, per_page=20):
    """The page after cursor `after` (older rows) or before `before` (newer rows),
    of `queryset` ordered by `field` (a date or a moment) and id, newest first."""
    is_moment = isinstance(queryset.model._meta.get_field(field), models.DateTimeField)
    if before := parse_cursor(before, is_moment):
        value, pk = before
        newer_rows = (
            queryset.filter(**{f"{field}__gte": value})
            .exclude(**{field: value, "id__lte": pk})
            .order_by(field, "id")[: per_page + 1]
        )
        rows = list(newer_rows)
        more_newer = len(rows) > per_page
        rows = rows[:per_page][::-1]
        return KeysetPage(
            rows=rows,
            newer=cursor_of(rows[0], field) if more_newer and rows else None,
            older=cursor_of(rows[-1], field) if rows else None,
        )
    after = parse_cursor(after, is_moment)
    if after:
        value, pk = after
        queryset = queryset.filter(**{f"{field}__lte": value}).exclude(
            **{field: value, "id__gte": pk}
        )
    rows = list(queryset.order_by(f"-{field}", "-id")[: per_page + 1])
    more_older = len(rows) > per_page
    rows = rows[:per_page]
    return KeysetPage(
        rows=rows,
        newer=cursor_of(rows[0], field) if after and rows else None,
        older=cursor_of(rows[-1], field) if more_older else None,
    )
