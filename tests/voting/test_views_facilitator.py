"""The facilitator's ballots: permissions, creation, life cycle, projector tally, exports, map."""

import csv
import io
import re

import pytest
from django.urls import reverse

from tests.voting.factories import make_ballot, option_ids
from voting import selectors, services
from voting.models import Ballot
from workshops import services as workshop_services

pytestmark = pytest.mark.django_db


def url(name, workshop, ballot=None, **kwargs):
    kw = {"workshop_pk": workshop.pk, **kwargs}
    if ballot is not None:
        kw["ballot_pk"] = ballot.pk
    return reverse(f"voting:{name}", kwargs=kw)


@pytest.mark.parametrize("name", ["ballots", "map", "map_svg"])
def test_workshop_pages_need_the_workshops_facilitator(client, live_workshop, outsider, other_facilitator, name):
    assert client.get(url(name, live_workshop)).status_code == 302
    client.force_login(outsider)
    assert client.get(url(name, live_workshop)).status_code == 403
    client.force_login(other_facilitator)
    assert client.get(url(name, live_workshop)).status_code == 403


@pytest.mark.parametrize("name", ["ballot", "projector", "tally"])
def test_ballot_pages_need_the_workshops_facilitator(client, live_workshop, other_facilitator, name):
    ballot = make_ballot(live_workshop, "dots")
    client.force_login(other_facilitator)
    assert client.get(url(name, live_workshop, ballot)).status_code == 403
    assert client.post(url("action", live_workshop, ballot, action="close")).status_code == 403
    assert Ballot.objects.get().is_open


def test_the_facilitator_prepares_a_ballot_over_the_scenarios(client, live_workshop, facilitator, scenario_factory):
    for title in ["Posséder, c'est dépassé", "La fin du salariat", "Tous fabricants"]:
        scenario_factory(edition=live_workshop.edition, title=title)
    client.force_login(facilitator)
    assert client.get(url("ballots", live_workshop)).status_code == 200
    response = client.post(
        url("ballots", live_workshop),
        {"title": "Lesquels développer ?", "method": "approval", "source": "scenarios", "min_choices": 1, "max_choices": 2,
         "retain_count": 2, "shuffle_options": "on", "hide_results": "on", "anonymous": "on",
         "budget": 5, "max_per_option": 3, "scale_min": 1, "scale_max": 5},
    )  # fmt: skip
    ballot = Ballot.objects.get()
    assert response.status_code == 302 and response.url == url("ballot", live_workshop, ballot)
    assert ballot.options.count() == 3 and ballot.retain_count == 2 and ballot.status == "draft"


def test_an_invalid_ballot_form_answers_400(client, live_workshop, facilitator):
    client.force_login(facilitator)
    response = client.post(
        url("ballots", live_workshop),
        {"title": "Vide", "method": "dots", "source": "lines", "lines": "", "budget": 5, "max_per_option": 3,
         "min_choices": 1, "scale_min": 1, "scale_max": 5},
    )  # fmt: skip
    assert response.status_code == 422 and not Ballot.objects.exists()


def test_open_close_and_reveal_from_the_ballot_page(client, live_workshop, facilitator):
    ballot = make_ballot(live_workshop, "dots", open=False)
    client.force_login(facilitator)
    for action in ["open", "close", "reveal"]:
        assert client.post(url("action", live_workshop, ballot, action=action)).status_code == 302
    ballot.refresh_from_db()
    assert ballot.status == Ballot.Status.CLOSED and ballot.revealed
    assert client.get(url("ballot", live_workshop, ballot)).status_code == 200


def test_the_projector_hides_bars_until_reveal_and_always_shows_turnout(client, live_workshop, facilitator, participant_factory):
    ballot = make_ballot(live_workshop, "dots", labels=["Tout se loue", "B", "C"])
    services.vote_cast(participant=participant_factory(workshop=live_workshop), ballot_id=ballot.pk, choices={option_ids(ballot)[0]: 2})
    client.force_login(facilitator)
    html = client.get(url("projector", live_workshop, ballot)).content.decode()
    assert 'data-turnout="1"' in html and "vote-bar-fill" in html and "Tout se loue" not in html
    services.ballot_reveal(ballot=ballot)
    html = client.get(url("projector", live_workshop, ballot)).content.decode()
    assert "Tout se loue" in html and 'width="100.0"' in html
    assert 'style="' not in html


