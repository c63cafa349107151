"""Counting many page views at once: the reader of nginx's log (stats/access_log.py).

One statement per view (stats/sql.py's RECORD_PAGE_VIEW) counts about a
thousand views a second; nginx answers forty times that. So a batch of views is
counted in memory, step by step as RECORD_PAGE_VIEW counts one view (the same
rules, in the same order: tests/stats/test_batch.py checks that both leave the
same rows), between one read of the rows it touches and one write of each kind.

Only for a single writer: the reader holds its log's position row locked, and
with STATS_COUNTED_BY=access_log nothing else counts.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from stats import sql
from stats.models import FirstView, VisitorActivity


# Fields in the order of their table's columns in save()'s INSERTs.
@dataclass
class Activity:
    last_seen: object
    visit_started: object
    visit_page_views: int
    is_mobile: bool


@dataclass(frozen=True)
class First:
    daily_key: str
    seen_at: object
    date: object
    started_visit: bool


class Batch:
    def __init__(self, views):
        self.views = views
        self.gap = timedelta(minutes=settings.STATS_VISIT_MINUTES)
        keys = {(view.site_id, view.visitor) for view, _ in views}
        self.firsts = self._take_first_views(keys)
        keys |= {(site, first.daily_key) for (site, _), first in self.firsts.items()}
        self.activity = self._activity(keys)
        self.touched, self.released = set(), set()
        self.new_firsts = {}
        self.days = defaultdict(Counter)  # (site, date) -> visits, page_views, mobile
        self.articles = defaultdict(Counter)  # (site, date) -> article id -> views
        self.referrers = defaultdict(Counter)  # (site, date) -> host -> visits

    def _take_first_views(self, keys):
        """The first views whose cookie comes back in this batch, deleted now:
        each is taken back by the first view of its cookie below."""
        if not keys:
            return {}
        table = connection.ops.quote_name(FirstView._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {table} f USING unnest(%s::int[], %s::text[]) AS k(s, v) "
                "WHERE f.site_id = k.s AND f.cookie_key = k.v "
                "RETURNING f.site_id, f.cookie_key, f.daily_key, f.seen_at, f.date, "
                "f.started_visit",
                columns(keys),
            )
            return {(row[0], row[1]): First(*row[2:]) for row in cursor.fetchall()}

    def _activity(self, keys):
        if not keys:
            return {}
        table = connection.ops.quote_name(VisitorActivity._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT a.site_id, a.visitor, a.last_seen, a.visit_started, "
                f"a.visit_page_views, a.is_mobile FROM {table} a "
                "JOIN unnest(%s::int[], %s::text[]) AS k(s, v) "
                "ON a.site_id = k.s AND a.visitor = k.v",
                columns(keys),
            )
            return {(row[0], row[1]): Activity(*row[2:]) for row in cursor.fetchall()}

    def count(self, view, now):
        """One view, as RECORD_PAGE_VIEW counts it (its CTEs in its order)."""
        site, cutoff, day = view.site_id, now - self.gap, timezone.localdate(now)
        first = self.firsts.pop((site, view.visitor), None)
        if first is None:
            first = self.new_firsts.pop((site, view.visitor), None)
        joins = first is not None and first.seen_at >= cutoff
        key = (site, view.visitor)
        row = self.activity.get(key)
        if row is None:
            row = Activity(
                last_seen=now,
                visit_started=first.seen_at if joins else now,
                visit_page_views=2 if joins else 1,
                is_mobile=view.is_mobile,
            )
            self.activity[key] = row
        else:
            if row.last_seen < cutoff:
                row.visit_started = first.seen_at if joins else now
                row.visit_page_views = 1
            else:
                row.visit_page_views += 1
            row.last_seen = max(row.last_seen, now)
            row.is_mobile = view.is_mobile
        self.touched.add(key)
        self.released.discard(key)
        new_visit = row.visit_page_views == 1
        if first is not None and first.started_visit:
            held = self.activity.get((site, first.daily_key))
            if held is not None and held.visit_started == first.seen_at:
                del self.activity[(site, first.daily_key)]
                self.touched.discard((site, first.daily_key))
                self.released.add((site, first.daily_key))
        if (
            view.new_cookie is not None
            and (site, view.new_cookie) not in self.new_firsts
        ):
            self.new_firsts[(site, view.new_cookie)] = First(
                view.visitor, now, day, new_visit
            )
        figures = self.days[(site, day)]
        figures["page_views"] += 1
        figures["visits"] += new_visit
        figures["mobile_visits"] += new_visit and view.is_mobile
        if first is not None and not first.started_visit:
            earlier = self.days[(site, first.date)]
            earlier["visits"] += 1
            earlier["mobile_visits"] += view.is_mobile
        if view.article_id is not None:
            self.articles[(site, day)][view.article_id] += 1
        if view.referrer_host is not None:
            self.referrers[(site, day)][view.referrer_host] += 1

    def save(self):
        activity = connection.ops.quote_name(VisitorActivity._meta.db_table)
        firsts = connection.ops.quote_name(FirstView._meta.db_table)
        with connection.cursor() as cursor:
            if self.released:
                cursor.execute(
                    f"DELETE FROM {activity} a USING unnest(%s::int[], %s::text[]) "
                    "AS k(s, v) WHERE a.site_id = k.s AND a.visitor = k.v",
                    columns(self.released),
                )
            if self.touched:
                cursor.execute(
                    f"INSERT INTO {activity} AS a (site_id, visitor, last_seen, "
                    "visit_started, visit_page_views, is_mobile) "
                    "SELECT * FROM unnest(%s::int[], %s::text[], %s::timestamptz[], "
                    "%s::timestamptz[], %s::int[], %s::bool[]) "
                    "ON CONFLICT (site_id, visitor) DO UPDATE SET "
                    "last_seen = EXCLUDED.last_seen, "
                    "visit_started = EXCLUDED.visit_started, "
                    "visit_page_views = EXCLUDED.visit_page_views, "
                    "is_mobile = EXCLUDED.is_mobile",
                    columns(
                        (*key, *vars(self.activity[key]).values())
                        for key in self.touched
                    ),
                )
            if self.new_firsts:
                cursor.execute(
                    f"INSERT INTO {firsts} (site_id, cookie_key, daily_key, seen_at, "
                    "date, started_visit) SELECT * FROM unnest(%s::int[], %s::text[], "
                    "%s::text[], %s::timestamptz[], %s::date[], %s::bool[]) "
                    "ON CONFLICT (site_id, cookie_key) DO NOTHING",
                    columns(
                        (*key, *vars(first).values())
                        for key, first in self.new_firsts.items()
                    ),
                )
            for (site, day), figures in self.days.items():
                articles = self.articles.get((site, day), {})
                referrers = self.referrers.get((site, day), {})
                cursor.execute(
                    sql.statement(sql.ADD_COUNTS),
                    {
                        "site": site,
                        "day": day,
                        "visits": figures["visits"],
                        "page_views": figures["page_views"],
                        "mobile_visits": figures["mobile_visits"],
                        "article_ids": list(articles),
                        "article_views": list(articles.values()),
                        "hosts": list(referrers),
                        "host_visits": list(referrers.values()),
                    },
                )


def columns(rows):
    """Rows (tuples) as the arrays `unnest()` takes: one list per column."""
    return [list(column) for column in zip(*rows, strict=True)]


def record(views):
    """Count (PageView, time) pairs, in order, in a few statements."""
    batch = Batch(views)
    for view, now in views:
        batch.count(view, now)
    batch.save()
