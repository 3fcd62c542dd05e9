"""The newsletter's models move to the app `newsletter` (communities/newsletter/).

Here the leerkringen' app only forgets them; the tables stay where they are until
newsletter's 0001_initial renames them, so no row is copied or lost.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0005_events_block_starts_empty"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveIndex(
                    model_name="delivery",
                    name="communities_mailing_a62d1a_idx",
                ),
                migrations.RemoveConstraint(
                    model_name="delivery",
                    name="communities_delivery_once_per_address",
                ),
                migrations.RemoveField(
                    model_name="mailing",
                    name="issue",
                ),
                migrations.RemoveField(
                    model_name="mailing",
                    name="started_by",
                ),
                migrations.RemoveField(
                    model_name="newsletterindexpage",
                    name="page_ptr",
                ),
                migrations.RemoveField(
                    model_name="newsletterissuepage",
                    name="leerkringen",
                ),
                migrations.RemoveField(
                    model_name="newsletterissuepage",
                    name="page_ptr",
                ),
                migrations.RemoveField(
                    model_name="newsletterissuepage",
                    name="themes",
                ),
                migrations.RemoveIndex(
                    model_name="subscriber",
                    name="communities_status_200742_idx",
                ),
                migrations.RemoveConstraint(
                    model_name="subscriber",
                    name="communities_subscriber_email_ci_unique",
                ),
                migrations.RemoveField(
                    model_name="delivery",
                    name="mailing",
                ),
                migrations.RemoveField(
                    model_name="delivery",
                    name="subscriber",
                ),
                migrations.DeleteModel(
                    name="NewsletterIndexPage",
                ),
                migrations.DeleteModel(
                    name="NewsletterIssuePage",
                ),
                migrations.RemoveField(
                    model_name="subscriber",
                    name="leerkringen",
                ),
                migrations.RemoveField(
                    model_name="subscriber",
                    name="themes",
                ),
                migrations.RemoveField(
                    model_name="subscriber",
                    name="user",
                ),
                migrations.DeleteModel(
                    name="Mailing",
                ),
                migrations.DeleteModel(
                    name="Delivery",
                ),
                migrations.DeleteModel(
                    name="Subscriber",
                ),
            ],
            database_operations=[],
        ),
    ]
