"""Scenarios point at core's editions and canvas sections (state only: same tables, same columns)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('scenarios', '0002_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='scenario',
                    name='edition',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='scenarios', to='core.edition'),
                ),
                migrations.AlterField(
                    model_name='sectionentry',
                    name='section',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='entries', to='core.canvassection'),
                ),
            ],
            database_operations=[],
        ),
    ]
