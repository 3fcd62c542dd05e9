#!/usr/bin/env bash
# Runs the whole test suite against PostgreSQL: DATABASE_URL when set, otherwise
# the private cluster under var/postgres/ (see scripts/postgres.sh). A cluster that
# this script started is stopped again afterwards, so it holds no port once the
# tests are done; one that already ran (for `make run`) keeps running.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${DATABASE_URL:-}" ]] && ! scripts/postgres.sh status; then
    trap 'scripts/postgres.sh stop' EXIT
fi
DATABASE_URL="$(scripts/postgres.sh start)"
export DATABASE_URL
if [[ $# -gt 0 ]]; then
    .venv/bin/pytest "$@"
else
    # The whole suite in two parts, to stay within 15 minutes on two cores, each in
    # two processes with a test database of their own: everything but the browser
    # tests, then the browser tests, each process with its own live server and
    # Chromium. A browser test spends much of its time waiting for the page, so two
    # at a time take half as long (4.5 instead of 8.8 minutes) on two cores.
    .venv/bin/pytest -n 2 -m "not browser"
    .venv/bin/pytest -n 2 -m browser
fi
