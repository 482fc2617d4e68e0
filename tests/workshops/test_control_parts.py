"""The control room refreshes part by part: a part is sent again only when what it shows changed."""

import pytest
from django.urls import reverse

from workshops import services
from workshops.selectors import CONTROL_PARTS

from .conftest import part_url

pytestmark = pytest.mark.django_db




def poll_all(client, workshop, digests) -> dict[str, int]:
    return {part: client.get(part_url(workshop, part, digests[part])).status_code for part in CONTROL_PARTS}


def test_the_page_polls_each_part_with_its_digest(client, live_workshop, control_room):
    html = client.get(reverse("workshops:control", args=[live_workshop.pk])).content.decode()
    for part in CONTROL_PARTS:
        assert f'id="control-{part}"' in html
        assert f'hx-get="{part_url(live_workshop, part, control_room[part])}"'.replace("&", "&amp;") in html


def test_an_unchanged_part_is_a_204_reading_only_its_session(client, live_workshop, control_room, only_session_reads):
    with only_session_reads(requests=len(CONTROL_PARTS)):
        statuses = poll_all(client, live_workshop, control_room)
    assert statuses == dict.fromkeys(CONTROL_PARTS, 204)


def test_a_post_it_in_the_room_sends_no_part_again(client, live_workshop, control_room, django_assert_max_num_queries):
    author = services.participant_join(workshop=live_workshop, display_name="Amélie", table_id=live_workshop.tables.get(number=1).pk)
    digests = client.get(reverse("workshops:control", args=[live_workshop.pk])).context["parts"]
    section = live_workshop.phases.get(position=1).canvas.sections.first()

    services.contribution_post(participant=author, section_id=section.pk, text="Une idée de plus")

    # The workshop's version moved: it is read, then the digests once (1 + 5 queries), and no part
    # changed; each of the three polls reads its session (3).
    with django_assert_max_num_queries(9):
        statuses = poll_all(client, live_workshop, digests)
    assert statuses == dict.fromkeys(CONTROL_PARTS, 204)


def test_a_seat_sends_the_people_and_the_tables_again_not_the_agenda(client, live_workshop, control_room, participant_factory):
    walker = participant_factory(workshop=live_workshop, table=None)
    digests = client.get(reverse("workshops:control", args=[live_workshop.pk])).context["parts"]

    services.participant_seat(participant=walker, table_id=live_workshop.tables.get(number=2).pk)

    assert poll_all(client, live_workshop, digests) == {"agenda": 204, "tables": 200, "people": 200}


def test_a_timer_sends_only_the_agenda_again(client, live_workshop, control_room):
    phase = live_workshop.phases.get(position=1)
    phase.duration_seconds = 600
    phase.save(update_fields=["duration_seconds"])
    digests = client.get(reverse("workshops:control", args=[live_workshop.pk])).context["parts"]

    services.timer_start(phase=phase)

    response = client.get(part_url(live_workshop, "agenda", digests["agenda"]), headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="card" id="control-agenda"') and "<html" not in html
    assert 'role="timer"' in html
    assert poll_all(client, live_workshop, digests) | {"agenda": 200} == {"agenda": 200, "tables": 204, "people": 204}


def test_a_changed_part_costs_a_bounded_number_of_queries(client, live_workshop, control_room, participant_factory, django_assert_max_num_queries):
    for _ in range(30):
        participant_factory(workshop=live_workshop, table=live_workshop.tables.get(number=1))
    for part in CONTROL_PARTS:
        with django_assert_max_num_queries(14):
            assert client.get(part_url(live_workshop, part, "stale")).status_code == 200


def test_an_unknown_part_is_a_404(client, live_workshop, control_room):
    assert client.get(part_url(live_workshop, "everything", "x")).status_code == 404


def test_only_its_facilitators_poll_a_part(client, live_workshop, control_room, other_facilitator):
    client.force_login(other_facilitator)
    assert client.get(part_url(live_workshop, "people", control_room["people"])).status_code == 403
    client.logout()
    assert client.get(part_url(live_workshop, "people", control_room["people"])).status_code == 403
