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

from stats import sql

PREFIX = "stats:"
DIRTY = PREFIX + "dirty"
_clients = {}

# KEYS: 1 activity, 2 online zset, 3 day hash, 4 dirty set, 5 this key's first
# view, 6 the new cookie's first view. ARGV: 1 now, 2 visit cutoff, 3 mobile,
# 4 article id, 5 referrer, 6 activity ttl, 7 visitor, 8 online floor, 9 new
# cookie ('' if none), 10 first-view ttl, 11 the site's activity key prefix.
# An activity value is "last seen|visit started"; the rest is RECORD_PAGE_VIEW
# of stats/sql.py, step by step (a script runs atomically).
RECORD_LUA = """
local now, cutoff = tonumber(ARGV[1]), tonumber(ARGV[2])
local first = redis.call('HMGET', KEYS[5], 'daily', 'seen', 'day', 'started')
if first[1] then redis.call('DEL', KEYS[5]) end
local last, start
local stored = redis.call('GET', KEYS[1])
if stored then
  local sep = string.find(stored, '|', 1, true)
  if sep then
    last, start = string.sub(stored, 1, sep - 1), string.sub(stored, sep + 1)
  else
    last = stored
  end
elseif first[1] and tonumber(first[2]) >= cutoff then
  last, start = first[2], first[2]
end
local new = 0
if (not last) or tonumber(last) < cutoff then new = 1; start = ARGV[1] end
if (not last) or tonumber(last) < now then last = ARGV[1] end
redis.call('SET', KEYS[1], last .. '|' .. (start or last), 'EX', ARGV[6])
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
if first[1] then
  if first[4] == '1' then
    local daily = ARGV[11] .. first[1]
    local held = redis.call('GET', daily)
    if held and string.sub(held, (string.find(held, '|', 1, true) or 0) + 1) == first[2] then
      redis.call('DEL', daily)
      redis.call('ZREM', KEYS[2], first[1])
    end
  else
    redis.call('HINCRBY', first[3], 'visits', 1)
    if ARGV[3] == '1' then redis.call('HINCRBY', first[3], 'mobile_visits', 1) end
    redis.call('SADD', KEYS[4], first[3])
  end
end
if ARGV[9] ~= '' then
  redis.call('HSET', KEYS[6], 'daily', ARGV[7], 'seen', ARGV[1], 'day', KEYS[3])
  redis.call('HSET', KEYS[6], 'started', new)
  redis.call('EXPIRE', KEYS[6], ARGV[10])
end
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


def first_view_key(site_id, cookie_key):
    return f"{PREFIX}first:{site_id}:{cookie_key}"


def record(view, *, now):
    stamp = now.timestamp()
    visit = timedelta(minutes=settings.STATS_VISIT_MINUTES).total_seconds()
    online = timedelta(minutes=settings.STATS_ONLINE_MINUTES).total_seconds()
    activity = f"{PREFIX}act:{view.site_id}:"
    first = first_view_key(view.site_id, view.visitor)
    keys = [
        activity + view.visitor,
        online_key(view.site_id),
        day_key(view.site_id, timezone.localdate(now)),
        DIRTY,
        first,
        first_view_key(view.site_id, view.new_cookie) if view.new_cookie else first,
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
        view.new_cookie or "",
        settings.STATS_ACTIVITY_KEEP_HOURS * 3600,
        activity,
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
    fields = {name: int(n) for name, n in counts.items()}
    articles = {int(k[2:]): n for k, n in fields.items() if k.startswith("a:")}
    referrers = {k[2:]: n for k, n in fields.items() if k.startswith("r:")}
    params = {
        "site": site_id,
        "day": day,
        "visits": fields.get("visits", 0),
        "page_views": fields.get("page_views", 0),
        "mobile_visits": fields.get("mobile_visits", 0),
        "article_ids": list(articles),
        "article_views": list(articles.values()),
        "hosts": list(referrers),
        "host_visits": list(referrers.values()),
    }
    with connection.cursor() as cursor:
        cursor.execute(sql.statement(sql.ADD_COUNTS), params)
