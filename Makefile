# Two commands on a fresh clone: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8000
# DATABASE_URL from the environment, else a project-local PostgreSQL under var/.
WITH_DB = export DATABASE_URL="$${DATABASE_URL:-$$($(PY) scripts/localdb.py)}";

.PHONY: install run dev test lint check chromium nginx vnu messages db-stop bench bench-counting bench-documents bench-search bench-anchor bench-nginx clean backup restore

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -e '.[test]'
	touch $@

# The production way: gunicorn, DEBUG off, plain HTTP on 127.0.0.1 (scripts/run.py).
run: install
	@$(WITH_DB) export PORT=$(PORT); exec $(PY) scripts/run.py

# Development: Django's runserver with DEBUG and autoreload; no persistent
# connections (each runserver thread would keep its own).
dev: install
	@$(WITH_DB) export DEBUG=1 CONN_MAX_AGE=0 \
	EMAIL_BACKEND="$${EMAIL_BACKEND:-django.core.mail.backends.console.EmailBackend}"; \
	$(PY) manage.py migrate --noinput && $(PY) manage.py createcachetable && \
	$(PY) manage.py load_demo --if-empty && \
	$(PY) manage.py ensure_admin && \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(PY) -m ruff check . && $(PY) -m ruff format --check .

check: install
	@$(WITH_DB) export DJANGO_SETTINGS_MODULE=portal.settings_test; \
	$(PY) manage.py check --fail-level WARNING && \
	$(PY) manage.py makemigrations --check --dry-run

# Debian's Chromium drives the browser tests; install it when missing and we can.
chromium:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium missing: browser tests will be skipped"; }

# nginx runs deploy/nginx.conf in tests/security/test_nginx.py (its cache and the
# counting from its log); install it when missing and we can.
nginx:
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null) \
	  || echo "nginx missing: the nginx tests will be skipped"; }

# The Nu HTML checker (npm's vnu-jar, run by Java 17+) for the HTML validity test.
VNU_JAR := var/tools/node_modules/vnu-jar/build/dist/vnu.jar
vnu:
	@[ -f $(VNU_JAR) ] || { command -v java >/dev/null && command -v npm >/dev/null && \
	  npm install --silent --no-audit --no-fund --prefix var/tools vnu-jar >/dev/null 2>&1; } \
	  || echo "vnu-jar missing: the HTML validity test will be skipped"

test: install chromium nginx vnu lint check
	@$(WITH_DB) $(PY) -m pytest $(PYTEST_ARGS)

# Re-extract locale/vi/LC_MESSAGES/django.po (the source translators edit) and
# compile it (needs GNU gettext).
MAKEMESSAGES_IGNORE := -i '.venv/*' -i 'var/*' -i 'bench/*' -i 'tests/*' -i 'staticfiles/*'
messages: install
	@export DJANGO_SETTINGS_MODULE=portal.settings_test; \
	$(PY) manage.py makemessages -l vi --no-obsolete --no-location $(MAKEMESSAGES_IGNORE) && \
	$(PY) manage.py compilemessages -l vi -i .venv -i var

# One dated archive (pg_dump + media + manifest) under BACKUP_DIR or var/backups/.
backup: install
	@$(WITH_DB) $(PY) manage.py backup

# Into the empty database of DATABASE_URL: make restore BACKUP=var/backups/portal-….tar
restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=path/to/portal-….tar"; exit 2; }
	@$(WITH_DB) $(PY) manage.py restore "$(BACKUP)"

db-stop:
	-$(PY) scripts/localdb.py stop

bench: install
	@$(WITH_DB) bash bench/run.sh

# The article page with visitor counting on, then off (issue 4's cost).
bench-counting: install
	@$(WITH_DB) bash bench/counting.sh

# The documents list, a deep page and the search with 10,000 documents (issue 13).
bench-documents: install
	@$(WITH_DB) bash bench/documents.sh

# Our pages beside the Wagtail anchor, in one run (issue 12; bench/README.md).
bench-anchor: install
	@$(WITH_DB) bash bench/anchor.sh

# The article page behind deploy/nginx.conf beside nginx's static-file ceiling,
# counted from nginx's log (issue 12; bench/README.md).
bench-nginx: install
	@$(WITH_DB) bash bench/nginx.sh

# The search page at 10,000 of each kind (issue 14).
bench-search: install
	@$(WITH_DB) bash bench/search.sh

clean: db-stop
	rm -rf var $(VENV)
