"""The demo edition with something of every kind: post-its, +1s, a merge, outputs, a synthesis,
votes, the promise workshop with a promise ballot, and its cahier drafted by the worker, edited,
restored and published."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from cahiers import comments as cahier_comments
from cahiers import services as cahiers_services
from cahiers.models import Cahier, Revision, Section
from core.models import Canvas, Edition
from demo.seed.load import demo_load
from promises.models import Keyword, Promise, PromiseBallot, PromiseBallotOption
from scenarios.models import Tag
from tests import factories
from tests.cahiers.test_sources import Room
from voting.models import Ballot, BallotOption
from workshops import services as workshop_services
from workshops.models import Format, Participant, TableSynthesis, Workshop


@pytest.fixture
def full_edition(db, django_capture_on_commit_callbacks) -> Edition:
    result = demo_load(password="pw")
    workshop = result.workshop
    room = Room(workshop)
    cdi = "cdi-c-est-fini"
    room.post(cdi, "tendances-motrices", "La flexibilité voulue par les entreprises", plus_ones=2)
    # Two +1s on the duplicate, one on the target by the same person: the merge moves one, removes one.
    duplicate = room.post(cdi, "tendances-motrices", "Flexibilité des entreprises", plus_ones=2)
    target = room.post(cdi, "tendances-motrices", "Plus de CDI <script>alert('x')</script>", plus_ones=1)
    room.post(cdi, "ce-qui-change", "Le salariat recule", axis="")
    table = room.tables[cdi]
    scribe = Participant.objects.create(workshop=workshop, table=table, display_name="Scribe CDI", is_scribe=True)
    workshop_services.contribution_merge(scribe=scribe, target_id=target.pk, source_id=duplicate.pk)
    Room.aggregate(workshop)
    phase = workshop.phases.get(name="Développement du scénario")
    TableSynthesis.objects.create(phase=phase, table=table, text="Le CDI recule, la flexibilité avance.", written_by=scribe)

    promise_workshop = result.promise_workshop
    ballot = Ballot.objects.create(workshop=promise_workshop, title="Mots-clés à garder", method="approval", status="closed")
    keyword = Keyword.objects.filter(workshop=promise_workshop).order_by("pk").first()
    option = BallotOption.objects.create(ballot=ballot, position=1, label=keyword.label)
    PromiseBallot.objects.create(ballot=ballot, workshop=promise_workshop, purpose="keywords", keep=6)
    PromiseBallotOption.objects.create(option=option, keyword=keyword)
    Promise.objects.filter(workshop=promise_workshop, kind="produced").first().keywords.add(keyword)

    edition = workshop.edition
    cahier = cahiers_services.cahier_create(edition=edition, title="Cahier d'enjeux 2012/2013")
    with django_capture_on_commit_callbacks(execute=True):
        cahiers_services.draft_request(cahier=cahier, user=result.editor)
    section = Section.objects.filter(chapter__cahier=cahier, latest_revision__isnull=False).order_by("pk").first()
    draft = section.latest_revision
    edit = cahiers_services.section_save(section=section, text=draft.text + "\n\nUn ajout de l'éditeur.", author=result.editor, based_on=draft)
    cahiers_services.section_restore(section=Section.objects.get(pk=section.pk), revision=draft, author=result.editor)
    cahiers_services.section_save(
        section=Section.objects.get(pk=section.pk), text="Le texte final *publié*.", author=result.editor,
        based_on=Section.objects.get(pk=section.pk).latest_revision,
    )
    cahiers_services.cahier_publish(cahier=Cahier.objects.get(pk=cahier.pk))
    # Readers' comments, one on a paragraph, one hidden by the editor.
    reader = factories.UserFactory(username="lectrice")
    cahier_comments.comment_post(section=Section.objects.get(pk=section.pk), author=reader, text="Un avis <b>franc</b>.", paragraph=0)
    hidden = cahier_comments.comment_post(section=Section.objects.get(pk=section.pk), author=reader, text="Hors sujet.")
    cahier_comments.comment_hide(comment=hidden, by=result.editor)
    assert Revision.objects.filter(section=section).count() == 4 and edit.pk
    edition = Edition.objects.get(pk=edition.pk)
    edition.edited = (section.chapter.key, section.key)  # the section the editor worked on
    return edition


def delete_edition(edition: Edition, *, shared: bool = True, people: bool = False) -> None:
    """The edition gone from this database, as if it had never been here; with `shared`, the
    canvases, formats and tags it used too (none other uses them in these tests); with `people`,
    every account."""
    Cahier.objects.filter(edition=edition).delete()
    Promise.objects.filter(edition=edition).delete()
    Workshop.objects.filter(edition=edition).delete()
    edition.delete()
    if shared:
        Format.objects.all().delete()
        Canvas.objects.all().delete()
        Tag.objects.all().delete()
    if people:
        get_user_model().objects.all().delete()


@pytest.fixture
def small_edition(db):
    """A quick edition: a workshop with a post-it, a scenario, a published cahier of one section."""
    facilitator = factories.FacilitatorFactory(username="alice")
    editor = factories.EditorFactory(username="eve")
    edition = factories.EditionFactory(title="Petite édition", slug="petite-edition")
    workshop = factories.WorkshopFactory(edition=edition, facilitator=facilitator)
    participant = factories.ParticipantFactory(workshop=workshop, display_name="Ada")
    factories.ContributionFactory(participant=participant, text="Un signe <b>faible</b>")
    factories.ScenarioFactory(edition=edition, title="Posséder, c'est dépassé", slug="posseder")
    cahier = cahiers_services.cahier_create(edition=edition, title="Cahier")
    chapter = cahiers_services.chapter_create(cahier=cahier, title="Introduction", kind="introduction")
    section = cahiers_services.section_create(chapter=chapter, heading="Pourquoi")
    cahiers_services.section_save(section=section, text="Le texte.", author=editor, based_on=None)
    cahiers_services.cahier_publish(cahier=cahier)
    return Edition.objects.get(pk=edition.pk)


def every_row_count() -> dict[str, int]:
    """How many rows of every exported model, and accounts, there are: an import refused changes none."""
    from cahiers.exchange.schema import KINDS

    counts = {kind.name: kind.model._base_manager.count() for kind in KINDS}
    counts["users"] = get_user_model().objects.count()
    return counts
