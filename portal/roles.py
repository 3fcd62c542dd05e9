"""The roles of the network and what each may do in the admin.

Redacteuren (editors) write and publish pages and manage images and documents;
Organisatoren (organisers) and Coördinatoren (coordinators) get into the admin and
receive the permissions of their own apps' models from those apps' migrations.
Kennismakelaars (knowledge brokers) keep the centre's conversation log; they and the
editors set the year's targets and read the quarterly figures.
Groups are created by a data migration that calls `ensure_role_groups`.
"""

EDITORS = "Redacteuren"
ORGANISERS = "Organisatoren"
COORDINATORS = "Coördinatoren"
KNOWLEDGE_BROKERS = "Kennismakelaars"
ROLES = (EDITORS, ORGANISERS, COORDINATORS, KNOWLEDGE_BROKERS)

ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin")

# The quarterly figures and the year's targets they are measured against.
TARGET_PERMISSIONS = [
    ("centre", "target", "view_target"),
    ("centre", "target", "add_target"),
    ("centre", "target", "change_target"),
    ("centre", "target", "delete_target"),
]
# (app_label, model, codename) per role, on top of admin access.
MODEL_PERMISSIONS = {
    EDITORS: [
        ("portal", "theme", "add_theme"),
        ("portal", "theme", "change_theme"),
        ("portal", "theme", "delete_theme"),
        # The main menu and the footer links are content too.
        ("portal", "sitesettings", "change_sitesettings"),
        # The queue of visitors' reports of comments and initiatives (portal/flags.py).
        ("portal", "report", "change_report"),
        *TARGET_PERMISSIONS,
    ],
    ORGANISERS: [],
    COORDINATORS: [],
    KNOWLEDGE_BROKERS: [
        ("centre", "conversation", "view_conversation"),
        ("centre", "conversation", "add_conversation"),
        ("centre", "conversation", "change_conversation"),
        ("centre", "conversation", "delete_conversation"),
        # To find the initiatives a conversation concerned, and link to it from there.
        ("initiatives", "initiative", "view_initiative"),
        *TARGET_PERMISSIONS,
    ],
}
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("wagtailimages", "image", ["add_image", "change_image", "choose_image", "delete_image"]),
        (
            "wagtaildocs",
            "document",
            ["add_document", "change_document", "choose_document", "delete_document"],
        ),
    ],
    ORGANISERS: [("wagtailimages", "image", ["add_image", "choose_image"])],
    COORDINATORS: [("wagtailimages", "image", ["add_image", "choose_image"])],
}


def _permission(apps, app_label, model, codename):
    """Permissions are normally made after migrating; a data migration makes its own."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def ensure_role_groups(apps, schema_editor=None):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    for name in ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(_permission(apps, *ADMIN_ACCESS))
        for app_label, model, codename in MODEL_PERMISSIONS.get(name, []):
            group.permissions.add(_permission(apps, app_label, model, codename))
        for codename in PAGE_PERMISSIONS.get(name, []):
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=_permission(apps, "wagtailcore", "page", codename),
            )
        for app_label, model, codenames in COLLECTION_PERMISSIONS.get(name, []):
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, app_label, model, codename),
                )
