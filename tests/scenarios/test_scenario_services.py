"""scenarios.services: every write of the library, its validation and what it refuses to write."""

import pytest
from django.core.exceptions import ValidationError

from scenarios import services
from scenarios.models import Scenario, Tag, TimelineEvent
from tests.factories import EditionFactory, ScenarioFactory, TagFactory, TimelineEventFactory

pytestmark = pytest.mark.django_db


# scenario_create


def test_scenario_create_makes_the_slug_from_the_title(facilitator):
    edition = EditionFactory()

    scenario = services.scenario_create(edition=edition, title="  Posséder, c'est dépassé ", user=facilitator)

    assert scenario.title == "Posséder, c'est dépassé"
    assert scenario.slug == "posseder-cest-depasse"
    assert scenario.status == Scenario.Status.PROPOSED
    assert scenario.created_by == facilitator


def test_scenario_create_suffixes_the_slug_when_the_edition_already_has_it():
    edition = EditionFactory()

    first = services.scenario_create(edition=edition, title="La fin du salariat")
    second = services.scenario_create(edition=edition, title="La fin du salariat !")
    third = services.scenario_create(edition=edition, title="La fin du salariat ?")

    assert [first.slug, second.slug, third.slug] == ["la-fin-du-salariat", "la-fin-du-salariat-2", "la-fin-du-salariat-3"]


def test_scenario_create_reuses_a_slug_taken_only_in_another_edition():
    services.scenario_create(edition=EditionFactory(), title="La fin du salariat")

    scenario = services.scenario_create(edition=EditionFactory(), title="La fin du salariat")

    assert scenario.slug == "la-fin-du-salariat"


def test_scenario_create_keeps_a_suffixed_slug_within_the_column_length():
    edition = EditionFactory()
    title = "x" * 200

    services.scenario_create(edition=edition, title=title)
    second = services.scenario_create(edition=edition, title=title)

    assert second.slug.endswith("-2")
    assert len(second.slug) <= 200


def test_scenario_create_gives_a_slug_to_a_title_without_letters():
    scenario = services.scenario_create(edition=EditionFactory(), title="!!!")

    assert scenario.slug == "scenario"


def test_scenario_create_lower_cases_and_deduplicates_tags():
    scenario = services.scenario_create(
        edition=EditionFactory(), title="Ville autonome", tags=" Énergie, ville,énergie ,, VILLE "
    )

    assert sorted(scenario.tags.values_list("name", flat=True)) == ["ville", "énergie"]
    assert Tag.objects.count() == 2


def test_scenario_create_reuses_existing_tags_whatever_their_case():
    existing = TagFactory(name="Mobilité")

    scenario = services.scenario_create(edition=EditionFactory(), title="Ville", tags=["mobilité"])

    assert list(scenario.tags.all()) == [existing]
    assert Tag.objects.count() == 1


def test_scenario_create_refuses_an_empty_title_and_writes_nothing():
    with pytest.raises(ValidationError) as error:
        services.scenario_create(edition=EditionFactory(), title="   ", tags="énergie")

    assert "title" in error.value.message_dict
    assert not Scenario.objects.exists()
    assert not Tag.objects.exists()


@pytest.mark.parametrize(
    "field, value",
    [
        ("title", "x" * 201),
        ("summary", "x" * (services.SUMMARY_MAX_LENGTH + 1)),
        ("narrative", "x" * (services.NARRATIVE_MAX_LENGTH + 1)),
    ],
)
def test_scenario_create_refuses_over_long_fields(field, value):
    fields = {"title": "Un titre", field: value}

    with pytest.raises(ValidationError) as error:
        services.scenario_create(edition=EditionFactory(), **fields)

    assert field in error.value.message_dict
    assert not Scenario.objects.exists()


def test_scenario_create_refuses_an_over_long_tag_and_writes_nothing():
    with pytest.raises(ValidationError) as error:
        services.scenario_create(edition=EditionFactory(), title="Un titre", tags=f"court, {'x' * 61}")

    assert "tags" in error.value.message_dict
    assert not Scenario.objects.exists()
    assert not Tag.objects.exists()


def test_scenario_create_refuses_an_unknown_status():
    with pytest.raises(ValidationError) as error:
        services.scenario_create(edition=EditionFactory(), title="Un titre", status="archived")

    assert "status" in error.value.message_dict


def test_scenario_create_stores_markup_as_plain_text():
    scenario = services.scenario_create(
        edition=EditionFactory(), title="<script>alert(1)</script>", narrative="<b>gras</b>"
    )

    assert scenario.title == "<script>alert(1)</script>"
    assert scenario.slug == "scriptalert1script"


# scenario_update


def test_scenario_update_replaces_fields_and_tags():
    scenario = ScenarioFactory(title="Ancien titre", slug="ancien-titre")
    scenario.tags.add(TagFactory(name="ancien"))

    services.scenario_update(
        scenario=scenario,
        edition=scenario.edition,
        title="Nouveau titre",
        summary="Résumé",
        narrative="Récit",
        status=Scenario.Status.RETAINED,
        tags="neuf",
    )

    scenario.refresh_from_db()
    assert scenario.title == "Nouveau titre"
    assert scenario.slug == "nouveau-titre"
    assert scenario.status == Scenario.Status.RETAINED
    assert list(scenario.tags.values_list("name", flat=True)) == ["neuf"]


def test_scenario_update_keeps_the_slug_when_the_title_does_not_change():
    scenario = ScenarioFactory(title="Même titre", slug="slug-historique")

    services.scenario_update(
        scenario=scenario, edition=scenario.edition, title="Même titre", summary="", narrative="", status="proposed", tags=""
    )

    scenario.refresh_from_db()
    assert scenario.slug == "slug-historique"


