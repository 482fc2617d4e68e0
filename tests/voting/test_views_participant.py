"""The participant's voting page and the cast endpoint (form, htmx and JSON API)."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from tests.voting.factories import make_ballot, option_ids
from voting import services
from voting.models import Allocation, BallotPaper

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice(live_workshop, participant_factory):
    return participant_factory(workshop=live_workshop, display_name="Alice")


def vote_url(workshop, ballot):
    return reverse("voting:vote", kwargs={"code": workshop.join_code, "ballot_pk": ballot.pk})


def test_a_visitor_who_has_not_joined_is_sent_to_the_join_page(client, live_workshop):
    response = client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code}))
    assert response.status_code == 302 and "/w/join/" in response.url


def test_the_page_lists_open_ballots_with_the_remaining_budget(client, live_workshop, alice, join_as):
    ballot = make_ballot(live_workshop, "dots", budget=5, max_per_option=3, labels=["<b>Tout se loue</b>", "B"])
    make_ballot(live_workshop, "approval", open=False)  # a draft is not shown
    join_as(client, alice)
    response = client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code}))
    html = response.content.decode()
    assert response.status_code == 200
    assert ballot.title in html and "Vote approval" not in html
    assert "&lt;b&gt;Tout se loue&lt;/b&gt;" in html  # escaped
    assert 'data-remaining>5<' in html
    assert 'style="' not in html


def test_an_htmx_vote_returns_the_card_with_the_new_budget(client, live_workshop, alice, join_as):
    ballot = make_ballot(live_workshop, "dots", budget=5, max_per_option=3)
    a, b, c = option_ids(ballot)
    join_as(client, alice)
    response = client.post(vote_url(live_workshop, ballot), {f"o{a}": "3", f"o{b}": "1", "revision": "0"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-remaining>1<" in html and "vote-saved" in html
    assert BallotPaper.objects.get().revision == 1


def test_a_broken_rule_answers_400_with_the_message_and_writes_nothing(client, live_workshop, alice, join_as):
    ballot = make_ballot(live_workshop, "dots", budget=5, max_per_option=3)
    a, b, c = option_ids(ballot)
    join_as(client, alice)
    response = client.post(vote_url(live_workshop, ballot), {f"o{a}": "3", f"o{b}": "3", "revision": "0"}, headers={"HX-Request": "true"})
    assert response.status_code == 422
    assert "vote-error" in response.content.decode()
    assert not BallotPaper.objects.exists()


def test_a_double_send_answers_409(client, live_workshop, alice, join_as):
    ballot = make_ballot(live_workshop, "approval")
    a = option_ids(ballot)[0]
    join_as(client, alice)
    assert client.post(vote_url(live_workshop, ballot), {"choice": a, "revision": "0"}).status_code == 302
    assert client.post(vote_url(live_workshop, ballot), {"choice": a, "revision": "0"}).status_code == 409
    assert Allocation.objects.count() == 1


@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
def test_an_approval_form_naming_an_option_twice_is_refused_like_the_api(english, live_workshop, alice, join_as, htmx):
    client = english
    ballot = make_ballot(live_workshop, "approval")
    a = option_ids(ballot)[0]
    join_as(client, alice)
    headers = {"HX-Request": "true"} if htmx else {}

    response = client.post(vote_url(live_workshop, ballot), {"choice": [a, a], "revision": "0"}, headers=headers)

    assert response.status_code == 422
    assert "An option appears twice in your vote." in response.content.decode()
    assert not BallotPaper.objects.exists()


def test_the_api_refuses_an_approval_naming_an_option_twice(live_workshop, alice, join_as, english):
    client = english
    ballot = make_ballot(live_workshop, "approval")
    a = option_ids(ballot)[0]
    join_as(client, alice)
    url = reverse("voting:api_vote", kwargs={"code": live_workshop.join_code, "ballot_pk": ballot.pk})

    response = client.post(url, json.dumps({"choices": [a, a]}), content_type="application/json")

    assert response.status_code == 422
    assert "An option appears twice in your vote." in json.dumps(response.json())
    assert not BallotPaper.objects.exists()


def test_another_workshops_ballot_is_a_404(client, live_workshop, alice, join_as, workshop_factory):
    elsewhere = make_ballot(workshop_factory(), "approval")
    join_as(client, alice)
    response = client.post(vote_url(live_workshop, elsewhere), {"choice": option_ids(elsewhere)[0]})
    assert response.status_code == 404
    assert not BallotPaper.objects.exists()


def test_the_live_poll_answers_204_while_nothing_changed(client, live_workshop, alice, join_as):
    join_as(client, alice)
    url = poll_url(client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code})).content.decode())
    assert client.get(url).status_code == 204
    make_ballot(live_workshop, "approval")
    response = client.get(url)
    assert response.status_code == 200 and "Vote approval" in response.content.decode()


def test_the_api_casts_a_vote_and_answers_errors_as_json(live_workshop, alice, join_as):
    client = Client(enforce_csrf_checks=True)
    ballot = make_ballot(live_workshop, "ranking")
    a, b, c = option_ids(ballot)
    join_as(client, alice)
    client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code}))
    token = client.cookies["csrftoken"].value
    url = reverse("voting:api_vote", kwargs={"code": live_workshop.join_code, "ballot_pk": ballot.pk})

    bad = client.post(url, json.dumps({"choices": {a: 1, b: 1}}), content_type="application/json", headers={"X-CSRFToken": token})
    assert bad.status_code == 422 and "répète un rang" in json.dumps(bad.json(), ensure_ascii=False)

    ok = client.post(url, json.dumps({"choices": {a: 2, b: 1}, "revision": 0}), content_type="application/json", headers={"X-CSRFToken": token})
    assert ok.status_code == 200 and ok.json() == {"ballot": ballot.pk, "revision": 1, "choices": {str(a): 2, str(b): 1}}

    again = client.post(url, json.dumps({"choices": {a: 1}, "revision": 0}), content_type="application/json", headers={"X-CSRFToken": token})
    assert again.status_code == 409

    no_token = client.post(url, json.dumps({"choices": {a: 1}}), content_type="application/json")
    assert no_token.status_code == 403


def test_the_api_refuses_someone_who_has_not_joined(live_workshop):
    ballot = make_ballot(live_workshop, "approval")
    url = reverse("voting:api_vote", kwargs={"code": live_workshop.join_code, "ballot_pk": ballot.pk})
    response = Client().post(url, {"choices": "[1]"})
    assert response.status_code == 403


@pytest.fixture
def closed_workshop_ballot(live_workshop, alice):
    from workshops.services import workshop_close

    ballot = make_ballot(live_workshop, "approval")
    workshop_close(workshop=live_workshop)
    return ballot


def test_the_page_refuses_a_vote_in_a_closed_workshop_with_a_clear_message(client, live_workshop, alice, join_as, closed_workshop_ballot):
    ballot = closed_workshop_ballot
    join_as(client, alice)
    response = client.post(vote_url(live_workshop, ballot), {"choice": option_ids(ballot)[0], "revision": "0"}, headers={"HX-Request": "true"})
    assert response.status_code == 422
    assert "Cet atelier est clos : les votes ne sont plus acceptés." in response.content.decode()
    plain = client.post(vote_url(live_workshop, ballot), {"choice": option_ids(ballot)[0], "revision": "0"})
    assert plain.status_code == 422 and "atelier est clos" in plain.content.decode()
    assert not BallotPaper.objects.exists()


def test_a_closed_workshops_ballot_card_shows_no_form_but_says_why(client, live_workshop, alice, join_as, closed_workshop_ballot):
    ballot = closed_workshop_ballot
    join_as(client, alice)
    html = client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code})).content.decode()
    assert f'id="ballot-{ballot.pk}"' in html
    assert "vote-form" not in html and vote_url(live_workshop, ballot) not in html
    assert "Cet atelier est clos : les votes ne sont plus acceptés." in html
    card = client.get(vote_url(live_workshop, ballot), headers={"HX-Request": "true"}).content.decode()
    assert "vote-form" not in card and "vote-workshop-closed" in card


def test_closing_the_workshop_redraws_the_open_ballots_card_without_its_form(client, live_workshop, alice, join_as):
    from workshops.services import workshop_close

    ballot = make_ballot(live_workshop, "approval")
    join_as(client, alice)
    url = poll_url(client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code})).content.decode())
    workshop_close(workshop=live_workshop)
    html = client.get(url).content.decode()
    assert f'id="ballot-{ballot.pk}"' in html and 'hx-swap-oob="true"' in html
    assert "vote-workshop-closed" in html and "vote-form" not in html
    assert client.get(poll_url(html)).status_code == 204


def test_the_api_refuses_a_vote_in_a_closed_workshop(live_workshop, alice, join_as, closed_workshop_ballot, english):
    ballot = closed_workshop_ballot
    client = english
    join_as(client, alice)
    url = reverse("voting:api_vote", kwargs={"code": live_workshop.join_code, "ballot_pk": ballot.pk})
    response = client.post(url, json.dumps({"choices": [option_ids(ballot)[0]]}), content_type="application/json")
    assert response.status_code == 422
    assert "This workshop is closed: votes are no longer accepted." in json.dumps(response.json())
    assert not BallotPaper.objects.exists()


def poll_url(html):
    import re
    from html import unescape

    return unescape(re.search(r'id="ballot-poll" hx-get="([^"]+)"', html).group(1))


def test_the_poll_redraws_only_the_ballots_whose_state_changed(client, live_workshop, alice, join_as):
    first = make_ballot(live_workshop, "approval")
    second = make_ballot(live_workshop, "dots")
    third = make_ballot(live_workshop, "yesno", open=False)
    join_as(client, alice)
    page = client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code})).content.decode()
    assert f'id="ballot-{first.pk}"' in page and f'id="ballot-{second.pk}"' in page
    url = poll_url(page)
    assert client.get(url).status_code == 204  # nothing changed

    # Another ballot opens: only its card comes, inserted at the top; the others' forms are not sent again.
    services.ballot_open(ballot=third)
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'hx-swap-oob="afterbegin:#ballot-cards"' in html and f'id="ballot-{third.pk}"' in html
    for untouched in (first, second):
        assert f'id="ballot-{untouched.pk}"' not in html
        assert vote_url(live_workshop, untouched) not in html
    url = poll_url(html)
    assert client.get(url).status_code == 204

    # The second closes: its card alone is swapped in place.
    services.ballot_close(ballot=second)
    html = client.get(url).content.decode()
    assert f'id="ballot-{second.pk}"' in html and 'hx-swap-oob="true"' in html
    assert "en révélera les résultats" in html  # closed, results hidden until revealed
    assert f'id="ballot-{first.pk}"' not in html and f'id="ballot-{third.pk}"' not in html
    url = poll_url(html)

    # Revealing it redraws it again (with the results), still nothing else.
    services.ballot_reveal(ballot=second)
    html = client.get(url).content.decode()
    assert f'id="ballot-{second.pk}"' in html and "vote-bars" in html
    assert vote_url(live_workshop, first) not in html and vote_url(live_workshop, third) not in html


def test_a_vote_elsewhere_in_the_room_leaves_the_poll_at_204(client, live_workshop, alice, join_as, participant_factory):
    ballot = make_ballot(live_workshop, "approval")
    join_as(client, alice)
    url = poll_url(client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code})).content.decode())
    services.vote_cast(participant=participant_factory(workshop=live_workshop), ballot_id=ballot.pk, choices=[option_ids(ballot)[0]])
    assert client.get(url).status_code == 204


def test_a_ballots_status_badge_says_ouvert_not_ouvrir(client, live_workshop, alice, join_as):
    make_ballot(live_workshop, "approval")
    join_as(client, alice)
    html = client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code})).content.decode()
    assert '<span class="badge status-open">Ouvert</span>' in html


def test_the_voting_stylesheet_and_script_are_in_the_head(client, live_workshop, alice, join_as):
    make_ballot(live_workshop, "approval")
    join_as(client, alice)
    html = client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code})).content.decode()
    head, body = html.split("</head>", 1)
    assert "css/voting.css" in head and "voting/voting.js" in head
    assert "css/voting.css" not in body and "voting/voting.js" not in body


def test_an_unchanged_vote_poll_reads_only_its_session(client, live_workshop, alice, join_as, only_session_reads):
    make_ballot(live_workshop, "approval")
    join_as(client, alice)
    url = poll_url(client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code})).content.decode())
    client.get(url)  # warms the cached versions
    with only_session_reads():
        response = client.get(url)
    assert response.status_code == 204 and response.content == b""


def test_a_postit_at_any_table_keeps_the_vote_poll_at_204(client, live_workshop, alice, join_as, participant_factory, only_session_reads):
    from workshops.services import contribution_post

    first, second = live_workshop.tables.order_by("number")
    assert alice.table == first
    neighbour = participant_factory(workshop=live_workshop, table=second)
    make_ballot(live_workshop, "approval")
    join_as(client, alice)
    url = poll_url(client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code})).content.decode())
    section = live_workshop.phases.get(status="open").canvas.sections.first()
    contribution_post(participant=neighbour, section_id=section.pk, text="Tout se loue, rien ne s'achète")
    client.get(url)  # warms the cached versions
    with only_session_reads():
        assert client.get(url).status_code == 204
    contribution_post(participant=alice, section_id=section.pk, text="La fin du salariat")
    assert client.get(url).status_code == 204  # nor one at their own table: the vote page shows no post-it


def test_the_vote_poll_follows_a_change_of_table(client, live_workshop, alice, join_as):
    from workshops.services import participant_set_table

    first, second = live_workshop.tables.order_by("number")
    ballot = make_ballot(live_workshop, "approval", table=second)
    join_as(client, alice)
    page = client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code})).content.decode()
    assert f'id="ballot-{ballot.pk}"' not in page
    url = poll_url(page)
    participant_set_table(participant=alice, table_id=second.pk)
    html = client.get(url).content.decode()
    assert f'id="ballot-{ballot.pk}"' in html and vote_url(live_workshop, ballot) in html


def test_the_vote_poll_refuses_a_browser_that_has_not_joined(client, live_workshop):
    url = reverse("voting:cast_live", kwargs={"code": live_workshop.join_code})
    # Refused as a code that is no workshop's is: the poll tells a guesser nothing.
    assert client.get(url, {"v": "1.0"}).status_code == 404
    assert client.get(reverse("voting:cast_live", kwargs={"code": "NOPE42"}), {"v": "1.0"}).status_code == 404



def test_a_person_who_opens_a_ballots_card_address_gets_the_vote_page_at_that_ballot(client, live_workshop, alice, join_as):
    """The card alone is for htmx; a link or a typed address lands on the whole vote page, at the ballot."""
    ballot = make_ballot(live_workshop, "dots", budget=5, max_per_option=3)
    join_as(client, alice)
    response = client.get(vote_url(live_workshop, ballot))
    assert response.status_code == 302
    assert response.url == reverse("voting:cast", kwargs={"code": live_workshop.join_code}) + f"#ballot-{ballot.pk}"
    card = client.get(vote_url(live_workshop, ballot), headers={"HX-Request": "true"})
    assert card.status_code == 200 and f'id="ballot-{ballot.pk}"' in card.content.decode()


@pytest.mark.parametrize("results", ["hidden", "shown"])
def test_a_vote_costs_a_fixed_number_of_queries(client, live_workshop, alice, join_as, django_assert_max_num_queries, results):
    """The guard's reads, the vote's locks and writes, and the card answered from what the vote read:
    no ballot, option or paper read twice (the tally, when shown, adds its own three)."""
    ballot = make_ballot(live_workshop, "approval", labels=["A", "B", "C", "D", "E"], hide_results=results == "hidden")
    a, b, c, *_rest = option_ids(ballot)
    join_as(client, alice)
    url = vote_url(live_workshop, ballot)
    extra = 0 if results == "hidden" else 3
    # 4 reads of the guard (workshop, session, participant, ballot), 2 locks, the options, the paper's
    # upsert, its allocations replaced (2), and the transaction's 2 statements.
    with django_assert_max_num_queries(12 + extra):
        response = client.post(url, {"choice": [a, b], "revision": 0}, headers={"HX-Request": "true"})
    assert response.status_code == 200 and 'name="revision" value="1"' in response.content.decode()
    with django_assert_max_num_queries(12 + extra):
        response = client.post(url, {"choice": [c], "revision": 1}, headers={"HX-Request": "true"})
    assert response.status_code == 200 and 'name="revision" value="2"' in response.content.decode()
    paper = BallotPaper.objects.get(ballot=ballot, participant=alice)
    assert paper.revision == 2 and list(paper.allocations.values_list("option_id", flat=True)) == [c]
