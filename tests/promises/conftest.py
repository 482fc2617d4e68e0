"""A promise workshop: personas, keywords and commitments phases after the factory's post-it phases."""

import pytest
from django.utils import translation

from tests import factories
from workshops import services as workshop_services
from workshops.models import Activity, WorkshopPhase


@pytest.fixture
def room(db):
    """A workshop with two tables, a scribe and a participant at table 1, one at table 2."""
    facilitator = factories.FacilitatorFactory(username="alice")
    workshop = factories.WorkshopFactory(facilitator=facilitator)
    for position, activity in enumerate((Activity.PERSONAS, Activity.KEYWORDS, Activity.PHRASES, Activity.COMMITMENTS), start=10):
        WorkshopPhase.objects.create(workshop=workshop, position=position, name=activity.label, activity=activity)
    table1, table2 = workshop.tables.order_by("number")

    class Room:
        pass

    room = Room()
    room.workshop, room.facilitator, room.table1, room.table2 = workshop, facilitator, table1, table2
    room.scribe = factories.ParticipantFactory(workshop=workshop, table=table1, is_scribe=True, display_name="Sophie")
    room.daniel = factories.ParticipantFactory(workshop=workshop, table=table1, display_name="Daniel")
    room.omar = factories.ParticipantFactory(workshop=workshop, table=table2, is_scribe=True, display_name="Omar")

    def open_(activity):
        phase = workshop.phases.get(activity=activity)
        return workshop_services.phase_open(phase=phase)

    room.open = open_
    return room


@pytest.fixture(autouse=True)
def in_english():
    """The tests read the services' messages in their source language."""
    with translation.override("en"):
        yield
