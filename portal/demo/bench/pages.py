"""Benchmark data and pages of the portal itself: more standard pages, publications
and users."""

from django.contrib.auth.hashers import make_password

from portal.models import HomePage, Publication, PublicationsPage, StandardPage, User

from ..pages import STANDARD_PAGES
from ..publications import PUBLICATIONS


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
    _fill_publications(scale)
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


def _fill_publications(scale):
    """More publications of the demo's kinds, years and themes, sharing its documents."""
    page = PublicationsPage.objects.get()
    demo = list(page.publications.order_by("pk"))
    wanted = len(PUBLICATIONS) * scale
    Publication.objects.bulk_create(
        Publication(
            page=page,
            title=f"Publicatie {number}",
            summary=template.summary,
            document_id=template.document_id,
            kind=template.kind,
            published=template.published,
            theme_id=template.theme_id,
            sort_order=number,
        )
        for number in range(page.publications.count(), wanted)
        for template in [demo[number % len(demo)]]
    )


def pages() -> list[tuple[str, str]]:
    return [
        ("home", "/"),
        ("standard page", "/privacyverklaring/"),
        ("team page", "/over-ons/"),
        ("publications", "/publicaties/"),
        ("publications, filtered", "/publicaties/?thema=open-verantwoording&soort=rapport"),
        ("search", "/zoeken/?q=overheid"),
        ("log in", "/account/login/"),
        ("sign up", "/account/signup/"),
    ]
