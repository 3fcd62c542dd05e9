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
.venv/bin/pytest "$@"
