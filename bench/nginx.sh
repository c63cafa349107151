#!/usr/bin/env bash
# The article page behind deploy/nginx.conf (its short cache, counting from its
# log: STATS_COUNTED_BY=access_log) beside the static-file ceiling of the same
# nginx, in one run: nginx serving the same page as a file from /static/.
# Then `stats_read_access_log` counts the log, and the counts are checked
# against what wrk got. The Wagtail anchor's detail page is measured too.
#   BENCH_ARTICLES=1000 DURATION=20s WARMUP=10s CONNECTIONS=32 WORKERS=4 make bench-nginx
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
N=${BENCH_ARTICLES:-1000}
WORKERS=${WORKERS:-4}
PORT=${BENCH_PORT:-8766}
NGINX_PORT=${BENCH_NGINX_PORT:-8767}
ANCHOR=${ANCHOR:-../shared/anchors/wagtail/anchor.sh}
ANCHOR_PORT=${ANCHOR_PORT:-8801}
NGINX=${NGINX:-/usr/sbin/nginx}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -x "$NGINX" ] || { echo "nginx is missing: apt-get install -y nginx" >&2; exit 1; }

export BENCH_ARTICLES=$N
. bench/prepare.sh && prepare "portal_bench_$N"
$PY bench/seed.py
export STATS_COUNTED_BY=access_log PROXY_CACHE_SECONDS=${PROXY_CACHE_SECONDS:-2} \
  CLIENT_IP_HEADER=HTTP_X_REAL_IP

# nginx with deploy/nginx.conf: on a loopback port, a throwaway certificate,
# its cache and log under var/bench-nginx.
DIR=$PWD/var/bench-nginx
rm -rf "$DIR" && mkdir -p "$DIR"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
  -subj /CN=localhost -days 1 -keyout "$DIR/privkey.pem" -out "$DIR/fullchain.pem" 2>/dev/null
sed -e "s|listen 80;|listen 127.0.0.1:$((NGINX_PORT + 1));|" \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$NGINX_PORT ssl;|" \
    -e "s|/etc/ssl/portal/|$DIR/|" \
    -e "s|/srv/portal/staticfiles/|$PWD/var/bench-static/|" \
    -e "s|/srv/portal/media/|$PWD/var/bench-media/|" \
    -e "s|server 127.0.0.1:8000;|server 127.0.0.1:$PORT;|" \
    -e "s|/var/cache/nginx/portal|$DIR/cache|" \
    -e "s|/var/log/nginx/|$DIR/|" \
    deploy/nginx.conf > "$DIR/portal.conf"
USER_LINE=$([ "$(id -u)" = 0 ] && echo "user root;" || true)
cat > "$DIR/nginx.conf" <<EOF
daemon off; pid $DIR/nginx.pid; error_log $DIR/error.log; worker_processes auto;
$USER_LINE
events { worker_connections 1024; }
http { access_log off; sendfile on; tcp_nopush on;
  client_body_temp_path $DIR/client_body; proxy_temp_path $DIR/proxy;
  fastcgi_temp_path $DIR/fastcgi; uwsgi_temp_path $DIR/uwsgi; scgi_temp_path $DIR/scgi;
  include $DIR/portal.conf; }
EOF
"$NGINX" -p "$DIR" -c "$DIR/nginx.conf" -t 2>/dev/null

$PY -m gunicorn portal.wsgi --no-control-socket --bind 127.0.0.1:$PORT \
  --workers "$WORKERS" --log-level warning &
GUNICORN=$!
"$NGINX" -p "$DIR" -c "$DIR/nginx.conf" &
NGINX_PID=$!
trap 'kill $GUNICORN $NGINX_PID 2>/dev/null; "$ANCHOR" stop >/dev/null 2>&1 || true' EXIT
"$ANCHOR" start >/dev/null
for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.2; done

ARTICLE=$(middle_article "$N")
S="https://127.0.0.1:$NGINX_PORT"
# The ceiling: the very page, as a file nginx serves.
curl -fsk -A "$FIREFOX" "$S$ARTICLE" -o var/bench-static/bench-article.html
row() {  # LABEL FIGURES CEILING
  local ours=($2) top=($3)
  printf "| %-40s | %10s req/s | p99 %8s | %6.1f%% |\n" "$1" "${ours[0]}" "${ours[2]}" \
    "$(awk -v a="${ours[0]}" -v b="${top[0]}" 'BEGIN {print 100 * a / b}')"
}

echo "$(nproc) cores; $N articles; gunicorn $WORKERS workers; nginx $(nproc) workers;"
echo "wrk -t2 -c$CONNECTIONS -d$DURATION after $WARMUP, HTTPS with keep-alive"
echo
echo "| page | req/s | p99 | of the ceiling |"
echo "|---|---|---|---|"
static=$(measure "$S/static/bench-article.html" -H "User-Agent: $FIREFOX")
row "static file (the ceiling), c$CONNECTIONS" "$static" "$static"
before=$(views)
LOG=$DIR/portal-count.log
article=$(measure "$S$ARTICLE" -H "User-Agent: $FIREFOX")
row "article via nginx, new visitors, c$CONNECTIONS" "$article" "$static"
COOKIE=$(curl -fsk -A "$FIREFOX" -D - -o /dev/null "$S$ARTICLE" | awk -F'[ ;]' 'tolower($1)=="set-cookie:" {print $2}')
returning=$(measure "$S$ARTICLE" -H "User-Agent: $FIREFOX" -H "Cookie: $COOKIE")
row "article via nginx, returning, c$CONNECTIONS" "$returning" "$static"
wagtail=$(measure "http://127.0.0.1:$ANCHOR_PORT/tin-tuc/tin-tuc-so-500/")
row "Wagtail 8 detail (no nginx), c$CONNECTIONS" "$wagtail" "$static"
echo
printf "c1 mean: static %s, article via nginx %s, Wagtail detail %s\n" \
  "$(c1 "$S/static/bench-article.html")" "$(c1 "$S$ARTICLE" -H "User-Agent: $FIREFOX")" \
  "$(c1 "http://127.0.0.1:$ANCHOR_PORT/tin-tuc/tin-tuc-so-500/")"
read -r _ _ _ new_served <<<"$article"
read -r _ _ _ returning_served <<<"$returning"
sleep 2  # nginx writes its log buffer every second
start=$(date +%s.%N)
$PY manage.py stats_read_access_log "$LOG" >/dev/null
took=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
logged=$(wc -l < "$LOG")
counted=$(($(views) - before))
echo
echo "Counting: wrk got $((new_served + returning_served)) article responses (warm-up and run, both"
echo "rows; not those in flight when it stops); nginx logged $logged views of the page (c1 runs"
echo "and curl included); stats_read_access_log counted $counted page views in ${took} s"
echo "($(awk -v n="$logged" -v t="$took" 'BEGIN {printf "%d", n / t}') lines/s)."
