"""The restitution (table by table, the projector stepping through) and the workshop's record:
every closed phase's outputs and every synthesis stay on every page, during the workshop and after."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.record_room import run_to_restitution
from workshops import selectors, services
from workshops.models import WorkshopPhase

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def room(live_workshop, participant_factory):
    return run_to_restitution(live_workshop, participant_factory)


# --- Selectors -----------------------------------------------------------------------------------


def test_the_record_keeps_every_closed_phase_in_agenda_order(room):
    record = selectors.workshop_record(workshop=room["workshop"])
    assert [entry.phase.name for entry in record] == ["Développer le scénario", "Comment anticiper", "Synthèse des tables"]
    development, anticipation, synthesis = record
    assert [[line.text for o in row.outputs for line in o.lines.all()] for row in development.tables] == [
        ["Développement table 1"], ["Développement table 2"], ["Développement table 3"]
    ]
    assert [[line.text for o in row.outputs for line in o.lines.all()] for row in anticipation.tables][2] == ["Anticipation table 3"]
    assert [row.synthesis.text for row in synthesis.tables] == [f"Synthèse de la table {n}" for n in (1, 2, 3)]


def test_the_record_of_one_table_holds_only_that_table(room):
    record = selectors.workshop_record(workshop=room["workshop"], table_id=room["tables"][1].pk)
    assert {row.table.pk for entry in record for row in entry.tables} == {room["tables"][1].pk}
    assert record[2].tables[0].synthesis.text == "Synthèse de la table 2"


def test_the_record_costs_the_same_queries_whatever_the_room(room, django_assert_max_num_queries, participant_factory):
    workshop = room["workshop"]
    for _ in range(3):
        services.table_create(workshop=workshop, name="")
    with django_assert_max_num_queries(6):
        record = selectors.workshop_record(workshop=workshop)
        # Reading every line and its sources asks nothing more: they were prefetched.
        [s.text for e in record for row in e.tables for o in row.outputs for line in o.lines.all() for s in line.sources.all()]
    with django_assert_max_num_queries(6):
        selectors.workshop_record(workshop=workshop, table_id=room["tables"][0].pk)
    with django_assert_max_num_queries(6):
        selectors.restitution(workshop=workshop)


def test_the_restitution_puts_a_laptops_own_table_first(room):
    tables = room["tables"]
    ordered = selectors.restitution(workshop=room["workshop"], first_table_id=tables[2].pk)
    assert [item.table.pk for item in ordered] == [tables[2].pk, tables[0].pk, tables[1].pk]
    first = ordered[0]
    assert [s.text for _phase, s in first.syntheses] == ["Synthèse de la table 3"]
    assert [phase.name for phase, _outputs in first.outputs] == ["Développer le scénario", "Comment anticiper"]


def test_a_workshop_with_nothing_closed_has_an_empty_record(live_workshop):
    assert selectors.workshop_record(workshop=live_workshop) == []


# --- The service ---------------------------------------------------------------------------------


def test_the_facilitator_steps_through_the_tables_and_stops_at_both_ends(room):
    restitution = room["phases"][5]
    stage = room["workshop"].stage_version
    assert services.restitution_step(phase=restitution, step=-1).restitution_index == 0
    assert services.restitution_step(phase=restitution, step=1).restitution_index == 1
    assert services.restitution_step(phase=restitution, step=1).restitution_index == 2
    assert services.restitution_step(phase=restitution, step=1).restitution_index == 2
    room["workshop"].refresh_from_db()
    # Every page follows the projector: each move bumped the stage, the refused ones did not.
    assert room["workshop"].stage_version == stage + 2


def test_stepping_is_refused_when_the_restitution_is_not_open(room):
    services.phase_close(phase=room["phases"][5])
    with pytest.raises(ValidationError):
        services.restitution_step(phase=room["phases"][5], step=1)
    with pytest.raises(ValidationError):
        services.restitution_step(phase=room["phases"][1], step=1)
    assert WorkshopPhase.objects.get(pk=room["phases"][5].pk).restitution_index == 0


# --- The projector and the control room ----------------------------------------------------------


def _step(client, room, direction, **extra):
    url = reverse("workshops:phase_action", args=[room["workshop"].pk, room["phases"][5].pk, f"restitution-{direction}"])
    return client.post(url, extra)


def test_the_projector_shows_one_table_at_a_time_as_the_facilitator_steps(client, facilitator, room):
    client.force_login(facilitator)
    projector = reverse("workshops:projector", args=[room["workshop"].pk])
    page = client.get(projector).content.decode()
    assert "Synthèse de la table 1" in page and "Développement table 1" in page and "Anticipation table 1" in page
    assert "Synthèse de la table 2" not in page
    assert "Being written" not in page and "has not written" not in page
    response = _step(client, room, "next", back="projector")
    assert response.status_code == 302 and response.url == projector
    page = client.get(projector).content.decode()
    assert "Synthèse de la table 2" in page and "Synthèse de la table 1" not in page
    assert _step(client, room, "previous").url == reverse("workshops:control", args=[room["workshop"].pk])
    assert "Synthèse de la table 1" in client.get(projector).content.decode()


def test_the_projector_poll_follows_a_step(client, facilitator, room):
    client.force_login(facilitator)
    workshop = room["workshop"]
    live = reverse("workshops:projector_live", args=[workshop.pk])
    version = client.get(reverse("workshops:projector", args=[workshop.pk])).context["version"]
    assert client.get(live, {"v": version}, **HTMX).status_code == 204
    services.restitution_step(phase=room["phases"][5], step=1)
    response = client.get(live, {"v": version}, **HTMX)
    assert response.status_code == 200 and "Synthèse de la table 2" in response.content.decode()


@pytest.mark.parametrize("who", ["participant", "other_facilitator", "outsider"])
def test_only_the_workshops_facilitator_steps(client, room, who, join_as, other_facilitator, outsider):
    if who == "participant":
        join_as(client, room["scribes"][0])
    else:
        client.force_login({"other_facilitator": other_facilitator, "outsider": outsider}[who])
    response = _step(client, room, "next")
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert "/accounts/login/" in response.url
    assert WorkshopPhase.objects.get(pk=room["phases"][5].pk).restitution_index == 0


def test_an_unknown_step_is_a_404(client, facilitator, room):
    client.force_login(facilitator)
    url = reverse("workshops:phase_action", args=[room["workshop"].pk, room["phases"][5].pk, "restitution-sideways"])
    assert client.post(url).status_code == 404


def test_the_control_room_steps_too(client, facilitator, room):
    client.force_login(facilitator)
    page = client.get(reverse("workshops:control", args=[room["workshop"].pk])).content.decode()
    assert reverse("workshops:phase_action", args=[room["workshop"].pk, room["phases"][5].pk, "restitution-next"]) in page
    assert reverse("workshops:results", args=[room["workshop"].pk]) in page


def test_the_results_page_lists_every_phase_and_table_after_the_workshop_closes(client, facilitator, room, django_assert_max_num_queries):
    services.workshop_close(workshop=room["workshop"])
    client.force_login(facilitator)
    url = reverse("workshops:results", args=[room["workshop"].pk])
    with django_assert_max_num_queries(20):
        page = client.get(url).content.decode()
    for n in (1, 2, 3):
        assert f"Développement table {n}" in page and f"Anticipation table {n}" in page and f"Synthèse de la table {n}" in page
    # The projector of a closed workshop shows the record too.
    page = client.get(reverse("workshops:projector", args=[room["workshop"].pk])).content.decode()
    assert "Développement table 3" in page and "Synthèse de la table 3" in page


@pytest.mark.parametrize("who", ["other_facilitator", "outsider"])
def test_the_results_page_is_only_the_facilitators(client, room, who, other_facilitator, outsider):
    client.force_login({"other_facilitator": other_facilitator, "outsider": outsider}[who])
    assert client.get(reverse("workshops:results", args=[room["workshop"].pk])).status_code in (403, 404)


def test_a_participant_cannot_open_the_results_page(client, room, join_as):
    join_as(client, room["scribes"][0])
    response = client.get(reverse("workshops:results", args=[room["workshop"].pk]))
    assert response.status_code in (302, 403) and "Synthèse" not in response.content.decode()


# --- Laptops and the scribe's board --------------------------------------------------------------


def test_a_laptop_shows_the_restitution_own_table_first_then_the_others(client, join_as, room, participant_factory):
    join_as(client, participant_factory(workshop=room["workshop"], table=room["tables"][1]))
    page = client.get(reverse("workshops:canvas", args=["QN2012"])).content.decode()
    assert "has not written" not in page and "n'a pas encore rédigé" not in page
    positions = [page.index(f"Synthèse de la table {n}") for n in (2, 1, 3)]
    assert positions == sorted(positions)
    assert "Développement table 1" in page and "Anticipation table 3" in page


def test_a_later_phase_does_not_hide_an_earlier_ones_outputs(client, join_as, room):
    """During the synthesis phase (before the restitution), the table's laptop keeps both post-it phases."""
    services.phase_open(phase=room["phases"][4])
    join_as(client, room["scribes"][0])
    for url in (reverse("workshops:canvas", args=["QN2012"]), reverse("workshops:scribe", args=["QN2012"])):
        page = client.get(url).content.decode()
        assert "Développement table 1" in page and "Anticipation table 1" in page
        assert "Développement table 2" not in page


