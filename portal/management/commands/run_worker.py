"""`manage.py run_worker`: the task worker with the daily jobs' scheduler.

It takes the options of django-tasks-db's `db_worker` and works off the queue the
same way. Besides, a thread in the same process looks every minute which daily jobs
are due (`portal.scheduling`) and queues them; that check also runs at start-up, so a
job missed while no worker ran catches up at once. Run as many workers as you like:
each job still runs once a day.
"""

import logging
import os
import threading

from django.db import close_old_connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from portal import scheduling

logger = logging.getLogger(__name__)

CHECK_EVERY_SECONDS = 60


def check_schedule(stop: threading.Event, every: float = CHECK_EVERY_SECONDS) -> None:
    """Queue due jobs now and then every `every` seconds, until `stop` is set; a
    failed check is logged and tried again at the next one."""
    while True:
        try:
            queued = scheduling.enqueue_due_jobs()
            if queued:
                logger.info("Queued daily jobs: %s", ", ".join(queued))
        except Exception:
            logger.exception("Checking the daily jobs failed")
        finally:
            close_old_connections()
        if stop.wait(every):
            return


class Command(db_worker.Command):
    help = "Run the task worker, and queue the daily jobs when they are due."

    def configure_logging(self, verbosity):
        """The log levels are LOGGING's (settings). db_worker raises the task
        framework's logger to INFO, which printed two lines for every search-index
        task into make run's terminal; `-v 2` still shows them."""
        if verbosity > 1:
            super().configure_logging(verbosity)

    def handle(self, *, reload, **options):
        # With autoreload the command runs twice: in a watching parent process and in
        # the child that does the work. Only the child checks the schedule.
        if not reload or os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            scheduler = threading.Thread(
                target=check_schedule, args=(threading.Event(),), name="scheduler", daemon=True
            )
            scheduler.start()
        super().handle(reload=reload, **options)
