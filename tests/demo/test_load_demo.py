"""manage.py load_demo builds the Questions Numériques 2012/2013 demo from the seed data, and a second run changes nothing."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from core.models import Canvas, CanvasSection, Edition
from core.roles import EDITORS, FACILITATORS
from demo.seed import questions_numeriques as seed
from demo.seed.load import ruptures_demo_workshops
from scenarios.models import Scenario, SectionEntry, Tag, TimelineEvent
from workshops.models import Format, FormatPhase, Table, Workshop, WorkshopPhase

pytestmark = pytest.mark.django_db

RUPTURE_SECTIONS = [
    "tendances-motrices",
    "signes-avant-coureurs",
    "raisons-de-douter",
    "signaux-a-surveiller",
    "qui-annonce",
    "qui-est-concerne",
    "ce-qui-change",
    "souhaitable",
    "rendre-credible",
    "opportunites",
    "menaces",
    "conditions-de-reussite",
]
ANTICIPATION_SECTIONS = {"opportunites", "menaces", "conditions-de-reussite"}
DEVELOPED_TITLES = {
    "Posséder, c'est dépassé",
    "Éducation, de l'implosion à la reconstruction",
    "CDI c'est fini !",
    "Grosse fatigue numérique",
    "Vers l'industrie de proximité",
    "Sélections territoriales",
    "Rendez-moi mes données !",
}


def load_demo(*args) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db):
    return load_demo()


def edition():
    return Edition.objects.get(slug="questions-numeriques-2012-2013")


def test_creates_the_19_scenarios_of_the_edition(demo):
    scenarios = Scenario.objects.filter(edition=edition())
    assert scenarios.count() == 19
    developed = scenarios.filter(status=Scenario.Status.DEVELOPED)
    assert set(developed.values_list("title", flat=True)) == DEVELOPED_TITLES
    assert scenarios.filter(status=Scenario.Status.PROPOSED).count() == 12


def test_the_rupture_canvas_has_every_section_in_order(demo):
    canvas = Canvas.objects.get(slug="scenario-de-rupture")
    sections = list(canvas.sections.order_by("position"))
    assert [s.slug for s in sections] == RUPTURE_SECTIONS
    assert [s.position for s in sections] == list(range(1, 13))
    assert all(s.prompt for s in sections)
    by_slug = {s.slug: s for s in sections}
    assert by_slug["souhaitable"].axes == ["Oui", "Non"]
    for slug in ANTICIPATION_SECTIONS:
        assert by_slug[slug].axes == ["Pour une entreprise", "Pour un acteur public"]


def test_the_promise_canvas_has_domains_and_decision_makers_as_axes(demo):
    sections = {s.slug: s for s in CanvasSection.objects.filter(canvas__slug="atelier-promesse")}
    assert sections["ce-qui-va-changer"].axes == ["Technologique", "Sociétal", "Économique", "Environnemental"]
    assert len(sections["obstacles"].axes) == 3
    assert {"ce-qui-a-marche", "personas", "mots-cles", "la-promesse", "engagements"} <= set(sections)


def test_formats_are_ordered_phases_on_the_canvases(demo):
    rupture = Format.objects.get(slug="atelier-scenarios-de-rupture")
    phases = list(rupture.phases.order_by("position"))
    assert [p.activity for p in phases] == ["discover", "vote", "postits", "postits", "synthesis", "restitution"]
    assert all(p.canvas.slug == "scenario-de-rupture" for p in phases if p.activity == "postits")
    assert all(p.duration_seconds > 0 for p in phases)
    promise = Format.objects.get(slug="atelier-promesse")
    assert {p.canvas.slug for p in promise.phases.filter(activity="postits")} == {"atelier-promesse"}


def test_each_developed_scenario_has_a_timeline_and_fills_every_section(demo):
    developed = Scenario.objects.filter(edition=edition(), status=Scenario.Status.DEVELOPED)
    for scenario in developed:
        assert scenario.summary and len(scenario.narrative) > 1000, scenario.title
        years = list(scenario.timeline.values_list("year", flat=True))
        assert years, scenario.title
        # The cahier's timelines open in 2011-2013 and run to 2020 at the latest.
        assert all(2011 <= year <= 2020 for year in years), (scenario.title, years)
        assert scenario.tags.exists()
        for slug in RUPTURE_SECTIONS:
            entries = SectionEntry.objects.filter(scenario=scenario, section__slug=slug)
            assert entries.exists(), (scenario.title, slug)
            axes = set(entries.values_list("axis", flat=True))
            if slug == "souhaitable":
                assert axes == {"Oui", "Non"}, scenario.title
            elif slug in ANTICIPATION_SECTIONS:
                assert axes == {"Pour une entreprise", "Pour un acteur public"}, (scenario.title, slug)
            else:
                assert axes == {""}


def test_a_developed_scenario_carries_the_cahiers_facts(demo):
    scenario = Scenario.objects.get(slug="posseder-c-est-depasse")
    assert scenario.timeline.get(year=2016).text.startswith("Renault lance la Renault Share")
    assert scenario.entries.filter(section__slug="souhaitable", axis="Non").count() == 3
    assert scenario.entries.filter(
        section__slug="opportunites", axis="Pour une entreprise", text__startswith="Ouvrir ses espaces de travail"
    ).exists()


def test_the_12_other_scenarios_have_narratives_and_no_canvas_content(demo):
    others = Scenario.objects.filter(edition=edition(), status=Scenario.Status.PROPOSED)
    assert {s.slug for s in others} == {data["slug"] for data in seed.OTHER_SCENARIOS}
    for scenario in others:
        assert len(scenario.narrative) > 300, scenario.title
        assert scenario.timeline.exists(), scenario.title
        assert not scenario.entries.exists()


def test_the_demo_workshop_is_live_with_one_table_per_developed_scenario(demo):
    workshop = ruptures_demo_workshops().get()
    assert workshop.title == "Questions Numériques — atelier des ruptures"
    assert workshop.place == "Salle des textiles du Cnam, Paris"
    assert workshop.date.isoformat() == "2011-10-19"
    assert workshop.status == Workshop.Status.LIVE
    assert workshop.facilitators.filter(username="facilitatrice").exists()
    tables = list(workshop.tables.order_by("number").select_related("scenario"))
    assert len(tables) == 7
    assert {t.scenario.title for t in tables} == DEVELOPED_TITLES
    assert all(t.name == t.scenario.title for t in tables)
    open_phase = workshop.phases.get(status=WorkshopPhase.Status.OPEN)
    assert open_phase.name == "Développement du scénario"
    assert open_phase.activity == "postits"


def test_demo_users_have_their_roles_and_password(db):
    load_demo("--password", "s3cret-demo")
    User = get_user_model()
    facilitator = User.objects.get(username="facilitatrice")
    editor = User.objects.get(username="editeur")
    assert facilitator.groups.filter(name=FACILITATORS).exists()
    assert editor.groups.filter(name=EDITORS).exists()
    assert facilitator.check_password("s3cret-demo") and editor.check_password("s3cret-demo")


def test_the_output_gives_logins_password_code_and_url(demo):
    assert "facilitatrice" in demo and "editeur" in demo
    assert "agora-demo" in demo
    code = ruptures_demo_workshops().get().join_code
    assert f"Join code:   {code}" in demo
    assert f"http://127.0.0.1:8000/w/join/?code={code}" in demo


def _snapshot():
    models = [Edition, Canvas, CanvasSection, Format, FormatPhase, Scenario, Tag, TimelineEvent, SectionEntry, Workshop, WorkshopPhase, Table]
    counts = {model.__name__: model.objects.count() for model in models}
    counts["users"] = get_user_model().objects.count()
    return counts, dict(Scenario.objects.values_list("slug", "updated_at")), ruptures_demo_workshops().get().version


def test_running_it_twice_creates_and_changes_nothing(demo):
    before = _snapshot()
    load_demo()
    assert _snapshot() == before


def test_a_running_demo_is_not_reset(demo):
    workshop = ruptures_demo_workshops().get()
    later = workshop.phases.get(name="Comment anticiper la rupture ?")
    from workshops.services import phase_open

    phase_open(phase=later)
    load_demo()
    assert workshop.phases.get(status=WorkshopPhase.Status.OPEN) == later
    assert Workshop.objects.filter(title=workshop.title).count() == 1


def test_it_loads_the_demo_ballot_into_the_demo_workshop(demo):
    from demo.ballot import DEMO_TITLE
    from voting.models import Ballot

    assert Ballot.objects.filter(workshop=ruptures_demo_workshops().get(), title=DEMO_TITLE).count() == 1


def test_both_formats_end_with_a_restitution(demo):
    for slug in ("atelier-scenarios-de-rupture", "atelier-promesse"):
        last = Format.objects.get(slug=slug).phases.order_by("position").last()
        assert (last.name, last.activity) == ("Restitution", "restitution")


def test_loading_again_brings_a_demo_loaded_before_the_restitution_activity_up_to_date(demo):
    """A demo from before the restitution was its own activity: its pending "Restitution" becomes one;
    a phase already run keeps what it was run as."""
    from workshops.models import Activity

    workshop = ruptures_demo_workshops().get()
    FormatPhase.objects.filter(name="Restitution").update(activity=Activity.SYNTHESIS)
    WorkshopPhase.objects.filter(workshop=workshop, name="Restitution").update(activity=Activity.SYNTHESIS)
    run = workshop.phases.get(name="Synthèse des tables")
    WorkshopPhase.objects.filter(pk=run.pk).update(status=WorkshopPhase.Status.CLOSED, activity=Activity.POSTITS)
    load_demo()
    load_demo()
    assert workshop.phases.get(name="Restitution").activity == Activity.RESTITUTION
    assert workshop.phases.get(pk=run.pk).activity == Activity.POSTITS
    assert not FormatPhase.objects.filter(name="Restitution").exclude(activity=Activity.RESTITUTION).exists()


def _slugs(phase) -> list[str]:
    return [s.slug for s in phase.sections.order_by("position")]


def test_the_rupture_format_develops_the_scenario_then_anticipates_the_rupture(demo):
    phases = {p.name: p for p in Format.objects.get(slug="atelier-scenarios-de-rupture").phases.all()}
    assert phases["Découverte des 19 scénarios"].activity == "discover"
    assert _slugs(phases["Développement du scénario"]) == [s for s in RUPTURE_SECTIONS if s not in ANTICIPATION_SECTIONS]
    assert _slugs(phases["Comment anticiper la rupture ?"]) == ["opportunites", "menaces", "conditions-de-reussite"]


def test_each_phase_of_the_promise_format_works_on_its_own_sections(demo):
    phases = list(Format.objects.get(slug="atelier-promesse").phases.filter(activity="postits").order_by("position"))
    named = [_slugs(p) for p in phases]
    assert all(named), "every post-it phase names its sections"
    flat = [slug for slugs in named for slug in slugs]
    # Each section belongs to at most one phase, in the canvas's order; personas, keywords, the
    # phrase and the commitments are activities of their own (the canvas keeps their sections).
    by_activity = {"personas", "mots-cles", "la-promesse", "engagements"}
    canvas = [s.slug for s in CanvasSection.objects.filter(canvas__slug="atelier-promesse").order_by("position")]
    assert flat == [slug for slug in canvas if slug not in by_activity]
    assert named[0][:2] == ["ce-qu-evoque-la-promesse", "ce-qui-a-marche"]
    assert named[-1] == ["actions-cles", "obstacles", "actions-par-acteur"]


def test_the_promise_format_runs_the_promise_workshops_activities_in_the_seeds_order(demo):
    activities = list(Format.objects.get(slug="atelier-promesse").phases.order_by("position").values_list("activity", flat=True))
    assert activities == [
        "postits", "synthesis", "postits", "personas", "keywords", "phrases", "vote", "postits", "commitments", "restitution",
    ]  # fmt: skip


def test_the_demo_workshop_copies_the_phases_sections_and_opens_on_the_discovery(demo):
    workshop = ruptures_demo_workshops().get()
    first = workshop.phases.order_by("position").first()
    assert (first.name, first.activity) == ("Découverte des 19 scénarios", "discover")
    assert _slugs(workshop.phases.get(name="Comment anticiper la rupture ?")) == ["opportunites", "menaces", "conditions-de-reussite"]
    assert len(_slugs(workshop.phases.get(name="Développement du scénario"))) == 9


def test_loading_again_brings_an_older_demos_pending_phases_up_to_date(demo):
    """A demo from before the discovery and the phases' sections: its pending phases follow the
    format; the open one keeps what it runs on."""
    from workshops.models import Activity

    workshop = ruptures_demo_workshops().get()
    discovery = workshop.phases.get(position=1)
    WorkshopPhase.objects.filter(pk=discovery.pk).update(activity=Activity.SYNTHESIS)
    for phase in workshop.phases.all():
        phase.sections.clear()
    load_demo()
    load_demo()
    discovery.refresh_from_db()
    assert discovery.activity == Activity.DISCOVER
    assert _slugs(workshop.phases.get(name="Comment anticiper la rupture ?")) == ["opportunites", "menaces", "conditions-de-reussite"]
    assert _slugs(workshop.phases.get(name="Développement du scénario")) == []  # open: the whole canvas, as it ran
