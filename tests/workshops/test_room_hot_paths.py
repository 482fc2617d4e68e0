"""What the facilitator's screens cost in a big room: a newcomer redraws only what shows it (the control
room's people and tables), and the people part renders the seat menu once per table, not per participant."""

import re

import pytest
from django.urls import reverse

from workshops import live, services
from workshops.models import Workshop
from workshops.selectors import CONTROL_PARTS

from .conftest import part_url

pytestmark = pytest.mark.django_db



def projector_poll(client, workshop):
    page = client.get(reverse("workshops:projector", args=[workshop.pk]))
    return reverse("workshops:projector_live", args=[workshop.pk]) + f"?v={page.context['version']}"


def test_a_newcomer_redraws_the_people_and_tables_not_the_projector(client, live_workshop, control_room, only_session_reads):
    poll = projector_poll(client, live_workshop)
    version = Workshop.objects.get(pk=live_workshop.pk).version

    services.participant_join(workshop=live_workshop, display_name="Nouvelle", table_id=live_workshop.tables.get(number=1).pk)

    assert Workshop.objects.get(pk=live_workshop.pk).version == version
    with only_session_reads():
        assert client.get(poll).status_code == 204
    statuses = {part: client.get(part_url(live_workshop, part, control_room[part])).status_code for part in CONTROL_PARTS}
    assert statuses == {"agenda": 204, "tables": 200, "people": 200}
    assert "Nouvelle" in client.get(part_url(live_workshop, "people", control_room["people"])).content.decode()


def seat_menus(html, tables: int) -> dict[str, str]:
    """Each participant's seat menu: the selected table's option value ('' for no table)."""
    menus = {}
    for form_id, options in re.findall(r'<select form="(seat-form-\d+)" name="table"[^>]*>(.*?)</select>', html, re.S):
        selected = re.findall(r'<option value="(\d*)" selected>', options)
        menus[form_id] = selected[0] if selected else ""
        assert len(re.findall(r"<option ", options)) == tables + 1
    return menus


def test_the_people_part_renders_every_seat_menu_in_a_bounded_number_of_queries(
    client, live_workshop, control_room, participant_factory, django_assert_max_num_queries
):
    for _ in range(8):
        services.table_create(workshop=live_workshop)
    tables = list(live_workshop.tables.order_by("number"))
    people = [participant_factory(workshop=live_workshop, table=tables[n % len(tables)] if n % 5 else None) for n in range(60)]
    with django_assert_max_num_queries(14):
        response = client.get(part_url(live_workshop, "people", "stale"), headers={"HX-Request": "true"})
    assert response.status_code == 200
    menus = seat_menus(response.content.decode(), len(tables))
    for person in people:
        assert menus[f"seat-form-{person.pk}"] == (str(person.table_id) if person.table_id else "")
    # A table's name is escaped where it is shown, as the template did.
    services.table_update(table=tables[0], name="<b>Table</b> & co")
    html = client.get(part_url(live_workshop, "people", "stale"), headers={"HX-Request": "true"}).content.decode()
    assert "&lt;b&gt;Table&lt;/b&gt; &amp; co" in html and "<b>Table</b>" not in html


def test_the_roster_token_is_dropped_after_the_commit_too(live_workshop, django_capture_on_commit_callbacks):
    before = live.control_parts(live_workshop.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.participant_join(workshop=live_workshop, display_name="Tardive", table_id=None)
    assert live.control_parts(live_workshop.pk)["people"] != before["people"]
