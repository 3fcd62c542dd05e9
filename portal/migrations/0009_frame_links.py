"""The main menu and the footer links become editors' settings.

Existing sites get the links that were code until now (portal/frame_defaults.py), so
they look the same after migrating; the editors' role may now change the settings.
"""

import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models

import portal.models
from portal import frame_defaults
from portal.roles import ensure_role_groups


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0008_cache_table"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="FooterLink",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "link_url",
                    models.CharField(
                        blank=True,
                        help_text="Instead of a page: a path on this site, such as /agenda/, or a web address.",
                        max_length=255,
                        validators=[portal.models.validate_link_address],
                        verbose_name="address",
                    ),
                ),
                (
                    "label",
                    models.CharField(
                        blank=True,
                        help_text="Leave empty to show the page's title.",
                        max_length=60,
                        verbose_name="label",
                    ),
                ),
                (
                    "link_page",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="page",
                    ),
                ),
                (
                    "site_settings",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="footer_links",
                        to="portal.sitesettings",
                    ),
                ),
            ],
            options={
                "verbose_name": "footer link",
                "verbose_name_plural": "footer links",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="MainMenuItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "link_url",
                    models.CharField(
                        blank=True,
                        help_text="Instead of a page: a path on this site, such as /agenda/, or a web address.",
                        max_length=255,
                        validators=[portal.models.validate_link_address],
                        verbose_name="address",
                    ),
                ),
                (
                    "label",
                    models.CharField(
                        blank=True,
                        help_text="Leave empty to show the page's title.",
                        max_length=60,
                        verbose_name="label",
                    ),
                ),
                (
                    "link_page",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="page",
                    ),
                ),
                (
                    "site_settings",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="main_menu_items",
                        to="portal.sitesettings",
                    ),
                ),
            ],
            options={
                "verbose_name": "menu item",
                "verbose_name_plural": "menu items",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.RunPython(frame_defaults.fill, migrations.RunPython.noop),
        migrations.RunPython(ensure_role_groups, migrations.RunPython.noop),
    ]
