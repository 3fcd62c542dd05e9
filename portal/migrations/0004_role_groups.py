"""Create the groups Redacteuren, Organisatoren and Coördinatoren (see portal/roles.py)."""

from django.db import migrations

from portal.roles import COORDINATORS, EDITORS, ORGANISERS, ensure_role_groups


def remove_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[EDITORS, ORGANISERS, COORDINATORS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_home_page"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(ensure_role_groups, remove_role_groups)]
