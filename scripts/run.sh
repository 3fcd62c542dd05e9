#!/usr/bin/env bash
# `make run`: database, migrations, demo content, the task worker and the web
# server on http://127.0.0.1:8000. Ctrl-C (or `make stop`) stops the worker and
# the server; the private database keeps running until `make stop`.
set -euo pipefail
cd "$(dirname "$0")/.."
PIDS=var/run
mkdir -p "$PIDS"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-portal.settings.dev}"
PY=.venv/bin/python

stop_processes() {
    for name in server worker; do
        if [[ -f "$PIDS/$name.pid" ]]; then
            kill "$(cat "$PIDS/$name.pid")" 2>/dev/null || true
            rm -f "$PIDS/$name.pid"
        fi
    done
}

if [[ "${1:-}" == "stop" ]]; then
    stop_processes
    scripts/postgres.sh stop
    echo "Stopped."
    exit 0
fi

stop_processes
DATABASE_URL="$(scripts/postgres.sh start)"
export DATABASE_URL
$PY manage.py migrate --no-input -v 0
$PY manage.py load_demo

$PY manage.py run_worker --queue-name default --interval 1 &
echo $! > "$PIDS/worker.pid"
trap 'stop_processes; exit 0' INT TERM EXIT

echo
echo "  The portal runs at http://127.0.0.1:8000  (admin: http://127.0.0.1:8000/admin/)"
echo "  Stop with Ctrl-C or 'make stop'."
echo
$PY manage.py runserver 127.0.0.1:8000 --noreload &
echo $! > "$PIDS/server.pid"
wait "$(cat "$PIDS/server.pid")"
