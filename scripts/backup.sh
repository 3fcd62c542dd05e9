#!/usr/bin/env bash
# Backs up the portal: the database (pg_dump, custom format) and the uploads (a tar of
# MEDIA_ROOT), together in one folder named after the moment (UTC).
#
#   scripts/backup.sh [FOLDER]    default: var/backups/<YYYY-MM-DDTHHMMSSZ>
#
# DATABASE_URL names the database (without it: the private cluster of `make run`);
# MEDIA_ROOT the uploads (default var/media). The cache table is left out: a restored
# site builds its pages afresh. With S3_BUCKET the uploads live in the bucket and are
# not in this backup: keep the bucket's own versioning or copies (see README).
# Prints the folder. Restore with scripts/restore.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/pg-tools.sh

DATABASE_URL="$(scripts/postgres.sh start)"
MEDIA_ROOT="${MEDIA_ROOT:-var/media}"
FOLDER="${1:-var/backups/$(date -u +%Y-%m-%dT%H%M%SZ)}"

if [[ -e "$FOLDER" && -n "$(ls -A "$FOLDER")" ]]; then
    echo "$FOLDER is not empty; choose a new folder." >&2
    exit 1
fi
umask 077  # the dump holds personal data
mkdir -p "$FOLDER"

"$(pg_tool pg_dump)" --format=custom --no-owner --no-privileges \
    --exclude-table-data=portal_cache --file="$FOLDER/database.dump" "$DATABASE_URL"
if [[ -d "$MEDIA_ROOT" ]]; then
    tar -C "$MEDIA_ROOT" -czf "$FOLDER/media.tar.gz" .
else
    tar -czf "$FOLDER/media.tar.gz" -T /dev/null
fi
if [[ -n "${S3_BUCKET:-}" ]]; then
    echo "Note: the uploads are in the bucket $S3_BUCKET, not in this backup." >&2
fi
(cd "$FOLDER" && sha256sum database.dump media.tar.gz > SHA256SUMS)
echo "$FOLDER"
