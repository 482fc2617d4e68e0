import pytest
from django.urls import reverse

from workshops.models import Table, Workshop, WorkshopPhase

pytestmark = pytest.mark.django_db


def control(workshop):
    return reverse("workshops:control", args=[workshop.pk])


def phase_action(workshop, phase, action):
    return reverse("workshops:phase_action", args=[workshop.pk, phase.pk, action])


def test_the_dashboard_requires_a_login(client):
    response = client.get(reverse("workshops:dashboard"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_dashboard_is_for_facilitators_only(client, outsider):
    client.force_login(outsider)
    assert client.get(reverse("workshops:dashboard")).status_code == 403


def test_a_facilitator_creates_a_workshop_from_a_format(client, facilitator, edition_factory, format_factory):
    client.force_login(facilitator)
    edition, fmt = edition_factory(), format_factory()
    response = client.post(
        reverse("workshops:dashboard"),
        {"title": "Ruptures 2026", "edition": edition.pk, "format": fmt.pk, "date": "2026-11-21", "place": "Cnam", "table_count": 3},
    )
    workshop = Workshop.objects.get(title="Ruptures 2026")
    assert response.status_code == 302 and response["Location"] == control(workshop)
    assert list(workshop.phases.values_list("name", flat=True)) == list(fmt.phases.values_list("name", flat=True))
    assert workshop.tables.count() == 3
    assert facilitator in workshop.facilitators.all()


def test_an_invalid_workshop_form_writes_nothing(client, facilitator, edition_factory, format_factory):
    client.force_login(facilitator)
    response = client.post(reverse("workshops:dashboard"), {"title": "", "edition": 999999, "format": "x", "date": "demain", "table_count": 500})
    assert response.status_code == 422
    assert Workshop.objects.count() == 0


def test_only_the_workshops_facilitators_see_its_control_room(client, live_workshop, other_facilitator, outsider):
    for user in (other_facilitator, outsider):
        client.force_login(user)
        assert client.get(control(live_workshop)).status_code == 403
        assert client.get(reverse("workshops:projector", args=[live_workshop.pk])).status_code == 403
        assert client.get(reverse("workshops:projector_live", args=[live_workshop.pk]) + "?v=1").status_code == 403


def test_another_facilitator_cannot_open_a_phase(client, live_workshop, other_facilitator):
    client.force_login(other_facilitator)
    phase = live_workshop.phases.get(position=2)
    assert client.post(phase_action(live_workshop, phase, "open")).status_code == 403
    phase.refresh_from_db()
    assert phase.status == WorkshopPhase.Status.PENDING


def test_opening_a_phase_closes_the_open_one_once_confirmed(client, live_workshop, facilitator):
    client.force_login(facilitator)
    first, second = live_workshop.phases.get(position=1), live_workshop.phases.get(position=2)
    response = client.post(phase_action(live_workshop, second, "open"), {"closing": first.pk})
    assert response.status_code == 302
    first.refresh_from_db(), second.refresh_from_db()
    assert first.status == "closed" and second.status == "open"


def test_a_phase_of_another_workshop_is_a_404(client, live_workshop, facilitator, workshop_factory):
    client.force_login(facilitator)
    foreign_phase = workshop_factory(facilitator=facilitator).phases.first()
    assert client.post(phase_action(live_workshop, foreign_phase, "open")).status_code == 404


def test_an_unknown_action_is_a_404(client, live_workshop, facilitator):
    client.force_login(facilitator)
    assert client.post(phase_action(live_workshop, live_workshop.phases.first(), "explode")).status_code == 404


def test_the_timer_starts_pauses_and_resets(client, live_workshop, facilitator):
    client.force_login(facilitator)
    phase = live_workshop.phases.get(position=1)
    client.post(phase_action(live_workshop, phase, "timer-start"))
    phase.refresh_from_db()
    assert phase.timer_running
    client.post(phase_action(live_workshop, phase, "timer-pause"))
    phase.refresh_from_db()
    assert not phase.timer_running
    client.post(phase_action(live_workshop, phase, "timer-reset"))
    phase.refresh_from_db()
    assert phase.timer_remaining_seconds() == phase.duration_seconds


def test_a_timer_of_a_pending_phase_cannot_start(client, english, live_workshop, facilitator):
    client.force_login(facilitator)
    phase = live_workshop.phases.get(position=2)
    response = client.post(phase_action(live_workshop, phase, "timer-start"), follow=True)
    assert "Open the phase before starting its timer" in response.content.decode()
    phase.refresh_from_db()
    assert not phase.timer_running


def test_a_facilitator_names_a_table_and_gives_it_a_scenario(client, live_workshop, facilitator, scenario_factory):
    client.force_login(facilitator)
    scenario = scenario_factory(edition=live_workshop.edition)
    table = live_workshop.tables.first()
    client.post(reverse("workshops:edit_table", args=[live_workshop.pk, table.pk]), {"name": "Table partage", "scenario": scenario.pk, "capacity": 12})
    table.refresh_from_db()
    assert (table.name, table.scenario, table.capacity) == ("Table partage", scenario, 12)


def test_a_scenario_of_another_edition_is_refused_for_a_table(client, live_workshop, facilitator, scenario_factory):
    client.force_login(facilitator)
    foreign = scenario_factory()
    table = live_workshop.tables.first()
    response = client.post(reverse("workshops:edit_table", args=[live_workshop.pk, table.pk]), {"name": "X", "scenario": foreign.pk, "capacity": 12})
    assert response.status_code == 422 and 'class="errorlist"' in response.content.decode()
    table.refresh_from_db()
    assert table.scenario is None and table.name == ""


def test_a_facilitator_adds_a_table(client, live_workshop, facilitator):
    client.force_login(facilitator)
    client.post(reverse("workshops:add_table", args=[live_workshop.pk]), {"name": "Table 3", "capacity": 10})
    assert Table.objects.filter(workshop=live_workshop).count() == 3


def test_lowering_a_capacity_below_those_seated_answers_the_control_room_with_the_error_at_the_form(
    client, live_workshop, facilitator, participant_factory, english
):
    client.force_login(facilitator)
    table = live_workshop.tables.get(number=1)
    for _ in range(2):
        participant_factory(workshop=live_workshop, table=table)
    edit_url = reverse("workshops:edit_table", args=[live_workshop.pk, table.pk])

    response = client.post(edit_url, {"name": "Salle A", "capacity": 1})

    assert response.status_code == 422
    html = response.content.decode()
    error = '<ul class="errorlist" role="alert"><li>2 people sit at this table: move some before lowering its capacity.</li></ul>'
    # Beside this table's form, before the next table's.
    next_table = reverse("workshops:edit_table", args=[live_workshop.pk, live_workshop.tables.get(number=2).pk])
    assert html.index(edit_url) < html.index(error) < html.index(next_table)
    table.refresh_from_db()
    assert (table.name, table.capacity) == ("", 15)


@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
def test_an_invalid_new_table_is_refused_beside_the_add_form_and_nothing_is_written(client, live_workshop, facilitator, english, htmx):
    client.force_login(facilitator)
    headers = {"HX-Request": "true"} if htmx else {}

    response = client.post(reverse("workshops:add_table", args=[live_workshop.pk]), {"name": "Table 3", "capacity": 0}, headers=headers)

    assert response.status_code == 422
    html = response.content.decode()
    assert html.index('class="row-form add-table"') < html.index("errorlist")
    assert "greater than or equal to 1" in html
    assert ("<html" in html) != htmx
    assert Table.objects.filter(workshop=live_workshop).count() == 2


def test_a_facilitator_seats_a_participant_and_makes_them_scribe(client, live_workshop, facilitator, participant_factory):
    client.force_login(facilitator)
    participant = participant_factory(workshop=live_workshop, table=None)
    table = live_workshop.tables.get(number=2)
    client.post(reverse("workshops:seat", args=[live_workshop.pk, participant.pk]), {"table": table.pk, "scribe": "1"})
    participant.refresh_from_db()
    assert participant.table == table and participant.is_scribe


def test_a_participant_of_another_workshop_cannot_be_seated_here(client, live_workshop, facilitator, participant_factory, workshop_factory):
    client.force_login(facilitator)
    stranger = participant_factory(workshop=workshop_factory())
    response = client.post(reverse("workshops:seat", args=[live_workshop.pk, stranger.pk]), {"table": live_workshop.tables.first().pk})
    assert response.status_code == 404


def test_the_qr_code_is_an_svg_linking_to_the_join_page(client, live_workshop, facilitator):
    client.force_login(facilitator)
    response = client.get(reverse("workshops:join_qr", args=[live_workshop.pk]))
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg")


def test_closing_a_phase_builds_the_table_output_shown_on_the_projector(client, live_workshop, facilitator, contribution_factory, participant_factory, django_capture_on_commit_callbacks):
    client.force_login(facilitator)
    author = participant_factory(workshop=live_workshop)
    contribution_factory(participant=author, text="Location plutôt que propriété")
    contribution_factory(participant=author, text="location plutot que propriete !")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(phase_action(live_workshop, live_workshop.phases.get(position=1), "close"))
    page = client.get(reverse("workshops:projector", args=[live_workshop.pk])).content.decode()
    assert "Location plutôt que propriété" in page
    assert "2 post-its" in page


def test_the_projector_poll_is_204_when_nothing_changed(client, live_workshop, facilitator, only_session_reads):
    client.force_login(facilitator)
    url = reverse("workshops:projector_live", args=[live_workshop.pk])
    page = client.get(reverse("workshops:projector", args=[live_workshop.pk]))
    with only_session_reads():
        response = client.get(url + f"?v={page.context['version']}")
    assert response.status_code == 204


def test_a_session_that_lost_its_rights_gets_no_204(client, live_workshop, facilitator, django_assert_max_num_queries):
    client.force_login(facilitator)
    page = client.get(reverse("workshops:projector", args=[live_workshop.pk]))
    client.logout()
    response = client.get(reverse("workshops:projector_live", args=[live_workshop.pk]) + f"?v={page.context['version']}")
    assert response.status_code == 403


def test_an_anonymous_visitor_of_the_control_room_is_sent_to_log_in(client, live_workshop):
    response = client.get(control(live_workshop))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_projector_query_count_does_not_grow_with_the_room(client, live_workshop, facilitator, contribution_factory, participant_factory, django_assert_max_num_queries):
    client.force_login(facilitator)
    for number in (1, 2):
        author = participant_factory(workshop=live_workshop, table=live_workshop.tables.get(number=number))
        for i in range(15):
            contribution_factory(participant=author, text=f"Table {number} idée {i}")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("workshops:projector", args=[live_workshop.pk]))
    assert response.status_code == 200


def test_the_control_room_query_count_is_bounded(client, live_workshop, facilitator, participant_factory, django_assert_max_num_queries):
    client.force_login(facilitator)
    for _ in range(20):
        participant_factory(workshop=live_workshop)
    # The session (1: sessions live in the database), 12 to render, and 5 for the digests of the
    # live parts (once per version of the workshop).
    with django_assert_max_num_queries(18):
        assert client.get(control(live_workshop)).status_code == 200


def test_a_formats_editor_link_preselects_it_on_the_dashboard(client, facilitator, format_factory):
    client.force_login(facilitator)
    fmt = format_factory()
    page = client.get(reverse("workshops:dashboard") + f"?format={fmt.pk}")
    assert page.context["form"]["format"].value() == str(fmt.pk)
