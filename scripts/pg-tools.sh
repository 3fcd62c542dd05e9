# Sourced by scripts/backup.sh and scripts/restore.sh: finds PostgreSQL's client tools,
# on the PATH or else the newest in Debian's /usr/lib/postgresql/*/bin (pg_dump must
# be at least as new as the server).
pg_tool() {
    if command -v "$1" >/dev/null 2>&1; then
        command -v "$1"
        return
    fi
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [[ -z "$dir" || ! -x "$dir/$1" ]]; then
        echo "$1 not found (install PostgreSQL's client package)." >&2
        exit 1
    fi
    echo "$dir/$1"
}
