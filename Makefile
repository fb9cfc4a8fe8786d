# The two commands of the README: `make run` and `make test`. Both are idempotent.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# `make run` serves the embedded defaults (SQLite, in-process tasks, console e-mail) with
# DEBUG off, as in production, but over plain HTTP on the loopback address.
RUN_ENV = DEBUG=false SECRET_KEY="$$(cat var/secret_key)" ALLOWED_HOSTS=127.0.0.1,localhost \
	SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false \
	SECURE_HSTS_SECONDS=0 SITE_URL=http://$(HOST):$(PORT)

# `make test` runs on every core (pytest-xdist) in a random order (pytest-randomly, seed printed at
# the top: replay with PYTEST_ARGS="-p randomly --randomly-seed=N"); PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= auto

.PHONY: run test fuzz install install-dev migrate demo static messages lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

var/secret_key:
	mkdir -p var
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

run: install var/secret_key
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py seed_demo
	$(RUN_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "Portail IVÉO: http://$(HOST):$(PORT)/"
	$(RUN_ENV) $(BIN)/gunicorn iveo_portal.wsgi --bind $(HOST):$(PORT) --workers 3 --access-logfile -

test: install-dev
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The property-based tests (hypothesis) with many more examples (IVEO_FUZZ_EXAMPLES, 500 by
# default); examples that failed are kept in .hypothesis/examples and tried first next time.
fuzz: install-dev
	IVEO_HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -n $(PYTEST_WORKERS) -m hypothesis $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports  # the contracts of .importlinter: layers, no circle, capabilities' public modules
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Extract the strings, then translate locale/*/LC_MESSAGES/django.po; the .mo files are committed
# so that a machine without GNU gettext still runs the portal in both languages.
messages: install-dev
	DEBUG=true $(BIN)/python manage.py makemessages --locale fr --locale en --ignore ".venv/*" --ignore "node_modules/*" --no-obsolete
	DEBUG=true $(BIN)/python manage.py compilemessages --ignore ".venv/*"

bench: install-dev
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
