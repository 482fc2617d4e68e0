"""`load_demo --reset`: the demo workshop back to its start, whatever the room did in it; twice is once."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from core.models import Canvas
from demo.seed.load import promise_demo_workshops, ruptures_demo_workshops
from scenarios.models import Scenario
from voting.models import Ballot, BallotPaper
from workshops import services
from workshops.models import Contribution, Format, Participant, Table, Workshop, WorkshopPhase

pytestmark = pytest.mark.django_db


def load_demo(*args) -> str:
    """The room's reset is what these tests are about: the cahier's drafting (tests/demo/test_demo_cahier.py)
    is left out, it would add seconds to every call."""
    out = StringIO()
    call_command("load_demo", "--without-cahier", *args, stdout=out)
    return out.getvalue()


def start_state():
    """What the demo looks like at its start, without ids (a reset makes new rows)."""
    workshop = ruptures_demo_workshops().get()
    return {
        "workshops": ruptures_demo_workshops().count(),
        "phases": list(workshop.phases.order_by("position").values_list("name", "status")),
        "tables": list(workshop.tables.order_by("number").values_list("number", "name", "scenario__slug", "capacity")),
        "participants": Participant.objects.filter(workshop=workshop).count(),
        "post-its": Contribution.objects.filter(phase__workshop=workshop).count(),
        "ballots": list(Ballot.objects.filter(workshop=workshop).values_list("title", "status")),
        "papers": BallotPaper.objects.filter(ballot__workshop=workshop).count(),
        "scenarios": dict(Scenario.objects.values_list("slug", "status")),
        "users": get_user_model().objects.count(),
        "formats": Format.objects.count(),
        "canvases": Canvas.objects.count(),
    }


@pytest.fixture
def demo(db):
    load_demo()
    return start_state()


def play_in_the_room():
    """A room at work: people join and post, a later phase opens, a table is renamed, a scenario is retained."""
    workshop = ruptures_demo_workshops().get()
    table = workshop.tables.order_by("number").first()
    person = services.participant_join(workshop=workshop, display_name="Amélie", table_id=table.pk)
    section = workshop.phases.get(status=WorkshopPhase.Status.OPEN).canvas.sections.first()
    services.contribution_post(participant=person, section_id=section.pk, text="Les bibliothèques d'objets")
    services.phase_open(phase=workshop.phases.get(name="Comment anticiper la rupture ?"))
    services.table_update(table=table, name="Table du fond", capacity=9)
    services.table_create(workshop=workshop, name="Table en plus")
    proposed = Scenario.objects.filter(status=Scenario.Status.PROPOSED).order_by("slug").first()
    Scenario.objects.filter(pk=proposed.pk).update(status=Scenario.Status.RETAINED)


def test_reset_brings_the_demo_back_to_its_start(demo):
    play_in_the_room()
    assert start_state() != demo

    output = load_demo("--reset")

    assert start_state() == demo
    assert "reset to its start" in output and f"Join code:   {ruptures_demo_workshops().get().join_code}" in output
    assert not Participant.objects.filter(display_name="Amélie").exists()
    assert not Table.objects.filter(name__in=["Table du fond", "Table en plus"]).exists()


def test_reset_twice_is_reset_once(demo):
    play_in_the_room()
    load_demo("--reset")
    once = start_state()
    load_demo("--reset")
    assert start_state() == once == demo


def test_reset_on_an_empty_database_loads_the_demo(db):
    load_demo("--reset")
    assert ruptures_demo_workshops().count() == 1


def test_reset_leaves_other_workshops_alone(demo, facilitator, workshop_factory):
    other = workshop_factory(facilitator=facilitator, title="Mon atelier")
    load_demo("--reset")
    assert Workshop.objects.filter(pk=other.pk).exists()


def test_the_join_url_printed_is_the_rooms_when_serving_every_interface(db, monkeypatch):
    from demo import network

    monkeypatch.setattr(network, "lan_address", lambda: "192.168.1.20")
    on_the_lan = load_demo("--address", "0.0.0.0:8000")
    code = ruptures_demo_workshops().get().join_code
    assert f"Join URL:    http://192.168.1.20:8000/w/join/?code={code}" in on_the_lan
    assert f"Join URL:    http://127.0.0.1:9000/w/join/?code={code}" in load_demo("--address", "127.0.0.1:9000")


def test_the_demo_join_code_is_random_not_a_string_of_the_repository(db):
    """A served demo must not open to whoever read the seed: each load makes its own code."""
    load_demo()
    first = ruptures_demo_workshops().get().join_code
    load_demo("--reset")
    second = ruptures_demo_workshops().get().join_code
    assert first != second and "QN2012" not in (first, second)
    assert promise_demo_workshops().get().join_code != "PROMESSE2012"
