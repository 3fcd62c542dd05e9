"""A work-around for the browser tests' database restore, used by the blog's browser
tests until tests/browser/conftest.py has it (reported to the lead).

Each browser test starts from the migrated database, which Django restores from a
copy it keeps on the database connection. Once Playwright runs, test code sees a new
connection object without that copy, so after the first browser test's flush nothing
is restored when non-browser tests ran before. If the copy is missing while the
database is still intact, we take it again, on the connection the tests now use.
"""

import pytest
from django.db import connection

from portal.models import HomePage


@pytest.fixture(autouse=True)
def keep_serialized_database(browser, django_db_blocker):
    if not hasattr(connection, "_test_serialized_contents"):
        with django_db_blocker.unblock():
            if HomePage.objects.exists():
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    yield
