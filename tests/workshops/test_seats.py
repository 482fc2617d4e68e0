"""Seats: a scribe's authority belongs to their seat, capacity holds on every path, the seat form is one write."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from workshops import services
from workshops.models import Activity, Contribution, Participant, TableSynthesis, WorkshopPhase

pytestmark = pytest.mark.django_db



def refused(call, message):
    """The call is refused with `message` (in English) among its messages."""
    with translation.override("en"), pytest.raises(ValidationError) as error:
        call()
    assert message in " ".join(error.value.messages)


@pytest.fixture
def tables(live_workshop):
    return list(live_workshop.tables.order_by("number"))


@pytest.fixture
def scribe(live_workshop, tables, participant_factory):
    return services.participant_set_scribe(participant=participant_factory(workshop=live_workshop, table=tables[0]), is_scribe=True)


@pytest.fixture
def postits_at(live_workshop, participant_factory, contribution_factory):
    def post(table, *texts):
        author = participant_factory(workshop=live_workshop, table=table)
        return [contribution_factory(participant=author, text=text) for text in texts]

    return post


def seat_url(workshop, participant):
    return reverse("workshops:seat", args=[workshop.pk, participant.pk])


# --- A scribe's authority belongs to their seat ---------------------------------------------------


def test_a_scribe_who_changes_table_is_no_longer_scribe(scribe, tables):
    moved = services.participant_set_table(participant=scribe, table_id=tables[1].pk)

    assert (moved.table, moved.is_scribe) == (tables[1], False)
    scribe.refresh_from_db()
    assert not scribe.is_scribe


def test_a_moved_scribe_can_no_longer_hide_group_or_merge_at_the_new_table(scribe, tables, postits_at):
    theirs = postits_at(tables[1], "Louer", "Louer plutôt")
    services.participant_set_table(participant=scribe, table_id=tables[1].pk)

    # `scribe` is the object the scribe's old page loaded: the services read the seat again.
    refused(lambda: services.contribution_set_hidden(scribe=scribe, contribution_id=theirs[0].pk, hidden=True), "scribe")
    refused(lambda: services.contribution_group(scribe=scribe, contribution_ids=[c.pk for c in theirs], label="Usage"), "scribe")
    refused(lambda: services.contribution_merge(scribe=scribe, target_id=theirs[0].pk, source_id=theirs[1].pk), "scribe")
    assert list(Contribution.objects.filter(pk__in=[c.pk for c in theirs]).values_list("hidden", "group_label", "merged_into")) == [
        (False, "", None),
        (False, "", None),
    ]


def test_a_moved_scribe_cannot_overwrite_the_new_tables_synthesis(live_workshop, scribe, tables):
    phase = live_workshop.phases.get(position=3)
    WorkshopPhase.objects.filter(pk=phase.pk).update(activity=Activity.SYNTHESIS)
    services.phase_open(phase=WorkshopPhase.objects.get(pk=phase.pk))
    services.participant_set_table(participant=scribe, table_id=tables[1].pk)

    refused(lambda: services.synthesis_save(scribe=scribe, text="Écrasé"), "scribe")
    assert not TableSynthesis.objects.exists()


def test_a_scribe_who_moves_through_the_canvas_page_loses_the_scribe_board(client, join_as, scribe, tables):
    join_as(client, scribe)
    assert client.get(reverse("workshops:scribe", args=["QN2012"])).status_code == 200

    client.post(reverse("workshops:choose_table", args=["QN2012"]), {"table": tables[1].pk})

    assert client.get(reverse("workshops:scribe", args=["QN2012"])).status_code == 403


def test_choosing_ones_own_table_again_keeps_the_scribe_role(scribe, tables):
    services.participant_set_table(participant=scribe, table_id=tables[0].pk)
    scribe.refresh_from_db()
    assert scribe.is_scribe


# --- Capacity holds on every path -----------------------------------------------------------------


@pytest.fixture
def full_table(live_workshop, tables, participant_factory):
    """Table 2, for one person, who is there."""
    services.table_update(table=tables[1], name="", capacity=1)
    participant_factory(workshop=live_workshop, table=tables[1])
    return tables[1]


def test_changing_to_a_full_table_is_refused(live_workshop, full_table, tables, participant_factory):
    walker = participant_factory(workshop=live_workshop, table=tables[0])

    refused(lambda: services.participant_set_table(participant=walker, table_id=full_table.pk), "This table is full")
    walker.refresh_from_db()
    assert walker.table == tables[0]
    assert Participant.objects.filter(table=full_table).count() == 1


def test_the_canvas_pages_table_form_says_a_table_is_full(client, join_as, live_workshop, full_table, tables, participant_factory, english):
    walker = participant_factory(workshop=live_workshop, table=tables[0])
    join_as(client, walker)

    response = client.post(reverse("workshops:choose_table", args=["QN2012"]), {"table": full_table.pk})

    assert response.status_code == 302
    assert any("This table is full" in str(m) for m in get_messages(response.wsgi_request))
    walker.refresh_from_db()
    assert walker.table == tables[0]


def test_joining_at_a_full_table_is_refused(live_workshop, full_table):
    refused(
        lambda: services.participant_join(workshop=live_workshop, display_name="Camille", table_id=full_table.pk),
        "This table is full",
    )
    assert not Participant.objects.filter(display_name="Camille").exists()


def test_the_facilitator_cannot_seat_anyone_at_a_full_table(client, live_workshop, facilitator, full_table, participant_factory):
    walker = participant_factory(workshop=live_workshop, table=None)
    client.force_login(facilitator)

    response = client.post(seat_url(live_workshop, walker), {"table": full_table.pk, "scribe": "0"}, headers={"HX-Request": "true"})

    # htmx gets the control room's live part of the people with the message at the form.
    assert response.status_code == 422
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="card" id="control-people"') and "errorlist" in html and "<html" not in html
    walker.refresh_from_db()
    assert walker.table is None


def test_a_capacity_cannot_go_below_the_people_seated(live_workshop, tables, participant_factory):
    for _ in range(3):
        participant_factory(workshop=live_workshop, table=tables[1])

    refused(lambda: services.table_update(table=tables[1], name="", capacity=2), "3 people sit at this table")
    tables[1].refresh_from_db()
    assert tables[1].capacity == 15
    assert services.table_update(table=tables[1], name="", capacity=3).capacity == 3


def test_a_capacity_under_one_is_refused_by_the_service(live_workshop, tables):
    refused(lambda: services.table_update(table=tables[1], name="", capacity=0), "at least one")
    refused(lambda: services.table_create(workshop=live_workshop, capacity=0), "at least one")
    assert live_workshop.tables.count() == 2


# --- The seat form: one service, one transaction --------------------------------------------------


def test_a_seat_form_with_no_table_and_scribe_is_refused_and_writes_nothing(client, live_workshop, facilitator, scribe, tables, english):
    client.force_login(facilitator)

    response = client.post(seat_url(live_workshop, scribe), {"table": "", "scribe": "1"})

    # The control room again, the message beside this participant's seat form.
    assert response.status_code == 422
    html = response.content.decode()
    assert '<ul class="errorlist" role="alert"><li>A scribe must sit at a table.</li></ul>' in html
    assert html.index("errorlist") > html.index(seat_url(live_workshop, scribe))
    scribe.refresh_from_db()
    assert (scribe.table, scribe.is_scribe) == (tables[0], True)


def test_the_seat_service_refuses_a_scribe_without_a_table(live_workshop, tables, participant_factory):
    seated = participant_factory(workshop=live_workshop, table=tables[1])

    refused(lambda: services.participant_seat(participant=seated, table_id=None, is_scribe=True), "A scribe must sit at a table")
    seated.refresh_from_db()
    assert (seated.table, seated.is_scribe) == (tables[1], False)


def test_the_facilitator_moves_a_participant_and_names_them_scribe_in_one_post(client, live_workshop, facilitator, tables, participant_factory):
    participant = participant_factory(workshop=live_workshop, table=None)
    client.force_login(facilitator)

    client.post(seat_url(live_workshop, participant), {"table": tables[1].pk, "scribe": "1"})

    participant.refresh_from_db()
    assert (participant.table, participant.is_scribe) == (tables[1], True)


def test_a_seat_form_without_the_scribe_field_drops_the_role_with_the_table(client, live_workshop, facilitator, scribe, tables):
    client.force_login(facilitator)

    client.post(seat_url(live_workshop, scribe), {"table": tables[1].pk})

    scribe.refresh_from_db()
    assert (scribe.table, scribe.is_scribe) == (tables[1], False)


def test_the_facilitator_takes_the_scribe_role_back_and_the_seat_stays(client, live_workshop, facilitator, scribe, tables):
    client.force_login(facilitator)

    client.post(seat_url(live_workshop, scribe), {"table": tables[0].pk, "scribe": "0"})

    scribe.refresh_from_db()
    assert (scribe.table, scribe.is_scribe) == (tables[0], False)


@pytest.mark.parametrize("table", ["abc", "999999999999999999999999", "-1", "\x00"])
def test_a_seat_form_with_a_bad_table_is_refused_without_a_500(client, live_workshop, facilitator, scribe, tables, table):
    client.force_login(facilitator)

    response = client.post(seat_url(live_workshop, scribe), {"table": table, "scribe": "1"})

    assert response.status_code == 422 and 'class="errorlist"' in response.content.decode()
    scribe.refresh_from_db()
    assert (scribe.table, scribe.is_scribe) == (tables[0], True)


def test_a_table_of_another_workshop_is_refused_by_the_seat_service(live_workshop, scribe, tables, workshop_factory):
    foreign = workshop_factory().tables.first()

    refused(lambda: services.participant_seat(participant=scribe, table_id=foreign.pk, is_scribe=False), "this workshop's tables")
    scribe.refresh_from_db()
    assert (scribe.table, scribe.is_scribe) == (tables[0], True)


# --- A full table says where there is room --------------------------------------------------------


def test_a_full_table_is_refused_with_the_tables_that_have_room(live_workshop, full_table, tables):
    services.table_create(workshop=live_workshop, name="Salle C", capacity=1)
    services.table_create(workshop=live_workshop, name="Salle D", capacity=3)
    participant_one = Participant.objects.filter(table=full_table).first()
    services.participant_set_table(participant=participant_one, table_id=full_table.pk)

    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.participant_join(workshop=live_workshop, display_name="Camille", table_id=full_table.pk)

    assert error.value.message_dict["table"] == [
        "This table is full: Table 2 has 1 seat. Tables with room: Table 1 (15 seats left), Salle C (1 seat left), Salle D (3 seats left)."
    ]


def test_when_every_table_is_full_the_message_says_to_ask_the_facilitator(live_workshop, full_table, tables):
    services.table_update(table=tables[0], name="", capacity=1)
    walker = services.participant_join(workshop=live_workshop, display_name="Dominique", table_id=tables[0].pk)

    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.participant_set_table(participant=walker, table_id=full_table.pk)

    # Their own table is not offered back to them.
    assert "Every other table is full too: ask the facilitator for a seat." in error.value.messages[0]


def test_the_join_form_shows_seats_left_and_a_full_table_cannot_be_picked(client, live_workshop, full_table, english):
    response = client.get(reverse("workshops:join_workshop", args=["QN2012"]))

    html = response.content.decode()
    assert f'<option value="{full_table.pk}" disabled>Table 2 — full</option>' in html
    assert "Table 1 — 15 seats left</option>" in html


def test_joining_a_full_table_from_the_form_keeps_the_name_and_offers_the_others(client, live_workshop, full_table, english):
    response = client.post(reverse("workshops:join_workshop", args=["QN2012"]), {"display_name": "Camille", "table": full_table.pk})

    assert response.status_code == 422
    html = response.content.decode()
    assert "This table is full: Table 2 has 1 seat. Tables with room: Table 1 (15 seats left)." in html
    assert 'value="Camille"' in html
    assert not Participant.objects.filter(display_name="Camille").exists()


def test_the_canvas_table_picker_leaves_ones_own_full_table_selectable(client, join_as, live_workshop, full_table, english):
    join_as(client, Participant.objects.get(table=full_table))

    html = client.get(reverse("workshops:canvas", args=["QN2012"])).content.decode()

    assert f'<option value="{full_table.pk}" selected>Table 2 — full</option>' in html


@pytest.mark.django_db(transaction=True)
def test_two_people_joining_the_last_seat_at_once_one_sits_and_the_other_is_told_where_to_go(live_workshop, tables):
    from tests.workshops.test_concurrency import run_together

    services.table_update(table=tables[1], name="", capacity=1)
    names = iter(["Camille", "Dominique"])

    def join():
        # Each thread has its own active language: the message is written in English here.
        with translation.override("en"):
            return services.participant_join(workshop=live_workshop, display_name=next(names), table_id=tables[1].pk)

    outcomes = run_together(join, times=2)

    assert sum(isinstance(o, Participant) for o in outcomes) == 1
    [refusal] = [o for o in outcomes if isinstance(o, ValidationError)]
    assert refusal.message_dict["table"][0].startswith("This table is full")
    assert Participant.objects.filter(table=tables[1]).count() == 1
