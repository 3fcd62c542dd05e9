#!/usr/bin/env bash
# Brings up the portal's database and prints the DATABASE_URL to use.
#
# When DATABASE_URL is already set it is used as it is. Otherwise a private
# PostgreSQL cluster is created under var/postgres/ from the machine's PostgreSQL
# binaries and started on 127.0.0.1:${PORTAL_PG_PORT:-54329}. PostgreSQL refuses to
# run as root, so as root the cluster belongs to the `postgres` system user.
#
#   scripts/postgres.sh start   start (creating if needed) and print DATABASE_URL
#   scripts/postgres.sh stop    stop the private cluster, if it runs
#   scripts/postgres.sh status  exit 0 when the private cluster runs
#
# Each checkout has its own cluster; two checkouts at once need two ports
# (PORTAL_PG_PORT=54330 make run in the second).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PGHOME="$ROOT/var/postgres"
PGDATA="$PGHOME/data"
PORT="${PORTAL_PG_PORT:-54329}"
DBNAME="${PORTAL_PG_DB:-portal}"

pg_bindir() {
    if command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return
    fi
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [[ -z "$dir" ]]; then
        echo "PostgreSQL binaries not found (install the postgresql package)." >&2
        exit 1
    fi
    echo "$dir"
}

# Runs a PostgreSQL binary as the cluster's owner.
as_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u "$OWNER" -- "$@"
    else
        "$@"
    fi
}

# True when something (another checkout's cluster, say) already listens on the port.
port_taken() {
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
}

running() {
    [[ -f "$PGDATA/PG_VERSION" ]] && as_owner "$(pg_bindir)/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1
}

start() {
    if [[ -n "${DATABASE_URL:-}" ]]; then
        echo "$DATABASE_URL"
        return
    fi
    BIN="$(pg_bindir)"
    if ! running && port_taken; then
        echo "Port $PORT on 127.0.0.1 is already in use (by another checkout's database?)." >&2
        echo "Choose another port for this checkout's database, e.g.: PORTAL_PG_PORT=$((PORT + 1)) make run" >&2
        exit 1
    fi
    if [[ ! -f "$PGDATA/PG_VERSION" ]]; then
        mkdir -p "$PGHOME"
        if [[ "$(id -u)" == 0 ]]; then
            chown "$OWNER" "$PGHOME"
        fi
        as_owner "$BIN/initdb" -D "$PGDATA" -U postgres --auth=trust \
            --encoding=UTF8 --locale=C.UTF-8 >"$PGHOME/initdb.log" 2>&1 \
            || { cat "$PGHOME/initdb.log" >&2; exit 1; }
    fi
    if ! running; then
        as_owner "$BIN/pg_ctl" -D "$PGDATA" -l "$PGHOME/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGHOME -c fsync=off" \
            start >/dev/null \
            || { tail -n 20 "$PGHOME/server.log" >&2; exit 1; }
    fi
    if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -Atc \
        "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'" postgres | grep -q 1; then
        "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DBNAME"
    fi
    echo "postgres://postgres@127.0.0.1:$PORT/$DBNAME"
}

stop() {
    if [[ -f "$PGDATA/PG_VERSION" ]]; then
        BIN="$(pg_bindir)"
        as_owner "$BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true
    fi
}

# The owner of a cluster made as root: the `postgres` user of Debian's packages,
# or a system user made for the purpose where that package's user is missing.
OWNER=postgres
if [[ "$(id -u)" == 0 ]] && ! id "$OWNER" >/dev/null 2>&1; then
    OWNER=portal-pg
    id "$OWNER" >/dev/null 2>&1 || useradd --system --no-create-home "$OWNER"
fi

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status) running ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
