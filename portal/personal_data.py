"""One home for the AVG/GDPR rules on a person's data: what they can download and
what happens to it when they delete their account.

Each app registers what it holds about a person (in its AppConfig.ready). The
account page's download and deletion go through here, so no app is forgotten.

What the portal holds about a person is what is linked to their account *and* what
was left under their e-mail address without one (a guest comment, a guest
registration, a submission): both are in the download and both go with the account.
Every model with an e-mail address field names the source that covers it
(`models=`), or says in NOT_ABOUT_A_MEMBER why it needs none; a test holds every
model of the project to that.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

# Models with an e-mail address field that never holds a member's own address.
NOT_ABOUT_A_MEMBER = {
    "portal.SiteSettings": "the organisation's contact address",
}


@dataclass(frozen=True)
class PersonalDataSource:
    key: str
    export: Callable[[object], object]
    erase: Callable[[object], None] | None = None
    models: tuple[str, ...] = ()


_sources: dict[str, PersonalDataSource] = {}


def register(
    key: str, export: Callable, erase: Callable | None = None, models: tuple[str, ...] = ()
) -> None:
    """Register what an app holds about a user: `export(user)` returns JSON-able data;
    `erase(user)` cleans up what must not just cascade with the user (for instance
    cancelling a seat so the waiting list moves up); `models` ("app_label.Model")
    are the models whose personal data this source exports and erases."""
    _sources[key] = PersonalDataSource(key, export, erase, tuple(models))


def covered_models() -> set[str]:
    return {label for source in _sources.values() for label in source.models}


def addresses_of(user) -> list[str]:
    """Every e-mail address of the account (the login and any added ones)."""
    from allauth.account.models import EmailAddress

    addresses = {user.email.lower()}
    addresses.update(
        address.lower()
        for address in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    )
    return sorted(addresses)


def address_matches(user, field: str) -> Q:
    """Rows whose `field` is one of the account's addresses, in any letter case."""
    condition = Q(pk__in=[])
    for address in addresses_of(user):
        condition |= Q(**{f"{field}__iexact": address})
    return condition


def export_user_data(user) -> dict:
    return {key: source.export(user) for key, source in sorted(_sources.items())}


@transaction.atomic
def delete_user(user) -> None:
    from .emails import forget_messages_to

    addresses = addresses_of(user)
    for source in _sources.values():
        if source.erase:
            source.erase(user)
    user.delete()
    # Last: also what an erase above may just have queued for the person.
    forget_messages_to(addresses)
