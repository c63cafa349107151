#!/usr/bin/env bash
# Requests per second and p99 latency of the home and article pages under gunicorn,
# with 10,000 articles, measured by wrk. Run by `make bench` (which provides
# DATABASE_URL); uses its own database "portal_bench" on that server.
#   DURATION=15s CONNECTIONS=16 WORKERS=3 BENCH_ARTICLES=10000 make bench
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
WORKERS=${WORKERS:-3}
PORT=${BENCH_PORT:-8765}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

. bench/prepare.sh && prepare portal_bench
$PY bench/seed.py

$PY -m gunicorn portal.wsgi --no-control-socket --bind 127.0.0.1:$PORT --workers "$WORKERS" \
  --log-level warning &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null; wait $GUNICORN 2>/dev/null' EXIT
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.2; done

ARTICLE=$($PY manage.py shell -v0 -c "from articles.models import Article; \
print(Article.objects.published().order_by('-published_at')[5000].get_absolute_url())")
echo "gunicorn workers=$WORKERS, wrk -t2 -c$CONNECTIONS -d$DURATION, $(nproc) cores"
printf "%-10s %12s %10s %10s\n" page "req/s" p50 p99
for page in "home /" "article $ARTICLE"; do
  set -- $page
  curl -fs -o /dev/null "http://127.0.0.1:$PORT$2"  # warm the caches
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$2")
  if grep -q "Non-2xx" <<<"$out"; then echo "$out" >&2; echo "errors on $2" >&2; exit 1; fi
  printf "%-10s %12s %10s %10s\n" "$1" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out")" \
    "$(awk '$1=="99%" {print $2}' <<<"$out")"
done
