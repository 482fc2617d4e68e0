"""The pages and the API refuse what the rules refuse: probed as an outsider would."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.voting.factories import make_ballot
from voting.models import Ballot, BallotPaper
from workshops import services
from workshops.models import Contribution, PlusOne, TableSynthesis, Workshop

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def other_workshop(workshop_factory, other_facilitator):
    """Bob's workshop B, live, with a post-it at its first table."""
    workshop = workshop_factory(facilitator=other_facilitator, join_code="OTHER2")
    services.phase_open(phase=workshop.phases.get(position=1))
    return workshop


@pytest.fixture
def tables(live_workshop):
    return live_workshop.tables.get(number=1), live_workshop.tables.get(number=2)


@pytest.fixture
def scribe1(live_workshop, tables, participant_factory):
    return participant_factory(workshop=live_workshop, table=tables[0], is_scribe=True, display_name="Sophie")


@pytest.fixture
def postit2(live_workshop, tables, participant_factory, contribution_factory):
    """A post-it of table 2."""
    return contribution_factory(participant=participant_factory(workshop=live_workshop, table=tables[1]), text="Table deux")


def w(name, code="QN2012", *args):
    return reverse(f"workshops:{name}", args=[code, *args])


# --- A scribe's authority stops at their table -------------------------------------------------


def test_a_scribe_of_table_1_cannot_hide_a_postit_of_table_2(client, join_as, scribe1, postit2):
    join_as(client, scribe1)
    assert client.post(w("scribe_hide", "QN2012", postit2.pk), {"hidden": "1"}).status_code == 403
    assert client.post(w("scribe_hide", "QN2012", postit2.pk), {"hidden": "1"}, **HTMX).status_code == 403
    postit2.refresh_from_db()
    assert not postit2.hidden


def test_a_scribe_of_table_1_cannot_group_or_merge_table_2s_postits(client, join_as, scribe1, tables, postit2, contribution_factory, participant_factory, live_workshop):
    mine = contribution_factory(participant=participant_factory(workshop=live_workshop, table=tables[0]), text="Table un")
    join_as(client, scribe1)
    assert client.post(w("scribe_group"), {"contributions": [mine.pk, postit2.pk], "label": "Tout"}).status_code == 403
    assert client.post(w("scribe_merge"), {"target": mine.pk, "source": postit2.pk}).status_code == 403
    assert client.post(w("scribe_merge"), {"target": postit2.pk, "source": mine.pk}).status_code == 403
    assert set(Contribution.objects.values_list("group_label", "merged_into")) == {("", None)}


def test_a_scribe_of_table_1_cannot_plus_one_table_2_through_the_api(client, join_as, scribe1, postit2):
    join_as(client, scribe1)
    response = client.post(reverse("workshops:api_plus_one", args=["QN2012", postit2.pk]))
    assert response.status_code == 403 and response.json()["detail"] is not None
    assert PlusOne.objects.count() == 0


def test_a_plain_participant_cannot_open_the_scribes_board_or_write_the_synthesis(client, join_as, tables, participant_factory, live_workshop):
    join_as(client, participant_factory(workshop=live_workshop, table=tables[0]))
    assert client.get(w("scribe")).status_code == 403
    assert client.post(w("scribe_synthesis"), {"text": "Notre synthèse"}).status_code == 403
    assert TableSynthesis.objects.count() == 0


# --- A participant of workshop A has nothing in workshop B ---------------------------------------


@pytest.fixture
def daniel(live_workshop, tables, participant_factory):
    """A participant of workshop A (alice's, QN2012)."""
    return participant_factory(workshop=live_workshop, table=tables[0], display_name="Daniel")


def test_a_participant_of_a_is_sent_to_bs_join_page_for_every_page_of_b(client, join_as, daniel, other_workshop):
    join_as(client, daniel)
    join = reverse("workshops:join") + "?code=OTHER2"
    for response in (
        client.get(w("canvas", "OTHER2")),
        client.get(w("scribe", "OTHER2")),
        client.post(w("post", "OTHER2"), {"section": 1, "text": "Intrusion"}),
        client.post(w("choose_table", "OTHER2"), {"table": other_workshop.tables.first().pk}),
        client.get(reverse("voting:cast", args=["OTHER2"])),
    ):
        assert response.status_code == 302 and response["Location"] == join
    # The poll answers as for a code that is no workshop's: nothing to tell a guesser.
    assert client.get(w("canvas_live", "OTHER2") + "?v=1").status_code == 404
    assert Contribution.objects.count() == 0


def test_a_participant_of_a_cannot_read_or_write_b_through_the_api(client, join_as, daniel, other_workshop, participant_factory, contribution_factory):
    theirs = contribution_factory(participant=participant_factory(workshop=other_workshop))
    section = other_workshop.phases.get(position=1).canvas.sections.first()
    ballot = make_ballot(other_workshop)
    join_as(client, daniel)
    assert client.get(reverse("workshops:api_board", args=["OTHER2"])).status_code == 403
    posted = client.post(reverse("workshops:api_contributions", args=["OTHER2"]), {"section": section.pk, "text": "x"}, content_type="application/json")
    assert posted.status_code == 403
    assert client.post(reverse("workshops:api_plus_one", args=["OTHER2", theirs.pk])).status_code == 403
    # B's post-it through A's code: not a post-it of A.
    assert client.post(reverse("workshops:api_plus_one", args=["QN2012", theirs.pk])).status_code == 404
    voted = client.post(reverse("voting:api_vote", args=["OTHER2", ballot.pk]), {"choices": {}}, content_type="application/json")
    assert voted.status_code == 403
    # B's ballot through A's code: not a ballot of A.
    assert client.post(reverse("voting:api_vote", args=["QN2012", ballot.pk]), {"choices": {}}, content_type="application/json").status_code == 404
    assert client.get(reverse("voting:vote", args=["QN2012", ballot.pk])).status_code == 404
    assert Contribution.objects.count() == 1 and PlusOne.objects.count() == 0 and BallotPaper.objects.count() == 0


