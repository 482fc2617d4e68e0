"""Factories for the whole domain; registered as fixtures in conftest (pytest-factoryboy)."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cahiers.models import Cahier, Chapter, Section
from core.models import Canvas, CanvasSection, Edition
from core.roles import EDITORS, FACILITATORS
from scenarios.models import Scenario, Tag, TimelineEvent
from workshops import services
from workshops.models import (
    Activity,
    Contribution,
    Format,
    FormatPhase,
    Participant,
    Table,
    Workshop,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "password")

    roles = factory.PostGeneration(lambda user, create, extracted, **kw: _add_roles(user, extracted or []))


def _add_roles(user, names):
    for name in names:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    user.save()


class FacilitatorFactory(UserFactory):
    roles = factory.PostGeneration(lambda user, create, extracted, **kw: _add_roles(user, extracted or [FACILITATORS]))


class EditorFactory(UserFactory):
    roles = factory.PostGeneration(lambda user, create, extracted, **kw: _add_roles(user, extracted or [EDITORS]))


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition
        django_get_or_create = ("slug",)

    title = "Questions Numériques 2012/2013"
    slug = factory.Sequence(lambda n: f"questions-numeriques-{n}")


class CanvasFactory(factory.django.DjangoModelFactory):
    """A small rupture canvas: one plain section, one with company / public-actor axes."""

    class Meta:
        model = Canvas
        skip_postgeneration_save = True

    name = "Scénario de rupture"
    slug = factory.Sequence(lambda n: f"rupture-{n}")

    @factory.post_generation
    def sections(self, create, extracted, **kwargs):
        if not create:
            return
        CanvasSection.objects.create(canvas=self, position=1, slug="signes-avant-coureurs", title="Signes avant-coureurs")
        CanvasSection.objects.create(
            canvas=self,
            position=2,
            slug="opportunites",
            title="Repérer les opportunités",
            axes=["Pour une entreprise", "Pour un acteur public"],
        )


class FormatFactory(factory.django.DjangoModelFactory):
    """Two post-it phases on the same canvas, then a vote."""

    class Meta:
        model = Format
        skip_postgeneration_save = True

    name = "Atelier ruptures"
    slug = factory.Sequence(lambda n: f"ruptures-{n}")

    @factory.post_generation
    def phases(self, create, extracted, **kwargs):
        if not create:
            return
        canvas = kwargs.get("canvas") or CanvasFactory()
        FormatPhase.objects.create(format=self, position=1, name="Développer le scénario", activity=Activity.POSTITS, canvas=canvas, duration_seconds=1800)
        FormatPhase.objects.create(format=self, position=2, name="Comment anticiper", activity=Activity.POSTITS, canvas=canvas, duration_seconds=1200)
        FormatPhase.objects.create(format=self, position=3, name="Vote", activity=Activity.VOTE, duration_seconds=600)


class WorkshopFactory(factory.django.DjangoModelFactory):
    """A workshop built by the real service: phases copied from the format, two tables."""

    class Meta:
        model = Workshop

    edition = factory.SubFactory(EditionFactory)
    format = factory.SubFactory(FormatFactory)
    title = factory.Sequence(lambda n: f"Atelier ruptures {n}")
    place = "Cnam, Paris"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        facilitator = kwargs.pop("facilitator", None)
        table_count = kwargs.pop("table_count", 2)
        join_code = kwargs.pop("join_code", None)
        workshop = services.workshop_create(
            edition=kwargs["edition"],
            format=kwargs["format"],
            title=kwargs["title"],
            place=kwargs.get("place", ""),
            user=facilitator,
            table_count=table_count,
        )
        if join_code:
            Workshop.objects.filter(pk=workshop.pk).update(join_code=join_code)
            workshop.join_code = join_code
        return workshop


class TableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Table

    workshop = factory.SubFactory(WorkshopFactory, table_count=0)
    number = factory.Sequence(lambda n: n + 100)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    workshop = factory.SubFactory(WorkshopFactory)
    display_name = factory.Sequence(lambda n: f"Participant {n}")
    table = factory.LazyAttribute(lambda p: p.workshop.tables.order_by("number").first())


class ContributionFactory(factory.django.DjangoModelFactory):
    """A post-it in the workshop's first phase (opened if need be), first section of its canvas."""

    class Meta:
        model = Contribution

    participant = factory.SubFactory(ParticipantFactory)
    text = factory.Sequence(lambda n: f"Signe avant-coureur {n}")
    axis = ""

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        participant = kwargs["participant"]
        phase = participant.workshop.phases.filter(activity=Activity.POSTITS).order_by("position").first()
        if not phase.is_open:
            phase = services.phase_open(phase=phase)
        section = kwargs.get("section") or phase.canvas.sections.order_by("position").first()
        return services.contribution_post(
            participant=participant, section_id=section.pk, text=kwargs["text"], axis=kwargs.get("axis", "")
        )


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"tag{n}")


class ScenarioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Scenario

    edition = factory.SubFactory(EditionFactory)
    title = factory.Sequence(lambda n: f"Posséder, c'est dépassé {n}")
    slug = factory.Sequence(lambda n: f"posseder-cest-depasse-{n}")
    summary = "L'usage prime sur la propriété."
    narrative = "En 2016, posséder devient ringard : on partage, on loue, on échange."


class TimelineEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimelineEvent

    scenario = factory.SubFactory(ScenarioFactory)
    year = 2016
    text = "Les plateformes de partage dépassent la vente en volume."


class CahierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cahier

    edition = factory.SubFactory(EditionFactory)
    title = "Cahier d'enjeux Questions Numériques"


class ChapterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chapter

    cahier = factory.SubFactory(CahierFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Chapitre {n}")
    kind = Chapter.Kind.FREE


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    chapter = factory.SubFactory(ChapterFactory)
    position = factory.Sequence(lambda n: n + 1)
    heading = factory.Sequence(lambda n: f"Tendances motrices {n}")
