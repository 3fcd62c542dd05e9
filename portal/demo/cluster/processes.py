"""The cluster's processes, and the CPU time each one uses.

Each app server, worker and the load balancer runs in a session of its own (its own
process group), as if on a machine of its own: SIGKILL to the group is the machine
going away, gunicorn's master and workers at once. Every group is written to the
`pgids` file in the run folder as it starts, so scripts/cluster.sh can still end them
if the drill itself is killed.
"""

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

from django.conf import settings

TICKS = os.sysconf("SC_CLK_TCK")


class Processes:
    """The processes the drill started, by name; each one's output goes to
    `<name>.log` in the run folder."""

    def __init__(self, folder: Path, environment: dict):
        self.folder, self.environment = folder, environment
        self.running: dict[str, subprocess.Popen] = {}
        self.pgids = folder / "pgids"

    def start(self, name: str, command: list[str], **environment) -> subprocess.Popen:
        if name in self.running:
            raise RuntimeError(f"{name} runs already.")
        with (self.folder / f"{name}.log").open("ab") as log:
            process = subprocess.Popen(  # noqa: S603 - our own commands
                command,
                env={**self.environment, **environment},
                cwd=settings.BASE_DIR,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        with self.pgids.open("a") as pgids:
            pgids.write(f"{process.pid}\n")
        self.running[name] = process
        return process

    def pid(self, name: str) -> int:
        return self.running[name].pid

    def kill(self, name: str) -> None:
        """SIGKILL to the whole group: the machine is gone."""
        process = self.running.pop(name)
        _signal_group(process.pid, signal.SIGKILL)
        process.wait()

    def stop(self, name: str, timeout: float = 15) -> None:
        """SIGTERM (gunicorn and the worker finish what they are doing), SIGKILL
        after `timeout` seconds; then anything left in the group."""
        process = self.running.pop(name)
        _signal_group(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            _signal_group(process.pid, signal.SIGKILL)
            process.wait()
        _signal_group(process.pid, signal.SIGKILL)

    def stop_all(self) -> None:
        """Stop every process; then nothing is left for scripts/cluster.sh to end."""
        for name in list(self.running):
            self.stop(name)
        self.pgids.unlink(missing_ok=True)

    def check_alive(self) -> None:
        """RuntimeError when a process stopped that should run, with its log's end."""
        for name, process in self.running.items():
            if process.poll() is not None:
                tail = (self.folder / f"{name}.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"{name} stopped (exit {process.returncode}):\n{tail}")


def _signal_group(pgid: int, number: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, number)


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command's name (state first), or
    None when the process is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of one process so far (0 when it is gone)."""
    fields = _stat(pid)
    return (int(fields[11]) + int(fields[12])) / TICKS if fields else 0.0


def group_members(pgid: int) -> list[int]:
    """The processes of a process group: gunicorn's master and its workers."""
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields and int(fields[2]) == pgid:
                members.append(int(entry.name))
    return sorted(members)


def pids_named(name: str) -> list[int]:
    """Every process on this machine whose command is `name` (e.g. postgres)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == name:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def machine_busy() -> float:
    """Busy CPU seconds of the whole machine so far, all cores together, from
    /proc/stat: everything but idle and waiting for the disk."""
    values = [int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    return (sum(values) - values[3] - values[4]) / TICKS


class CpuMeter:
    """CPU time used by named groups of processes (`groups()` gives {label: [pid,
    ...]}) between start() and stop(); a process that started in between counts
    from zero, one that ended counts nothing."""

    def __init__(self, groups):
        self.groups = groups

    def start(self):
        self.before = {pid: cpu_seconds(pid) for pids in self.groups().values() for pid in pids}
        self.machine_before = machine_busy()
        self.began = time.monotonic()

    def stop(self) -> dict[str, list[float]]:
        """Seconds used per process, by label; `busy` is then the CPU seconds the
        whole machine used meanwhile, whoever used them, and `cores` how many cores
        that kept busy on average."""
        used = {
            label: [max(cpu_seconds(pid) - self.before.get(pid, 0.0), 0.0) for pid in pids]
            for label, pids in self.groups().items()
        }
        self.busy = machine_busy() - self.machine_before
        self.cores = self.busy / (time.monotonic() - self.began)
        return used
