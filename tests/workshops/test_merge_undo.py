"""A scribe's merge comes undone exactly: the post-it, its +1s (rows and times) and its followers are back."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape
from django.utils import translation

from workshops import services
from workshops.models import Contribution, Merge, PlusOne


@pytest.fixture(autouse=True)
def services_speak_english():
    """The services' messages are asserted in English (French is the default language)."""
    with translation.override("en"):
        yield

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
    return [contribution_factory(participant=author, text=t) for t in ("Louer", "Louer plutôt", "Partager")]


@pytest.fixture
def fans(live_workshop, table, participant_factory):
    return [participant_factory(workshop=live_workshop, table=table) for _ in range(3)]


def plus_ones_of(postit):
    """Every +1 row of a post-it as (row id, participant, time): what an exact restore must give back."""
    return sorted(PlusOne.objects.filter(contribution=postit).values_list("pk", "participant_id", "created_at"))


def plus_one(fan, postit):
    services.contribution_plus_one(participant=fan, contribution_id=postit.pk)


def state(*postits):
    return [Contribution.objects.values_list("merged_into_id", "plus_ones").get(pk=p.pk) for p in postits]


def test_undoing_a_merge_gives_the_source_its_plus_ones_back_exactly(scribe, postits, fans):
    target, source, _other = postits
    plus_one(fans[0], source)
    plus_one(fans[0], target)  # +1'd both: one +1 only on the merged post-it
    plus_one(fans[1], source)
    plus_one(fans[2], target)
    before = {p.pk: plus_ones_of(p) for p in (target, source)}
    before_state = state(target, source)

    services.contribution_merge(scribe=scribe, target_id=target.pk, source_id=source.pk)
    assert state(target, source) == [(None, 3), (target.pk, 0)]

    services.contribution_unmerge(scribe=scribe, contribution_id=source.pk)

    assert state(target, source) == before_state == [(None, 2), (None, 2)]
    assert plus_ones_of(target) == before[target.pk]
    # The +1 the merge deleted (fans[0] on the source) comes back with its time; only its row id is new.
    assert sorted((pid, at) for _pk, pid, at in plus_ones_of(source)) == sorted((pid, at) for _pk, pid, at in before[source.pk])
    # The +1 that had moved is the same row, back on its post-it.
    moved = next(pk for pk, pid, _at in before[source.pk] if pid == fans[1].pk)
    assert PlusOne.objects.get(pk=moved).contribution_id == source.pk
    assert not Merge.objects.exists()


def test_post_its_that_had_followed_the_source_follow_it_back(scribe, postits, fans):
    target, source, follower = postits
    plus_one(fans[0], follower)
    services.contribution_merge(scribe=scribe, target_id=source.pk, source_id=follower.pk)
    services.contribution_merge(scribe=scribe, target_id=target.pk, source_id=source.pk)
    assert state(target, source, follower) == [(None, 1), (target.pk, 0), (target.pk, 0)]

    services.contribution_unmerge(scribe=scribe, contribution_id=source.pk)
    assert state(target, source, follower) == [(None, 0), (None, 1), (source.pk, 0)]

    services.contribution_unmerge(scribe=scribe, contribution_id=follower.pk)
    assert state(target, source, follower) == [(None, 0), (None, 0), (None, 1)]
    assert [pid for _pk, pid, _at in plus_ones_of(follower)] == [fans[0].pk]


def test_a_merge_whose_target_was_merged_since_waits_for_that_one_to_be_undone(scribe, postits, english):
    first, second, third = postits
    services.contribution_merge(scribe=scribe, target_id=second.pk, source_id=first.pk)
    services.contribution_merge(scribe=scribe, target_id=third.pk, source_id=second.pk)

    with pytest.raises(ValidationError) as error:
        services.contribution_unmerge(scribe=scribe, contribution_id=first.pk)
    assert "undo that merge first" in " ".join(error.value.messages)
    assert state(first, second, third) == [(third.pk, 0), (third.pk, 0), (None, 0)]


def test_a_post_it_that_was_not_merged_has_nothing_to_undo(scribe, postits, english):
    with pytest.raises(ValidationError) as error:
        services.contribution_unmerge(scribe=scribe, contribution_id=postits[0].pk)
    assert "nothing to undo" in " ".join(error.value.messages)


def test_the_scribe_board_undoes_a_merge_with_its_button(client, join_as, scribe, postits):
    target, source, _other = postits
    services.contribution_merge(scribe=scribe, target_id=target.pk, source_id=source.pk)
    join_as(client, scribe)
    undo = reverse("workshops:scribe_unmerge", args=["QN2012", source.pk])
    assert f'action="{undo}"' in client.get(reverse("workshops:scribe", args=["QN2012"])).content.decode()

    response = client.post(undo, **HTMX)

    assert response.status_code == 200
    source.refresh_from_db()
    assert source.merged_into is None


def test_undoing_a_merge_of_another_table_is_refused_and_changes_nothing(client, join_as, scribe, live_workshop, participant_factory, contribution_factory):
    other_table = live_workshop.tables.get(number=2)
    other_scribe = services.participant_set_scribe(participant=participant_factory(workshop=live_workshop, table=other_table), is_scribe=True)
    author = participant_factory(workshop=live_workshop, table=other_table)
    theirs = [contribution_factory(participant=author, text=t) for t in ("A", "B")]
    services.contribution_merge(scribe=other_scribe, target_id=theirs[0].pk, source_id=theirs[1].pk)
    join_as(client, scribe)

    assert client.post(reverse("workshops:scribe_unmerge", args=["QN2012", theirs[1].pk]), **HTMX).status_code == 403
    assert client.post(reverse("workshops:scribe_unmerge", args=["QN2012", 99999999]), **HTMX).status_code == 404
    theirs[1].refresh_from_db()
    assert theirs[1].merged_into == theirs[0]


def test_a_merge_cannot_be_undone_once_its_phase_closed(scribe, postits, live_workshop, english):
    target, source, _other = postits
    services.contribution_merge(scribe=scribe, target_id=target.pk, source_id=source.pk)
    services.phase_close(phase=source.phase)

    with translation.override("en"), pytest.raises(ValidationError):
        services.contribution_unmerge(scribe=scribe, contribution_id=source.pk)
    source.refresh_from_db()
    assert source.merged_into == target


def test_a_merged_post_it_names_and_links_the_one_it_went_into(client, join_as, scribe, postits):
    target, source, _other = postits
    services.contribution_merge(scribe=scribe, target_id=target.pk, source_id=source.pk)
    join_as(client, scribe)
    client.cookies["django_language"] = "en"

    page = client.get(reverse("workshops:scribe", args=["QN2012"])).content.decode()

    assert f'<a class="merged-into" href="#note-{target.pk}">into “{escape(target.text[:39])}' in page
