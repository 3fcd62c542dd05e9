"""Replace Wagtail's welcome page by the portal's home page, the root of the site."""

from django.db import migrations


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("portal", "HomePage")

    welcome_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Page.objects.filter(content_type=welcome_type, depth=2, path="00010001").delete()

    home_type, _ = ContentType.objects.get_or_create(app_label="portal", model="homepage")
    home = HomePage.objects.create(
        title="Open Overheid",
        draft_title="Open Overheid",
        slug="home",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=Locale.objects.order_by("pk").first(),
        live=True,
        intro="Samen werken aan een open overheid.",
        body="[]",
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home,
                  "site_name": "Open Overheid"},
    )


def remove_home_page(apps, schema_editor):
    apps.get_model("portal", "HomePage").objects.filter(depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_pages_and_themes"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_home_page, remove_home_page)]
