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
    # The whole suite in two parts, to stay well within 15 minutes on two cores:
    # everything but the browser tests in two processes (each with its own test
    # database), then the browser tests one at a time, since each drives Chromium
    # against a live server and would only compete for the same two cores.
    .venv/bin/pytest -n 2 -m "not browser"
    .venv/bin/pytest -m browser
fi
