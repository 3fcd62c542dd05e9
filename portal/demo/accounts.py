"""Demo accounts: one for every role, all with the password that `make run` prints.

`demo_user` is also how other parts of the demo add their people.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from portal.models import User
from portal.roles import COORDINATORS, EDITORS, ORGANISERS
from portal.taxonomy import Sector

DEMO_PASSWORD = "Demo-wachtwoord-2026"  # noqa: S105 - development only, printed by make run

DEMO_ACCOUNTS = [
    # (e-mail, name, role group or None, superuser, organisation, job title, sector)
    (
        "beheerder@example.org",
        "Bea Beheerder",
        None,
        True,
        "Expertisepunt Open Overheid",
        "Functioneel beheerder",
        Sector.RIJK,
    ),
    (
        "redacteur@example.org",
        "Ruben de Redacteur",
        EDITORS,
        False,
        "Expertisepunt Open Overheid",
        "Redacteur",
        Sector.RIJK,
    ),
    (
        "organisator@example.org",
        "Olga Organisator",
        ORGANISERS,
        False,
        "Expertisepunt Open Overheid",
        "Evenementenorganisator",
        Sector.RIJK,
    ),
    (
        "coordinator@example.org",
        "Kees Coördinator",
        COORDINATORS,
        False,
        "Gemeente Deventer",
        "Adviseur informatiebeheer",
        Sector.GEMEENTE,
    ),
    (
        "professional@example.org",
        "Priya Professional",
        None,
        False,
        "Waterschap Rivierenland",
        "Beleidsadviseur",
        Sector.WATERSCHAP,
    ),
]


def demo_user(email, **fields):
    """The user with this address, made with the demo password and a verified
    e-mail address (allauth demands one) if missing; an existing user is left as is."""
    user, created = User.objects.get_or_create(email=email, defaults=fields)
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def load_accounts():
    """The demo accounts, each in its role group; returns them as (e-mail, role)."""
    accounts = []
    for email, name, group, superuser, organisation, job_title, sector in DEMO_ACCOUNTS:
        user = demo_user(
            email,
            full_name=name,
            organisation=organisation,
            job_title=job_title,
            sector=sector,
            is_superuser=superuser,
            is_staff=superuser,
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        accounts.append((email, group or ("beheerder" if superuser else "professional")))
    return accounts