def test_an_unchanged_tally_poll_answers_204_and_a_vote_changes_it(client, live_workshop, facilitator, participant_factory):
    ballot = make_ballot(live_workshop, "dots")
    client.force_login(facilitator)
    tally_url = url("tally", live_workshop, ballot)
    page = client.get(url("projector", live_workshop, ballot)).content.decode()
    shown = re.search(r'tally/\?v=([^"&]+)"', page).group(1)
    assert client.get(tally_url, {"v": shown}).status_code == 204
    services.vote_cast(participant=participant_factory(workshop=live_workshop), ballot_id=ballot.pk, choices={option_ids(ballot)[0]: 1})
    response = client.get(tally_url, {"v": shown})
    assert response.status_code == 200 and 'data-turnout="1"' in response.content.decode()
    # The redrawn tally carries the new version: the next poll is unchanged again.
    shown = re.search(r'tally/\?v=([^"&]+)"', response.content.decode()).group(1)
    assert client.get(tally_url, {"v": shown}).status_code == 204


@pytest.mark.parametrize("move_to", [None, 2], ids=["leaves", "changes-table"])
def test_a_table_ballots_tally_follows_a_voter_who_leaves_the_table(client, live_workshop, facilitator, participant_factory, move_to):
    table = live_workshop.tables.get(number=1)
    voter = participant_factory(workshop=live_workshop, table=table)
    ballot = make_ballot(live_workshop, "dots", table=table)
    services.vote_cast(participant=voter, ballot_id=ballot.pk, choices={option_ids(ballot)[0]: 1})
    client.force_login(facilitator)
    page = client.get(url("projector", live_workshop, ballot)).content.decode()
    shown = re.search(r'tally/\?v=([^"&]+)"', page).group(1)
    tally_url = url("tally", live_workshop, ballot)
    assert 'data-turnout="1"' in page and client.get(tally_url, {"v": shown}).status_code == 204

    new_table = live_workshop.tables.get(number=move_to).pk if move_to else None
    workshop_services.participant_set_table(participant=voter, table_id=new_table)

    # The paper no longer counts: the projector redraws now, not at the next vote.
    response = client.get(tally_url, {"v": shown})
    assert response.status_code == 200 and 'data-turnout="0"' in response.content.decode()


def test_the_tally_poll_costs_a_fixed_number_of_queries(client, live_workshop, facilitator, participant_factory, django_assert_max_num_queries):
    ballot = make_ballot(live_workshop, "dots", budget=3, max_per_option=3, anonymous=False, hide_results=False)
    client.force_login(facilitator)
    tally_url = url("tally", live_workshop, ballot)
    client.get(tally_url)  # warm the session and permission caches the same way each time
    with django_assert_max_num_queries(6):
        assert client.get(tally_url, {"v": selectors.tally_version(ballot)}).status_code == 204
    for i in range(15):
        services.vote_cast(participant=participant_factory(workshop=live_workshop), ballot_id=ballot.pk, choices={option_ids(ballot)[i % 3]: 3})
    with django_assert_max_num_queries(10):
        response = client.get(tally_url, {"v": 0})
    assert response.status_code == 200 and 'data-turnout="15"' in response.content.decode()


def test_exports_per_ballot_and_per_workshop_mid_workshop(client, live_workshop, facilitator, participant_factory):
    ballot = make_ballot(live_workshop, "approval", labels=["Posséder, c'est dépassé", "B"], anonymous=False)
    alice = participant_factory(workshop=live_workshop, display_name="Alice")
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices=[option_ids(ballot)[0]])
    client.force_login(facilitator)

    rows = list(csv.DictReader(io.StringIO(client.get(url("export_ballot", live_workshop, ballot, fmt="csv")).content.decode())))
    assert rows[0]["option"] == "Posséder, c'est dépassé" and rows[0]["score"] == "1" and rows[0]["voters"] == "Alice"

    data = client.get(url("export_ballot", live_workshop, ballot, fmt="json")).json()
    assert data["turnout"]["papers"] == 1 and data["papers"][0]["voter"] == "Alice"

    whole = client.get(url("export_workshop", live_workshop, fmt="json")).json()
    assert [b["id"] for b in whole["ballots"]] == [ballot.pk]
    assert client.get(url("export_workshop", live_workshop, fmt="csv")).status_code == 200
    assert client.get(url("export_workshop", live_workshop, fmt="exe")).status_code == 404


def test_an_anonymous_export_names_nobody(client, live_workshop, facilitator, participant_factory):
    ballot = make_ballot(live_workshop, "approval", anonymous=True)
    services.vote_cast(participant=participant_factory(workshop=live_workshop, display_name="Alice"), ballot_id=ballot.pk, choices=[option_ids(ballot)[0]])
    client.force_login(facilitator)
    assert "Alice" not in client.get(url("export_ballot", live_workshop, ballot, fmt="json")).content.decode()
    assert "Alice" not in client.get(url("export_ballot", live_workshop, ballot, fmt="csv")).content.decode()


