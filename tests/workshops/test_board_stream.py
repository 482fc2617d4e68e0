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
