"""Create the group Kennismakelaars and give it and the Redacteuren their permissions
on the conversation log and the targets (see portal/roles.py); and take over the
agenda's yearly targets for events and participants, which the home page's key
figures were measured against until now."""

from django.db import migrations

from portal.roles import KNOWLEDGE_BROKERS, ensure_role_groups


def remove_knowledge_brokers(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=KNOWLEDGE_BROKERS).delete()


def copy_event_targets(apps, schema_editor):
    YearTarget = apps.get_model("events", "YearTarget")
    Target = apps.get_model("centre", "Target")
    for old in YearTarget.objects.filter(year__gte=2000, year__lte=2100):
        for measure, value in (
            ("events", old.events_target),
            ("participants", old.participants_target),
        ):
            Target.objects.get_or_create(
                year=old.year, measure=measure, defaults={"value": min(value, 1_000_000)}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("centre", "0001_conversations_and_targets"),
        ("events", "0004_registration_last_mailed_at"),
        ("portal", "0004_role_groups"),
    ]

    operations = [
        migrations.RunPython(ensure_role_groups, remove_knowledge_brokers),
        migrations.RunPython(copy_event_targets, migrations.RunPython.noop),
    ]