def test_scenario_update_avoids_the_slug_of_another_scenario_of_the_edition():
    other = ScenarioFactory(title="Cible", slug="cible")
    scenario = ScenarioFactory(edition=other.edition, title="Autre", slug="autre")

    services.scenario_update(
        scenario=scenario, edition=scenario.edition, title="Cible", summary="", narrative="", status="proposed", tags=""
    )

    scenario.refresh_from_db()
    assert scenario.slug == "cible-2"


def test_scenario_update_with_bad_input_leaves_the_scenario_unchanged():
    scenario = ScenarioFactory(title="Titre", slug="titre")
    scenario.tags.add(TagFactory(name="garde"))

    with pytest.raises(ValidationError):
        services.scenario_update(
            scenario=scenario, edition=scenario.edition, title="", summary="", narrative="", status="proposed", tags="neuf"
        )

    scenario.refresh_from_db()
    assert scenario.title == "Titre"
    assert list(scenario.tags.values_list("name", flat=True)) == ["garde"]


# scenario_set_status


def test_scenario_set_status_moves_forward_and_back():
    scenario = ScenarioFactory()

    services.scenario_set_status(scenario=scenario, status=Scenario.Status.RETAINED)
    services.scenario_set_status(scenario=scenario, status=Scenario.Status.DEVELOPED)
    services.scenario_set_status(scenario=scenario, status=Scenario.Status.RETAINED)

    scenario.refresh_from_db()
    assert scenario.status == Scenario.Status.RETAINED


def test_scenario_set_status_refuses_an_unknown_status():
    scenario = ScenarioFactory()

    with pytest.raises(ValidationError):
        services.scenario_set_status(scenario=scenario, status="archived")

    scenario.refresh_from_db()
    assert scenario.status == Scenario.Status.PROPOSED


def test_scenario_set_status_refuses_a_stale_click():
    scenario = ScenarioFactory(status=Scenario.Status.RETAINED)

    # Two people saw "retained" and pressed "next": only the first click counts.
    services.scenario_set_status(scenario=scenario, status="developed", expected_status="retained")
    with pytest.raises(ValidationError):
        services.scenario_set_status(scenario=scenario, status="developed", expected_status="retained")

    scenario.refresh_from_db()
    assert scenario.status == Scenario.Status.DEVELOPED


def test_status_neighbours_follow_the_workflow():
    assert services.status_neighbours("proposed") == (None, "retained")
    assert services.status_neighbours("developed") == ("retained", "published")
    assert services.status_neighbours("published") == ("developed", None)


# timeline


def test_timeline_event_add_appends_to_its_year():
    scenario = ScenarioFactory()
    TimelineEventFactory(scenario=scenario, year=2016, position=0)

    event = services.timeline_event_add(scenario=scenario, year=2016, title=" Bascule ", text=" Les plateformes gagnent. ")

    assert (event.year, event.position, event.title, event.text) == (2016, 1, "Bascule", "Les plateformes gagnent.")


@pytest.mark.parametrize(
    "year, text, field",
    [
        (1899, "Trop tôt", "year"),
        (2101, "Trop tard", "year"),
        ("deux mille", "Pas un nombre", "year"),
        (2016, "   ", "text"),
        (2016, "x" * (services.EVENT_TEXT_MAX_LENGTH + 1), "text"),
    ],
)
def test_timeline_event_add_refuses_bad_input_and_writes_nothing(year, text, field):
    scenario = ScenarioFactory()

    with pytest.raises(ValidationError) as error:
        services.timeline_event_add(scenario=scenario, year=year, text=text)

    assert field in error.value.message_dict
    assert not TimelineEvent.objects.exists()


def test_timeline_event_add_accepts_the_bounds_of_the_year_range():
    scenario = ScenarioFactory()

    services.timeline_event_add(scenario=scenario, year=1900, text="Début")
    services.timeline_event_add(scenario=scenario, year=2100, text="Fin")

    assert scenario.timeline.count() == 2


def test_timeline_event_update_changes_the_event_and_moves_it_to_the_end_of_its_new_year():
    scenario = ScenarioFactory()
    TimelineEventFactory(scenario=scenario, year=2020, position=0)
    event = TimelineEventFactory(scenario=scenario, year=2016)

    services.timeline_event_update(scenario=scenario, event_id=event.pk, year=2020, title="", text="Plus tard")

    event.refresh_from_db()
    assert (event.year, event.position, event.text) == (2020, 1, "Plus tard")


def test_timeline_event_update_refuses_an_event_of_another_scenario():
    scenario = ScenarioFactory()
    foreign = TimelineEventFactory(text="Intact")

    with pytest.raises(ValidationError):
        services.timeline_event_update(scenario=scenario, event_id=foreign.pk, year=2016, text="Piraté")

    foreign.refresh_from_db()
    assert foreign.text == "Intact"


def test_timeline_event_delete_removes_the_event():
    event = TimelineEventFactory()

    services.timeline_event_delete(scenario=event.scenario, event_id=event.pk)

    assert not TimelineEvent.objects.exists()


def test_timeline_event_delete_refuses_an_event_of_another_scenario():
    scenario = ScenarioFactory()
    foreign = TimelineEventFactory()

    with pytest.raises(ValidationError):
        services.timeline_event_delete(scenario=scenario, event_id=foreign.pk)

    assert TimelineEvent.objects.filter(pk=foreign.pk).exists()
