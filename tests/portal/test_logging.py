"""An operator follows a request through the logs: one line per request and per task,
with the request id the load balancer gave (or a new one), also on the line of a task
that the request queued; as JSON when LOG_FORMAT=json."""

import importlib
import io
import json
import logging

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.test import RequestFactory
from django_tasks_db.models import DBTaskResult

from portal import logs
from portal.emails import deliver_email

pytestmark = pytest.mark.django_db

REQUESTS = "portal.requests"
TASKS = "portal.tasks"
# The worker closes and reopens connections, as in production: committed data only.
WORKER_DATABASE = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def lines(caplog, logger):
    return [record for record in caplog.records if record.name == logger]


@pytest.fixture
def console():
    """The console handler as the settings build it (filter and formatter), on the root
    logger, writing JSON to a buffer: what an operator's log collector receives."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.addFilter(logs.RequestIdFilter())
    handler.setFormatter(logs.JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines()]
    root.removeHandler(handler)


def test_every_request_gets_one_line_with_its_id_status_duration_and_user_id(
    client, caplog, professional
):
    caplog.set_level(logging.INFO, logger=REQUESTS)
    client.force_login(professional)
    response = client.get("/account/", headers={"X-Request-ID": "lb-7F000001:8296_4F7B0A69"})

    assert response.status_code == 200
    assert response["X-Request-ID"] == "lb-7F000001:8296_4F7B0A69"
    [line] = lines(caplog, REQUESTS)
    assert line.levelno == logging.INFO
    fields = line.fields
    assert {key: fields[key] for key in ("method", "path", "status", "user_id")} == {
        "method": "GET",
        "path": "/account/",
        "status": 200,
        "user_id": professional.pk,
    }
    assert fields["duration_ms"] >= 0
    assert professional.email not in str(fields) and "Priya" not in str(fields)


@pytest.mark.parametrize(
    "offered", ["", "a" * 129, "id with spaces", "id\nforged: line", "<script>", "ïd"]
)
def test_an_id_that_does_not_look_sane_is_replaced_by_a_new_one(client, offered):
    response = client.get("/robots.txt", headers={"X-Request-ID": offered})
    given = response["X-Request-ID"]
    assert given != offered
    assert len(given) == 32 and int(given, 16) >= 0  # uuid4, hex


def test_the_key_of_an_e_mailed_link_stays_out_of_the_log(client, console):
    client.get("/nieuwsbrief/afmelden/geheime-sleutel:1abc/")
    records = console()
    assert "geheime-sleutel" not in json.dumps(records)
    [line] = [record for record in records if record["logger"] == REQUESTS]
    assert line["path"] == "/nieuwsbrief/afmelden/[key]"


def test_requests_without_an_id_get_a_different_one_each(client):
    assert client.get("/robots.txt")["X-Request-ID"] != client.get("/robots.txt")["X-Request-ID"]


def test_health_checks_are_logged_at_debug_only(client, caplog):
    caplog.set_level(logging.DEBUG, logger=REQUESTS)
    client.get("/healthz")
    client.get("/readyz")
    assert [(line.levelno, line.fields["path"]) for line in lines(caplog, REQUESTS)] == [
        (logging.DEBUG, "/healthz"),
        (logging.DEBUG, "/readyz"),
    ]


def test_every_record_of_a_request_carries_its_id_and_no_query_string(client, console):
    client.get("/bestaat-niet/?token=geheim", headers={"X-Request-ID": "abc-123"})
    records = console()
    not_found = next(record for record in records if record["logger"] == "django.request")
    assert not_found["request_id"] == "abc-123"
    [line] = [record for record in records if record["logger"] == REQUESTS]
    assert line["request_id"] == "abc-123"
    assert (line["path"], line["status"]) == ("/bestaat-niet/", 404)
    assert "geheim" not in json.dumps(records)
    assert logs.current_request_id() is None  # nothing left behind after the request


@WORKER_DATABASE
def test_a_task_queued_during_a_request_logs_its_line_with_the_same_id(
    database_worker, caplog, console
):
    """Queued in the database as in production; the worker runs it later, elsewhere."""
    caplog.set_level(logging.INFO)

    def view(request):
        deliver_email.enqueue(0)
        return HttpResponse("queued")

    request = RequestFactory().get("/", headers={"X-Request-ID": "req-42"})
    logs.RequestLogMiddleware(view)(request)

    row = DBTaskResult.objects.get()
    # The task's own arguments are as before: the id rides next to them.
    assert row.args_kwargs == {"args": [0], "kwargs": {}, "request_id": "req-42"}
    assert row.task_result.args == [0]

    database_worker()
    [task_line] = [record for record in console() if record["logger"] == TASKS]
    assert task_line == {
        **task_line,
        "task": "portal.emails.deliver_email",
        "task_id": str(row.pk),
        "status": "SUCCESSFUL",
        "request_id": "req-42",
    }
    assert task_line["duration_ms"] >= 0
    assert logs.current_request_id() is None  # the worker forgets it after the task


def test_a_task_run_at_once_inside_the_request_keeps_the_request_id(caplog, console):
    """The test settings run tasks at once (as a small site could): same id, and the
    request's own line after the task still has it."""

    def view(request):
        deliver_email.enqueue(0)
        return HttpResponse("done")

    logs.RequestLogMiddleware(view)(RequestFactory().get("/", headers={"X-Request-ID": "r-1"}))
    records = [record for record in console() if record["logger"] in (TASKS, REQUESTS)]
    assert [(record["logger"], record["request_id"]) for record in records] == [
        (TASKS, "r-1"),
        (REQUESTS, "r-1"),
    ]


@WORKER_DATABASE
def test_a_failed_task_is_logged_as_a_warning_with_its_status(database_worker, caplog):
    caplog.set_level(logging.INFO, logger=TASKS)
    result = deliver_email.enqueue("geen-nummer")
    database_worker()
    [line] = lines(caplog, TASKS)
    assert line.levelno == logging.WARNING
    assert (line.fields["task_id"], line.fields["status"]) == (result.id, "FAILED")


def test_the_text_form_is_one_readable_line_of_key_value_pairs():
    record = logging.LogRecord(REQUESTS, logging.INFO, __file__, 1, "request", None, None)
    record.fields = {"method": "GET", "path": "/a b\nforged", "status": 200, "user_id": None}
    record.request_id = "abc"
    line = logs.TextFormatter().format(record)
    assert "\n" not in line
    assert line.endswith(
        ' INFO portal.requests request method=GET path="/a b\\nforged" status=200 '
        "user_id=- request_id=abc"
    )


def test_log_format_chooses_json_or_text_and_refuses_anything_else(monkeypatch):
    base = importlib.import_module("portal.settings.base")
    try:
        monkeypatch.setenv("LOG_FORMAT", "json")
        assert importlib.reload(base).LOGGING["handlers"]["console"]["formatter"] == "json"
        monkeypatch.setenv("LOG_FORMAT", "xml")
        with pytest.raises(ImproperlyConfigured, match="LOG_FORMAT must be text or json"):
            importlib.reload(base)
    finally:
        monkeypatch.delenv("LOG_FORMAT")
        assert importlib.reload(base).LOGGING["handlers"]["console"]["formatter"] == "text"
