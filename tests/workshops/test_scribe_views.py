import pytest
from django.urls import reverse

from workshops import services
from workshops.models import Contribution, PlusOne

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def table(live_workshop):
    return live_workshop.tables.get(number=1)


@pytest.fixture
def scribe(live_workshop, table, participant_factory):
    return services.participant_set_scribe(participant=participant_factory(workshop=live_workshop, table=table), is_scribe=True)


@pytest.fixture
def postits(live_workshop, table, participant_factory, contribution_factory):
    author = participant_factory(workshop=live_workshop, table=table)
    return [contribution_factory(participant=author, text=t) for t in ("Louer", "Louer plutôt", "Hors sujet")]


def url(name, *args):
    return reverse(f"workshops:{name}", args=["QN2012", *args])


def test_only_the_scribe_sees_the_scribe_board(client, join_as, live_workshop, participant_factory, scribe):
    join_as(client, participant_factory(workshop=live_workshop))
    assert client.get(url("scribe")).status_code == 403
    join_as(client, scribe)
    assert client.get(url("scribe")).status_code == 200


def test_the_scribe_hides_and_shows_a_postit(client, join_as, scribe, postits):
    join_as(client, scribe)
    off_topic = postits[2]
    response = client.post(url("scribe_hide", off_topic.pk), {"hidden": "1"}, **HTMX)
    assert response.status_code == 200
    off_topic.refresh_from_db()
    assert off_topic.hidden
    client.post(url("scribe_hide", off_topic.pk), {"hidden": "0"}, **HTMX)
    off_topic.refresh_from_db()
    assert not off_topic.hidden


def test_the_scribe_groups_postits_under_a_label(client, join_as, scribe, postits):
    join_as(client, scribe)
    client.post(url("scribe_group"), {"contributions": [postits[0].pk, postits[1].pk], "label": "Usage"}, **HTMX)
    assert set(Contribution.objects.filter(group_label="Usage")) == {postits[0], postits[1]}


def test_the_scribe_merges_a_duplicate_and_its_plus_ones_move_over(client, join_as, scribe, postits, live_workshop, table, participant_factory):
    fan = participant_factory(workshop=live_workshop, table=table)
    services.contribution_plus_one(participant=fan, contribution_id=postits[1].pk)
    services.contribution_plus_one(participant=fan, contribution_id=postits[0].pk)
    other_fan = participant_factory(workshop=live_workshop, table=table)
    services.contribution_plus_one(participant=other_fan, contribution_id=postits[1].pk)
    join_as(client, scribe)
    client.post(url("scribe_merge"), {"source": postits[1].pk, "target": postits[0].pk}, **HTMX)
    postits[0].refresh_from_db(), postits[1].refresh_from_db()
    assert postits[1].merged_into == postits[0]
    assert postits[0].plus_ones == 2  # fan counted once, other_fan moved over
    assert PlusOne.objects.filter(contribution=postits[0]).count() == 2


def test_a_postit_cannot_be_merged_into_itself(client, english, join_as, scribe, postits):
    join_as(client, scribe)
    response = client.post(url("scribe_merge"), {"source": postits[0].pk, "target": postits[0].pk}, **HTMX)
    assert response.status_code == 422
    assert "cannot be merged into itself" in response.content.decode()
    postits[0].refresh_from_db()
    assert postits[0].merged_into is None


def test_the_scribe_cannot_touch_another_tables_postits(client, join_as, scribe, live_workshop, participant_factory, contribution_factory):
    neighbour = participant_factory(workshop=live_workshop, table=live_workshop.tables.get(number=2))
    theirs = contribution_factory(participant=neighbour)
    join_as(client, scribe)
    assert client.post(url("scribe_hide", theirs.pk), {"hidden": "1"}, **HTMX).status_code == 403
    theirs.refresh_from_db()
    assert not theirs.hidden


def test_the_scribe_cannot_touch_another_workshops_postits(client, join_as, scribe, workshop_factory, participant_factory, contribution_factory):
    foreign = contribution_factory(participant=participant_factory(workshop=workshop_factory()))
    join_as(client, scribe)
    assert client.post(url("scribe_merge"), {"source": foreign.pk, "target": foreign.pk}, **HTMX).status_code == 422
    assert client.post(url("scribe_group"), {"contributions": [foreign.pk], "label": "x"}, **HTMX).status_code == 422
    foreign.refresh_from_db()
    assert foreign.group_label == "" and foreign.merged_into is None


def test_a_plain_participant_cannot_hide(client, join_as, live_workshop, table, participant_factory, postits):
    join_as(client, participant_factory(workshop=live_workshop, table=table))
    assert client.post(url("scribe_hide", postits[0].pk), {"hidden": "1"}).status_code == 403
    postits[0].refresh_from_db()
    assert not postits[0].hidden


def test_hidden_and_merged_postits_leave_the_participants_board(client, join_as, scribe, postits, live_workshop, table, participant_factory):
    services.contribution_set_hidden(scribe=scribe, contribution_id=postits[2].pk, hidden=True)
    services.contribution_merge(scribe=scribe, target_id=postits[0].pk, source_id=postits[1].pk)
    join_as(client, participant_factory(workshop=live_workshop, table=table))
    page = client.get(url("canvas")).content.decode()
    assert "Hors sujet" not in page and "Louer plutôt" not in page and "Louer" in page


def test_an_over_long_group_label_is_refused(client, join_as, scribe, postits):
    join_as(client, scribe)
    response = client.post(url("scribe_group"), {"contributions": [postits[0].pk], "label": "x" * 101}, **HTMX)
    assert response.status_code == 422
    postits[0].refresh_from_db()
    assert postits[0].group_label == ""
