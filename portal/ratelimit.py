"""Rate limits for the public forms that robots like, and the one way to find out
who is asking: the client's IP address.

Counters live in PostgreSQL (`RateLimitCounter`), so every gunicorn worker and every
app server counts in the same place. Each attempt is one atomic statement (an upsert
that returns the new count) over a fixed window, so a burst is counted exactly, also
when its requests arrive at the same moment on different workers.

Only a keyed hash of what is counted (an IP or e-mail address) is stored, and only
until the window has passed (`prune_expired`).
"""

import ipaddress
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import connection
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .models import RateLimitCounter


def client_ip(request: HttpRequest) -> str:
    """The visitor's IP address, as every limit (allauth's too) must see it.

    Behind `TRUSTED_PROXY_COUNT` reverse proxies of our own, each proxy appends the
    address it received the request from to X-Forwarded-For, so the client is the
    N-th address from the right; anything further left was written by the client and
    can be forged. Without trusted proxies, or when that address is missing or not an
    IP address, the connection's own address counts.
    """
    trusted = settings.TRUSTED_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if trusted <= 0 or len(forwarded) < trusted:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-trusted].strip()))
    except ValueError:
        return remote


def _key_hash(scope: str, identifier: str) -> str:
    """A hash keyed with SECRET_KEY: an IPv4 address could be found back from a
    plain hash by trying all four billion."""
    return salted_hmac(f"portal.ratelimit:{scope}", identifier, algorithm="sha256").hexdigest()


def allow(scope: str, identifier: str, limit: int, window: int) -> bool:
    """Count one attempt for `identifier` in `scope`; False once there are more than
    `limit` attempts in the current fixed window of `window` seconds."""
    start = int(timezone.now().timestamp()) // window * window
    window_start = datetime.fromtimestamp(start, UTC)
    table = connection.ops.quote_name(RateLimitCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} AS counter (scope, key_hash, window_start, expires_at, count) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, 1) "
            "ON CONFLICT (scope, key_hash, window_start) "
            "DO UPDATE SET count = counter.count + 1 RETURNING count",
            [
                scope,
                _key_hash(scope, identifier),
                window_start,
                window_start + timedelta(seconds=window),
            ],
        )
        (count,) = cursor.fetchone()
    return count <= limit


def prune_expired() -> int:
    """Delete the counters of windows that have passed; returns how many."""
    deleted, _ = RateLimitCounter.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted
