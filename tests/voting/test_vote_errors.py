"""A refused vote's message is rendered by the button that was pressed, in the page's language."""

import re

import pytest
from django.urls import reverse

from tests.voting.factories import make_ballot, option_ids
from voting import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def amina(live_workshop, participant_factory):
    return participant_factory(workshop=live_workshop, display_name="Amina")


def vote(client, workshop, ballot, data):
    url = reverse("voting:vote", kwargs={"code": workshop.join_code, "ballot_pk": ballot.pk})
    return client.post(url, {"revision": "0", **data}, headers={"HX-Request": "true"})


def test_an_over_budget_vote_answers_its_message_right_before_the_submit_button(client, live_workshop, amina, join_as):
    ballot = make_ballot(live_workshop, "dots", budget=5, max_per_option=3)
    a, b, _c = option_ids(ballot)
    join_as(client, amina)
    page = vote(client, live_workshop, ballot, {f"o{a}": "3", f"o{b}": "3"}).content.decode()
    form = re.search(r'<form[^>]*class="vote-form[^"]*".*?</form>', page, re.S).group(0)
    # The message is the form's last element before its button: where the eye is when it was pressed.
    assert re.search(r'<p class="message error vote-error" role="alert" data-clears-on-input>[^<]*6[^<]*</p>\s*<button[^>]*type="submit"', form)
    assert page.count("vote-error") == 1


def test_the_vote_form_leaves_number_checks_to_the_server_in_the_pages_language(client, english, live_workshop, amina, join_as):
    ballot = make_ballot(live_workshop, "dots", budget=5, max_per_option=3)
    join_as(client, amina)
    page = client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code})).content.decode()
    assert re.search(r'<form[^>]*class="vote-form" novalidate', page)
    response = vote(client, live_workshop, ballot, {f"o{option_ids(ballot)[0]}": "4"})
    assert response.status_code == 422
    assert "At most 3 dots on one option." in response.content.decode()


def test_a_vote_refused_because_the_ballot_closed_still_shows_its_message(client, english, live_workshop, amina, join_as):
    ballot = make_ballot(live_workshop, "approval")
    a = option_ids(ballot)[0]
    services.ballot_close(ballot=ballot)
    join_as(client, amina)
    response = vote(client, live_workshop, ballot, {"choice": a})
    assert response.status_code == 422
    assert 'class="message error vote-error" role="alert"' in response.content.decode()
