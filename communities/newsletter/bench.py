"""Benchmark data and pages of the newsletter (see `manage.py bench`): ten times the
demo's sent issues in the archive, and the newsletter page and an issue's web version.
Sending itself is measured by `manage.py bench_newsletter`."""

from datetime import timedelta

from django.utils import timezone

from .demo import ISSUES
from .models import Mailing, NewsletterIndexPage, NewsletterIssuePage


def fill(scale: int) -> None:
    index = NewsletterIndexPage.objects.get()
    template = NewsletterIssuePage.objects.child_of(index).get(slug=ISSUES[-1]["slug"])
    sent = template.mailing
    for number in range(NewsletterIssuePage.objects.count(), len(ISSUES) * scale):
        issue = NewsletterIssuePage(
            title=f"Archief-nieuwsbrief {number}",
            slug=f"archief-{number}",
            intro=template.intro,
            body=template.body.raw_data,
        )
        index.add_child(instance=issue)
        issue.save_revision().publish()
        moment = timezone.now() - timedelta(days=30 * number)
        Mailing.objects.create(
            issue=issue,
            subject=issue.title,
            html=sent.html,
            text=sent.text,
            started_at=moment,
            finished_at=moment,
        )


def pages() -> list[tuple[str, str]]:
    return [
        ("newsletter", "/nieuwsbrief/"),
        ("newsletter issue", f"/nieuwsbrief/{ISSUES[-1]['slug']}/"),
    ]
