"""The phrases panel and the facilitator's promise page."""

import pytest
from django.urls import reverse

from promises import services
from promises.models import KeyAction, Phrase, Promise, Stakeholder, StakeholderItem
from tests import factories
from voting import services as voting_services
from voting.models import Ballot
from workshops.models import Activity

HTMX = {"HTTP_HX_REQUEST": "true"}


def canvas(room):
    return reverse("workshops:canvas", args=[room.workshop.join_code])


def purl(name, room, *args):
    return reverse(f"promises:{name}", args=[room.workshop.join_code, *args])


def page(room):
    return reverse("promises:promise", args=[room.workshop.pk])


def test_the_table_proposes_phrases_and_only_its_scribe_gets_the_edit_forms(client, join_as, room, django_assert_max_num_queries):
    room.open(Activity.PHRASES)
    join_as(client, room.daniel)
    assert client.post(purl("phrase_propose", room), {"text": "Le numérique, bien commun"}).status_code == 302
    phrase = Phrase.objects.get()
    with django_assert_max_num_queries(22):
        body = client.get(canvas(room)).content.decode()
    assert "Le numérique, bien commun" in body and purl("phrase_update", room, phrase.pk) not in body
    assert client.post(purl("phrase_update", room, phrase.pk), {"text": "Autre"}).status_code == 403
    join_as(client, room.scribe)
    assert purl("phrase_update", room, phrase.pk) in client.get(canvas(room)).content.decode()
    response = client.post(purl("phrase_update", room, phrase.pk), {"text": "x" * 400}, **HTMX)
    assert response.status_code == 422 and "x" * 400 in response.content.decode()
    assert client.post(purl("phrase_update", room, phrase.pk), {"text": "Le numérique, bien commun résilient"}).status_code == 302
    join_as(client, room.omar)  # another table reads it among the others' phrases
    body = client.get(canvas(room)).content.decode()
    assert "Le numérique, bien commun résilient" in body and purl("phrase_update", room, phrase.pk) not in body
    join_as(client, room.scribe)
    assert client.post(purl("phrase_delete", room, phrase.pk)).status_code == 302
    assert not Phrase.objects.exists()


def test_an_empty_phrase_comes_back_with_its_error(client, join_as, room):
    room.open(Activity.PHRASES)
    join_as(client, room.daniel)
    response = client.post(purl("phrase_propose", room), {"text": "   "}, **HTMX)
    assert response.status_code == 422 and "errorlist" in response.content.decode()
    assert not Phrase.objects.exists()


def test_the_facilitator_runs_the_phrase_vote_from_the_promise_page(client, join_as, room, django_assert_max_num_queries):
    room.open(Activity.PHRASES)
    for who, text in ((room.daniel, "Phrase A"), (room.omar, "Phrase B"), (room.scribe, "Phrase C")):
        services.phrase_propose(workshop=room.workshop, participant=who, text=text)
    client.force_login(room.facilitator)
    control = client.get(reverse("workshops:control", args=[room.workshop.pk])).content.decode()
    assert page(room) in control
    chosen = list(Phrase.objects.exclude(text="Phrase C").values_list("pk", flat=True))
    assert client.post(page(room), {"action": "phrase-vote-start", "phrase": chosen}).status_code == 302
    ballot = Ballot.objects.get()
    assert sorted(ballot.options.values_list("label", flat=True)) == ["Phrase A", "Phrase B"]
    join_as(client, room.omar)
    assert reverse("voting:cast", args=[room.workshop.join_code]) + f"#ballot-{ballot.pk}" in client.get(canvas(room)).content.decode()
    ids = {o.label: o.pk for o in ballot.options.all()}
    voting_services.vote_cast(participant=room.omar, ballot_id=ballot.pk, choices={ids["Phrase B"]: 1, ids["Phrase A"]: 2})
    client.force_login(room.facilitator)
    assert client.post(page(room), {"action": "phrase-vote-close", "ballot": ballot.pk}).status_code == 302
    promise = Promise.objects.get(kind=Promise.Kind.PRODUCED)
    assert promise.phrase == "Phrase B" and [a.phrase for a in promise.alternatives.all()] == ["Phrase A"]
    with django_assert_max_num_queries(30):
        body = client.get(page(room)).content.decode()
    assert 'value="Phrase B"' in body


