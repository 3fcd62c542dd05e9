"""Organisatoren manage their own events and registrations; Redacteuren see all events.

Which events an organiser may touch is decided in events.permissions; these model
permissions only let them into that part of the admin.
"""

from django.db import migrations

EVENT_PERMISSIONS = [
    ("event", "add_event"),
    ("event", "change_event"),
    ("event", "delete_event"),
    ("event", "view_event"),
    ("registration", "view_registration"),
    ("registration", "change_registration"),
]
ROLES = ["Organisatoren", "Redacteuren"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    permissions = []
    for model, codename in EVENT_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label="events", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )
        permissions.append(permission)
    for name in ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("portal", "0004_role_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
