"""A flood of post-its from one laptop is refused past the minute's allowance (workshops.throttle)."""

import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from workshops.models import Contribution

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def small_allowance(settings, monkeypatch):
    """Three post-its a minute, and a clock that stands still: a test never straddles two minutes."""
    settings.POSTITS_PER_MINUTE = 3
    now = time.time()
    monkeypatch.setattr("workshops.throttle.clock", lambda: now)
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def daniel(live_workshop, participant_factory):
    return participant_factory(workshop=live_workshop, display_name="Daniel")


@pytest.fixture
def section(live_workshop):
    return live_workshop.phases.get(position=1).canvas.sections.get(position=1)


def test_past_the_allowance_a_post_is_a_429_that_writes_nothing(client, english, join_as, daniel, section, urls):
    join_as(client, daniel)
    statuses = [client.post(urls.post, {"section": section.pk, "text": f"Idée {n}"}, **HTMX).status_code for n in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    assert Contribution.objects.filter(participant=daniel).count() == 3
    refused = client.post(urls.post, {"section": section.pk, "text": "Encore une"}, **HTMX)
    html = refused.content.decode()
    # Said above the canvas, the text given back to copy.
    assert refused.status_code == 429 and "faster than anyone types" in html and "Encore une" in html


def test_without_javascript_the_canvas_says_so_with_a_429(client, english, join_as, daniel, section, urls):
    join_as(client, daniel)
    for n in range(3):
        assert client.post(urls.post, {"section": section.pk, "text": f"Idée {n}"}).status_code == 302
    response = client.post(urls.post, {"section": section.pk, "text": "De trop"})
    assert response.status_code == 429 and "faster than anyone types" in response.content.decode()
    assert Contribution.objects.filter(participant=daniel).count() == 3


def test_the_allowance_is_each_laptops_own(client, join_as, daniel, section, urls, live_workshop, participant_factory):
    join_as(client, daniel)
    for n in range(4):
        client.post(urls.post, {"section": section.pk, "text": f"Idée {n}"}, **HTMX)
    other = participant_factory(workshop=live_workshop, display_name="Emma")
    join_as(client, other)
    assert client.post(urls.post, {"section": section.pk, "text": "La mienne"}, **HTMX).status_code == 200


def test_the_api_answers_a_flood_with_a_429_in_json(client, join_as, daniel, section, live_workshop):
    join_as(client, daniel)
    url = reverse("workshops:api_contributions", args=[live_workshop.join_code])
    statuses = [client.post(url, {"section": section.pk, "text": f"Idée {n}"}, content_type="application/json").status_code for n in range(4)]
    assert statuses == [201, 201, 201, 429]
    response = client.post(url, {"section": section.pk, "text": "De trop"}, content_type="application/json")
    assert response.status_code == 429 and "detail" in response.json()
    assert Contribution.objects.filter(participant=daniel).count() == 3
