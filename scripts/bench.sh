#!/usr/bin/env bash
# `make bench`: fill a separate database with 10x the demo content, serve the portal
# with gunicorn (2 workers, production settings) and measure every main page with
# wrk: requests per second, latency and the number of queries per request.
#
# Every rate is also given as a fraction of a yardstick measured in the same run, so
# that runs on different or busy machines compare: each page against the portal's own
# static CSS file (served by WhiteNoise from the same gunicorn), anonymously with the
# cache warm (one request first) and, for the main pages, as a logged-in professional
# (whom the page cache never serves); the newsletter's mails per second against the
# local SMTP server taking plain e-mails from as many clients as there are workers.
#
# The cache is configured as in production: Redis, when one answers at
# BENCH_REDIS_URL (database 6 of the local server by default), emptied at the start
# so every run begins cold; otherwise the database table that production falls back
# to. The line "Cache:" in the output says which one the run used.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE="${BENCH_SCALE:-10}"
DURATION="${BENCH_DURATION:-10}"
CONNECTIONS="${BENCH_CONNECTIONS:-8}"
PORT="${BENCH_PORT:-8099}"
SUBSCRIBERS="${BENCH_SUBSCRIBERS:-20000}"
PY=.venv/bin/python

command -v wrk >/dev/null 2>&1 || { echo "Installing wrk..."; apt-get update -qq && \
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

# A database of its own, next to the portal's: the benchmark never touches yours.
BASE_URL="$(scripts/postgres.sh start)"
export DATABASE_URL="${BENCH_DATABASE_URL:-${BASE_URL%/*}/portal_bench}"
BENCH_DB="${DATABASE_URL##*/}"
psql "${DATABASE_URL%/*}/postgres" -Atc "SELECT 1 FROM pg_database WHERE datname = '$BENCH_DB'" \
    | grep -q 1 || psql "${DATABASE_URL%/*}/postgres" -qc "CREATE DATABASE \"$BENCH_DB\""
export DJANGO_SETTINGS_MODULE=portal.settings.production
export SECRET_KEY="bench-$(head -c 48 /dev/urandom | base64 | tr -d '/+=')"
export ALLOWED_HOSTS=127.0.0.1,localhost,testserver
export DEBUG=false

BENCH_REDIS_URL="${BENCH_REDIS_URL:-redis://127.0.0.1:6379/6}"
if $PY -c 'import redis, sys; redis.Redis.from_url(sys.argv[1], socket_timeout=2).flushdb()' \
    "$BENCH_REDIS_URL" 2>/dev/null; then
    export REDIS_URL="$BENCH_REDIS_URL"
    echo "Cache: Redis at $REDIS_URL (emptied first), shared by every process of the run."
else
    unset REDIS_URL
    echo "Cache: the database table portal_cache (no Redis answered at $BENCH_REDIS_URL)."
fi

echo "Preparing the benchmark database $BENCH_DB ($SCALE x the demo content)..."
$PY manage.py migrate --no-input -v 0
DJANGO_SETTINGS_MODULE=portal.settings.dev $PY manage.py bench fill --scale "$SCALE" >/dev/null
$PY manage.py collectstatic --no-input -v 0

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
    echo "Something already answers on port $PORT; choose another: BENCH_PORT=8199 make bench" >&2
    exit 1
fi
.venv/bin/gunicorn portal.wsgi:application --workers 2 --bind "127.0.0.1:$PORT" \
    --access-logfile /dev/null --error-logfile var/bench-gunicorn.log &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/robots.txt" && break; sleep 0.2; done

# measure PATH [HEADER]: one request first (warming the caches; its status is kept in
# STATUS), then wrk; sets RPS, P50 and NON2XX.
measure() {
    local url="http://127.0.0.1:$PORT$1" out
    # As a browser asks: behind a TLS proxy, and taking gzip.
    local headers=(-H 'X-Forwarded-Proto: https' -H 'Accept-Encoding: gzip, deflate')
    if [[ -n "${2:-}" ]]; then headers+=(-H "$2"); fi
    STATUS="$(curl -s -o /dev/null -w '%{http_code}' "${headers[@]}" "$url")"
    out="$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "${headers[@]}" "$url")"
    RPS="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
    P50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
    NON2XX="$(awk '/Non-2xx/ {print $5}' <<<"$out")"
}
# share RPS: RPS as a percentage of the static file's rate.
share() { awk -v rps="$1" -v static="$STATIC_RPS" 'BEGIN {printf "%.1f%%", 100 * rps / static}'; }

STATIC="$($PY manage.py bench static)"
measure "$STATIC"
STATIC_RPS="$RPS"
printf "\nStatic file %s: %s req/s (p50 %s), status %s: the 100%% below.\n" \
    "$STATIC" "$STATIC_RPS" "$P50" "$STATUS"

COOKIE="Cookie: $($PY manage.py bench login)"
curl -s -H 'X-Forwarded-Proto: https' -H "$COOKIE" "http://127.0.0.1:$PORT/" \
    | grep -q 'account/logout' || echo "WARNING: the professional's session cookie does not log in."

declare -A QUERIES
while IFS=$'\t' read -r name path status anonymous professional; do
    QUERIES["$path"]="$anonymous/$professional"
done < <($PY manage.py bench queries)

printf "\n%-22s %-42s | %-34s | %-34s | %s\n" "" "" "anonymous, cache warm" \
    "logged-in professional, no cache" "queries"
printf "%-22s %-42s | %6s %9s %8s %8s | %6s %9s %8s %8s | %s\n" "page" "path" \
    "status" "req/s" "static" "p50" "status" "req/s" "static" "p50" "anon/pro"
while IFS=$'\t' read -r name path main; do
    measure "$path"
    anonymous="$(printf "%6s %9s %8s %8s" "$STATUS" "$RPS" "$(share "$RPS")" "$P50")"
    notes="${NON2XX:+  ($NON2XX non-2xx anonymous)}"
    professional=""
    if [[ "$main" == main ]]; then
        measure "$path" "$COOKIE"
        professional="$(printf "%6s %9s %8s %8s" "$STATUS" "$RPS" "$(share "$RPS")" "$P50")"
        notes+="${NON2XX:+  ($NON2XX non-2xx logged in)}"
    fi
    printf "%-22s %-42s | %s | %-34s | %s%s\n" "$name" "$path" "$anonymous" "$professional" \
        "${QUERIES[$path]:-?}" "$notes"
done < <($PY manage.py bench pages)

echo
echo "Attendee export (events) at 10,000 registrations:"
# In-process measurements: the development settings skip the HTTPS redirect.
DJANGO_SETTINGS_MODULE=portal.settings.dev $PY manage.py bench_export --rows 10000
echo
echo "The map's GeoJSON (initiatives) with 10,000 initiatives:"
DJANGO_SETTINGS_MODULE=portal.settings.dev $PY manage.py bench_geojson --count 10000
echo
echo "Sending a newsletter issue to $SUBSCRIBERS subscribers through a local SMTP server:"
DJANGO_SETTINGS_MODULE=portal.settings.dev DEBUG=false $PY manage.py bench_newsletter \
    --subscribers "$SUBSCRIBERS"
