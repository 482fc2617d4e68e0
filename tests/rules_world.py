"""The cast of the rules tests: every role, as the request would present it (workshops.rules.Visitor).

The workshop is alice's, with two tables; the other workshop is bob's. Participants have no
account; staff have no participant. The participant of the other workshop is even the scribe of
a table there: the most an outsider can hold must still open nothing here.
"""

from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import AnonymousUser

from tests import factories
from core.rules import Visitor

ROLES = [
    "facilitator",  # alice, runs this workshop
    "other_facilitator",  # bob, runs another one
    "editor",  # eve
    "participant",  # seated at table 1
    "scribe",  # scribe of table 1
    "other_scribe",  # scribe of table 2
    "other_participant",  # participant (and scribe) of the other workshop
    "anonymous",  # a browser that joined nothing, signed in as nobody
    "superuser",
]

PARTICIPANTS = {"participant", "scribe", "other_scribe"}  # of this workshop
STAFF = {"facilitator", "other_facilitator", "editor", "superuser"}


@dataclass
class World:
    workshop: object
    other_workshop: object
    table1: object
    table2: object
    visitors: dict = field(default_factory=dict)

    def visitor(self, role: str) -> Visitor:
        return self.visitors[role]


@pytest.fixture
def world(db):
    alice = factories.FacilitatorFactory(username="alice")
    bob = factories.FacilitatorFactory(username="bob")
    eve = factories.EditorFactory(username="eve")
    root = factories.UserFactory(username="root", is_superuser=True, is_staff=True)
    workshop = factories.WorkshopFactory(facilitator=alice)
    other = factories.WorkshopFactory(facilitator=bob)
    table1, table2 = workshop.tables.order_by("number")
    participant = factories.ParticipantFactory(workshop=workshop, table=table1, display_name="Daniel")
    scribe = factories.ParticipantFactory(workshop=workshop, table=table1, is_scribe=True, display_name="Sophie")
    other_scribe = factories.ParticipantFactory(workshop=workshop, table=table2, is_scribe=True, display_name="Omar")
    outsider = factories.ParticipantFactory(workshop=other, is_scribe=True, display_name="Xavier")
    anonymous = AnonymousUser()
    visitors = {
        "facilitator": Visitor(user=alice),
        "other_facilitator": Visitor(user=bob),
        "editor": Visitor(user=eve),
        "participant": Visitor(user=anonymous, participant=participant),
        "scribe": Visitor(user=anonymous, participant=scribe),
        "other_scribe": Visitor(user=anonymous, participant=other_scribe),
        "other_participant": Visitor(user=anonymous, participant=outsider),
        "anonymous": Visitor(user=anonymous),
        "superuser": Visitor(user=root),
    }
    return World(workshop=workshop, other_workshop=other, table1=table1, table2=table2, visitors=visitors)
