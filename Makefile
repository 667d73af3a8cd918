# Partenariat en santé — the two commands: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.package-lock.json
MIGRATIONS_CHECK := DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev

.PHONY: run test install npm-install setup serve lint format migrations-check bench clean

$(STAMP): requirements.txt requirements-dev.txt requirements-opensearch.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	@touch $(STAMP)

install: $(STAMP)

setup: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py load_demo_content
	$(PY) manage.py ensure_admin

serve:
	@echo "Portail : http://$(HOST):$(PORT)/  —  administration : http://$(HOST):$(PORT)/admin/"
	$(PY) manage.py runserver $(HOST):$(PORT)

run: setup serve

# The whole suite, browser tests included, on two workers. Only declared skips
# exist (tests/conftest.py): postgres_only/sqlite_only tests on the other
# backend, and browser tests when /usr/bin/chromium is missing (`apt-get
# install chromium`) unless REQUIRE_BROWSER=1, which makes them fail instead.
# Any other skip fails the run.
PYTEST_WORKERS ?= 2
test: install
	@command -v chromium >/dev/null 2>&1 || test -x /usr/bin/chromium || echo "NOTE: Chromium not found: browser tests will be SKIPPED (apt-get install chromium)."
	DJANGO_SETTINGS_MODULE=portal.settings.test $(VENV)/bin/pytest -p no:cacheprovider -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The CSS/JS linters (stylelint, eslint) come from the npm registry at the
# versions pinned in package-lock.json; `npm ci` installs them in node_modules/
# (Node 20.19 or later) when package-lock.json is newer than the installed tree.
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $(NPM_STAMP)

npm-install: $(NPM_STAMP)

lint: install $(NPM_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	npm run --silent lint:css
	npm run --silent lint:js
	$(MIGRATIONS_CHECK)

format: install $(NPM_STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	npm run --silent lint:css -- --fix
	npm run --silent lint:js -- --fix

migrations-check: install
	$(MIGRATIONS_CHECK)

bench: install
	for script in bench/*.py; do $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) node_modules var db.sqlite3 db.sqlite3-wal db.sqlite3-shm
