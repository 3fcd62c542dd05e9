"""The newsletter takes over its models from the leerkringen' app, data and all.

Until #13 the newsletter's tables belonged to the app `communities`
(communities 0003-0005). This migration does not create tables: it renames them,
their id sequences and the indexes Django knows by name, and moves the content
types, so every subscriber, consent record, issue page (with its revisions and
history), mailing and delivery stays as it was, and the permissions the role groups
hold become `newsletter.*`. On a new database the same steps run right after
communities 0003-0005 created the tables.
"""

import django.db.models.deletion
import django.db.models.functions.text
import django.utils.timezone
import modelcluster.fields
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

# The tables (with their id sequences) that move, by model; many-to-many tables too.
TABLES = [
    "subscriber",
    "subscriber_themes",
    "subscriber_leerkringen",
    "newsletterindexpage",
    "newsletterissuepage",
    "newsletterissuepage_themes",
    "newsletterissuepage_leerkringen",
    "mailing",
    "delivery",
]
WITHOUT_SEQUENCE = {"newsletterindexpage", "newsletterissuepage"}  # keyed on the page
INDEXES = {
    "communities_status_200742_idx": "newsletter__status_98113a_idx",
    "communities_mailing_a62d1a_idx": "newsletter__mailing_e716f1_idx",
    "communities_subscriber_email_ci_unique": "newsletter_subscriber_email_ci_unique",
    "communities_delivery_once_per_address": "newsletter_delivery_once_per_address",
}
MODELS = ["subscriber", "newsletterindexpage", "newsletterissuepage", "mailing", "delivery"]


def _renames(old, new):
    """The SQL that renames the newsletter's tables, sequences and indexes."""
    statements = []
    for table in TABLES:
        statements.append(f"ALTER TABLE {old}_{table} RENAME TO {new}_{table}")
        if table not in WITHOUT_SEQUENCE:
            statements.append(f"ALTER SEQUENCE {old}_{table}_id_seq RENAME TO {new}_{table}_id_seq")
    pairs = INDEXES.items() if old == "communities" else ((b, a) for a, b in INDEXES.items())
    statements += [f"ALTER INDEX {before} RENAME TO {after}" for before, after in pairs]
    return statements


