"""Coördinatoren run their own leerkringen; Redacteuren may see and manage all of them.

Which leerkringen a coordinator may touch is decided by `LeerkringQuerySet.managed_by`
(they must be listed as its coordinator); these model permissions only let them into
that part of the admin. `manage_all_leerkringen` lifts the restriction for editors.
"""

from django.db import migrations

ROLE_PERMISSIONS = {
    "Coördinatoren": [
        ("leerkring", "change_leerkring"),
        ("membership", "view_membership"),
        ("membership", "change_membership"),
    ],
    "Redacteuren": [
        ("leerkring", "add_leerkring"),
        ("leerkring", "change_leerkring"),
        ("leerkring", "delete_leerkring"),
        ("leerkring", "manage_all_leerkringen"),
        ("membership", "view_membership"),
        ("membership", "change_membership"),
    ],
}


def permission(apps, model, codename):
    """Permissions are normally made after migrating; a data migration makes its own."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="communities", model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return found


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, permissions in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(permission(apps, *spec) for spec in permissions))


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0001_initial"),
        ("portal", "0004_role_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
