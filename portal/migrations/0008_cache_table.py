"""The table of Django's database cache (`createcachetable`, as a migration so every
release step has it). Production uses it as the shared cache when REDIS_URL is not
set: allauth's rate limits and lock-out, and the site frame's version, are then the
same for every gunicorn worker and app server."""

from django.db import migrations

CACHE_TABLE = "portal_cache"


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0007_outbox_and_scheduled_runs"),
    ]

    operations = [
        migrations.RunSQL(
            sql=[
                f'CREATE TABLE "{CACHE_TABLE}" ('
                '"cache_key" varchar(255) NOT NULL PRIMARY KEY, '
                '"value" text NOT NULL, '
                '"expires" timestamp with time zone NOT NULL)',
                f'CREATE INDEX "{CACHE_TABLE}_expires" ON "{CACHE_TABLE}" ("expires")',
            ],
            reverse_sql=[f'DROP TABLE "{CACHE_TABLE}"'],
        ),
    ]