def _move_content_types(old, new):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentType.objects.filter(app_label=old, model__in=MODELS).update(app_label=new)

    return move


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('communities', '0006_newsletter_moves_to_its_own_app'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('portal', '0009_frame_links'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='NewsletterIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', wagtail.fields.RichTextField(blank=True, verbose_name='introduction')),
                    ],
                    options={
                        'verbose_name': 'newsletter page',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='NewsletterIssuePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(max_length=1000, verbose_name='introduction')),
                        ('body', wagtail.fields.StreamField([('text', 0), ('articles', 4), ('events', 9), ('call_to_action', 13)], block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['h2', 'h3', 'bold', 'italic', 'link', 'ol', 'ul'], 'label': 'Text', 'template': 'newsletter/blocks/text.html'}), 1: ('wagtail.blocks.CharBlock', (), {'default': 'Read more', 'label': 'heading', 'max_length': 120}), 2: ('wagtail.blocks.PageChooserBlock', (), {'label': 'article', 'page_type': ['blog.ArticlePage']}), 3: ('wagtail.blocks.ListBlock', (2,), {'label': 'articles', 'max_num': 6, 'min_num': 1}), 4: ('wagtail.blocks.StructBlock', [[('heading', 1), ('articles', 3)]], {}), 5: ('wagtail.blocks.CharBlock', (), {'default': 'In the agenda', 'label': 'heading', 'max_length': 120}), 6: ('events.choosers.EventChooserBlock', (), {'label': 'event'}), 7: ('wagtail.blocks.ListBlock', (6,), {'default': [], 'help_text': 'Leave empty to show the next events from the agenda automatically.', 'label': 'events', 'max_num': 6}), 8: ('wagtail.blocks.IntegerBlock', (), {'default': 3, 'label': 'number of automatic events', 'max_value': 10, 'min_value': 1}), 9: ('wagtail.blocks.StructBlock', [[('heading', 5), ('events', 7), ('number', 8)]], {}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'button text', 'max_length': 60}), 11: ('wagtail.blocks.PageChooserBlock', (), {'label': 'page', 'required': False}), 12: ('wagtail.blocks.URLBlock', (), {'label': 'or a web address', 'required': False}), 13: ('wagtail.blocks.StructBlock', [[('text', 10), ('page', 11), ('url', 12)]], {})}, verbose_name='content')),
                        ('leerkringen', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='+', to='communities.leerkring', verbose_name='leerkringen')),
                        ('themes', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='+', to='portal.theme', verbose_name='themes')),
                    ],
                    options={
                        'verbose_name': 'newsletter issue',
                        'verbose_name_plural': 'newsletter issues',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='Mailing',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('subject', models.CharField(max_length=255)),
                        ('html', models.TextField()),
                        ('text', models.TextField()),
                        ('started_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('finished_at', models.DateTimeField(blank=True, null=True)),
                        ('started_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('issue', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='mailing', to='newsletter.newsletterissuepage')),
                    ],
                    options={
                        'verbose_name': 'mailing',
                    },
                ),
                migrations.CreateModel(
                    name='Subscriber',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email', models.EmailField(max_length=254, verbose_name='e-mail address')),
                        ('name', models.CharField(blank=True, max_length=150, verbose_name='name')),
                        ('status', models.CharField(choices=[('pending', 'Waiting for confirmation'), ('confirmed', 'Subscribed'), ('unsubscribed', 'Unsubscribed')], default='pending', max_length=16, verbose_name='status')),
                        ('consent_given_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='consent given at')),
                        ('consent_source', models.CharField(choices=[('footer', 'Form in the footer'), ('home', 'Form on the home page'), ('page', 'Newsletter page'), ('account', 'Account page')], max_length=16, verbose_name='consent given on')),
                        ('consent_version', models.CharField(max_length=20, verbose_name='version of the consent text')),
                        ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='confirmed at')),
                        ('unsubscribed_at', models.DateTimeField(blank=True, null=True, verbose_name='unsubscribed at')),
                        ('leerkringen', models.ManyToManyField(blank=True, related_name='newsletter_subscribers', to='communities.leerkring', verbose_name='leerkringen')),
                        ('themes', models.ManyToManyField(blank=True, related_name='newsletter_subscribers', to='portal.theme', verbose_name='themes')),
                        ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='newsletter_subscriptions', to=settings.AUTH_USER_MODEL, verbose_name='account')),
                    ],
                    options={
                        'verbose_name': 'newsletter subscriber',
                        'verbose_name_plural': 'newsletter subscribers',
                        'ordering': ['-consent_given_at'],
                    },
                ),
                migrations.CreateModel(
                    name='Delivery',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email', models.EmailField(max_length=254)),
                        ('status', models.CharField(choices=[('queued', 'Not sent yet'), ('claimed', 'In a batch'), ('sending', 'Being sent'), ('sent', 'Sent'), ('failed', 'Failed'), ('skipped', 'Skipped (unsubscribed meanwhile)')], default='queued', max_length=16)),
                        ('error', models.TextField(blank=True)),
                        ('attempts', models.PositiveSmallIntegerField(default=0)),
                        ('claim', models.BigIntegerField(blank=True, null=True)),
                        ('sent_at', models.DateTimeField(blank=True, null=True)),
                        ('mailing', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='newsletter.mailing')),
                        ('subscriber', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='deliveries', to='newsletter.subscriber')),
                    ],
                    options={
                        'verbose_name': 'delivery',
                        'verbose_name_plural': 'deliveries',
                    },
                ),
                migrations.AddIndex(
                    model_name='subscriber',
                    index=models.Index(fields=['status', 'consent_given_at'], name='newsletter__status_98113a_idx'),
                ),
                migrations.AddConstraint(
                    model_name='subscriber',
                    constraint=models.UniqueConstraint(django.db.models.functions.text.Lower('email'), name='newsletter_subscriber_email_ci_unique'),
                ),
                migrations.AddIndex(
                    model_name='delivery',
                    index=models.Index(fields=['mailing', 'status'], name='newsletter__mailing_e716f1_idx'),
                ),
                migrations.AddConstraint(
                    model_name='delivery',
                    constraint=models.UniqueConstraint(models.F('mailing'), django.db.models.functions.text.Lower('email'), name='newsletter_delivery_once_per_address'),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    _renames("communities", "newsletter"),
                    reverse_sql=_renames("newsletter", "communities"),
                ),
            ],
        ),
        migrations.RunPython(
            _move_content_types("communities", "newsletter"),
            _move_content_types("newsletter", "communities"),
        ),
    ]
