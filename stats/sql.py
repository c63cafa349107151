"""The counting statements, written once.

A page view (stats/services.py) and a Redis flush (stats/redis_backend.py) add
to the same daily rows in the same way: `ADD_TO_DAILY_ROWS` is the tail both
statements end with, fed by three row sources each statement defines first:
`day_counts(date, visits, page_views, mobile_visits)`,
`article_counts(article_id, views)` and `referrer_counts(host, visits)`.

Every increment is `INSERT … ON CONFLICT DO UPDATE SET n = n + EXCLUDED.n`, so
concurrent statements never lose one. Table names come from the models: a
renamed model changes the SQL with it instead of failing at run time.
"""

from functools import cache

from django.db import connection

# One call, one round trip: the statement's writes commit together.
ADD_TO_DAILY_ROWS = """
site_day AS (
    INSERT INTO {daily_site} AS d (site_id, date, visits, page_views, mobile_visits)
    SELECT %(site)s, date, sum(visits), sum(page_views), sum(mobile_visits)
    FROM day_counts GROUP BY date
    ON CONFLICT (site_id, date) DO UPDATE SET
        visits = d.visits + EXCLUDED.visits,
        page_views = d.page_views + EXCLUDED.page_views,
        mobile_visits = d.mobile_visits + EXCLUDED.mobile_visits
), article AS (
    UPDATE {article} AS a SET view_count = a.view_count + c.views
    FROM article_counts c
    WHERE a.id = c.article_id AND a.site_id = %(site)s
    RETURNING a.id, c.views
), article_day AS (
    INSERT INTO {daily_article} AS v (site_id, article_id, date, views)
    SELECT %(site)s, id, %(day)s, views FROM article
    ON CONFLICT (article_id, date) DO UPDATE SET views = v.views + EXCLUDED.views
), referrer AS (
    INSERT INTO {daily_referrer} AS r (site_id, date, host, visits)
    SELECT %(site)s, %(day)s, host, visits FROM referrer_counts
    ON CONFLICT (site_id, date, host) DO UPDATE SET visits = r.visits + EXCLUDED.visits
)"""

# A page view. `first_view` takes back the view this browser made before it had
# its cookie (see stats/__init__.py); `activity` locks the visitor's row and
# decides, from the row as committed by any concurrent request, whether this
# page view starts a visit. A browser that proves it keeps cookies frees the
# daily hash's visit it started (`released`), and one whose first view had only
# joined that visit gets its own (`day_counts`, on the day of that view).
RECORD_PAGE_VIEW = (
    """
WITH commit_mode AS (
    SELECT set_config('synchronous_commit', %(commit_mode)s, true)
), first_view AS (
    DELETE FROM {first_view}
    WHERE site_id = %(site)s AND cookie_key = %(visitor)s
    RETURNING daily_key, seen_at, date, started_visit
), activity AS (
    INSERT INTO {activity} AS a
        (site_id, visitor, last_seen, visit_started, visit_page_views, is_mobile)
    SELECT %(site)s, %(visitor)s, %(now)s,
        CASE WHEN f.seen_at >= %(cutoff)s THEN f.seen_at ELSE %(now)s END,
        CASE WHEN f.seen_at >= %(cutoff)s THEN 2 ELSE 1 END,
        %(mobile)s
    FROM (VALUES (1)) AS one LEFT JOIN first_view AS f ON true
    ON CONFLICT (site_id, visitor) DO UPDATE SET
        visit_started = CASE WHEN a.last_seen < %(cutoff)s
            THEN EXCLUDED.visit_started ELSE a.visit_started END,
        visit_page_views = CASE WHEN a.last_seen < %(cutoff)s
            THEN 1 ELSE a.visit_page_views + 1 END,
        last_seen = GREATEST(a.last_seen, EXCLUDED.last_seen),
        is_mobile = EXCLUDED.is_mobile
    RETURNING visit_page_views = 1 AS new_visit
), released AS (
    DELETE FROM {activity} AS h USING first_view AS f
    WHERE f.started_visit AND h.site_id = %(site)s
        AND h.visitor = f.daily_key AND h.visit_started = f.seen_at
), new_first_view AS (
    INSERT INTO {first_view}
        (site_id, cookie_key, daily_key, seen_at, date, started_visit)
    SELECT %(site)s, %(new_cookie)s::text, %(visitor)s, %(now)s, %(day)s, new_visit
    FROM activity WHERE %(new_cookie)s::text IS NOT NULL
    -- Keys are random; one given twice must not stop the counting of a log.
    ON CONFLICT (site_id, cookie_key) DO NOTHING
), day_counts AS (
    SELECT %(day)s::date AS date, new_visit::int AS visits, 1 AS page_views,
        (new_visit AND %(mobile)s)::int AS mobile_visits
    FROM activity
    UNION ALL
    SELECT date, 1, 0, %(mobile)s::int FROM first_view WHERE NOT started_visit
), article_counts AS (
    SELECT %(article)s::bigint AS article_id, 1 AS views
    WHERE %(article)s IS NOT NULL
), referrer_counts AS (
    SELECT %(referrer)s::text AS host, 1 AS visits WHERE %(referrer)s IS NOT NULL
),"""
    + ADD_TO_DAILY_ROWS
    + """
SELECT new_visit FROM activity, commit_mode
"""
)

# Counts gathered elsewhere (a Redis hash of one site and day).
ADD_COUNTS = (
    """
WITH day_counts AS (
    SELECT %(day)s::date AS date, %(visits)s::int AS visits,
        %(page_views)s::int AS page_views, %(mobile_visits)s::int AS mobile_visits
), article_counts AS (
    SELECT * FROM unnest(%(article_ids)s::bigint[], %(article_views)s::int[])
        AS c(article_id, views)
), referrer_counts AS (
    SELECT * FROM unnest(%(hosts)s::text[], %(host_visits)s::int[]) AS c(host, visits)
),"""
    + ADD_TO_DAILY_ROWS
    + """
SELECT 1
"""
)

# The counter block: online now, today, yesterday, this month, total, start.
COUNTER_FIGURES = """
SELECT
    (SELECT count(*) FROM {activity}
     WHERE site_id = %(site)s AND last_seen >= %(online)s),
    COALESCE(SUM(visits) FILTER (WHERE date = %(today)s), 0),
    COALESCE(SUM(visits) FILTER (WHERE date = %(yesterday)s), 0),
    COALESCE(SUM(visits) FILTER (WHERE date >= %(month)s), 0),
    COALESCE(SUM(visits), 0),
    COALESCE((SELECT starting_total FROM {counter_settings}
              WHERE site_id = %(site)s), 0)
FROM {daily_site} WHERE site_id = %(site)s
"""


@cache
def statement(template):
    """`template` with the models' (quoted) table names filled in."""
    from articles.models import Article
    from stats import models

    tables = {
        "activity": models.VisitorActivity,
        "first_view": models.FirstView,
        "daily_site": models.DailySiteStats,
        "daily_article": models.DailyArticleViews,
        "daily_referrer": models.DailyReferrer,
        "counter_settings": models.SiteCounterSettings,
        "article": Article,
    }
    return template.format(
        **{
            name: connection.ops.quote_name(model._meta.db_table)
            for name, model in tables.items()
        }
    )
