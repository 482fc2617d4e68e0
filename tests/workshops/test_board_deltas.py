"""The live board sends only what changed since the laptop's version (workshops.deltas)."""

import pytest

from workshops import live, services

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def open_board(client, join_as, daniel, urls):
    """Daniel's canvas page open: the poll's address at the version it holds."""
    join_as(client, daniel)
    page = client.get(urls.canvas)
    return _poll_url(urls, page.context)


def _poll_url(urls, context):
    return (
        f"{urls.live}?v={context['version']}&t={context['participant'].table_id}"
        f"&s={context['stage_key']}&k={context['board_key']}"
    )


def post(participant, section, text):
    return services.contribution_post(participant=participant, section_id=section.pk, text=text)


def test_a_new_postit_is_sent_alone_with_the_new_version(client, open_board, mate, section, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        note = post(mate, section, "Les vélos cargos")
    body = client.get(open_board, **HTMX).content.decode()
    assert f'hx-swap-oob="beforeend:#notes-{section.pk}"' in body
    assert f'id="note-{note.pk}"' in body and "Les vélos cargos" in body
    assert 'id="stage"' not in body and body.count('<li class="postit') == 1  # not the board again
    version = live.participant_version(mate.workshop_id, mate.table_id)
    assert f"v={version}&amp;" in body  # the poller moves on to the new version


def test_a_changed_poll_costs_no_query_whatever_the_size_of_the_table(client, open_board, mate, section, django_capture_on_commit_callbacks, django_assert_max_num_queries):
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(20):
            post(mate, section, f"Post-it {i}")
    client.get(open_board, **HTMX)  # warms the session
    with django_capture_on_commit_callbacks(execute=True):
        note = post(mate, section, "Le dernier")
        services.contribution_plus_one(participant=mate.table.participants.exclude(pk=mate.pk).first(), contribution_id=note.pk)
    # The session's read (as an unchanged poll) and the table's version, re-read once after a write
    # (then cached for every laptop of the table): nothing that grows with the board.
    with django_assert_max_num_queries(2):
        response = client.get(open_board, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and body.count('<li class="postit') == 21  # the 21 posted since


def test_a_plus_one_sends_only_the_new_count(client, join_as, daniel, mate, section, urls, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        note = post(mate, section, "Des jardins partagés")
    join_as(client, daniel)
    page = client.get(urls.canvas)
    with django_capture_on_commit_callbacks(execute=True):
        services.contribution_plus_one(participant=daniel, contribution_id=note.pk)
    body = client.get(_poll_url(urls, page.context), **HTMX).content.decode()
    assert f'<span id="plus-count-{note.pk}" hx-swap-oob="innerHTML">1</span>' in body
    assert "Des jardins partagés" not in body


def test_the_author_gets_their_own_variant_and_the_others_the_plus_one_button(client, join_as, daniel, mate, section, urls, django_capture_on_commit_callbacks):
    join_as(client, daniel)
    page = client.get(urls.canvas)
    with django_capture_on_commit_callbacks(execute=True):
        post(daniel, section, "Le mien")
        post(mate, section, "Le sien")
    body = client.get(_poll_url(urls, page.context), **HTMX).content.decode()
    mine, theirs = body.split("Le sien")[0], body.split("Le mien")[1]
    assert 'class="postit mine"' in mine and "plus-one own" in mine
    assert "hx-post=" in theirs and "csrfmiddlewaretoken" not in body  # no one's token in a shared fragment


def test_a_hidden_postit_is_removed(client, join_as, daniel, mate, section, urls, live_workshop, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        note = post(mate, section, "Hors sujet")
    services.participant_make_scribe(participant=mate) if hasattr(services, "participant_make_scribe") else None
    mate.is_scribe = True
    mate.save(update_fields=["is_scribe"])
    join_as(client, daniel)
    page = client.get(urls.canvas)
    with django_capture_on_commit_callbacks(execute=True):
        services.contribution_set_hidden(scribe=mate, contribution_id=note.pk, hidden=True)
    body = client.get(_poll_url(urls, page.context), **HTMX).content.decode()
    assert f'<li id="note-{note.pk}" hx-swap-oob="delete"></li>' in body


def test_a_laptop_whose_changes_are_lost_gets_the_board_redrawn(client, join_as, daniel, mate, section, urls, django_capture_on_commit_callbacks):
    join_as(client, daniel)
    page = client.get(urls.canvas)
    with django_capture_on_commit_callbacks(execute=True):
        post(mate, section, "Avant la panne")
        post(mate, section, "Après la panne")
    table_version = int(live.participant_version(mate.workshop_id, mate.table_id).split(".")[1])
    from django.core.cache import cache

    cache.delete(live.change_key(mate.table_id, table_version - 1))  # Redis lost one of them
    body = client.get(_poll_url(urls, page.context), **HTMX).content.decode()
    assert f'id="notes-{section.pk}" hx-swap-oob="true"' in body  # the whole list, from the database
    assert "Avant la panne" in body and "Après la panne" in body


def test_a_laptop_far_behind_resynchronises_from_the_database(client, join_as, daniel, mate, section, urls, django_capture_on_commit_callbacks):
    join_as(client, daniel)
    page = client.get(urls.canvas)
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(55):  # more than deltas.MAX_CHANGES
            post(mate, section, f"Idée {i}")
    body = client.get(_poll_url(urls, page.context), **HTMX).content.decode()
    assert f'id="notes-{section.pk}" hx-swap-oob="true"' in body and body.count('<li class="postit') == 55


def test_a_phase_change_redraws_the_stage(client, join_as, daniel, urls, live_workshop, django_capture_on_commit_callbacks):
    join_as(client, daniel)
    page = client.get(urls.canvas)
    with django_capture_on_commit_callbacks(execute=True):
        services.phase_open(phase=live_workshop.phases.get(position=2))
    body = client.get(_poll_url(urls, page.context), **HTMX).content.decode()
    assert 'id="stage" hx-swap-oob="true"' in body


def test_a_timer_sends_the_phase_banner_alone_not_the_board(client, join_as, daniel, mate, section, urls, live_workshop, django_capture_on_commit_callbacks, django_assert_max_num_queries):
    """A thousand laptops redrawing their boards for a timer was the stream's worst minute."""
    join_as(client, daniel)
    page = client.get(urls.canvas)
    phase = page.context["phase"]
    assert phase.duration_seconds  # the format's first phase has a timer
    with django_capture_on_commit_callbacks(execute=True):
        services.timer_start(phase=phase)
        note = post(mate, section, "Pendant le chrono")
    client.get(urls.canvas + "?warm")  # the session read warmed, as an open page's
    with django_assert_max_num_queries(4):  # session, the versions, and the open phase once per stage
        body = client.get(_poll_url(urls, page.context), **HTMX).content.decode()
    assert 'id="phase-banner"' in body and 'hx-swap-oob="true"' in body and 'data-running="1"' in body
    assert 'id="stage"' not in body and 'id="notes-' not in body  # not the board again
    assert f'id="note-{note.pk}"' in body  # the table's change of the same moment comes along
    version = live.participant_version(live_workshop.pk, daniel.table_id)
    assert f"v={version}&amp;" in body

    # Paused, then a phase opened: the banner is not enough any more, the stage is redrawn.
    with django_capture_on_commit_callbacks(execute=True):
        services.timer_pause(phase=phase)
    paused = client.get(_poll_url(urls, page.context), **HTMX).content.decode()
    assert 'data-running="0"' in paused and 'id="stage"' not in paused
    with django_capture_on_commit_callbacks(execute=True):
        services.phase_open(phase=live_workshop.phases.get(position=2))
    assert 'id="stage" hx-swap-oob="true"' in client.get(_poll_url(urls, page.context), **HTMX).content.decode()


def test_another_tables_changes_are_not_sent_to_a_forged_table(client, join_as, daniel, urls, live_workshop, participant_factory, section, django_capture_on_commit_callbacks):
    neighbour = participant_factory(workshop=live_workshop, table=live_workshop.tables.get(number=2))
    join_as(client, daniel)
    page = client.get(urls.canvas)
    with django_capture_on_commit_callbacks(execute=True):
        post(neighbour, section, "Secret de la table 2")
    version = live.participant_version(live_workshop.pk, neighbour.table_id)
    stale = f"{version.split('.')[0]}.{int(version.split('.')[1]) - 1}"
    forged = f"{urls.live}?v={stale}&t={neighbour.table_id}&s={page.context['stage_key']}&k={page.context['board_key']}"
    body = client.get(forged, **HTMX).content.decode()
    assert "Secret de la table 2" not in body  # the key signs Daniel's own table: his own board is redrawn


@pytest.mark.parametrize("query", ["?v=abc&t=zz&k=x", "?v=1.2.3&t=1&k=", "?v=-5.-9&t=-1", "?v=" + "9" * 400 + ".1", "?k=" + "a" * 5000])
def test_junk_versions_and_keys_redraw_the_board_and_never_fail(client, join_as, daniel, urls, query):
    join_as(client, daniel)
    response = client.get(urls.live + query, **HTMX)
    assert response.status_code == 200
    assert 'id="poller"' in response.content.decode()  # the board redrawn, with a good version to go on from


@pytest.mark.parametrize("table_id", [7, None, 123456])
def test_the_poller_is_the_templates_to_the_byte(table_id):
    from django.template.loader import render_to_string

    from workshops import deltas

    context = {"workshop": {"join_code": "QN2012"}, "version": "12.345", "participant": {"table_id": table_id},
               "stage_key": "a<b&c", "board_key": 'k"1', "poller_oob": True}
    expected = render_to_string("workshops/canvas.html#poller", context)
    assert deltas.poller(code="QN2012", version="12.345", table_id=table_id, stage_key="a<b&c", key='k"1') == expected
