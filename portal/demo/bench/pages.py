"""Benchmark data and pages of the portal itself: more standard pages and users."""

from django.contrib.auth.hashers import make_password

from portal.models import HomePage, StandardPage, User

from ..pages import STANDARD_PAGES


def fill(scale: int) -> None:
    home = HomePage.objects.get()
    wanted = len(STANDARD_PAGES) * scale
    existing = StandardPage.objects.count()
    template = STANDARD_PAGES[0]
    for number in range(existing, wanted):
        page = StandardPage(
            title=f"Achtergrond {number}",
            slug=f"achtergrond-{number}",
            intro=template["intro"],
            body=template["body"],
            show_in_menus=False,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    password = make_password(None)
    User.objects.bulk_create(
        [
            User(
                email=f"bench-{number}@example.org",
                full_name=f"Deelnemer {number}",
                password=password,
            )
            for number in range(User.objects.count(), 50 * scale)
        ],
        ignore_conflicts=True,
    )


def pages() -> list[tuple[str, str]]:
    return [
        ("home", "/"),
        ("standard page", "/over-ons/"),
        ("search", "/zoeken/?q=overheid"),
        ("log in", "/account/login/"),
        ("sign up", "/account/signup/"),
    ]
