"""Visitors' reports of comments and initiatives (portal/flags.py), the number of
reports that hides an item (a site setting), and the editors' right to decide on them."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

from portal.roles import EDITORS, _permission


def let_editors_decide(apps, schema_editor):
    editors, _ = apps.get_model("auth", "Group").objects.get_or_create(name=EDITORS)
    editors.permissions.add(_permission(apps, "portal", "report", "change_report"))


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("portal", "0010_team_and_publications_pages"),
    ]

    operations = [
        migrations.AddField(
            model_name="sitesettings",
            name="reports_to_hide",
            field=models.PositiveSmallIntegerField(
                default=3,
                help_text="A comment or initiative is hidden once this many different visitors have reported it, until an editor decides.",
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(100),
                ],
                verbose_name="reports before hiding",
            ),
        ),
        migrations.CreateModel(
            name="Report",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("object_id", models.PositiveBigIntegerField()),
                (
                    "reason",
                    models.CharField(
                        choices=[
                            ("incorrect", "Incorrect"),
                            ("inappropriate", "Inappropriate"),
                            ("privacy", "Privacy"),
                        ],
                        max_length=16,
                        verbose_name="reason",
                    ),
                ),
                ("note", models.TextField(blank=True, max_length=500, verbose_name="note")),
                ("reporter_key", models.CharField(editable=False, max_length=64)),
                (
                    "created",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="reported"
                    ),
                ),
                ("decided_at", models.DateTimeField(blank=True, null=True, verbose_name="decided")),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="contenttypes.contenttype",
                    ),
                ),
            ],
            options={
                "verbose_name": "visitor report",
                "verbose_name_plural": "visitor reports",
                "ordering": ["-created"],
                "indexes": [
                    models.Index(
                        condition=models.Q(("decided_at__isnull", True)),
                        fields=["content_type", "object_id"],
                        name="portal_report_open",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("content_type", "object_id", "reporter_key"),
                        name="portal_report_once_per_reporter",
                    )
                ],
            },
        ),
        migrations.RunPython(let_editors_decide, migrations.RunPython.noop),
    ]
