#!/usr/bin/env bash
# Our pages beside the Wagtail anchor (../shared/anchors/wagtail), in one run on one
# machine, both under gunicorn with the same number of sync workers, DEBUG off,
# CONN_MAX_AGE=60. Prints each figure with Wagtail's beside it and the ratio.
# Run by `make bench-anchor` (which provides DATABASE_URL); the anchor must be set
# up once (`../shared/anchors/wagtail/anchor.sh setup`); this script starts and
# stops it. Our database is "portal_bench_<N>" with N articles (BENCH_ARTICLES).
#   BENCH_ARTICLES=1000 DURATION=20s WARMUP=10s CONNECTIONS=32 WORKERS=4 make bench-anchor
# It also measures the article page counted via the app's own log
# (STATS_COUNTED_BY=app_log, then stats_read_access_log), and with STATS_REDIS_URL
# (e.g. redis://127.0.0.1:6379/9) counted in Redis (STATS_BACKEND=redis).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
N=${BENCH_ARTICLES:-1000}
WORKERS=${WORKERS:-4}
PORT=${BENCH_PORT:-8766}
ANCHOR=${ANCHOR:-../shared/anchors/wagtail/anchor.sh}
ANCHOR_PORT=${ANCHOR_PORT:-8801}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

export BENCH_ARTICLES=$N
. bench/prepare.sh && prepare "portal_bench_$N"
$PY bench/seed.py

GUNICORN=
serve() {  # serve [ENV=VALUE…]: (re)start our gunicorn
  [ -n "$GUNICORN" ] && { kill "$GUNICORN"; wait "$GUNICORN" 2>/dev/null || true; }
  env "$@" $PY -m gunicorn portal.wsgi --no-control-socket --bind 127.0.0.1:$PORT \
    --workers "$WORKERS" --log-level warning &
  GUNICORN=$!
  for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.2; done
}
trap '[ -n "$GUNICORN" ] && kill $GUNICORN 2>/dev/null; "$ANCHOR" stop >/dev/null 2>&1 || true' EXIT
"$ANCHOR" start >/dev/null

ARTICLE=$(middle_article "$N")
CATEGORY=$($PY manage.py shell -v0 -c "from articles.models import Category; \
print(max(Category.objects.all(), key=lambda c: c.articles.count()).get_absolute_url())")
row() {  # row LABEL OURS ANCHOR
  local ours=($2) theirs=($3)
  printf "| %-34s | %9s req/s, p99 %7s | %9s req/s, p99 %7s | %5.2f× |\n" "$1" \
    "${ours[0]}" "${ours[2]}" "${theirs[0]}" "${theirs[2]}" \
    "$(awk -v a="${ours[0]}" -v b="${theirs[0]}" 'BEGIN {print a / b}')"
}

W="http://127.0.0.1:$ANCHOR_PORT"
P="http://127.0.0.1:$PORT"
echo "$(nproc) cores; $N articles; gunicorn $WORKERS workers each; wrk -t2 -c$CONNECTIONS -d$DURATION after $WARMUP"
echo
echo "| page | this portal | Wagtail 8 | ratio |"
echo "|---|---|---|---|"
serve
before=$(views)
article=$(measure "$P$ARTICLE" -H "User-Agent: $FIREFOX")
after=$(views)
wagtail_detail=$(measure "$W/tin-tuc/tin-tuc-so-500/")
row "article, counted new visitors, c$CONNECTIONS" "$article" "$wagtail_detail"
row "home, c$CONNECTIONS" "$(measure "$P/" -H "User-Agent: $FIREFOX")" "$(measure "$W/")"
row "category, c$CONNECTIONS" "$(measure "$P$CATEGORY" -H "User-Agent: $FIREFOX")" \
  "$(measure "$W/tin-tuc/")"
deep=$($PY manage.py shell -v0 -c "from articles.models import Article; \
a = Article.objects.published().order_by('-published_at', '-id')[$N - 20]; \
us = a.published_at.timestamp(); print(f'?sau={int(round(us * 1e6))}.{a.pk}')")
row "category, oldest page, c$CONNECTIONS" "$(measure "$P$CATEGORY$deep" -H "User-Agent: $FIREFOX")" \
  "$(measure "$W/tin-tuc/")"
ours_c1=$(c1 "$P$ARTICLE" -H "User-Agent: $FIREFOX")
theirs_c1=$(c1 "$W/tin-tuc/tin-tuc-so-500/")
printf "| %-34s | %26s | %26s |       |\n" "article, c1 mean" "$ours_c1" "$theirs_c1"
serve PAGE_CACHE_SECONDS=0
row "article, no page cache, c$CONNECTIONS" "$(measure "$P$ARTICLE" -H "User-Agent: $FIREFOX")" \
  "$(measure "$W/tin-tuc/tin-tuc-so-500/")"
printf "| %-34s | %26s | %26s |       |\n" "article, no page cache, c1 mean" \
  "$(c1 "$P$ARTICLE" -H "User-Agent: $FIREFOX")" "$theirs_c1"
LOG=var/bench-views.log
rm -f "$LOG"
# make run's way: each view a line in the app's log (counted at the end).
serve PAGE_CACHE_SECONDS=0 STATS_COUNTED_BY=app_log STATS_LOG_PATH="$LOG"
uncached_logged=$(measure "$P$ARTICLE" -H "User-Agent: $FIREFOX")
row "article, no page cache, app's log, c$CONNECTIONS" "$uncached_logged" \
  "$(measure "$W/tin-tuc/tin-tuc-so-500/")"
serve STATS_COUNTED_BY=app_log STATS_LOG_PATH="$LOG"
logged=$(measure "$P$ARTICLE" -H "User-Agent: $FIREFOX")
row "article, counted via the app's log, c$CONNECTIONS" "$logged" \
  "$(measure "$W/tin-tuc/tin-tuc-so-500/")"
printf "| %-34s | %26s | %26s |       |\n" "article, app's log, c1 mean" \
  "$(c1 "$P$ARTICLE" -H "User-Agent: $FIREFOX")" "$theirs_c1"
log_before=$(views)
$PY manage.py stats_read_access_log "$LOG" >/dev/null
log_counted=$(($(views) - log_before))
if [ -n "${STATS_REDIS_URL:-}" ] && redis-cli -u "$STATS_REDIS_URL" ping >/dev/null 2>&1; then
  serve STATS_BACKEND=redis STATS_REDIS_URL="$STATS_REDIS_URL"
  row "article, counted in Redis, c$CONNECTIONS" "$(measure "$P$ARTICLE" -H "User-Agent: $FIREFOX")" \
    "$(measure "$W/tin-tuc/tin-tuc-so-500/")"
fi
echo
read -r _ _ _ served <<<"$article"
echo "Counting under load: wrk got $served article responses (warm-up and run); the portal"
echo "counted $((after - before)) page views (wrk does not count the responses in flight when it stops)."
read -r _ _ _ log_served <<<"$logged"
read -r _ _ _ uncached_served <<<"$uncached_logged"
echo "Counted via the app's log: wrk got $((log_served + uncached_served)) responses (both rows' warm-ups and runs); the app wrote"
echo "$(wc -l < "$LOG") lines (c1 runs included); stats_read_access_log counted $log_counted page views."
