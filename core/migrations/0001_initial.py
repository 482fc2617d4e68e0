"""Editions, canvases and their sections move here from workshops, in the migration state only.

Their tables stay where workshops created them (`db_table`), so no row moves. This migration
depends on the last workshops migration before the move: the tables exist, with every column the
state below describes, whenever core is migrated.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('workshops', '0007_workshop_allow_self_plus_one'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Canvas',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('slug', models.SlugField(unique=True, verbose_name='slug')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('owner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='owner')),
                        ('co_owners', models.ManyToManyField(blank=True, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='co-owners')),
                    ],
                    options={
                        'verbose_name': 'canvas',
                        'verbose_name_plural': 'canvases',
                        'db_table': 'workshops_canvas',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='Edition',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('slug', models.SlugField(unique=True, verbose_name='slug')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                    ],
                    options={
                        'verbose_name': 'edition',
                        'verbose_name_plural': 'editions',
                        'db_table': 'workshops_edition',
                        'ordering': ['title'],
                    },
                ),
                migrations.CreateModel(
                    name='CanvasSection',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveIntegerField(verbose_name='position')),
                        ('slug', models.SlugField(verbose_name='slug')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('prompt', models.TextField(blank=True, verbose_name='prompt')),
                        ('axes', models.JSONField(blank=True, default=list, verbose_name='axes')),
                        ('canvas', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='sections', to='core.canvas')),
                    ],
                    options={
                        'verbose_name': 'canvas section',
                        'verbose_name_plural': 'canvas sections',
                        'db_table': 'workshops_canvassection',
                        'ordering': ['canvas', 'position'],
                        'constraints': [
                            models.UniqueConstraint(fields=('canvas', 'slug'), name='unique_section_slug_per_canvas'),
                            models.UniqueConstraint(fields=('canvas', 'position'), name='unique_section_position_per_canvas'),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
