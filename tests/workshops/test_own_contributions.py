"""A participant reviews everything they posted and takes back what they no longer want kept."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from workshops import services
from workshops.models import Contribution, PlusOne, Workshop, WorkshopPhase

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(live_workshop, participant_factory):
    return participant_factory(workshop=live_workshop, display_name="Daniel")


@pytest.fixture
def tablemate(live_workshop, author, participant_factory):
    return participant_factory(workshop=live_workshop, display_name="Awa", table=author.table)


def _mine(workshop):
    return reverse("workshops:own_contributions", args=[workshop.join_code])


def _delete(workshop, postit):
    return reverse("workshops:delete_own_contribution", args=[workshop.join_code, postit.pk])


def test_the_page_lists_every_postit_of_its_author_and_none_of_others(client, join_as, live_workshop, author, tablemate, contribution_factory, django_assert_max_num_queries):
    mine = contribution_factory(participant=author, text="Des bancs partout")
    hidden = contribution_factory(participant=author, text="Un brouillon")
    Contribution.objects.filter(pk=hidden.pk).update(hidden=True)
    contribution_factory(participant=tablemate, text="Les mots d'Awa")
    join_as(client, author)

    with django_assert_max_num_queries(8):
        response = client.get(_mine(live_workshop))

    body = response.content.decode()
    assert response.status_code == 200
    assert mine.text in body and hidden.text in body
    assert "Les mots d&#x27;Awa" not in body and "Les mots d'Awa" not in body
    assert _delete(live_workshop, mine) in body


def test_the_canvas_links_to_the_page(client, join_as, live_workshop, author):
    join_as(client, author)
    assert _mine(live_workshop) in client.get(reverse("workshops:canvas", args=[live_workshop.join_code])).content.decode()


def test_an_author_deletes_a_postit_with_its_plus_ones_and_the_table_is_told(client, join_as, live_workshop, author, tablemate, contribution_factory):
    postit = contribution_factory(participant=author)
    services.contribution_plus_one(participant=tablemate, contribution_id=postit.pk)
    table_version = author.table.version
    join_as(client, author)

    response = client.post(_delete(live_workshop, postit))

    assert response.status_code == 302
    assert not Contribution.objects.filter(pk=postit.pk).exists()
    assert not PlusOne.objects.exists()
    author.table.refresh_from_db()
    assert author.table.version > table_version


def test_someone_elses_postit_cannot_be_deleted(client, join_as, live_workshop, author, tablemate, contribution_factory):
    theirs = contribution_factory(participant=tablemate)
    join_as(client, author)

    response = client.post(_delete(live_workshop, theirs))

    assert response.status_code == 403
    assert Contribution.objects.filter(pk=theirs.pk).exists()
    with pytest.raises(ValidationError):
        services.contribution_delete(participant=author, contribution_id=theirs.pk)
    assert Contribution.objects.filter(pk=theirs.pk).exists()


def test_a_postit_of_another_workshop_or_a_forged_id_is_a_404(client, join_as, live_workshop, author, contribution_factory, participant_factory):
    elsewhere = contribution_factory()
    join_as(client, author)
    assert client.post(reverse("workshops:delete_own_contribution", args=[live_workshop.join_code, elsewhere.pk])).status_code == 404
    assert client.post(reverse("workshops:delete_own_contribution", args=[live_workshop.join_code, 2**62])).status_code == 404
    assert Contribution.objects.filter(pk=elsewhere.pk).exists()


def test_nothing_is_deleted_once_the_workshop_is_closed(client, join_as, live_workshop, author, contribution_factory):
    postit = contribution_factory(participant=author)
    services.workshop_close(workshop=live_workshop)
    join_as(client, author)

    page = client.get(_mine(live_workshop)).content.decode()
    response = client.post(_delete(live_workshop, postit))

    assert postit.text in page and _delete(live_workshop, postit) not in page
    assert response.status_code == 403
    assert Contribution.objects.filter(pk=postit.pk).exists()
    with pytest.raises(ValidationError):
        services.contribution_delete(participant=author, contribution_id=postit.pk)


def test_a_postit_others_were_merged_into_waits_for_the_scribe(client, join_as, live_workshop, author, tablemate, contribution_factory):
    services.participant_set_scribe(participant=tablemate, is_scribe=True)
    tablemate.refresh_from_db()
    target = contribution_factory(participant=author, text="Plus de vélos")
    source = contribution_factory(participant=tablemate, text="Des vélos", section=target.section)
    services.contribution_merge(scribe=tablemate, target_id=target.pk, source_id=source.pk)
    join_as(client, author)

    response = client.post(_delete(live_workshop, target), follow=True)

    assert Contribution.objects.filter(pk=target.pk).exists()
    assert "scribe" in response.content.decode()


def test_a_merged_postit_can_be_deleted_and_the_target_keeps_its_plus_ones(live_workshop, author, tablemate, contribution_factory, participant_factory):
    services.participant_set_scribe(participant=tablemate, is_scribe=True)
    tablemate.refresh_from_db()
    fan = participant_factory(workshop=live_workshop, table=author.table)
    target = contribution_factory(participant=tablemate)
    source = contribution_factory(participant=author, section=target.section)
    services.contribution_plus_one(participant=fan, contribution_id=source.pk)
    services.contribution_merge(scribe=tablemate, target_id=target.pk, source_id=source.pk)

    services.contribution_delete(participant=author, contribution_id=source.pk)

    target.refresh_from_db()
    assert not Contribution.objects.filter(pk=source.pk).exists()
    assert target.plus_ones == 1 and PlusOne.objects.filter(contribution=target, participant=fan).exists()


def test_deleting_from_a_phase_whose_outputs_were_built_queues_them_again(live_workshop, author, contribution_factory, monkeypatch, django_capture_on_commit_callbacks):
    phase = live_workshop.phases.get(position=1)
    postit = contribution_factory(participant=author)
    WorkshopPhase.objects.filter(pk=phase.pk).update(status=WorkshopPhase.Status.CLOSED, aggregated_at="2026-01-01T00:00:00Z")
    queued = []
    monkeypatch.setattr(services, "queue_aggregation", lambda phase_id: queued.append(phase_id) or True)

    with django_capture_on_commit_callbacks(execute=True):
        services.contribution_delete(participant=author, contribution_id=postit.pk)

    assert queued == [phase.pk]


def test_a_retried_delete_is_answered_alike(client, join_as, live_workshop, author, contribution_factory):
    postit = contribution_factory(participant=author)
    join_as(client, author)
    key = {"HTTP_IDEMPOTENCY_KEY": "0f4c2a3e-8f1b-4b8e-9a77-2d7c3c1e9b10"}

    first = client.post(_delete(live_workshop, postit), **key)
    second = client.post(_delete(live_workshop, postit), **key)

    assert first.status_code == second.status_code == 302
    assert Workshop.objects.filter(pk=live_workshop.pk).exists()
