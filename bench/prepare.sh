# Sourced by the bench scripts (after `cd` to the project and setting PY):
#   . bench/prepare.sh && prepare DATABASE_NAME
# points DATABASE_URL at that database on the same server (made if missing),
# exports the production settings on plain HTTP at 127.0.0.1, migrates, and makes
# the cache table and the static files.
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
