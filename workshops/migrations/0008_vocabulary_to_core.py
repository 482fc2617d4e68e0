"""The foreign keys to editions, canvases and sections now point at core's models (state only).

Same tables, same columns, same constraints: nothing to do in the database.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('workshops', '0007_workshop_allow_self_plus_one'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='formatphase',
                    name='canvas',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.canvas'),
                ),
                migrations.AlterField(
                    model_name='workshop',
                    name='edition',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='workshops', to='core.edition'),
                ),
                migrations.AlterField(
                    model_name='workshopphase',
                    name='canvas',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.canvas'),
                ),
                migrations.AlterField(
                    model_name='contribution',
                    name='section',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='contributions', to='core.canvassection'),
                ),
                migrations.AlterField(
                    model_name='tableoutput',
                    name='section',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.canvassection'),
                ),
            ],
            database_operations=[],
        ),
    ]
