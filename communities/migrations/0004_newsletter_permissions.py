"""Redacteuren may see, change and delete newsletter subscribers (for instance when
someone asks to be removed). Nobody gets add_subscriber: subscribers only come from
the public forms, with consent. Sending an issue follows the page permissions."""

from django.db import migrations

EDITOR_PERMISSIONS = ["view_subscriber", "change_subscriber", "delete_subscriber"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="communities", model="subscriber")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )[0]
        for codename in EDITOR_PERMISSIONS
    ]
    group, _ = Group.objects.get_or_create(name="Redacteuren")
    group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name="Redacteuren").first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="communities",
                content_type__model="subscriber",
                codename__in=EDITOR_PERMISSIONS,
            )
        )


class Migration(migrations.Migration):
    dependencies = [("communities", "0003_newsletter")]

    operations = [migrations.RunPython(grant, revoke)]
