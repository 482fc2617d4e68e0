"""Editions, canvases and sections moved from workshops to core without losing a row, a link or a permission.

The test takes the database back to before the move, writes there with the models of the time,
then migrates forward as a deployed site would.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_THE_MOVE = [("core", None)]


def migrate(targets):
    executor = MigrationExecutor(connection)
    state = executor.migrate(targets)
    return state.apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def old_apps():
    """The models as they were in workshops; the database is brought back to the latest state whatever happens."""
    try:
        yield migrate(BEFORE_THE_MOVE)
    finally:
        migrate(latest())


def test_the_move_keeps_every_row_and_every_link(old_apps):
    Edition = old_apps.get_model("workshops", "Edition")
    Canvas = old_apps.get_model("workshops", "Canvas")
    CanvasSection = old_apps.get_model("workshops", "CanvasSection")
    Scenario = old_apps.get_model("scenarios", "Scenario")
    SectionEntry = old_apps.get_model("scenarios", "SectionEntry")
    edition = Edition.objects.create(title="Questions Numériques 2012/2013", slug="qn-2012")
    canvas = Canvas.objects.create(name="Scénario de rupture", slug="rupture")
    section = CanvasSection.objects.create(canvas=canvas, position=1, slug="signaux", title="Signaux à surveiller")
    scenario = Scenario.objects.create(edition=edition, title="La fin du CDI", slug="fin-du-cdi")
    SectionEntry.objects.create(scenario=scenario, section=section, text="Le portage salarial progresse")

    new_apps = migrate(latest())

    Edition = new_apps.get_model("core", "Edition")
    SectionEntry = new_apps.get_model("scenarios", "SectionEntry")
    assert list(Edition.objects.values_list("pk", "slug")) == [(edition.pk, "qn-2012")]
    entry = SectionEntry.objects.select_related("section__canvas", "scenario__edition").get()
    assert (entry.section.pk, entry.section.canvas.slug) == (section.pk, "rupture")
    assert entry.scenario.edition.pk == edition.pk


def test_the_permissions_held_on_the_moved_models_follow_them(old_apps, django_user_model):
    ContentType = old_apps.get_model("contenttypes", "ContentType")
    Permission = old_apps.get_model("auth", "Permission")
    Group = old_apps.get_model("auth", "Group")
    # Going back relabelled the content types to workshops, as they were before the move.
    edition_type = ContentType.objects.get(app_label="workshops", model="edition")
    # (core's own later models, the API tokens, keep a content type of theirs: stale rows migrations leave.)
    assert not ContentType.objects.filter(app_label="core", model__in=["edition", "canvas", "canvassection"]).exists()
    change = Permission.objects.get(content_type=edition_type, codename="change_edition")
    group = Group.objects.create(name="librarians")
    group.permissions.add(change)

    migrate(latest())

    from django.contrib.auth.models import Group as CurrentGroup
    from django.contrib.contenttypes.models import ContentType as CurrentContentType

    from core.models import Edition

    CurrentContentType.objects.clear_cache()
    assert CurrentContentType.objects.get_for_model(Edition).pk == edition_type.pk
    assert not CurrentContentType.objects.filter(app_label="workshops", model="edition").exists()
    user = django_user_model.objects.create_user("lea", password="x")
    user.groups.add(CurrentGroup.objects.get(name="librarians"))
    assert user.has_perm("core.change_edition")
