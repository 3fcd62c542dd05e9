"""The drill's visitors: HTTP clients that each come from an address of their own.

The whole of 127.0.0.0/8 is this machine's loopback, so a visitor binds its socket
to, say, 127.1.0.7 before connecting to HAProxy on 127.0.0.1. HAProxy sees that as
the client's address and appends it to X-Forwarded-For; the app servers trust one
proxy (TRUSTED_PROXY_COUNT=1) and so count every visitor apart, as they would on the
internet. No visitor writes its own X-Forwarded-For: what a client writes there is
exactly what the portal must not believe (`portal.ratelimit.client_ip`), and the
drill checks that it does not.

The percentile and table helpers are plain functions, tested in
tests/portal/test_cluster_drill.py.
"""

import http.client
import math
import time
from dataclasses import dataclass


@dataclass
class Result:
    """One request as the visitor saw it: when it started (time.monotonic()), how
    long it took, the status (0 when it raised) and the app server that answered
    (HAProxy's X-Served-By)."""

    started: float
    seconds: float
    status: int
    served_by: str = ""
    error: str = ""
    method: str = "GET"

    @property
    def failed(self) -> bool:
        """A server error or no answer at all; a refusal such as 429 is an answer."""
        return self.status == 0 or self.status >= 500


def visitor_address(block: int, number: int) -> str:
    """The loopback address of visitor `number` in `block` (one block per check),
    e.g. block 1: 127.1.0.1, 127.1.0.2, ... 127.1.0.250, 127.1.1.1, ..."""
    if not 0 <= number < 250 * 256:
        raise ValueError(f"No address for visitor {number}.")
    return f"127.{block}.{number // 250}.{number % 250 + 1}"


class Visitor:
    """One visitor: a keep-alive connection to HAProxy from its own address, and the
    headers a browser on our pages sends (our Origin on a POST, a session cookie when
    logged in)."""

    def __init__(self, port: int, address: str, cookie: str = "", timeout: float = 30):
        self.port, self.address, self.timeout = port, address, timeout
        self.headers = {"Host": f"127.0.0.1:{port}", "Accept-Encoding": "gzip"}
        if cookie:
            self.headers["Cookie"] = cookie
        self.connection = None

    def request(self, method: str, path: str, body: str = "", headers=None) -> Result:
        sent = dict(self.headers, **(headers or {}))
        if method != "GET":
            sent["Origin"] = f"https://127.0.0.1:{self.port}"
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    "127.0.0.1", self.port, timeout=self.timeout, source_address=(self.address, 0)
                )
            self.connection.request(method, path, body=body.encode() or None, headers=sent)
            response = self.connection.getresponse()
            response.read()
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            return Result(
                started,
                time.monotonic() - started,
                response.status,
                response.getheader("X-Served-By", ""),
                method=method,
            )
        except (OSError, http.client.HTTPException) as error:
            self.close()
            return Result(started, time.monotonic() - started, 0, error=repr(error), method=method)

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def percentile(values, fraction: float) -> float:
    """The nearest-rank percentile (fraction 0.5 is the median) of `values`."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("No values.")
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)]


def latency(results) -> str:
    """p50, p95 and the slowest of the results' durations, in milliseconds."""
    seconds = [result.seconds for result in results]
    if not seconds:
        return "no requests"
    return (
        f"p50 {percentile(seconds, 0.5) * 1000:.0f} ms, p95 {percentile(seconds, 0.95) * 1000:.0f} "
        f"ms, max {max(seconds) * 1000:.0f} ms"
    )


def table(header, rows) -> str:
    """Rows of cells as a text table with a rule under the header, each column as
    wide as its widest cell."""
    rows = [[str(cell) for cell in row] for row in [header, *rows]]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)
