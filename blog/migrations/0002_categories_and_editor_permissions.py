"""The starting categories, the editors' permissions on the blog's models, and the
editors as approvers in Wagtail's default moderation workflow."""

from django.db import migrations

EDITORS = "Redacteuren"

CATEGORIES = [
    ("Actueel", "actueel", 10),
    ("Agenda", "agenda", 20),
    ("Blog", "blog", 30),
    ("Gastblog", "gastblog", 40),
    ("Interview", "interview", 50),
    ("Verslag", "verslag", 60),
]

EDITOR_PERMISSIONS = [
    (model, f"{action}_{model}")
    for model in ("author", "category", "comment")
    for action in ("add", "change", "delete", "view")
]


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def forwards(apps, schema_editor):
    Category = apps.get_model("blog", "Category")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    for name, slug, order in CATEGORIES:
        Category.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    for model, codename in EDITOR_PERMISSIONS:
        editors.permissions.add(_permission(apps, "blog", model, codename))
    # Editors approve what others submit for review in the default workflow.
    for task in GroupApprovalTask.objects.all():
        task.groups.add(editors)


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0001_initial"),
        ("portal", "0004_role_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
