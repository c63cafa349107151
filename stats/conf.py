"""The stats app's settings and their defaults.

portal/settings.py sets STATS_<NAME> from the environment variable of the same
name, falling back to <NAME> here; stats/checks.py rejects bad values when
`manage.py check` (or migrate, or the test run) starts.
"""

COUNTING = True  # count visits and page views at all
BACKEND = "db"  # or "redis": counts in Redis until `stats_rollup` flushes them
# Who counts the page views (stats/access_log.py):
# - "app": the middleware, one statement per view;
# - "access_log": behind deploy/nginx.conf, whose short cache answers most views
#   without the app: the app marks countable pages with a header, nginx logs the
#   views of marked pages, `stats_read_access_log` counts the log's lines;
# - "app_log": the middleware appends each view to LOG_PATH, read the same way.
COUNTED_BY = "app"
LOG_PATH = "var/stats/views.log"  # app_log's file, relative to the project
VISIT_MINUTES = 30  # a page view after this much quiet starts a new visit
ONLINE_MINUTES = 5  # the window of "Đang truy cập"
COUNTER_CACHE_SECONDS = 60  # how stale the counter block may be…
MAX_COUNTER_CACHE_SECONDS = 60  # …at most
RETENTION_DAYS = 400  # per-article and referrer rows
ACTIVITY_KEEP_HOURS = 26  # raw visitor activity and first views
# Counting commits without waiting for the WAL flush: the hot per-day row is
# locked for microseconds, not for an fsync. A crash of PostgreSQL (not a
# restart) may lose the last ~0.6 s of counts; nothing else is affected.
ASYNC_COMMIT = True
