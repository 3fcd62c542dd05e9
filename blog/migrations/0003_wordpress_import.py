"""Moving a WordPress site in (#17): the record of what each WordPress id became,
the admin's imports, table and code blocks in an article's body, and the editors'
permission to start an import."""

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


EDITORS = "Redacteuren"


def editors_may_import(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="blog", model="wordpressimport")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    for action in ("add", "view"):
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_wordpressimport",
            defaults={"name": f"Can {action} WordPress import"},
        )
        editors.permissions.add(permission)


class Migration(migrations.Migration):

    dependencies = [
        ('blog', '0002_categories_and_editor_permissions'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='articlepage',
            name='body',
            field=wagtail.fields.StreamField([('paragraph', 0), ('heading', 3), ('pull_quote', 6), ('image', 13), ('term_note', 16), ('call_to_action', 20), ('video', 23), ('table', 24), ('code', 27)], block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'label': 'Text', 'template': 'portal/blocks/paragraph.html'}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'text', 'max_length': 120}), 2: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Heading 2'), ('h3', 'Heading 3')], 'label': 'level'}), 3: ('wagtail.blocks.StructBlock', [[('text', 1), ('level', 2)]], {}), 4: ('wagtail.blocks.TextBlock', (), {'label': 'quote', 'max_length': 400}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'who said it', 'max_length': 120, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('quote', 4), ('attribution', 5)]], {}), 7: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'image'}), 8: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the image shows, for people who cannot see it.', 'label': 'alternative text', 'max_length': 250}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'max_length': 250, 'required': False}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'maker', 'max_length': 120, 'required': False}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'rights', 'max_length': 120, 'required': False}), 12: ('wagtail.blocks.BooleanBlock', (), {'label': 'offer the original for download', 'required': False}), 13: ('wagtail.blocks.StructBlock', [[('image', 7), ('alt', 8), ('caption', 9), ('maker', 10), ('rights', 11), ('downloadable', 12)]], {}), 14: ('wagtail.blocks.CharBlock', (), {'label': 'term', 'max_length': 80}), 15: ('wagtail.blocks.TextBlock', (), {'label': 'explanation', 'max_length': 1000}), 16: ('wagtail.blocks.StructBlock', [[('term', 14), ('explanation', 15)]], {}), 17: ('wagtail.blocks.CharBlock', (), {'label': 'button text', 'max_length': 60}), 18: ('wagtail.blocks.PageChooserBlock', (), {'label': 'page', 'required': False}), 19: ('wagtail.blocks.URLBlock', (), {'label': 'or a web address', 'required': False}), 20: ('wagtail.blocks.StructBlock', [[('text', 17), ('page', 18), ('url', 19)]], {}), 21: ('wagtail.blocks.URLBlock', (), {'help_text': 'A YouTube or Vimeo address.', 'label': 'video address'}), 22: ('wagtail.blocks.CharBlock', (), {'label': 'title of the video', 'max_length': 150}), 23: ('wagtail.blocks.StructBlock', [[('url', 21), ('title', 22)]], {}), 24: ('wagtail.contrib.table_block.blocks.TableBlock', (), {'label': 'Table', 'template': 'blog/blocks/table.html'}), 25: ('wagtail.blocks.CharBlock', (), {'label': 'language', 'max_length': 40, 'required': False}), 26: ('wagtail.blocks.TextBlock', (), {'label': 'code'}), 27: ('wagtail.blocks.StructBlock', [[('language', 25), ('code', 26)]], {})}, verbose_name='body'),
        ),
        migrations.CreateModel(
            name='WordPressImport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file_name', models.CharField(max_length=255, verbose_name='file name')),
                ('file_path', models.CharField(editable=False, max_length=500)),
                ('created', models.DateTimeField(auto_now_add=True, verbose_name='uploaded')),
                ('status', models.CharField(choices=[('queued', 'Waiting'), ('running', 'Running'), ('done', 'Done'), ('failed', 'Failed')], default='queued', max_length=10, verbose_name='status')),
                ('posts_total', models.PositiveIntegerField(default=0)),
                ('posts_done', models.PositiveIntegerField(default=0)),
                ('report', models.JSONField(blank=True, default=dict)),
                ('error', models.TextField(blank=True)),
                ('uploaded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
            ],
            options={
                'verbose_name': 'WordPress import',
                'verbose_name_plural': 'WordPress imports',
                'ordering': ['-created'],
            },
        ),
        migrations.CreateModel(
            name='WordPressItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('source', models.CharField(max_length=200, verbose_name='WordPress site')),
                ('kind', models.CharField(choices=[('author', 'author'), ('term', 'category or tag'), ('post', 'article'), ('attachment', 'image'), ('comment', 'comment')], max_length=12, verbose_name='kind')),
                ('wp_id', models.CharField(max_length=64, verbose_name='WordPress id')),
                ('object_id', models.PositiveBigIntegerField()),
                ('checksum', models.CharField(max_length=64)),
                ('updated', models.DateTimeField(auto_now=True)),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
            ],
            options={
                'verbose_name': 'imported WordPress item',
                'verbose_name_plural': 'imported WordPress items',
                'constraints': [models.UniqueConstraint(fields=('source', 'kind', 'wp_id'), name='blog_wordpressitem_unique')],
            },
        ),
        migrations.RunPython(editors_may_import, migrations.RunPython.noop),
    ]
