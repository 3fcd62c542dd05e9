"""Remove Wagtail's stock groups "Moderators" and "Editors".

The portal's roles are Redacteuren, Organisatoren and Coördinatoren (portal/roles.py);
two more groups with overlapping names only confuse whoever assigns roles. A stock group
that somebody already put people in is left alone.
"""

from django.db import migrations

STOCK_GROUPS = ["Moderators", "Editors"]


def remove_stock_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=STOCK_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    # After every Wagtail migration that gives these groups permissions.
    dependencies = [
        ("portal", "0005_ratelimitcounter"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailembeds", "0009_embed_cache_until"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
    ]

    operations = [migrations.RunPython(remove_stock_groups, migrations.RunPython.noop)]
