"""The scenarios a workshop's room discovers: its edition's, searched whatever the case and the accents."""

import pytest

from scenarios.selectors import scenario_catalogue
from tests.factories import EditionFactory, ScenarioFactory, TagFactory, TimelineEventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    edition = EditionFactory()
    education = ScenarioFactory(
        edition=edition,
        title="Éducation, de l'implosion à la reconstruction",
        summary="L'école éclate, puis se réinvente.",
        narrative="Les élèves apprennent hors de l'école.",
    )
    education.tags.set([TagFactory(name="éducation"), TagFactory(name="société")])
    TimelineEventFactory(scenario=education, year=2014, title="Le grand décrochage", text="Un tiers des lycéens suit ses cours en ligne.")
    posseder = ScenarioFactory(edition=edition, title="Posséder, c'est dépassé", summary="L'usage prime.", narrative="On partage, on loue.")
    posseder.tags.set([TagFactory(name="consommation")])
    ScenarioFactory(edition=edition, title="CDI c'est fini !", summary="Le salariat recule.", narrative="Chacun devient indépendant.")
    return edition


def titles(scenarios) -> list[str]:
    return [s.title for s in scenarios]


def test_it_lists_every_scenario_of_the_edition_in_title_order_ignoring_accents(edition, django_assert_num_queries):
    ScenarioFactory(title="Scénario d'une autre édition")
    with django_assert_num_queries(3):
        scenarios = scenario_catalogue(edition_id=edition.pk)
        # Tags and timelines come with them: reading them asks nothing more.
        shown = {s.title: ([t.name for t in s.tags.all()], [e.year for e in s.timeline.all()]) for s in scenarios}
    assert shown["Éducation, de l'implosion à la reconstruction"] == (["société", "éducation"], [2014])
    # "Éducation" sorts among the E, not after the Z as its code point would.
    assert titles(scenarios) == ["CDI c'est fini !", "Éducation, de l'implosion à la reconstruction", "Posséder, c'est dépassé"]


@pytest.mark.parametrize(
    "q, expected",
    [
        ("education", ["Éducation, de l'implosion à la reconstruction"]),  # no accent typed
        ("ÉDUCATION", ["Éducation, de l'implosion à la reconstruction"]),  # capitals
        ("possede", ["Posséder, c'est dépassé"]),  # part of a word of the title
        ("consommation", ["Posséder, c'est dépassé"]),  # a tag
        ("decrochage", ["Éducation, de l'implosion à la reconstruction"]),  # the timeline
        ("2014", ["Éducation, de l'implosion à la reconstruction"]),  # a year
        ("salariat", ["CDI c'est fini !"]),  # the summary
        ("ecole lyceens", ["Éducation, de l'implosion à la reconstruction"]),  # every word, wherever
        ("ecole salariat", []),  # no scenario has both
        ("  ", ["CDI c'est fini !", "Éducation, de l'implosion à la reconstruction", "Posséder, c'est dépassé"]),
    ],
)
def test_a_search_keeps_the_scenarios_holding_every_word_whatever_the_case_and_accents(edition, q, expected):
    assert titles(scenario_catalogue(edition_id=edition.pk, q=q)) == expected


def test_hostile_searches_find_nothing_and_break_nothing(edition):
    for q in ("%", "_", "' OR 1=1 --", "<script>", "\x00", "é" * 10_000):
        assert scenario_catalogue(edition_id=edition.pk, q=q) == []
