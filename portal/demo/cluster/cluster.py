"""The cluster on one machine: HAProxy on 127.0.0.1, two gunicorn app servers on
127.0.0.2 and 127.0.0.3 (production settings, two workers each: the machine has two
cores), two task workers (`manage.py db_worker`), and an SMTP server in the drill's
own process that counts what arrives (`portal.demo.bench.sending.CountingServer`).
PostgreSQL and Redis are the machine's, shared by every process, as they would be
on a network. The workers listen on nothing; they are hosts that only reach out to
the database and the SMTP server.
"""

import logging
import shutil
import socket
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from aiosmtpd.controller import Controller

from ..bench.sending import CountingServer, _free_port
from . import haproxy
from .processes import Processes, group_members

APP_SERVERS = {"app1": "127.0.0.2", "app2": "127.0.0.3"}
WORKERS = ("worker1", "worker2")
GUNICORN_WORKERS = 2


class Cluster:
    def __init__(self, folder: Path, port: int, app_port: int, environment: dict):
        self.folder, self.port, self.app_port = folder, port, app_port
        self.environment = environment
        self.socket = folder / "haproxy.sock"
        self.stats = haproxy.Stats(self.socket)
        self.processes = None
        self.smtp = None
        # Each start of a worker gets an id of its own, so the task table tells a
        # dead worker's tasks from its successor's.
        self.worker_ids: dict[str, str] = {}
        self.dead_worker_ids: list[str] = []

    def start(self, say) -> None:
        """Start every part and wait until HAProxy sees both app servers up."""
        self._prepare_folder()
        self._refuse_busy_ports()
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's per command
        self.smtp = Controller(CountingServer(), hostname="127.0.0.1", port=_free_port())
        self.smtp.start()
        self.processes = Processes(
            self.folder,
            {**self.environment, "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(self.smtp.port)},
        )
        began = time.monotonic()
        for name in APP_SERVERS:
            self.start_app_server(name)
        for name in WORKERS:
            self.start_worker(name)
        config = self.folder / "haproxy.cfg"
        config.write_text(
            haproxy.config(self.port, APP_SERVERS, self.app_port, GUNICORN_WORKERS, self.socket)
        )
        self.processes.start("haproxy", [_haproxy(), "-f", str(config), "-db"])
        self._wait_for_socket()
        for name in APP_SERVERS:
            self.wait_until_up(name)
        say(
            f"Cluster up in {time.monotonic() - began:.1f} s: HAProxy on 127.0.0.1:{self.port}, "
            + ", ".join(f"{name} on {host}:{self.app_port}" for name, host in APP_SERVERS.items())
            + f" ({GUNICORN_WORKERS} gunicorn workers each), {' and '.join(WORKERS)}, "
            f"SMTP server on 127.0.0.1:{self.smtp.port}; logs in {self.folder}/"
        )

    def start_app_server(self, name: str) -> None:
        self.processes.start(
            name,
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "portal.wsgi:application",
                f"--workers={GUNICORN_WORKERS}",
                f"--bind={APP_SERVERS[name]}:{self.app_port}",
                "--graceful-timeout=5",
            ],
        )

    def wait_until_up(self, name: str, timeout: float = 90) -> float:
        """Wait until HAProxy has app server `name` UP; the moment it saw it so. If it
        does not come, the error says what the server's /readyz answers (a migration
        not applied, say)."""
        try:
            return self.stats.wait_for(name, "UP", timeout)
        except TimeoutError as error:
            try:
                with urllib.request.urlopen(  # noqa: S310 - our own app server
                    f"http://{APP_SERVERS[name]}:{self.app_port}/readyz", timeout=10
                ) as response:
                    answer = response.read().decode()
            except urllib.error.HTTPError as refused:
                answer = refused.read().decode()
            except OSError as failure:
                answer = repr(failure)
            raise TimeoutError(f"{error} Its /readyz answers: {answer.strip()}") from None

    def start_worker(self, name: str) -> None:
        self.worker_ids[name] = f"{name}.{time.time_ns()}"
        self.processes.start(
            name,
            [
                sys.executable,
                "manage.py",
                "db_worker",
                f"--worker-id={self.worker_ids[name]}",
                "--interval=0.1",
                "--no-startup-delay",
            ],
        )

    def kill_worker(self, name: str) -> None:
        self.processes.kill(name)
        self.dead_worker_ids.append(self.worker_ids.pop(name))

    def stop_worker(self, name: str) -> None:
        self.processes.stop(name)
        del self.worker_ids[name]

    def app_server_processes(self, name: str) -> list[int]:
        return group_members(self.processes.pid(name))

    def counting(self) -> CountingServer:
        """A fresh count at the SMTP server from now on."""
        self.smtp.handler = CountingServer()
        return self.smtp.handler

    def stop(self) -> None:
        if self.processes is not None:
            # The load balancer first, so nothing new reaches a stopping server.
            if "haproxy" in self.processes.running:
                self.processes.stop("haproxy")
            self.processes.stop_all()
        if self.smtp is not None:
            self.smtp.stop()
        self.socket.unlink(missing_ok=True)

    def ports_free(self) -> bool:
        return not any(_answers(host, port) for host, port in self._ports())

    def _ports(self):
        return [("127.0.0.1", self.port)] + [(host, self.app_port) for host in APP_SERVERS.values()]

    def _prepare_folder(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in [*self.folder.glob("*.log"), self.folder / "pgids", self.socket]:
            old.unlink(missing_ok=True)

    def _refuse_busy_ports(self):
        for host, port in self._ports():
            if _answers(host, port):
                raise RuntimeError(
                    f"Something already listens on {host}:{port}. Stop it, or choose other "
                    "ports: CLUSTER_PORT=8400 CLUSTER_APP_PORT=8401 make cluster"
                )

    def _wait_for_socket(self, timeout=10):
        deadline = time.monotonic() + timeout
        while not self.socket.exists():
            self.processes.check_alive()
            if time.monotonic() > deadline:
                raise RuntimeError("HAProxy did not open its stats socket.")
            time.sleep(0.05)


def _answers(host: str, port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


def _haproxy() -> str:
    found = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin:/usr/local/sbin")
    if not found:
        raise RuntimeError("HAProxy is not installed (scripts/cluster.sh installs it).")
    return found
