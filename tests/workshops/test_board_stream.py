"""The canvas page's stream pushes its table's changes as they happen (workshops.views.stream)."""

import asyncio

import pytest
from asgiref.sync import sync_to_async
from django.db import connections
from django.test import AsyncClient

from workshops import live, services

# The stream reads the database from other threads: the rows must be committed.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(params=["redis", "in-process"])
def fanout_mode(request, settings):
    """Through Redis publish/subscribe (several web processes), or inside the one process (embedded)."""
    if request.param == "in-process":
        settings.REDIS_URL = ""
    return request.param


@pytest.fixture
def stream(client, join_as, daniel, urls):
    """Daniel's canvas open: his stream's address at the version the page holds, and his cookies."""
    join_as(client, daniel)
    context = client.get(urls.canvas).context
    query = f"?v={context['version']}&t={daniel.table_id}&s={context['stage_key']}&k={context['board_key']}"
    return urls.canvas.rstrip("/") + "/stream/" + query, client.cookies, context["version"]


async def _next_event(chunks, timeout=10.0) -> str:
    """The next event with data (pings and comments skipped)."""
    while True:
        chunk = await asyncio.wait_for(anext(chunks), timeout)
        chunk = chunk.decode() if isinstance(chunk, bytes) else chunk
        if "data: " in chunk:
            return chunk


def run(scenario):
    """Run a test's async scenario, then close the database connections its threads opened."""

    async def then_close():
        try:
            await scenario()
        finally:
            await sync_to_async(connections.close_all)()

    asyncio.run(then_close())


def _open(url, cookies, **headers):
    client = AsyncClient()
    client.cookies = cookies
    return client.get(url, **headers)


def test_a_postit_reaches_an_open_stream_as_it_is_posted(stream, mate, section, fanout_mode):
    url, cookies, _version = stream

    async def scenario():
        response = await _open(url, cookies)
        assert response.status_code == 200 and response["Content-Type"] == "text/event-stream"
        chunks = aiter(response.streaming_content)
        assert "retry:" in (await anext(chunks)).decode()
        await asyncio.sleep(0.5)  # the process's Redis subscription is up
        note = await sync_to_async(services.contribution_post)(participant=mate, section_id=section.pk, text="Poussé en direct")
        event = await _next_event(chunks)
        assert "Poussé en direct" in event and f'id="note-{note.pk}"' in event
        version = await sync_to_async(live.participant_version)(mate.workshop_id, mate.table_id)
        assert event.startswith(f"id: {version}\n")
        await response.streaming_content.aclose()

    run(scenario)


def test_a_reconnection_resumes_from_the_last_event_id(stream, mate, section, fanout_mode):
    url, cookies, version = stream
    services.contribution_post(participant=mate, section_id=section.pk, text="Pendant la veille")

    async def scenario():
        response = await _open(url, cookies, headers={"Last-Event-ID": version})
        chunks = aiter(response.streaming_content)
        event = await _next_event(chunks)
        assert "Pendant la veille" in event and 'hx-swap-oob="beforeend:' in event
        await response.streaming_content.aclose()

    run(scenario)


def test_a_phase_change_redraws_the_stage_through_the_stream(stream, live_workshop, fanout_mode):
    url, cookies, _version = stream

    async def scenario():
        response = await _open(url, cookies)
        chunks = aiter(response.streaming_content)
        await anext(chunks)
        await asyncio.sleep(0.5)
        await sync_to_async(services.phase_open)(phase=await live_workshop.phases.aget(position=2))
        event = await _next_event(chunks)
        assert 'id="stage" hx-swap-oob="true"' in event
        await response.streaming_content.aclose()

    run(scenario)


def test_under_wsgi_the_stream_is_refused_at_once_and_the_page_polls(client, stream):
    url, _cookies, _version = stream
    assert client.get(url).status_code == 204


def test_a_browser_that_did_not_join_cannot_open_the_stream(stream):
    url, _cookies, _version = stream

    async def scenario():
        response = await AsyncClient().get(url)
        assert response.status_code == 403
        forged = await _open(url.replace("&k=", "&k=x"), _cookies)
        assert forged.status_code == 403

    run(scenario)


BOARD_READS = ("agora:workshop-stage:", "agora:table-version:", "agora:table-change:", "agora:table-fragment:")


