"""Logs an operator can use: one line per request and one per task, with a request id.

- **Request id.** The load balancer names each request in `X-Request-ID`; an id that
  looks sane (REQUEST_ID_PATTERN: up to 128 letters, digits and `._:+=@/-`) is kept,
  anything else is replaced by a new one (uuid4, hex). It is echoed in the response's
  `X-Request-ID`, and held in a context variable, so every record logged while the
  request runs carries it (`RequestIdFilter`, on the console handler).
- **Tasks carry it on.** A task queued during a request keeps the id in its row of the
  queue, next to its arguments (`args_kwargs["request_id"]`; the worker only reads
  `args` and `kwargs`, so no task's signature changes); the worker sets it again while
  the task runs. The id is no secret: it is in the response and in the logs anyway.
- **One line each.** `RequestLogMiddleware`, first in MIDDLEWARE, logs method, path
  (without the query, and without the key of an e-mailed link: KEYED_PATHS), status,
  duration and the user's id (never a name or address) on `portal.requests`; the
  worker's signals give one line per task on `portal.tasks`: task, id, status,
  duration. The health checks, asked every few seconds by the load balancer, are
  logged at DEBUG only.
- **Form.** LOG_FORMAT=json writes each record as one JSON object; otherwise a line of
  text with the fields as key=value (values quoted when they hold a space or quote).

gunicorn's own access log is then not needed (it is off unless asked for).
"""

import contextvars
import datetime
import json
import logging
import re
import time
import uuid

from django.tasks.base import TaskResultStatus
from django.utils.log import log_response

from .health import HEALTH_PATHS

REQUEST_ID_HEADER = "X-Request-ID"
REQUEST_ID_PATTERN = re.compile(r"[A-Za-z0-9._:+=@/-]{1,128}")
TASK_ROW_KEY = "request_id"

# Addresses whose end is a signed key from an e-mail (confirm or cancel a registration,
# a subscription's preferences, a password reset): whoever reads the log could use it,
# so only the start is logged.
KEYED_PATHS = (
    "/agenda/bevestigen/",
    "/agenda/afmelden/",
    "/nieuwsbrief/bevestigen/",
    "/nieuwsbrief/voorkeuren/",
    "/nieuwsbrief/afmelden/",
    "/account/password/reset/key/",
    "/account/confirm-email/",
)

request_logger = logging.getLogger("portal.requests")
task_logger = logging.getLogger("portal.tasks")

_request_id = contextvars.ContextVar("request_id", default=None)
# The request id that was current before each running task set its own, by task id.
_before_task = {}


def current_request_id() -> str | None:
    return _request_id.get()


def request_id_from(header: str | None) -> str:
    """The load balancer's id when it looks sane, else a new one."""
    if header and REQUEST_ID_PATTERN.fullmatch(header):
        return header
    return uuid.uuid4().hex


class RequestLogMiddleware:
    """First in MIDDLEWARE: the request id for everything after it, and the request's
    one line once the response is known (a page from the page cache included)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_from(request.headers.get(REQUEST_ID_HEADER))
        token = _request_id.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            path = loggable_path(request.path)
            if response.status_code >= 400:
                # What Django's handler would log once the middleware is done, when
                # the request id is gone; here it still carries the id.
                log_response(
                    "%s: %s",
                    response.reason_phrase,
                    path,
                    response=response,
                    request=request,
                )
            user = getattr(request, "user", None)  # a page-cache hit has none
            request_logger.log(
                logging.DEBUG if request.path in HEALTH_PATHS else logging.INFO,
                "request",
                extra={
                    "fields": {
                        "method": request.method,
                        "path": path,
                        "status": response.status_code,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                        # Already known: SecurityHeadersMiddleware asked; no query here.
                        "user_id": user.pk if user is not None and user.is_authenticated else None,
                    }
                },
            )
            return response
        finally:
            _request_id.reset(token)


def loggable_path(path: str) -> str:
    """The path as the log may keep it: without a key from an e-mail."""
    for prefix in KEYED_PATHS:
        if path.startswith(prefix) and len(path) > len(prefix):
            return prefix + "[key]"
    return path


def remember_request_id(sender, instance, **kwargs):
    """pre_save of django-tasks-db's queue row: a task queued during a request keeps
    the request's id next to its arguments."""
    request_id = _request_id.get()
    if request_id and instance._state.adding:
        instance.args_kwargs = {**instance.args_kwargs, TASK_ROW_KEY: request_id}


def task_started(sender, task_result, **kwargs):
    """While a task runs, its records carry the id of the request that queued it (in
    the worker, from its row; run at once inside a request, the request's own)."""
    row = getattr(task_result, "db_result", None)
    queued_by = row.args_kwargs.get(TASK_ROW_KEY) if row is not None else None
    _before_task[task_result.id] = _request_id.set(queued_by or _request_id.get())


def task_finished(sender, task_result, **kwargs):
    """The task's one line, then the request id as it was before the task."""
    if task_result.started_at and task_result.finished_at:
        duration = (task_result.finished_at - task_result.started_at).total_seconds() * 1000
    else:
        duration = None
    failed = task_result.status == TaskResultStatus.FAILED
    task_logger.log(
        logging.WARNING if failed else logging.INFO,
        "task",
        extra={
            "fields": {
                "task": task_result.task.module_path,
                "task_id": str(task_result.id),
                "status": str(task_result.status),
                "duration_ms": None if duration is None else round(duration, 1),
            }
        },
    )
    token = _before_task.pop(task_result.id, None)
    if token is not None:
        _request_id.reset(token)


def follow_tasks():
    """Connected in PortalConfig.ready."""
    from django.db.models.signals import pre_save
    from django.tasks.signals import task_finished as finished
    from django.tasks.signals import task_started as started
    from django_tasks_db.models import DBTaskResult

    pre_save.connect(remember_request_id, sender=DBTaskResult, dispatch_uid="portal.logs")
    started.connect(task_started, dispatch_uid="portal.logs")
    finished.connect(task_finished, dispatch_uid="portal.logs")


class RequestIdFilter(logging.Filter):
    """Gives every record the current request id (None outside a request or task)."""

    def filter(self, record):
        record.request_id = _request_id.get()
        return True


def _fields(record) -> dict:
    return {
        **getattr(record, "fields", {}),
        "request_id": getattr(record, "request_id", None),
    }


class JsonFormatter(logging.Formatter):
    """One JSON object per record (LOG_FORMAT=json)."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **_fields(record),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


class TextFormatter(logging.Formatter):
    """`time level logger message key=value ...`: readable, and still one line per
    request (a value with a space, quote or newline is quoted as JSON)."""

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def format(self, record):
        line = super().format(record)
        pairs = " ".join(f"{name}={_text(value)}" for name, value in _fields(record).items())
        head, _newline, rest = line.partition("\n")  # a traceback stays below the line
        return f"{head} {pairs}" + (f"\n{rest}" if rest else "")


NEEDS_QUOTES = re.compile(r'[ "=\n\r\t\\]')


def _text(value) -> str:
    if value is None:
        return "-"
    text = str(value)
    if not text or NEEDS_QUOTES.search(text):
        return json.dumps(text)
    return text
