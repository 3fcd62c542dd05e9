"""The pure pieces of `make cluster` (portal/demo/cluster/): its latency figures and
tables, HAProxy's configuration and stats, and visitors that each come from an address
of their own. The drill itself runs the whole cluster and is not part of the suite."""

import http.server
import os
import threading

import pytest

from portal.demo.cluster import haproxy
from portal.demo.cluster.load import Result, Visitor, latency, percentile, table, visitor_address
from portal.demo.cluster.processes import cpu_seconds, group_members


def test_percentiles_are_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 0.5) == 50
    assert percentile(values, 0.95) == 95
    assert percentile(reversed(values), 1.0) == 100
    assert percentile([7], 0.95) == 7
    with pytest.raises(ValueError):
        percentile([], 0.5)


def test_latency_is_printed_in_milliseconds():
    results = [Result(0, seconds / 1000, 302) for seconds in range(1, 101)]
    assert latency(results) == "p50 50 ms, p95 95 ms, max 100 ms"
    assert latency([]) == "no requests"


def test_only_server_errors_and_no_answer_count_as_failed():
    assert Result(0, 0.1, 502).failed
    assert Result(0, 0.1, 0, error="ConnectionResetError()").failed
    assert not Result(0, 0.1, 429).failed
    assert not Result(0, 0.1, 302).failed


def test_a_table_lines_its_columns_up():
    assert table(["check", "result"], [["b", "PASS"], ["throughput", "FAIL"]]).splitlines() == [
        "check       result",
        "----------  ------",
        "b           PASS",
        "throughput  FAIL",
    ]


def test_each_visitor_has_a_loopback_address_of_its_own():
    assert visitor_address(1, 0) == "127.1.0.1"
    assert visitor_address(1, 249) == "127.1.0.250"
    assert visitor_address(3, 250) == "127.3.1.1"
    assert len({visitor_address(1, n) for n in range(1000)}) == 1000
    with pytest.raises(ValueError):
        visitor_address(1, 250 * 256)


def test_the_server_sees_the_visitors_own_address():
    """What HAProxy appends to X-Forwarded-For is this address, not one the client wrote."""
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's hook
            seen.append(self.client_address[0])
            self.send_response(204)
            self.send_header("X-Served-By", "app1")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.handle_request, daemon=True).start()
    visitor = Visitor(server.server_address[1], visitor_address(1, 6))
    result = visitor.request("GET", "/")
    visitor.close()
    server.server_close()
    assert (result.status, result.served_by, seen) == (204, "app1", ["127.1.0.7"])


def test_haproxy_checks_readiness_and_passes_the_client_on():
    config = haproxy.config(
        8300, {"app1": "127.0.0.2", "app2": "127.0.0.3"}, 8301, 2, "var/cluster/haproxy.sock"
    )
    assert "bind 127.0.0.1:8300" in config
    assert "http-check send meth GET uri /readyz" in config
    assert "option forwardfor" in config
    assert "X-Request-ID %[uuid] unless { req.hdr(x-request-id) -m found }" in config
    assert "disable-l7-retry unless METH_GET" in config
    assert "server app1 127.0.0.2:8301 check" in config
    assert "server app2 127.0.0.3:8301 check" in config
    assert "maxconn 2" in config


def test_haproxy_stats_are_read_per_server():
    answer = (
        "# pxname,svname,status,wretr,wredis,\n"
        "portal,FRONTEND,OPEN,,,\n"
        "app_servers,app1,UP,0,0,\n"
        "app_servers,app2,DOWN,3,2,\n"
        "app_servers,BACKEND,UP,3,2,\n\n"
    )
    rows = haproxy.parse_stats(answer)
    assert set(rows) == {"app1", "app2", haproxy.BACKEND}
    assert rows["app2"]["status"] == "DOWN"
    assert rows[haproxy.BACKEND]["wredis"] == "2"


def test_cpu_time_is_read_per_process_and_group():
    sum(range(200_000))
    assert cpu_seconds(os.getpid()) > 0
    assert cpu_seconds(2**22 + 1) == 0.0  # no such process
    assert os.getpid() in group_members(os.getpgid(0))


def test_haproxy_says_why_each_failed_request_failed():
    log = (
        "127.3.0.2:51234 [30/Nov/2026:11:28:00.123] portal app_servers/app2 0/0/-1/-1/3 503 217 "
        '- - SC-- 8/8/7/3/3 0/0 "GET / HTTP/1.1"\n'
        "127.3.0.5:51239 [30/Nov/2026:11:28:00.125] portal app_servers/app2 0/0/0/-1/9 502 209 "
        '- - SH-- 8/8/7/3/0 0/0 "POST /agenda/x/ HTTP/1.1"\n'
        "[WARNING]  (11139) : Server app_servers/app2 is DOWN. 1 active and 0 backup servers.\n"
    )
    assert haproxy.termination_states(log) == {("app2", 503, "SC"): 1, ("app2", 502, "SH"): 1}
