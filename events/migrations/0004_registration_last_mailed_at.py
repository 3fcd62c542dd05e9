from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_event_leerkring"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="last_mailed_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="last e-mailed at"),
        ),
    ]
