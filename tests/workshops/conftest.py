import pytest
from django.urls import reverse

from workshops import services
from workshops.models import Activity, WorkshopPhase


@pytest.fixture
def urls(live_workshop):
    code = live_workshop.join_code

    class Urls:
        canvas = reverse("workshops:canvas", args=[code])
        live = reverse("workshops:canvas_live", args=[code])
        post = reverse("workshops:post", args=[code])
        scribe = reverse("workshops:scribe", args=[code])

        @staticmethod
        def plus_one(contribution):
            return reverse("workshops:plus_one", args=[code, contribution.pk])

    return Urls


@pytest.fixture
def synthesis_phase(live_workshop):
    """The format's third phase turned into a synthesis phase, and opened."""
    phase = live_workshop.phases.get(position=3)
    WorkshopPhase.objects.filter(pk=phase.pk).update(activity=Activity.SYNTHESIS)
    phase.refresh_from_db()
    return services.phase_open(phase=phase)


# The room of the canvas, board and stream tests: Daniel, Mina at his table, the first section.
@pytest.fixture
def daniel(live_workshop, participant_factory):
    return participant_factory(workshop=live_workshop, display_name="Daniel")


@pytest.fixture
def mate(live_workshop, daniel, participant_factory):
    return participant_factory(workshop=live_workshop, display_name="Mina", table=daniel.table)


@pytest.fixture
def section(live_workshop):
    return live_workshop.phases.get(position=1).canvas.sections.get(position=1)


def part_url(workshop, part, digest):
    """A control-room part's poll, with the digest the page holds."""
    return reverse("workshops:control_part", args=[workshop.pk, part]) + f"?h={digest}"


@pytest.fixture
def control_room(client, live_workshop, facilitator):
    """The facilitator's control room as loaded: the digest each live part polls with."""
    client.force_login(facilitator)
    page = client.get(reverse("workshops:control", args=[live_workshop.pk]))
    assert page.status_code == 200
    return dict(page.context["parts"])