@pytest.fixture
def counted(monkeypatch):
    """What the streams read from the cache (the board's versions, changes and fragments) and how
    many times they render a template: counting wrappers around the real calls."""
    from collections import Counter

    from django.core.cache import caches

    from workshops import deltas

    counts = Counter()
    backend = type(caches["default"])
    real_get, real_get_many, real_render = backend.get, backend.get_many, deltas.render_to_string

    def get(self, key, *args, **kwargs):
        counts.update(prefix for prefix in BOARD_READS if str(key).startswith(prefix))
        return real_get(self, key, *args, **kwargs)

    def get_many(self, keys, *args, **kwargs):
        counts.update(prefix for key in keys for prefix in BOARD_READS if str(key).startswith(prefix))
        counts["get_many"] += 1
        return real_get_many(self, keys, *args, **kwargs)

    def render(*args, **kwargs):
        counts["render"] += 1
        return real_render(*args, **kwargs)

    monkeypatch.setattr(backend, "get", get)
    monkeypatch.setattr(backend, "get_many", get_many)
    monkeypatch.setattr(deltas, "render_to_string", render)
    return counts


def test_a_tables_streams_woken_by_one_postit_read_and_render_it_once(join_as, daniel, mate, live_workshop, participant_factory, section, urls, counted, fanout_mode, monkeypatch):
    from django.template.loader import render_to_string
    from django.test import Client

    from workshops import deltas
    from workshops.views import stream as stream_view

    monkeypatch.setattr(stream_view, "HEARTBEAT", 60)  # no heartbeat's look during the test
    others = [participant_factory(workshop=live_workshop, display_name=f"Voisin {i}", table=daniel.table) for i in range(4)]
    laptops = []
    for participant in [daniel, mate, *others]:
        client = Client()
        join_as(client, participant)
        context = client.get(urls.canvas).context
        query = f"?v={context['version']}&t={participant.table_id}&s={context['stage_key']}&k={context['board_key']}"
        laptops.append((participant, urls.canvas.rstrip("/") + "/stream/" + query, client.cookies, context))
    stranger = participant_factory(workshop=live_workshop, table=live_workshop.tables.get(number=2))

    async def pump(chunks, events):
        async for chunk in chunks:
            chunk = chunk.decode() if isinstance(chunk, bytes) else chunk
            if "data: " in chunk:
                await events.put(chunk)

    async def scenario():
        responses = [await _open(url, cookies) for _participant, url, cookies, _context in laptops]
        received = [asyncio.Queue() for _ in responses]
        # Each stream read on as a browser does: its first look, then its messages as they come.
        pumps = [asyncio.create_task(pump(aiter(response.streaming_content), events)) for response, events in zip(responses, received)]
        await asyncio.sleep(1)  # subscribed, and each stream's first look done
        assert all(events.empty() for events in received)  # the pages were up to date
        counted.clear()
        # Another table's post-it wakes none of them: no read, no event.
        await sync_to_async(services.contribution_post)(participant=stranger, section_id=section.pk, text="Ailleurs")
        await asyncio.sleep(0.5)
        assert not counted and all(events.empty() for events in received)
        note = await sync_to_async(services.contribution_post)(participant=mate, section_id=section.pk, text="Une fois pour toutes")
        events = [await asyncio.wait_for(events.get(), 10) for events in received]
        reads = dict(counted)
        version = await sync_to_async(live.participant_version)(mate.workshop_id, mate.table_id)
        for task in pumps:
            task.cancel()
        for response in responses:
            await response.streaming_content.aclose()
        return note, events, version, reads

    note, events, version, reads = asyncio.run(_closing(scenario))
    # One read of each version, of the changes and of the fragment, two renders (the author's
    # variant and the others'): for the whole table, not per laptop.
    assert reads == {"agora:workshop-stage:": 1, "agora:table-version:": 1, "agora:table-change:": 1, "get_many": 1,
                       "agora:table-fragment:": 1, "render": 2}
    change = deltas.table_changes(mate.table_id, int(version.split(".")[1]) - 1, int(version.split(".")[1]))[0]
    for (participant, _url, _cookies, context), event in zip(laptops, events, strict=True):
        poller = render_to_string("workshops/canvas.html#poller", {**context, "version": version, "poller_oob": True})
        fragment = deltas._render_added(change, for_author=participant == mate)
        # Exactly what the template and the fragment's own render give this laptop.
        assert event == stream_view._event(version, poller + fragment)
        assert f'id="note-{note.pk}"' in event and (('class="postit mine"' in event) == (participant == mate))


async def _closing(scenario):
    try:
        return await scenario()
    finally:
        await sync_to_async(connections.close_all)()
