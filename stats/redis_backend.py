"""Counting through Redis (STATS_BACKEND=redis): HINCRBY now, PostgreSQL at flush.

Per site and day one hash `stats:day:<site>:<date>` holds visits, page_views,
mobile_visits, `a:<article id>` and `r:<referrer host>`; a set lists the hashes
to flush. `stats_rollup` renames each hash away (atomically, so new counts go
to a fresh one) and adds it to the PostgreSQL rows, which stay the record: a
Redis restart loses at most the counts since the last flush.
"""

import uuid
from datetime import date, timedelta

import redis
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

PREFIX = "stats:"
DIRTY = PREFIX + "dirty"
_clients = {}

# KEYS: activity, online zset, day hash, dirty set.
# ARGV: now, visit cutoff, mobile, article id, referrer, ttl, visitor, online floor.
RECORD_LUA = """
local last = redis.call('GET', KEYS[1])
local new = 0
if (not last) or tonumber(last) < tonumber(ARGV[2]) then new = 1 end
if (not last) or tonumber(last) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[6])
end
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[7])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[8])
redis.call('HINCRBY', KEYS[3], 'page_views', 1)
if new == 1 then
  redis.call('HINCRBY', KEYS[3], 'visits', 1)
  if ARGV[3] == '1' then redis.call('HINCRBY', KEYS[3], 'mobile_visits', 1) end
end
if ARGV[4] ~= '' then redis.call('HINCRBY', KEYS[3], 'a:' .. ARGV[4], 1) end
if ARGV[5] ~= '' then redis.call('HINCRBY', KEYS[3], 'r:' .. ARGV[5], 1) end
redis.call('SADD', KEYS[4], KEYS[3])
return new
"""


def client():
    url = settings.STATS_REDIS_URL
    if url not in _clients:
        _clients[url] = redis.Redis.from_url(url, decode_responses=True)
    return _clients[url]


def day_key(site_id, day):
    return f"{PREFIX}day:{site_id}:{day.isoformat()}"


def online_key(site_id):
    return f"{PREFIX}online:{site_id}"


def record(view, *, now):
    stamp = now.timestamp()
    visit = timedelta(minutes=settings.STATS_VISIT_MINUTES).total_seconds()
    online = timedelta(minutes=settings.STATS_ONLINE_MINUTES).total_seconds()
    keys = [
        f"{PREFIX}act:{view.site_id}:{view.visitor}",
        online_key(view.site_id),
        day_key(view.site_id, timezone.localdate(now)),
        DIRTY,
    ]
    args = [
        stamp,
        stamp - visit,
        int(view.is_mobile),
        view.article_id or "",
        view.referrer_host or "",
        int(visit) + 60,
        view.visitor,
        stamp - online,
    ]
    return bool(client().eval(RECORD_LUA, len(keys), *keys, *args))


def add_pending(values, site_id, *, now):
    """Add the not yet flushed counts of today and yesterday to counter values."""
    today = timezone.localdate(now)
    r = client()
    since = (now - timedelta(minutes=settings.STATS_ONLINE_MINUTES)).timestamp()
    values["online"] = r.zcount(online_key(site_id), since, "+inf")
    for day, name in ((today, "today"), (today - timedelta(days=1), "yesterday")):
        pending = int(r.hget(day_key(site_id, day), "visits") or 0)
        values[name] += pending
        values["total"] += pending
        if day.month == today.month and day.year == today.year:
            values["month"] += pending


def flush(*, dry_run=False):
    """Move the counts of every listed hash to PostgreSQL; returns their totals."""
    r = client()
    moved = []
    for key in sorted(r.smembers(DIRTY)):
        if dry_run:
            moved.append((key, r.hgetall(key)))
            continue
        r.srem(DIRTY, key)
        if r.exists(key):
            # RENAME is atomic: increments after it go to a new hash. A
            # flushing hash left by a crashed run keeps its own unique name.
            r.rename(key, f"{PREFIX}flushing:{uuid.uuid4().hex}|{key}")
    if dry_run:
        return moved
    for flushing in sorted(r.scan_iter(f"{PREFIX}flushing:*")):
        counts = r.hgetall(flushing)
        source = flushing.split("|", 1)[1]
        site_id, day = source.removeprefix(f"{PREFIX}day:").split(":")
        with transaction.atomic():
            _add_to_database(int(site_id), date.fromisoformat(day), counts)
            # Deleted once PostgreSQL holds the counts (a crash before keeps them).
            transaction.on_commit(lambda key=flushing: r.delete(key))
        moved.append((flushing, counts))
    return moved


def _add_to_database(site_id, day, counts):
    fields = {k: int(v) for k, v in counts.items()}
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO stats_dailysitestats AS d
                (site_id, date, visits, page_views, mobile_visits)
            VALUES (%s, %s, %s, %s, %s)
            ON CONFLICT (site_id, date) DO UPDATE SET
                visits = d.visits + EXCLUDED.visits,
                page_views = d.page_views + EXCLUDED.page_views,
                mobile_visits = d.mobile_visits + EXCLUDED.mobile_visits
            """,
            [
                site_id,
                day,
                fields.get("visits", 0),
                fields.get("page_views", 0),
                fields.get("mobile_visits", 0),
            ],
        )
        for name, n in fields.items():
            if name.startswith("a:"):
                cursor.execute(FLUSH_ARTICLE_SQL, [n, int(name[2:]), site_id, day, n])
            elif name.startswith("r:"):
                cursor.execute(FLUSH_REFERRER_SQL, [site_id, day, name[2:], n])


FLUSH_ARTICLE_SQL = """
WITH article AS (
    UPDATE articles_article SET view_count = view_count + %s
    WHERE id = %s AND site_id = %s RETURNING id, site_id
)
INSERT INTO stats_dailyarticleviews AS v (site_id, article_id, date, views)
SELECT site_id, id, %s, %s FROM article
ON CONFLICT (article_id, date) DO UPDATE SET views = v.views + EXCLUDED.views
"""
FLUSH_REFERRER_SQL = """
INSERT INTO stats_dailyreferrer AS r (site_id, date, host, visits)
VALUES (%s, %s, %s, %s)
ON CONFLICT (site_id, date, host) DO UPDATE SET visits = r.visits + EXCLUDED.visits
"""
