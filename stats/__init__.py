"""The visitor counter and the access-statistics dashboard.

Decisions, in one place:

- A page view is a 200 HTML answer to a GET of a public page by a person's
  browser (stats/counting.py lists what is not: the admin, files, feeds, the
  sitemap, robots, errors, HEAD, prefetches, and crawlers by User-Agent through
  the maintained `crawlerdetect` list). HeadlessChrome is treated as a bot on
  purpose: it is a scraper's browser, and our own browser tests use it, so they
  leave the counters alone.
- A visit starts with a page view after 30 minutes without one
  (STATS_VISIT_MINUTES). "Tổng truy cập" counts visits, as the seeds' portals do,
  plus the site's starting total carried over from an old portal.
- Counting runs in VisitCounterMiddleware after the response is made, as one
  SQL statement (stats/sql.py, run by stats/services.py), or through Redis with STATS_BACKEND=redis;
  STATS_COUNTING=0 switches it off. Cron: `manage.py stats_rollup` every few
  minutes with Redis (it flushes), otherwise daily.
- Who is a visitor. Many phones share one public address (carrier-grade NAT)
  and Chrome on Android sends one reduced User-Agent on all of them, so the
  daily hash of (address, User-Agent, day) cannot tell them apart; a random
  key in the `vid` cookie can, but only once the browser sends it back. So:
  1. A request without our cookie is counted under the daily hash (a client
     that never keeps cookies stays one visitor a day, however many pages it
     reads) and gets a fresh random key as its cookie; a FirstView row remembers
     that key, the hash, the instant, and whether this view started the hash's
     visit or joined one already under way.
  2. When the key comes back, the browser keeps cookies: the counting statement
     deletes the FirstView and counts under the key from then on, as a visit
     that began at that first view. If the first view had joined the hash's
     visit, the browser was merged with someone else: its own visit is added
     (on the day of that view). If it had started that visit, the visit was
     its own: nothing is added, and the hash's visit is ended, so the next
     request without a cookie from that address starts a visit of its own.
  Hence 20 fresh phones behind one address, each reading two pages, are 20
  visits, and a client refusing cookies for 10 pages is one. What no server
  can tell apart stays counted the cautious way: N browsers that each leave
  after one page look exactly like one cookie-less client reading N pages,
  and count as one visit. FirstView rows whose cookie never comes back are
  deleted by `stats_rollup` with old activity.
- No IP address or User-Agent is stored: see stats/counting.py.
- Modules: counting (what counts, who the visitor is), services (the write),
  selectors (the reads: the counter's figures, the dashboard's queries), sql
  (the counting statements, once), display (digit groups), forms, chart and
  views (the dashboard), redis_backend, conf and checks (the settings).
- The dashboard is /admin/thong-ke/, for superusers and staff holding
  `stats.view_statistics`.
"""
