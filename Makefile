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

.PHONY: prod-local prod-local-stop run test install npm-install setup serve lint format migrations-check messages messages-check bench clean upgrade lock

$(STAMP): requirements.txt requirements-dev.txt requirements-opensearch.txt requirements.in
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

# The email worker (django-tasks-db, docs/email.md) runs next to the web
# server and stops with it: the web request never talks to the SMTP server.
serve:
	@echo "Portail : http://$(HOST):$(PORT)/  —  administration : http://$(HOST):$(PORT)/admin/"
	@echo "Courriels : envoyés par « manage.py db_worker --backend email », lancé avec le serveur."
	@$(PY) manage.py db_worker --backend email --no-reload --verbosity 0 & worker=$$!; \
	$(PY) manage.py db_worker --backend pdf --no-reload --verbosity 0 & pdfworker=$$!; \
	trap 'kill $$worker $$pdfworker 2>/dev/null; wait $$worker $$pdfworker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

run: setup serve

# The whole suite, browser tests included, on two workers. Only declared skips
# exist (tests/conftest.py): postgres_only/sqlite_only tests on the other
# backend, and browser tests when /usr/bin/chromium is missing (`apt-get
# install chromium`) unless REQUIRE_BROWSER=1, which makes them fail instead.
# Any other skip fails the run.
PYTEST_WORKERS ?= 2
test: install $(NPM_STAMP)
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

# The message catalogue (locale/fr, see docs/i18n.md). `make messages`
# regenerates it from the code and templates; `make messages-check` (CI) fails
# when the committed catalogue lags behind them. Needs GNU gettext
# (`apt-get install gettext`). The source strings are French, so the French
# msgstr is a copy of the msgid (msgen); makemessages' fuzzy guesses are
# emptied first so that no new string inherits a neighbour's text (the
# header's own fuzzy flag is dropped before, or msgattrib would empty it).
LOCALE_LANGS ?= fr
MAKEMESSAGES_ARGS := --no-obsolete --add-location=file --ignore=.venv --ignore=node_modules --ignore=var --ignore=tests --ignore=bench --ignore=demo
define update_catalogue
	set -e; for lang in $(LOCALE_LANGS); do \
		DJANGO_SETTINGS_MODULE=portal.settings.test $(1)/bin/python manage.py makemessages -l $$lang $(MAKEMESSAGES_ARGS) >/dev/null; \
		po=locale/$$lang/LC_MESSAGES/django.po; \
		sed -i '1,/^$$/{/^#, fuzzy$$/d}' $$po; \
		msgattrib --clear-fuzzy --empty --clear-previous $$po -o $$po; \
		if [ $$lang = fr ]; then msgen $$po -o $$po; fi; \
		msgfmt --check -o locale/$$lang/LC_MESSAGES/django.mo $$po; \
	done
endef

messages: install
	@command -v msgfmt >/dev/null || { echo "GNU gettext is missing: apt-get install gettext"; exit 1; }
	@$(call update_catalogue,$(abspath $(VENV)))

# Regenerates the catalogue in a temporary copy of the tree and compares it
# with the committed one (the POT-Creation-Date line aside).
messages-check: install
	@command -v msgfmt >/dev/null || { echo "GNU gettext is missing: apt-get install gettext"; exit 1; }
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	tar --exclude=./.venv --exclude=./node_modules --exclude=./var --exclude=./.git --exclude='./db.sqlite3*' -cf - . | tar -xf - -C "$$tmp"; \
	(cd "$$tmp" && $(call update_catalogue,$(abspath $(VENV)))); \
	status=0; for lang in $(LOCALE_LANGS); do \
		po=locale/$$lang/LC_MESSAGES/django.po; \
		msgfmt --check -o /dev/null $$po || status=1; \
		if ! diff -u -I '^"POT-Creation-Date:' $$po "$$tmp/$$po"; then \
			echo "$$po is out of date: run make messages and commit locale/."; status=1; \
		fi; \
	done; exit $$status

# Dependencies: requirements.in lists what the portal uses, with ranges;
# requirements.txt pins every runtime package exactly, dependencies of
# dependencies included, compiled by pip-tools (pip-compile, a development
# requirement). `make upgrade` moves every pin to the newest release within the
# ranges and installs the result; `make lock` recompiles after an edit of
# requirements.in, keeping the other pins. Review the diff, run `make test`.
PIP_COMPILE := $(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links --allow-unsafe --output-file requirements.txt requirements.in

upgrade: install
	CUSTOM_COMPILE_COMMAND="make upgrade" $(PIP_COMPILE) --upgrade
	$(PIP) install --quiet -r requirements-dev.txt

lock: install
	CUSTOM_COMPILE_COMMAND="make upgrade" $(PIP_COMPILE)
	$(PIP) install --quiet -r requirements-dev.txt

bench: install
	for script in bench/*.py; do $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) node_modules var db.sqlite3 db.sqlite3-wal db.sqlite3-shm

# The production shape on loopback (deploy/prod-local.sh, docs/deployment.md):
# nginx + TLS + proxy cache, two gunicorn instances, Redis, the worker, an SMTP sink.
prod-local: install
	bash deploy/prod-local.sh start

prod-local-stop:
	bash deploy/prod-local.sh stop
