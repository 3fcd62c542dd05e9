"""Fixtures shared by the whole suite: people in each role (made by tests/factories),
and a real SMTP server."""

import os
import socket
import threading
import time
from contextlib import contextmanager
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.db import connections

from portal.roles import COORDINATORS, EDITORS, ORGANISERS
from tests.factories.users import UserFactory


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Let every database connection object restore the migrated data.

    Browser tests use serialized rollback: after each test Django empties the tables
    and reloads the data the migrations made (Wagtail's page tree, the role groups,
    the gazetteer) from a copy kept on the connection object. Playwright's sync API
    runs later tests in another context, where Django opens a new connection object
    without that copy, so it is shared on the class instead."""
    for connection in connections.all():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no page, menu or rate-limit count from
    another test (the cache is per process, shared by the tests it runs)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def client():
    """Django's test client, sending what a browser sends from one of our own pages:
    the public forms accept a POST only from our own site (portal/csrf.py), where
    Django's token check (which the test client skips) protects the others."""
    from django.test import Client

    return Client(headers={"Sec-Fetch-Site": "same-origin"})


@pytest.fixture
def make_user(db):
    """UserFactory, for tests that make people of their own."""
    return UserFactory


@pytest.fixture
def professional(db):
    return UserFactory(
        email="professional@example.org",
        full_name="Priya Jansen",
        organisation="Gemeente Zwolle",
        job_title="Beleidsadviseur",
        sector="gemeente",
    )


@pytest.fixture
def editor(db):
    return UserFactory(email="redacteur@example.org", group=EDITORS, full_name="Ruben Redacteur")


@pytest.fixture
def organiser(db):
    return UserFactory(
        email="organisator@example.org", group=ORGANISERS, full_name="Olga Organisator"
    )


@pytest.fixture
def coordinator(db):
    return UserFactory(
        email="coordinator@example.org", group=COORDINATORS, full_name="Kees Coördinator"
    )


class Mailbox:
    """What a local SMTP server (aiosmtpd) received, as parsed e-mail messages."""

    def __init__(self):
        self.messages = []
        self._arrived = threading.Condition()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        message = message_from_bytes(envelope.content, policy=policy.default)
        with self._arrived:
            self.messages.append(message)
            self._arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, count=1, timeout=10):
        """Wait until `count` messages have arrived; return them."""
        with self._arrived:
            arrived = self._arrived.wait_for(lambda: len(self.messages) >= count, timeout)
        assert arrived, f"expected {count} e-mail(s), got {len(self.messages)}"
        return self.messages

    @staticmethod
    def text_of(message):
        return message.get_body(preferencelist=("plain",)).get_content()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def subprocess_database_url():
    """DATABASE_URL of the test database, for a server or worker a test starts."""
    server = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    return f"{server}/{connections['default'].settings_dict['NAME']}"


def wait_for_port(port, process, timeout=20):
    """Wait until `process` listens on `port`; fail with its error output if it stops."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port} after {timeout} s")


@contextmanager
def serving_smtp(handler, settings):
    """Run `handler` as a real SMTP server on localhost; Django's SMTP backend delivers
    to it while the block runs."""
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "timeout": 10},
        }
    }
    try:
        yield handler
    finally:
        controller.stop()


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on localhost; Django's SMTP backend delivers to it."""
    with serving_smtp(Mailbox(), settings) as mailbox:
        yield mailbox


@pytest.fixture
def tables_containing(db):
    """Which database tables hold `text` anywhere in a row (every column, as text).

    Walks every table PostgreSQL has, not a list of models, so a table that a future
    model adds is searched too."""
    from django.db import connection

    def search(text):
        pattern = "%" + text.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_") + "%"
        found = []
        with connection.cursor() as cursor:
            for table in connection.introspection.table_names(cursor):
                quoted = connection.ops.quote_name(table)
                cursor.execute(
                    # The table names come from PostgreSQL itself, quoted.
                    f"SELECT count(*) FROM {quoted} AS r WHERE r::text ILIKE %s",  # noqa: S608
                    [pattern],
                )
                if cursor.fetchone()[0]:
                    found.append(table)
        return found

    return search


@pytest.fixture
def database_worker(settings):
    """Queue tasks in the database, as production does; calling the fixture works off
    the queue the way `manage.py run_worker` does, in this process."""
    from django_tasks_db.management.commands.db_worker import Worker

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    def work_off_queue():
        Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        ).run()

    return work_off_queue
