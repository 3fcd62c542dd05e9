"""Load the municipalities from initiatives/data/gemeenten.csv and give the editors
(Redacteuren) the permissions to moderate, edit, import and export initiatives."""

from django.db import migrations

from initiatives.geo import load_gazetteer

EDITORS = "Redacteuren"
EDITOR_PERMISSIONS = ["add_initiative", "change_initiative", "delete_initiative", "view_initiative"]


def load_municipalities(apps, schema_editor):
    load_gazetteer(apps.get_model("initiatives", "Municipality"))


def give_editors_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="initiatives", model="initiative")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    for codename in EDITOR_PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0001_initial"),
        ("portal", "0004_role_groups"),
    ]

    operations = [
        migrations.RunPython(load_municipalities, migrations.RunPython.noop),
        migrations.RunPython(give_editors_permissions, migrations.RunPython.noop),
    ]
