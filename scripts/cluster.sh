#!/usr/bin/env bash
# `make cluster`: the drill of issue #16. HAProxy on 127.0.0.1 in front of two gunicorn
# app servers (127.0.0.2 and 127.0.0.3, production settings) and two task workers,
# sharing one PostgreSQL and Redis; then a burst of registrations, a newsletter with two
# workers and with one, an app server and a worker killed mid-load, and throughput
# with two app servers against one. Prints PASS or FAIL per check and a summary, and
# exits non-zero when any check failed. See README.md, "The drill: make cluster".
#
# Like `make bench` it uses a database of its own (portal_cluster next to the portal's,
# or CLUSTER_DATABASE_URL), filled with CLUSTER_SCALE (10) times the demo content.
# Redis must answer at CLUSTER_REDIS_URL (database 3 of the local server by default,
# emptied first): several app servers need a cache they share.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE="${CLUSTER_SCALE:-10}"
PORT="${CLUSTER_PORT:-8300}"
APP_PORT="${CLUSTER_APP_PORT:-8301}"
REDIS="${CLUSTER_REDIS_URL:-redis://127.0.0.1:6379/3}"
PY=.venv/bin/python

# HAProxy and wrk from Debian's packages, when missing (the drill runs as root on a
# fresh Debian machine; HAProxy lives in /usr/sbin).
missing=()
command -v haproxy >/dev/null 2>&1 || [[ -x /usr/sbin/haproxy ]] || missing+=(haproxy)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if ((${#missing[@]})); then
    echo "Installing ${missing[*]} from Debian's packages..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

BASE_URL="$(scripts/postgres.sh start)"
export DATABASE_URL="${CLUSTER_DATABASE_URL:-${BASE_URL%/*}/portal_cluster}"
DB="${DATABASE_URL##*/}"
psql "${DATABASE_URL%/*}/postgres" -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'" \
    | grep -q 1 || psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE \"$DB\""

if ! $PY -c 'import redis, sys; redis.Redis.from_url(sys.argv[1], socket_timeout=2).flushdb()' \
    "$REDIS" 2>/dev/null; then
    echo "No Redis answers at $REDIS. The cluster's app servers must share one cache" >&2
    echo "(pages, versions, allauth's limits): start Redis on 127.0.0.1:6379, or set" >&2
    echo "CLUSTER_REDIS_URL." >&2
    exit 1
fi

# Every process of the cluster: production settings behind one proxy of our own.
export REDIS_URL="$REDIS"
export DJANGO_SETTINGS_MODULE=portal.settings.production
export SECRET_KEY="cluster-$(head -c 48 /dev/urandom | base64 | tr -d '/+=')"
export ALLOWED_HOSTS=127.0.0.1,localhost
export DEBUG=false
export TRUSTED_PROXY_COUNT=1
export WEB_CONCURRENCY=2 APP_SERVERS=2
export LOG_FORMAT=json

echo "Cache: Redis at $REDIS (emptied first). Database: $DB."
echo
echo "a. Filling the database $DB with $SCALE x the demo content (bench fill; quick when it was filled before)..."
began=$SECONDS
$PY manage.py migrate --no-input -v 0
DJANGO_SETTINGS_MODULE=portal.settings.dev $PY manage.py bench fill --scale "$SCALE" >/dev/null
$PY manage.py collectstatic --no-input -v 0
FILLED="scale $SCALE, $((SECONDS - began)) s (migrate, bench fill, collectstatic)"
echo "  $FILLED"

# The drill stops what it started; should it be killed itself, its process groups
# (one per app server, worker and HAProxy) are in var/cluster/pgids.
cleanup() {
    if [[ -f var/cluster/pgids ]]; then
        while read -r group; do kill -KILL -- "-$group" 2>/dev/null || true; done <var/cluster/pgids
    fi
}
trap cleanup EXIT
$PY manage.py cluster_drill --port "$PORT" --app-port "$APP_PORT" --filled "$FILLED" \
    ${CLUSTER_ARGS:-}
