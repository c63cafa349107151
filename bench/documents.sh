#!/usr/bin/env bash
# Requests per second and p99 latency of the documents list, a deep page of it and
# the search, under gunicorn with 10,000 documents, measured by wrk. Run by
# `make bench-documents` (which provides DATABASE_URL); uses the database
# "portal_bench" on that server (BENCH_DB to change it).
#   DURATION=15s CONNECTIONS=16 WORKERS=3 BENCH_DOCUMENTS=10000 make bench-documents
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
WORKERS=${WORKERS:-3}
PORT=${BENCH_PORT:-8766}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

. bench/prepare.sh && prepare "${BENCH_DB:-portal_bench}"
$PY bench/seed_documents.py

$PY -m gunicorn portal.wsgi --bind 127.0.0.1:$PORT --workers "$WORKERS" \
  --log-level warning &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null; wait $GUNICORN 2>/dev/null' EXIT
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/van-ban/" && break; sleep 0.2; done

# A cursor 5,000 rows deep: what the "Older" link of page 250 carries.
DEEP=$($PY manage.py shell -v0 -c "from documents.models import Document; \
d = Document.objects.published().order_by('-issue_date', '-id')[5000]; \
print(f'{d.issue_date:%Y-%m-%d}.{d.pk}')")
echo "gunicorn workers=$WORKERS, wrk -t2 -c$CONNECTIONS -d$DURATION, $(nproc) cores"
printf "%-10s %12s %10s %10s\n" page "req/s" p50 p99
for page in "list /van-ban/" "deep /van-ban/?sau=$DEEP" \
            "search /van-ban/?q=qd-ubnd+15" "filtered /van-ban/?hieu_luc=con-hieu-luc&nam=2025"; do
  set -- $page
  curl -fs -o /dev/null "http://127.0.0.1:$PORT$2"  # warm the caches
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$PORT$2")
  if grep -q "Non-2xx" <<<"$out"; then echo "$out" >&2; echo "errors on $2" >&2; exit 1; fi
  printf "%-10s %12s %10s %10s\n" "$1" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out")" \
    "$(awk '$1=="99%" {print $2}' <<<"$out")"
done