def test_the_facilitator_writes_the_promise_key_actions_and_stakeholders(client, room, django_assert_max_num_queries):
    client.force_login(room.facilitator)
    post = lambda **data: client.post(page(room), data)  # noqa: E731
    assert post(action="evaluated", phrase="Le numérique au service d'une croissance verte", origin="2010").status_code == 302
    assert post(action="retain", phrase="Bien commun", alternatives="Alt 1\n\nAlt 2\n", benefits="Durabilité").status_code == 302
    produced = Promise.objects.get(kind=Promise.Kind.PRODUCED)
    assert [a.phrase for a in produced.alternatives.all()] == ["Alt 1", "Alt 2"]
    for text in ("Un", "Deux", "Trois"):
        assert post(action="action-add", text=text).status_code == 302
    trois = KeyAction.objects.get(text="Trois")
    assert post(action="action-move", id=trois.pk, direction="up").status_code == 302
    assert list(KeyAction.objects.order_by("position").values_list("text", flat=True)) == ["Un", "Trois", "Deux"]
    assert post(action="action-update", id=trois.pk, text="Trois bis").status_code == 302
    assert post(action="action-delete", id=KeyAction.objects.get(text="Un").pk).status_code == 302
    assert list(KeyAction.objects.order_by("position").values_list("text", "position")) == [("Trois bis", 1), ("Deux", 2)]
    assert post(action="roles-default").status_code == 302
    assert Stakeholder.objects.count() == 3
    minister = Stakeholder.objects.order_by("position").first()
    assert post(action="item-add", id=minister.pk, kind="obstacle", text="Culture de la compétition").status_code == 302
    assert post(action="item-add", id=minister.pk, kind="action", text="Créer une agora en ligne").status_code == 302
    assert post(action="role-rename", id=minister.pk, name="Le/la ministre").status_code == 302
    assert post(action="role-add", name="Un maire").status_code == 302
    with django_assert_max_num_queries(30):
        body = client.get(page(room)).content.decode()
    assert "Culture de la compétition" in body and "Le/la ministre" in body and "Un maire" in body
    item = StakeholderItem.objects.get(kind="obstacle")
    assert post(action="item-delete", id=item.pk).status_code == 302
    assert post(action="role-delete", id=Stakeholder.objects.get(name="Un maire").pk).status_code == 302
    assert Stakeholder.objects.count() == 3 and StakeholderItem.objects.count() == 1


@pytest.mark.parametrize(
    "data, status",
    [
        ({"action": "evaluated", "phrase": ""}, 422),
        ({"action": "retain", "phrase": "x" * 301}, 422),
        ({"action": "retain", "phrase": "Same", "alternatives": "Same"}, 422),
        ({"action": "action-add", "text": "  "}, 422),
        ({"action": "action-move", "id": "1", "direction": "sideways"}, 422),
        ({"action": "action-delete", "id": "999999"}, 404),
        ({"action": "action-update", "id": "abc", "text": "x"}, 404),
        ({"action": "role-add", "name": ""}, 422),
        ({"action": "item-add", "id": "999999", "kind": "obstacle", "text": "x"}, 404),
        ({"action": "phrase-vote-start"}, 422),
        ({"action": "phrase-vote-close", "ballot": "1"}, 422),
        ({"action": "phrase-vote-retain", "ballot": "999999"}, 404),
        ({"action": "nonsense"}, 422),
    ],
)
def test_bad_input_on_the_promise_page_writes_nothing(client, room, data, status):
    client.force_login(room.facilitator)
    response = client.post(page(room), data)
    assert response.status_code == status
    assert not Promise.objects.exists() and not KeyAction.objects.exists() and not Stakeholder.objects.exists()


def test_a_duplicate_role_is_refused_with_the_name_kept(client, room):
    client.force_login(room.facilitator)
    client.post(page(room), {"action": "role-add", "name": "CEO"})
    response = client.post(page(room), {"action": "role-add", "name": "ceo"})
    assert response.status_code == 422 and 'value="ceo"' in response.content.decode()
    assert Stakeholder.objects.count() == 1


def test_the_promise_page_is_its_facilitators(client, join_as, room):
    client.force_login(factories.FacilitatorFactory(username="bob"))
    assert client.get(page(room)).status_code == 403
    assert client.post(page(room), {"action": "action-add", "text": "x"}).status_code == 403
    client.logout()
    assert client.get(page(room)).status_code == 302
    assert not KeyAction.objects.exists()