def test_the_map_places_scenarios_on_two_scale_questions(client, live_workshop, facilitator, participant_factory, scenario_factory):
    for title in ["Posséder, c'est dépassé", "La fin du salariat"]:
        scenario_factory(edition=live_workshop.edition, title=title)
    options = services.options_from_scenarios(workshop=live_workshop)
    plausible = make_ballot(live_workshop, "scale", options=options, scale_min=1, scale_max=5)
    desirable = make_ballot(live_workshop, "scale", options=options, scale_min=-2, scale_max=2)
    voter = participant_factory(workshop=live_workshop)
    services.vote_cast(participant=voter, ballot_id=plausible.pk, choices={o: 5 for o in option_ids(plausible)})
    services.vote_cast(participant=voter, ballot_id=desirable.pk, choices={option_ids(desirable)[0]: 2, option_ids(desirable)[1]: -2})
    client.force_login(facilitator)

    html = client.get(url("map", live_workshop)).content.decode()
    assert html.count('class="dot"') == 2 and "La fin du salariat" in html
    svg = client.get(url("map_svg", live_workshop))
    assert svg["Content-Type"].startswith("image/svg+xml")
    # 5 on 1..5 is the right edge (890), +2 on -2..2 the top (70).
    assert 'cx="890.0" cy="70.0"' in svg.content.decode()
    assert "cartography" in client.get(url("export_workshop", live_workshop, fmt="json")).json()


@pytest.mark.parametrize("name", ["ballots", "map", "ballot", "projector"])
def test_the_voting_stylesheet_is_linked_in_the_head_once(client, live_workshop, facilitator, name):
    ballot = make_ballot(live_workshop, "dots")
    client.force_login(facilitator)
    html = client.get(url(name, live_workshop, ballot if name in ("ballot", "projector") else None)).content.decode()
    head, body = html.split("</head>", 1)
    assert "css/voting.css" in head and "css/voting.css" not in body


def test_the_action_messages_speak_the_facilitators_language(english, live_workshop, facilitator):
    ballot = make_ballot(live_workshop, "dots")
    english.force_login(facilitator)
    html = english.post(url("action", live_workshop, ballot, action="close"), follow=True).content.decode()
    assert "Ballot closed." in html and "Scrutin clos" not in html
    html = english.post(url("action", live_workshop, ballot, action="reveal"), follow=True).content.decode()
    assert "Results revealed." in html


def test_the_action_messages_are_french_by_default(client, live_workshop, facilitator):
    ballot = make_ballot(live_workshop, "dots")
    client.force_login(facilitator)
    html = client.post(url("action", live_workshop, ballot, action="close"), follow=True).content.decode()
    assert "Scrutin clos." in html and "Ballot closed." not in html


def test_another_methods_settings_do_not_block_the_form(client, live_workshop, facilitator):
    client.force_login(facilitator)
    response = client.post(
        url("ballots", live_workshop),
        {"title": "Souhaitable ?", "method": "yesno", "source": "lines", "lines": "A\nB",
         "budget": 0, "max_per_option": "beaucoup", "scale_min": 9, "scale_max": 1},
    )  # fmt: skip
    ballot = Ballot.objects.get()
    assert response.status_code == 302 and ballot.method == "yesno"
    assert list(ballot.options.values_list("label", flat=True)) == ["A", "B"]


def test_a_blank_setting_takes_its_methods_default(client, live_workshop, facilitator):
    client.force_login(facilitator)
    response = client.post(
        url("ballots", live_workshop),
        {"title": "Points", "method": "dots", "source": "lines", "lines": "A\nB", "budget": "", "max_per_option": ""},
    )
    ballot = Ballot.objects.get()
    assert response.status_code == 302 and (ballot.budget, ballot.max_per_option) == (5, 3)


def test_a_methods_setting_out_of_range_is_a_form_error(client, live_workshop, facilitator):
    client.force_login(facilitator)
    response = client.post(
        url("ballots", live_workshop),
        {"title": "Points", "method": "dots", "source": "lines", "lines": "A\nB", "budget": 2, "max_per_option": 3},
    )
    assert response.status_code == 422 and not Ballot.objects.exists()
    assert response.context["form"].errors["max_per_option"]


def test_table_outputs_that_do_not_exist_yet_are_a_form_error(client, live_workshop, facilitator):
    client.force_login(facilitator)
    response = client.post(url("ballots", live_workshop), {"title": "Lignes", "method": "approval", "source": "outputs"})
    assert response.status_code == 422 and not Ballot.objects.exists()
    assert response.context["form"].errors["source"]
