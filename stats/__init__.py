"""The visitor counter and the access-statistics dashboard.

Decisions, in one place:

- A page view is a 200 HTML answer to a GET of a public page by a person's
  browser (stats/counting.py lists what is not: the admin, files, feeds, the
  sitemap, robots, errors, HEAD, prefetches, bots by User-Agent). HeadlessChrome
  is treated as a bot on purpose: it is a scraper's browser, and our own browser
  tests use it, so they leave the counters alone.
- A visit starts with a page view after 30 minutes without one
  (STATS_VISIT_MINUTES). "Tổng truy cập" counts visits, as the seeds' portals do,
  plus the site's starting total carried over from an old portal.
- Counting runs in VisitCounterMiddleware after the response is made, as one
  SQL statement (stats/services.py), or through Redis with STATS_BACKEND=redis;
  STATS_COUNTING=0 switches it off. Cron: `manage.py stats_rollup` every few
  minutes with Redis (it flushes), otherwise daily.
- No IP address or User-Agent is stored: see stats/counting.py.
- The dashboard is /admin/thong-ke/, for superusers and staff holding
  `stats.view_statistics`.
"""
