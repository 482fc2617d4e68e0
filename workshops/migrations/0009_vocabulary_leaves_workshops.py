"""Editions, canvases and sections leave the workshops state; their tables stay, now core's.

Their content types follow them (workshops.edition becomes core.edition…), so the permissions
attached to them, and the groups and users holding those permissions, keep working.
"""

from django.db import migrations

MOVED = ("edition", "canvas", "canvassection")


def _relabel(apps, *, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model in MOVED:
        moving = ContentType.objects.filter(app_label=source, model=model)
        if not moving.exists():
            continue
        # A content type already under the target label was made, with fresh permissions nobody
        # holds yet, by a `migrate core` that stopped before this migration: the old one, whose
        # permissions groups and users hold, wins.
        fresh = ContentType.objects.filter(app_label=target, model=model)
        Permission.objects.filter(content_type__in=fresh).delete()
        fresh.delete()
        moving.update(app_label=target)


def content_types_to_core(apps, schema_editor):
    _relabel(apps, source="workshops", target="core")


def content_types_to_workshops(apps, schema_editor):
    _relabel(apps, source="core", target="workshops")


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('scenarios', '0003_vocabulary_to_core'),
        ('workshops', '0008_vocabulary_to_core'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='CanvasSection'),
                migrations.DeleteModel(name='Canvas'),
                migrations.DeleteModel(name='Edition'),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_to_core, content_types_to_workshops),
    ]
