"""HAProxy in front of the app servers: its configuration, and its stats socket,
through which the drill watches the health checks and takes a server out by hand.

What the configuration does, as a production one would:

- Health: every 0.5 s HAProxy asks each app server `/readyz` (database, cache and
  migrations, portal/health.py), every 0.25 s once one failed; three failures take a
  server out, two successes bring it back. A dead server refuses the connection at
  once; a busy one may take a few seconds to answer, since the check waits for a free
  gunicorn worker like any request (`timeout check`), and is not taken out for that.
  Besides, a server that refuses a request's connection is taken out at once
  (`observe layer4`): a dead server frees its connection slots at once and so would
  otherwise draw every request the live one has no slot for, until its checks fail.
- At most as many requests per app server as it has gunicorn workers (`maxconn`):
  the rest wait in HAProxy's queue, from which they can go to the other server,
  instead of in the kernel's backlog of a server that may be dying.
- A GET that found a dead server (refused connection, empty or no response) is tried
  again on the other one (`retry-on`, `redispatch`); any other method is not, since
  the dead server may have done it already: such a request fails for the visitor.
- X-Forwarded-For gets the client's address appended (the app servers trust one
  proxy); X-Forwarded-Proto says https, as the TLS-terminating proxy in front would
  (the drill speaks plain HTTP on the loopback); X-Request-ID is kept when the client
  sent one and made up otherwise, and the app servers log it (portal/logs.py).
- X-Served-By in each response names the app server, so the drill sees the spread.
- The log (on stdout) has the health checks and only the requests that did not go
  straight, each with HAProxy's reason (`termination_states`).
"""

import csv
import re
import socket
import time
from collections import Counter

CONFIG = """\
global
    maxconn 4096
    stats socket {socket} mode 600 level admin
    log stdout format raw local0 info

defaults
    mode http
    log global
    option httplog
    option dontlog-normal
    option log-health-checks
    timeout connect 2s
    timeout client 30s
    timeout server 60s
    timeout queue 30s
    timeout check 5s
    timeout http-keep-alive 10s
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response response-timeout

frontend portal
    bind 127.0.0.1:{port}
    option forwardfor
    http-request set-header X-Forwarded-Proto https
    http-request set-header X-Request-ID %[uuid] unless {{ req.hdr(x-request-id) -m found }}
    http-request disable-l7-retry unless METH_GET
    default_backend app_servers

backend app_servers
    balance roundrobin
    option httpchk
    http-check send meth GET uri /readyz ver HTTP/1.1 hdr Host 127.0.0.1
    http-check expect status 200
    default-server inter 500ms fastinter 250ms downinter 500ms fall 3 rise 2 maxconn {maxconn}
    default-server observe layer4 error-limit 1 on-error mark-down
    http-response set-header X-Served-By %s
{servers}
"""


def config(port: int, servers: dict[str, str], app_port: int, maxconn: int, socket_path) -> str:
    """HAProxy's configuration: listen on 127.0.0.1:`port`, balance over `servers`
    (name: address), each serving `app_port` with `maxconn` workers."""
    lines = "\n".join(
        f"    server {name} {address}:{app_port} check" for name, address in servers.items()
    )
    return CONFIG.format(socket=socket_path, port=port, maxconn=maxconn, servers=lines)


BACKEND = "app_servers"

# A request line of the log: ... [date] frontend backend/server Tr/Tw/Tc/Tr/Ta status
# bytes cookie cookie termination-state ...
REQUEST_LINE = re.compile(r"\] \S+ \S+/(\S+) \S+ (-?\d+) \S+ \S+ \S+ (\S{4}) ")


def termination_states(log: str) -> Counter:
    """(server, status, termination state) of each request in HAProxy's log: the log
    has only the requests that did not go straight (an error, or one tried again on
    another server). The state's first two letters say who ended the request and
    when, e.g. "SC": the server refused the connection, "SH": it closed it before the
    response headers, "--": nobody, it went well in the end ("<NOSRV>": no server)."""
    return Counter(
        (server, int(status), state[:2]) for server, status, state in REQUEST_LINE.findall(log)
    )


def parse_stats(text: str) -> dict[str, dict[str, str]]:
    """The answer to `show stat`: a row per proxy and server, by server name (the
    backend's own row is BACKEND)."""
    lines = text.lstrip("# ").splitlines()
    rows = {}
    for row in csv.DictReader(line for line in lines if line):
        if row["pxname"] == BACKEND:
            rows[BACKEND if row["svname"] == "BACKEND" else row["svname"]] = row
    return rows


class Stats:
    """HAProxy's stats socket (admin level)."""

    def __init__(self, path):
        self.path = str(path)

    def command(self, line: str) -> str:
        with socket.socket(socket.AF_UNIX) as connection:
            connection.settimeout(5)
            connection.connect(self.path)
            connection.sendall(line.encode() + b"\n")
            chunks = []
            while chunk := connection.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def servers(self) -> dict[str, dict[str, str]]:
        return parse_stats(self.command("show stat"))

    def status(self, server: str) -> str:
        """UP, DOWN, MAINT, or a transition such as "UP 1/2"."""
        return self.servers()[server]["status"]

    def wait_for(self, server: str, status: str, timeout: float, every: float = 0.02) -> float:
        """Poll until `server`'s status is `status`; the moment (time.monotonic()) it
        was first seen so. TimeoutError after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.status(server) == status:
                return time.monotonic()
            time.sleep(every)
        raise TimeoutError(f"HAProxy did not see {server} {status} within {timeout} s.")

    def disable(self, server: str):
        self.command(f"disable server {BACKEND}/{server}")

    def enable(self, server: str):
        self.command(f"enable server {BACKEND}/{server}")
