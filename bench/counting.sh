#!/usr/bin/env bash
# What counting costs: wrk against one article page, STATS_COUNTING=1 then =0.
#
#   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres bash bench/counting.sh
#
# Self-contained: (re)creates the database portal_bench_stats on that server,
# seeds one site, unit and a few articles, serves them with gunicorn (2 workers,
# BENCH_THREADS threads each) and runs `wrk -t2 -c16 -d15s --latency`. Each
# request carries one of 2000 browser User-Agents (no cookies), so counting sees
# new and returning visitors as a real portal does. Prints req/s and p99.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
BASE=${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
DB=portal_bench_stats
DURATION=${BENCH_DURATION:-15s}
THREADS=${BENCH_THREADS:-4}
PORT=${BENCH_PORT:-8765}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }

export DATABASE_URL
DATABASE_URL=$($PY bench/database.py "$BASE" "$DB" --fresh)
export DJANGO_SETTINGS_MODULE=portal.settings DEBUG=0 SECURE_SSL_REDIRECT=0
export SECRET_KEY=bench-secret-key-not-for-production-0123456789abcdef
export ALLOWED_HOSTS=127.0.0.1 STATIC_ROOT="$PWD/var/bench-static" LOG_LEVEL=ERROR
unset REDIS_URL STATS_BACKEND

$PY manage.py migrate -v0 --noinput
$PY manage.py createcachetable
$PY manage.py collectstatic -v0 --noinput
URL_PATH=$($PY manage.py shell -c '
from tests.factories import default_site, make_article, make_category, make_unit
make_unit()
category = make_category(name="Tin tức")
articles = [make_article(category=category) for _ in range(12)]
print(articles[0].get_absolute_url())
' | tail -1)

LUA=$(mktemp --suffix=.lua)
cat >"$LUA" <<'LUA'
math.randomseed(os.time())
request = function()
  wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0 v"
    .. math.random(1, 2000)
  return wrk.format()
end
LUA

run() {  # $1 = STATS_COUNTING
  STATS_COUNTING=$1 $PY -m gunicorn portal.wsgi --no-control-socket --bind 127.0.0.1:$PORT \
    --workers 2 --threads "$THREADS" --log-level error &
  local pid=$!
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.2; done
  wrk -t2 -c16 -d3s -s "$LUA" "http://127.0.0.1:$PORT$URL_PATH" >/dev/null  # warm-up
  local out
  out=$(wrk -t2 -c16 -d"$DURATION" --latency -s "$LUA" "http://127.0.0.1:$PORT$URL_PATH")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$out" || true)
  printf "STATS_COUNTING=%s  %10s req/s  p99 %8s  %s\n" "$1" "$rps" "$p99" "$errors"
}

echo "wrk -t2 -c16 -d$DURATION --latency $URL_PATH (gunicorn 2 workers x $THREADS threads)"
# Rounds alternate on and off: a shared machine's noise falls on both alike.
for _ in $(seq "${BENCH_ROUNDS:-2}"); do
  run 1
  run 0
done
$PY manage.py shell -v0 -c '
from django.db.models import Sum
from stats.models import DailySiteStats
totals = DailySiteStats.objects.aggregate(Sum("page_views"), Sum("visits"))
print("counted: {page_views__sum} page views, {visits__sum} visits".format(**totals))'

rm -f "$LUA"
