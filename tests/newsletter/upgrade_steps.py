"""Fills a database as it was before the newsletter became an app of its own, migrates
it forward and prints what it holds before and after, as JSON.

Run by test_upgrade.py in a process of its own against an empty scratch database
(`python -m tests.newsletter.upgrade_steps`), because it migrates backwards and
forwards, which the shared test database must not see. "Before" is every app at its
last migration, except the leerkringen at communities 0005 and no newsletter app:
exactly the schema of the commit before the move. The data is written with the
models as they were then (the migration state), the check reads it back with the
models of today.
"""

import json
import sys
from datetime import UTC, datetime

import django
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE_THE_MOVE = ("communities", "0005_events_block_starts_empty")
THE_MOVE = ("newsletter", "0001_initial")
# The leerkringen's side of the move: apps whose migrations need it (the centre's)
# stay out of the "before" state too.
THE_MOVE_IN_COMMUNITIES = ("communities", "0006_newsletter_moves_to_its_own_app")
MOMENT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def migrate_to_before():
    executor = MigrationExecutor(connection)
    graph = executor.loader.graph
    targets = [BEFORE_THE_MOVE] + [
        node
        for node in graph.leaf_nodes()
        if node[0] not in {"communities", "newsletter"}
        and not {THE_MOVE, THE_MOVE_IN_COMMUNITIES} & set(graph.forwards_plan(node))
    ]
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def fill(apps):
    """Two themes, a leerkring, three subscribers in every status with topics, the
    newsletter's index page and a sent issue with its revision, log entry, mailing
    and deliveries."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    PageLogEntry = apps.get_model("wagtailcore", "PageLogEntry")
    Theme = apps.get_model("portal", "Theme")
    Leerkring = apps.get_model("communities", "Leerkring")
    Subscriber = apps.get_model("communities", "Subscriber")
    IndexPage = apps.get_model("communities", "NewsletterIndexPage")
    IssuePage = apps.get_model("communities", "NewsletterIssuePage")
    Mailing = apps.get_model("communities", "Mailing")
    Delivery = apps.get_model("communities", "Delivery")

    data = Theme.objects.create(name="Open Data", slug="open-data")
    contact = Theme.objects.create(name="Open Contact", slug="open-contact")
    kring = Leerkring.objects.create(
        name="Waterschappen open", slug="waterschappen-open", short_description="Kort"
    )
    people = [
        ("ans@example.org", "Ans", "confirmed", "footer", [data], [kring]),
        ("bram@example.org", "Bram", "pending", "page", [contact], []),
        ("cor@example.org", "Cor", "unsubscribed", "account", [], [kring]),
    ]
    for email, name, status, source, themes, leerkringen in people:
        subscriber = Subscriber.objects.create(
            email=email,
            name=name,
            status=status,
            consent_given_at=MOMENT,
            consent_source=source,
            consent_version="2026-03",
            confirmed_at=None if status == "pending" else MOMENT,
            unsubscribed_at=MOMENT if status == "unsubscribed" else None,
        )
        subscriber.themes.set(themes)
        subscriber.leerkringen.set(leerkringen)

    def page(model, parent, **fields):
        content_type, _ = ContentType.objects.get_or_create(
            app_label="communities", model=model._meta.model_name
        )
        child = model.objects.create(
            content_type=content_type,
            locale=Locale.objects.get(),
            path=parent.path + f"{parent.numchild + 1:04d}",
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{fields['slug']}/",
            draft_title=fields["title"],
            live=True,
            first_published_at=MOMENT,
            last_published_at=MOMENT,
            **fields,
        )
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
        return child

    home = Page.objects.get(depth=2)
    index = page(IndexPage, home, title="Nieuwsbrief", slug="nieuwsbrief", intro="<p>Nieuws</p>")
    index = Page.objects.get(pk=index.pk)
    body = [{"type": "text", "value": "<p>Hallo allemaal</p>", "id": "b1"}]
    issue = page(IssuePage, index, title="Maart", slug="maart", intro="Het nieuws", body=body)
    issue.themes.set([data])
    issue.leerkringen.set([kring])
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    revision = Revision.objects.create(
        content_type=issue.content_type,
        base_content_type=page_type,
        object_id=str(issue.pk),
        created_at=MOMENT,
        content={"pk": issue.pk, "title": "Maart", "intro": "Het nieuws"},
        object_str="Maart",
    )
    IssuePage.objects.filter(pk=issue.pk).update(live_revision=revision)
    PageLogEntry.objects.create(
        content_type=issue.content_type,
        page=issue,
        action="newsletter.send",
        label="Maart",
        timestamp=MOMENT,
        data={"recipients": 1},
        revision=revision,
    )
    mailing = Mailing.objects.create(
        issue=issue, subject="Maart", html="<p>x</p>", text="x", started_at=MOMENT
    )
    for subscriber in Subscriber.objects.order_by("email"):
        Delivery.objects.create(
            mailing=mailing,
            subscriber=subscriber,
            email=subscriber.email,
            status="sent" if subscriber.status == "confirmed" else "skipped",
            attempts=1,
            sent_at=MOMENT,
        )


def snapshot(apps, app_label):
    """Everything the newsletter holds, by value, with `apps`' models."""

    def plain(value):
        """A stream field's stored blocks, anything else as text."""
        return json.dumps(list(value.raw_data)) if hasattr(value, "raw_data") else str(value)

    def rows(model, *fields):
        Model = apps.get_model(app_label, model)
        return [
            {field: plain(value) for field, value in row.items()}
            for row in Model.objects.order_by("pk").values("pk", *fields)
        ]

    Group = apps.get_model("auth", "Group")
    Revision = apps.get_model("wagtailcore", "Revision")
    PageLogEntry = apps.get_model("wagtailcore", "PageLogEntry")
    editors = Group.objects.get(name="Redacteuren")
    return {
        "subscribers": rows(
            "Subscriber",
            "email",
            "name",
            "status",
            "consent_given_at",
            "consent_source",
            "consent_version",
            "confirmed_at",
            "unsubscribed_at",
            "themes__slug",
            "leerkringen__slug",
        ),
        "index_pages": rows("NewsletterIndexPage", "title", "url_path", "intro", "live"),
        "issues": rows(
            "NewsletterIssuePage",
            "title",
            "url_path",
            "intro",
            "body",
            "themes__slug",
            "leerkringen__slug",
            "live_revision__object_str",
        ),
        "mailings": rows("Mailing", "issue__title", "subject", "html", "text", "started_at"),
        "deliveries": rows(
            "Delivery", "mailing__subject", "subscriber__email", "email", "status", "sent_at"
        ),
        "revisions": list(
            Revision.objects.filter(content_type__model="newsletterissuepage").values_list(
                "object_id", flat=True
            )
        ),
        "history": list(
            PageLogEntry.objects.filter(page__slug="maart").values_list("action", "label")
        ),
        "editor_permissions": sorted(
            f"{label}.{codename}"
            for label, codename in editors.permissions.filter(
                codename__endswith="_subscriber"
            ).values_list("content_type__app_label", "codename")
        ),
    }


def after():
    """What today's code sees: the same snapshot, plus the checks that only today's
    models can make (the specific page and the role group's permissions)."""
    from django.apps import apps
    from django.contrib.auth.models import Group
    from wagtail.models import Page, Revision

    from communities.newsletter.models import NewsletterIssuePage

    issue = Page.objects.get(slug="maart").specific
    editors = Group.objects.get(name="Redacteuren")
    return {
        **snapshot(apps, "newsletter"),
        "issue_is_specific": isinstance(issue, NewsletterIssuePage),
        "revision_is_of_issue": isinstance(
            Revision.objects.get(object_id=str(issue.pk)).content_object, NewsletterIssuePage
        ),
        "editors_may_view_subscribers": editors.permissions.filter(
            content_type__app_label="newsletter", codename="view_subscriber"
        ).exists(),
    }


if __name__ == "__main__":
    django.setup()
    historical = migrate_to_before()
    fill(historical)
    before = snapshot(historical, "communities")
    call_command("migrate", verbosity=0)
    json.dump({"before": before, "after": after()}, sys.stdout)
