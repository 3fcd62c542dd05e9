#!/usr/bin/env bash
# Runs the whole test suite against PostgreSQL: DATABASE_URL when set, otherwise
# the private cluster under var/postgres/ (see scripts/postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
DATABASE_URL="$(scripts/postgres.sh start)"
export DATABASE_URL
exec .venv/bin/pytest "$@"
