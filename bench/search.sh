#!/usr/bin/env bash
# The one search at BENCH_PER_KIND (default 10,000) of each kind it covers:
# req/s and latency of typical queries under gunicorn, measured by wrk. Uses its
# own database (BENCH_DB, default portal_bench_search) on DATABASE_URL's server.
#   DURATION=15s CONNECTIONS=8 WORKERS=3 BENCH_PER_KIND=10000 bash bench/search.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-8}
WORKERS=${WORKERS:-3}
PORT=${BENCH_PORT:-8766}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

. bench/prepare.sh && prepare "${BENCH_DB:-portal_bench_search}"
export STATS_COUNTING=0
$PY bench/search_seed.py

$PY -m gunicorn portal.wsgi --bind 127.0.0.1:$PORT --workers "$WORKERS" \
  --log-level warning &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null; wait $GUNICORN 2>/dev/null' EXIT
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.2; done

echo "gunicorn workers=$WORKERS, wrk -t2 -c$CONNECTIONS -d$DURATION, $(nproc) cores, counting off"
printf "%-22s %10s %10s %10s\n" query "req/s" p50 p99
for case in \
  "common /tim-kiem/?q=hoi+nghi" \
  "common,kind /tim-kiem/?q=hoi+nghi&loai=trang" \
  "common,page-40 /tim-kiem/?q=cai+cach+hanh+chinh&page=40" \
  "phrase /tim-kiem/?q=tiep+cong+dan" \
  "rare /tim-kiem/?q=so+4242" \
  "none /tim-kiem/?q=khongcotu"; do
  set -- $case
  curl -fs -o /dev/null "http://127.0.0.1:$PORT$2"  # warm the caches
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$2")
  if grep -q "Non-2xx" <<<"$out"; then echo "$out" >&2; echo "errors on $2" >&2; exit 1; fi
  printf "%-22s %10s %10s %10s\n" "$1" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out")" \
    "$(awk '$1=="99%" {print $2}' <<<"$out")"
done
