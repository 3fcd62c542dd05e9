"""A task for tests/portal/test_workers_side_by_side.py, importable by the worker
processes the test starts (task paths are resolved by import in the worker)."""

import os
import time

from django.tasks import task


@task()
def take_a_turn(number: int, runs_file: str) -> None:
    """Write down that task `number` ran, and in which process; slow enough that two
    workers polling the queue both get a share."""
    time.sleep(0.05)
    with open(runs_file, "a") as runs:  # one short append per line: lines never mix
        runs.write(f"{number} {os.getpid()}\n")
