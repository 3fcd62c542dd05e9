# Two commands do everything on a fresh machine: `make run` and `make test`.
# See README.md. Everything this Makefile makes lives in .venv/ and var/.

SHELL := /bin/bash
PYTHON_VERSION := $(shell cat .python-version)
UV_VERSION := 0.13.8
BOOTSTRAP := var/bootstrap
UV := $(BOOTSTRAP)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy

.PHONY: run stop test bench cluster lint install browser db messages help

help:
	@echo "make run    install, start PostgreSQL, migrate, load demo content and serve :8000"
	@echo "make test   install (Chromium included) and run the whole test suite"
	@echo "make bench  measure requests per second and query counts of the main pages"
	@echo "make cluster  the drill: load balancer, two app servers, two workers, nodes killed"
	@echo "make stop   stop what make run started"
	@echo "make lint   ruff"

# uv itself is installed from PyPI into a small bootstrap environment.
$(UV):
	@scripts/find-python.sh >/dev/null
	@$$(scripts/find-python.sh) -m venv $(BOOTSTRAP)
	@$(BOOTSTRAP)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# The project's environment, exactly as uv.lock pins it.
$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	@$(UV) sync --frozen --python "$$(scripts/find-python.sh)" --quiet
	@touch $@

install: $(VENV)/.synced

# Debian's Chromium for the browser tests (Playwright's own download is not used).
browser:
	@scripts/install-browser.sh

run: install
	@scripts/run.sh

stop:
	@scripts/run.sh stop

test: install browser
	@scripts/test.sh $(PYTEST_ARGS)

bench: install
	@scripts/bench.sh

cluster: install
	@scripts/cluster.sh

lint: install
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .

# After changing texts: extract them, translate locale/nl/LC_MESSAGES/django.po, compile.
messages: install
	@DATABASE_URL="$$(scripts/postgres.sh start)" $(PY) manage.py makemessages -l nl \
		--ignore=.venv --ignore=var --ignore=tests --no-location
	@$(PY) manage.py compilemessages --ignore=.venv --ignore=var
