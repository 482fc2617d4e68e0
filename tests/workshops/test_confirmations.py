"""Irreversible actions ask first and say what they will do; afterwards a message says what happened."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from workshops import services
from workshops.models import Workshop, WorkshopPhase

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def open_url(workshop, phase):
    return reverse("workshops:phase_action", args=[workshop.pk, phase.pk, "open"])


def confirm_url(workshop, phase):
    return reverse("workshops:phase_open_confirm", args=[workshop.pk, phase.pk])


def flashed(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def phases(live_workshop):
    """The open first phase (post-its), and the second, not started."""
    return live_workshop.phases.get(position=1), live_workshop.phases.get(position=2)


def statuses(*phases):
    return [WorkshopPhase.objects.get(pk=p.pk).status for p in phases]


def test_opening_a_phase_while_another_is_open_asks_first_and_closes_nothing(client, facilitator, live_workshop, phases):
    first, second = phases
    client.force_login(facilitator)

    response = client.post(open_url(live_workshop, second))

    assert response.status_code == 302 and response.url == confirm_url(live_workshop, second)
    assert statuses(first, second) == ["open", "pending"]


def test_the_confirmation_says_which_phase_will_close(client, facilitator, live_workshop, phases, english):
    first, second = phases
    client.force_login(facilitator)

    html = client.get(confirm_url(live_workshop, second)).content.decode()

    assert f"“{first.name}” is open now: opening this phase closes it." in html
    assert f'<input type="hidden" name="closing" value="{first.pk}">' in html
    assert f"Close “{first.name}” and open “{second.name}”" in html
    assert f'href="{reverse("workshops:control", args=[live_workshop.pk])}">Cancel</a>' in html


def test_once_confirmed_the_phase_opens_and_the_message_says_which_one_closed(client, facilitator, live_workshop, phases, english):
    first, second = phases
    client.force_login(facilitator)

    response = client.post(open_url(live_workshop, second), {"closing": first.pk})

    assert response.url == reverse("workshops:control", args=[live_workshop.pk])
    assert statuses(first, second) == ["closed", "open"]
    assert flashed(response) == [f"“{second.name}” is open. “{first.name}” is closed: its table outputs are being built."]


def test_a_confirmation_for_a_phase_no_longer_open_asks_again_and_changes_nothing(client, facilitator, live_workshop, phases):
    first, second = phases
    third = live_workshop.phases.get(position=3)
    client.force_login(facilitator)
    services.phase_open(phase=third)  # someone else switched meanwhile

    response = client.post(open_url(live_workshop, second), {"closing": first.pk})

    assert response.url == confirm_url(live_workshop, second)
    assert statuses(first, second, third) == ["closed", "pending", "open"]


def test_the_service_refuses_to_close_another_phase_than_the_confirmed_one(live_workshop, phases):
    first, second = phases
    third = live_workshop.phases.get(position=3)
    services.phase_open(phase=third)

    with pytest.raises(Exception) as error:
        services.phase_open(phase=second, closing=first.pk)
    assert getattr(error.value, "code", None) == "conflict"
    assert statuses(second, third) == ["pending", "open"]


def test_opening_with_no_phase_open_needs_no_confirmation(client, facilitator, live_workshop, phases, english):
    first, second = phases
    services.phase_close(phase=first)
    client.force_login(facilitator)

    response = client.post(open_url(live_workshop, second))

    assert statuses(second) == ["open"]
    assert flashed(response) == [f"“{second.name}” is open."]


def test_htmx_is_sent_to_the_confirmation_page(client, facilitator, live_workshop, phases):
    _first, second = phases
    client.force_login(facilitator)

    response = client.post(open_url(live_workshop, second), **HTMX)

    assert response["HX-Redirect"] == confirm_url(live_workshop, second)


def test_closing_the_workshop_asks_first_and_says_it_cannot_be_undone(client, facilitator, live_workshop, phases, english):
    client.force_login(facilitator)
    close = reverse("workshops:close", args=[live_workshop.pk])

    assert f'href="{close}"' in client.get(reverse("workshops:control", args=[live_workshop.pk])).content.decode()
    html = client.get(close).content.decode()
    assert "This cannot be undone." in html and f"The open phase, “{phases[0].name}”, closes." in html
    # A post without the confirmation (an old page, a script) asks too.
    assert client.post(close).url == close
    live_workshop.refresh_from_db()
    assert live_workshop.status == Workshop.Status.LIVE

    response = client.post(close, {"confirm": "1"})

    live_workshop.refresh_from_db()
    assert live_workshop.status == Workshop.Status.CLOSED
    assert flashed(response)[0].startswith("The workshop is closed.")
    # Once closed, the confirmation page has nothing left to ask.
    assert client.get(close).url == reverse("workshops:control", args=[live_workshop.pk])


@pytest.mark.parametrize("who", ["other_facilitator", "outsider"])
def test_the_confirmation_pages_are_the_facilitators_only(client, request, live_workshop, phases, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(confirm_url(live_workshop, phases[1])).status_code == 403
    assert client.get(reverse("workshops:close", args=[live_workshop.pk])).status_code == 403


def test_a_phase_of_another_workshop_has_no_confirmation_page(client, facilitator, live_workshop, workshop_factory):
    client.force_login(facilitator)
    foreign = workshop_factory(facilitator=facilitator).phases.first()
    assert client.get(confirm_url(live_workshop, foreign)).status_code == 404
