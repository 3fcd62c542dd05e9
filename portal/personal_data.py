"""One home for the AVG/GDPR rules on a person's data: what they can download and
what happens to it when they delete their account.

Each app registers what it holds about a person (in its AppConfig.ready). The
account page's download and deletion go through here, so no app is forgotten.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction


@dataclass(frozen=True)
class PersonalDataSource:
    key: str
    export: Callable[[object], object]
    erase: Callable[[object], None] | None = None


_sources: dict[str, PersonalDataSource] = {}


def register(key: str, export: Callable, erase: Callable | None = None) -> None:
    """Register what an app holds about a user: `export(user)` returns JSON-able data;
    `erase(user)` cleans up what must not just cascade with the user (for instance
    cancelling a seat so the waiting list moves up)."""
    _sources[key] = PersonalDataSource(key, export, erase)


def export_user_data(user) -> dict:
    return {key: source.export(user) for key, source in sorted(_sources.items())}


@transaction.atomic
def delete_user(user) -> None:
    for source in _sources.values():
        if source.erase:
            source.erase(user)
    user.delete()
