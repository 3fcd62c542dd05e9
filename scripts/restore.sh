#!/usr/bin/env bash
# Restores a backup of scripts/backup.sh into an EMPTY database and media folder.
#
#   scripts/restore.sh FOLDER
#
# DATABASE_URL names the new, empty database (create it first, e.g. `createdb portal`);
# MEDIA_ROOT the folder for the uploads (default var/media; absent or empty). Nothing
# is overwritten: a database with tables or a media folder with files is refused.
# With REDIS_URL the shared cache (that Redis database only) is emptied afterwards, so
# no page cached before the restore is served. Then start the app servers as usual
# (`manage.py migrate` first when the code is newer than the backup).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-tools.sh

FOLDER="${1:?Usage: scripts/restore.sh FOLDER (a folder written by scripts/backup.sh)}"
: "${DATABASE_URL:?Set DATABASE_URL to the new, empty database.}"
MEDIA_ROOT="${MEDIA_ROOT:-var/media}"

(cd "$FOLDER" && sha256sum --check --quiet SHA256SUMS)
tables="$("$(pg_tool psql)" "$DATABASE_URL" -Atc \
    "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")"
if [[ "$tables" != 0 ]]; then
    echo "The database already has $tables tables; restore into an empty one." >&2
    exit 1
fi
if [[ -d "$MEDIA_ROOT" && -n "$(ls -A "$MEDIA_ROOT")" ]]; then
    echo "$MEDIA_ROOT is not empty; restore the uploads into an empty folder." >&2
    exit 1
fi

"$(pg_tool pg_restore)" --no-owner --no-privileges --exit-on-error --single-transaction \
    --dbname="$DATABASE_URL" "$FOLDER/database.dump"
mkdir -p "$MEDIA_ROOT"
tar -C "$MEDIA_ROOT" -xzf "$FOLDER/media.tar.gz"
if [[ -n "${REDIS_URL:-}" ]]; then
    .venv/bin/python -c 'import os, redis; redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()'
fi
echo "Restored $FOLDER."
