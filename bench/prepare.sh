# Sourced by the bench scripts (after `cd` to the project and setting PY):
#   . bench/prepare.sh && prepare DATABASE_NAME
# points DATABASE_URL at that database on the same server (made if missing),
# exports the production settings on plain HTTP at 127.0.0.1, migrates, and makes
# the cache table and the static files. Also the helpers the wrk scripts share:
# the middle article's address, the page views counted, `measure` and `c1`.
FIREFOX="Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
WARMUP=${WARMUP:-10s}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}

prepare() {
  export DATABASE_URL
  DATABASE_URL=$($PY bench/database.py "${DATABASE_URL:?DATABASE_URL is required}" "$1")
  export DJANGO_SETTINGS_MODULE=portal.settings DEBUG=0 SECRET_KEY=bench-only-not-secret \
    SECURE_SSL_REDIRECT=0 ALLOWED_HOSTS=127.0.0.1 STATIC_ROOT=var/bench-static \
    MEDIA_ROOT=var/bench-media CONN_MAX_AGE=60
  $PY manage.py migrate --noinput -v0
  $PY manage.py createcachetable
  $PY manage.py collectstatic --noinput -v0
}

middle_article() {  # the address of the middle one of N published articles
  $PY manage.py shell -v0 -c "from articles.models import Article; \
print(Article.objects.published().order_by('-published_at')[$1 // 2].get_absolute_url())"
}

views() {  # page views counted so far
  $PY manage.py shell -v0 -c "from django.db.models import Sum; from stats.models import DailySiteStats; \
print(DailySiteStats.objects.aggregate(n=Sum('page_views'))['n'] or 0)"
}

# measure URL [wrk options…]: prints "req/s mean p99 requests", the last being
# every response wrk got, warm-up included (to check the counting against).
measure() {
  local url=$1; shift
  local warm out
  warm=$(wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "$@" "$url")
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url")
  if grep -q "Non-2xx\|Socket errors" <<<"$out"; then echo "$out" >&2; fi
  printf "%s %s %s %s" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1=="Latency" && $2 ~ /^[0-9]/ {print $2; exit}' <<<"$out")" \
    "$(awk '$1=="99%" {print $2}' <<<"$out")" \
    "$(( $(awk '/requests in/ {print $1}' <<<"$warm") + $(awk '/requests in/ {print $1}' <<<"$out") ))"
}

c1() {  # c1 URL [wrk options…]: the mean latency of one connection
  local url=$1; shift
  wrk -t1 -c1 -d"$WARMUP" "$@" "$url" >/dev/null
  wrk -t1 -c1 -d"$DURATION" "$@" "$url" | awk '$1=="Latency" && $2 ~ /^[0-9]/ {print $2; exit}'
}