def test_a_table_ballot_is_not_shown_to_another_table(client, join_as, live_workshop, tables, participant_factory):
    ballot = make_ballot(live_workshop, table=tables[1])
    join_as(client, participant_factory(workshop=live_workshop, table=tables[0]))
    assert client.get(reverse("voting:vote", args=["QN2012", ballot.pk])).status_code == 404
    assert client.post(reverse("voting:api_vote", args=["QN2012", ballot.pk]), {"choices": {}}, content_type="application/json").status_code == 404
    assert Ballot.objects.get(pk=ballot.pk).papers.count() == 0


# --- A closed workshop is read-only for the room -----------------------------------------------


def test_a_closed_workshop_refuses_the_scribe_and_the_participants(client, join_as, live_workshop, scribe1, tables, postit2, participant_factory, contribution_factory):
    mine = contribution_factory(participant=participant_factory(workshop=live_workshop, table=tables[0]))
    services.workshop_close(workshop=live_workshop)
    join_as(client, scribe1)
    assert client.get(w("scribe")).status_code == 200  # still readable
    assert client.get(w("canvas")).status_code == 200
    assert client.post(w("scribe_hide", "QN2012", mine.pk), {"hidden": "1"}).status_code == 403
    assert client.post(w("scribe_group"), {"contributions": [mine.pk], "label": "Après coup"}).status_code == 403
    assert client.post(w("choose_table"), {"table": tables[1].pk}).status_code == 403
    assert client.post(w("post"), {"section": 1, "text": "Trop tard"}).status_code == 403
    mine.refresh_from_db()
    assert not mine.hidden and mine.group_label == ""
    assert Contribution.objects.count() == 2


# --- Staff act only where their role allows ------------------------------------------------------


def _facilitator_pages(workshop):
    pk = workshop.pk
    phase = workshop.phases.get(position=1).pk
    return [
        ("get", reverse("workshops:control", args=[pk])),
        ("get", reverse("workshops:projector", args=[pk])),
        ("get", reverse("workshops:join_qr", args=[pk])),
        ("post", reverse("workshops:close", args=[pk])),
        ("post", reverse("workshops:phase_action", args=[pk, phase, "close"])),
        ("post", reverse("workshops:add_table", args=[pk])),
        ("get", reverse("voting:ballots", args=[pk])),
        ("get", reverse("voting:export_workshop", args=[pk, "csv"])),
        ("get", reverse("voting:map", args=[pk])),
    ]


@pytest.mark.parametrize("who", ["editor", "other_facilitator", "outsider"])
def test_staff_who_do_not_run_the_workshop_get_403_everywhere_in_it(client, request, live_workshop, who):
    client.force_login(request.getfixturevalue(who))
    ballot = make_ballot(live_workshop)
    pages = _facilitator_pages(live_workshop) + [
        ("get", reverse("voting:ballot", args=[live_workshop.pk, ballot.pk])),
        ("get", reverse("voting:export_ballot", args=[live_workshop.pk, ballot.pk, "json"])),
        ("post", reverse("voting:action", args=[live_workshop.pk, ballot.pk, "close"])),
    ]
    for method, url in pages:
        assert getattr(client, method)(url).status_code == 403, url
    assert Workshop.objects.get(pk=live_workshop.pk).status == Workshop.Status.LIVE
    assert Ballot.objects.get(pk=ballot.pk).status == Ballot.Status.OPEN


def test_an_editor_cannot_open_the_dashboard(client, editor):
    client.force_login(editor)
    assert client.get(reverse("workshops:dashboard")).status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login_page(live_workshop):
    client = Client()
    for method, url in _facilitator_pages(live_workshop) + [("get", reverse("workshops:dashboard")), ("get", reverse("scenarios:library"))]:
        response = getattr(client, method)(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url


def test_an_anonymous_htmx_request_sends_the_whole_page_to_login(live_workshop):
    response = Client().get(reverse("workshops:control", args=[live_workshop.pk]), **HTMX)
    assert response.status_code == 200 and response["HX-Redirect"].startswith(reverse("login"))


def test_the_facilitator_and_a_superuser_run_it(client, live_workshop, facilitator, user_factory):
    for user in (facilitator, user_factory(username="root", is_superuser=True)):
        client.force_login(user)
        assert client.get(reverse("workshops:control", args=[live_workshop.pk])).status_code == 200
        assert client.get(reverse("voting:ballots", args=[live_workshop.pk])).status_code == 200


def test_a_facilitator_who_lost_the_role_no_longer_runs_their_workshops(client, live_workshop, facilitator):
    facilitator.groups.clear()
    client.force_login(facilitator)
    assert client.get(reverse("workshops:control", args=[live_workshop.pk])).status_code == 403
    assert list(Workshop.objects.facilitated_by(facilitator)) == []


def test_a_missing_workshop_is_a_404_for_those_who_may_run_workshops(client, facilitator):
    client.force_login(facilitator)
    assert client.get(reverse("workshops:control", args=[999999])).status_code == 404
    assert client.get(reverse("voting:ballots", args=[999999])).status_code == 404


@pytest.mark.parametrize("who", ["outsider"])
def test_a_signed_in_reader_gets_403_in_the_library(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("scenarios:library")).status_code == 403
