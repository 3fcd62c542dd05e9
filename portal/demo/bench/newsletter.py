"""Benchmark data and pages of the newsletter (see `manage.py bench`): ten times the
demo's sent issues in the archive, and the newsletter page and an issue's web version.
Sending itself is measured in `sending.py` (`manage.py bench_newsletter`)."""

from datetime import timedelta

from django.utils import timezone

from communities.newsletter.models import Mailing, NewsletterIndexPage, NewsletterIssuePage

from ..newsletter import ISSUES


def copy_of_demo_issue(title: str, slug: str) -> NewsletterIssuePage:
    """A published copy of the demo's last issue, under the newsletter page."""
    index = NewsletterIndexPage.objects.get()
    template = NewsletterIssuePage.objects.child_of(index).get(slug=ISSUES[-1]["slug"])
    issue = NewsletterIssuePage(
        title=title, slug=slug, intro=template.intro, body=template.body.raw_data
    )
    index.add_child(instance=issue)
    issue.save_revision().publish()
    return issue


def fill(scale: int) -> None:
    sent = Mailing.objects.get(issue__slug=ISSUES[-1]["slug"])
    for number in range(NewsletterIssuePage.objects.count(), len(ISSUES) * scale):
        issue = copy_of_demo_issue(f"Archief-nieuwsbrief {number}", f"archief-{number}")
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