def test_after_the_workshop_closes_the_table_still_reaches_its_outputs_and_synthesis(client, join_as, room):
    services.workshop_close(workshop=room["workshop"])
    join_as(client, room["scribes"][0])
    for url in (reverse("workshops:canvas", args=["QN2012"]), reverse("workshops:scribe", args=["QN2012"])):
        page = client.get(url).content.decode()
        assert "Développement table 1" in page and "Anticipation table 1" in page and "Synthèse de la table 1" in page
        assert "Synthèse de la table 2" not in page


def test_the_laptops_page_costs_a_bounded_number_of_queries(client, join_as, room, django_assert_max_num_queries):
    services.workshop_close(workshop=room["workshop"])
    join_as(client, room["scribes"][0])
    client.get(reverse("workshops:canvas", args=["QN2012"]))  # warm the cached versions
    with django_assert_max_num_queries(25):
        client.get(reverse("workshops:canvas", args=["QN2012"]))


def test_a_refused_step_from_the_projector_says_why_there(client, facilitator, room):
    services.phase_close(phase=room["phases"][5])
    client.force_login(facilitator)
    response = _step(client, room, "next", back="projector")
    assert response.url == reverse("workshops:projector", args=[room["workshop"].pk])
    shown = [str(m) for m in client.get(response.url).context["messages"]]
    assert len(shown) == 1 and "restitution" in shown[0].lower()
    assert WorkshopPhase.objects.get(pk=room["phases"][5].pk).restitution_index == 0
