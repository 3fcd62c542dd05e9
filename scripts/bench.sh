#!/usr/bin/env bash
# `make bench`: fill a separate database with 10x the demo content, serve the portal
# with gunicorn (2 workers, production settings) and measure every main page with
# wrk: requests per second, latency and the number of queries per request.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE="${BENCH_SCALE:-10}"
DURATION="${BENCH_DURATION:-10}"
CONNECTIONS="${BENCH_CONNECTIONS:-8}"
PORT="${BENCH_PORT:-8099}"

command -v wrk >/dev/null 2>&1 || { echo "Installing wrk..."; apt-get update -qq && \
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

# A database of its own, next to the portal's: the benchmark never touches yours.
BASE_URL="$(scripts/postgres.sh start)"
export DATABASE_URL="${BENCH_DATABASE_URL:-${BASE_URL%/*}/portal_bench}"
psql "$BASE_URL" -Atc "SELECT 1 FROM pg_database WHERE datname = 'portal_bench'" | grep -q 1 \
    || psql "$BASE_URL" -qc "CREATE DATABASE portal_bench"
export DJANGO_SETTINGS_MODULE=portal.settings.production
export SECRET_KEY="bench-$(head -c 48 /dev/urandom | base64 | tr -d '/+=')"
export ALLOWED_HOSTS=127.0.0.1,localhost,testserver
export DEBUG=false
PY=.venv/bin/python

echo "Preparing the benchmark database ($SCALE x the demo content)..."
$PY manage.py migrate --no-input -v 0
DJANGO_SETTINGS_MODULE=portal.settings.dev $PY manage.py bench fill --scale "$SCALE" >/dev/null
$PY manage.py collectstatic --no-input -v 0

.venv/bin/gunicorn portal.wsgi:application --workers 2 --bind "127.0.0.1:$PORT" \
    --access-logfile /dev/null --error-logfile var/bench-gunicorn.log &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/robots.txt" && break; sleep 0.2; done

declare -A QUERIES
while IFS=$'\t' read -r name path status count; do QUERIES["$path"]="$count"; done \
    < <($PY manage.py bench queries)

printf "\n%-22s %-34s %8s %10s %10s %8s\n" "page" "path" "status" "req/s" "p50 ms" "queries"
while IFS=$'\t' read -r name path; do
    url="http://127.0.0.1:$PORT$path"
    status="$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-Proto: https' "$url")"
    out="$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H 'X-Forwarded-Proto: https' "$url")"
    rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
    p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
    non2xx="$(awk '/Non-2xx/ {print $5}' <<<"$out")"
    printf "%-22s %-34s %8s %10s %10s %8s%s\n" "$name" "$path" "$status" "$rps" "$p50" \
        "${QUERIES[$path]:-?}" "${non2xx:+  ($non2xx non-2xx)}"
done < <($PY manage.py bench pages)

echo
echo "Attendee export (events) at 10,000 registrations:"
# In-process measurements: the development settings skip the HTTPS redirect.
DJANGO_SETTINGS_MODULE=portal.settings.dev $PY manage.py bench_export --rows 10000
echo
echo "The map's GeoJSON (initiatives) with 10,000 initiatives:"
DJANGO_SETTINGS_MODULE=portal.settings.dev $PY manage.py bench_geojson --count 10000
echo
echo "Sending a newsletter issue to 20,000 subscribers through a local SMTP server:"
DJANGO_SETTINGS_MODULE=portal.settings.dev DEBUG=false $PY manage.py bench_newsletter --subscribers 20000
