# Two commands on a fresh clone: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PORT ?= 8000
# DATABASE_URL from the environment, else a project-local PostgreSQL under var/.
WITH_DB = export DATABASE_URL="$${DATABASE_URL:-$$($(PY) scripts/localdb.py)}";

.PHONY: install run test lint check chromium messages db-stop bench bench-counting bench-search clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -e '.[test]'
	touch $@

run: install
	@$(WITH_DB) export DEBUG="$${DEBUG:-1}"; \
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

test: install chromium lint check
	@$(WITH_DB) $(PY) -m pytest $(PYTEST_ARGS)

# Re-extract locale/vi/LC_MESSAGES/django.po (the source translators edit) and
# compile it (needs GNU gettext).
MAKEMESSAGES_IGNORE := -i '.venv/*' -i 'var/*' -i 'bench/*' -i 'tests/*' -i 'staticfiles/*'
messages: install
	@export DJANGO_SETTINGS_MODULE=portal.settings_test; \
	$(PY) manage.py makemessages -l vi --no-obsolete --no-location $(MAKEMESSAGES_IGNORE) && \
	$(PY) manage.py compilemessages -l vi -i .venv -i var

db-stop:
	-$(PY) scripts/localdb.py stop

bench: install
	@$(WITH_DB) bash bench/run.sh

# The article page with visitor counting on, then off (issue 4's cost).
bench-counting: install
	@$(WITH_DB) bash bench/counting.sh

# The search page at 10,000 of each kind (issue 14).
bench-search: install
	@$(WITH_DB) bash bench/search.sh

clean: db-stop
	rm -rf var $(VENV)
