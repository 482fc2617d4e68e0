"""The demo's promise workshop against its seed, `atelier-promesse-2012.txt`."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from demo.seed import promesse
from demo.seed.promise_load import promise_demo_workshops
from promises import report
from promises.models import Commitment, KeyAction, Keyword, Persona, Promise, Stakeholder
from workshops.models import Activity, Workshop, WorkshopPhase

# The seed document the demo was written from (the project's shared seeds).
SEED = Path("/work/shared/seeds/atelier-promesse-2012.txt")

pytestmark = pytest.mark.django_db


def _plain(text: str) -> str:
    """The seed's typography and ours read alike: apostrophes, quotes, spaces, case."""
    text = text.replace("’", "'").replace("œ", "oe")
    text = re.sub(r"[«»“”\"]", " ", text)
    return " ".join(text.split()).casefold()


@pytest.fixture(scope="module")
def seed_text():
    if not SEED.exists():
        pytest.skip("the seed document is not on this machine")
    return _plain(SEED.read_text(encoding="utf-8"))


@pytest.fixture
def loaded(db):
    call_command("load_demo", password="pw", without_cahier=True, stdout=open("/dev/null", "w"))
    return promise_demo_workshops().get()


def _in_order(seed_text: str, texts: list[str], prefix: int = 60) -> list[int]:
    """Where each text starts in the seed (its first words), asserting each is there."""
    positions = []
    for text in texts:
        head = _plain(text)[:prefix].rstrip(" .")
        assert head in seed_text, head
        positions.append(seed_text.index(head))
    return positions


def test_the_personas_have_the_seeds_steps_in_its_order(loaded, seed_text):
    bruno, edouard = Persona.objects.filter(workshop=loaded).order_by("created_at", "pk")
    assert (bruno.name, bruno.age, edouard.name, edouard.age) == ("Bruno", 30, "Edouard De France", 35)
    for persona, count in ((bruno, 6), (edouard, 5)):
        steps = list(persona.steps.order_by("position").values_list("text", flat=True))
        assert len(steps) == count
        assert list(persona.steps.order_by("position").values_list("position", flat=True)) == list(range(1, count + 1))
        positions = _in_order(seed_text, steps)
        assert positions == sorted(positions)
    assert "haute-savoie" in _plain(bruno.profile)


def test_the_retained_phrase_and_its_two_alternatives_in_order(loaded, seed_text):
    produced = Promise.objects.get(workshop=loaded, kind=Promise.Kind.PRODUCED)
    assert produced.phrase == "Le numérique, bien commun au service d'une co-croissance résiliente"
    alternatives = list(produced.alternatives.order_by("position").values_list("phrase", flat=True))
    assert len(alternatives) == 2
    positions = _in_order(seed_text, [produced.phrase, *alternatives], prefix=300)
    assert positions == sorted(positions)
    assert Promise.objects.get(workshop=loaded, kind=Promise.Kind.EVALUATED).phrase == "Le numérique au service d'une croissance verte et durable"
    assert {k.label for k in produced.keywords.all()} == set(promesse.KEPT_KEYWORDS)


def test_the_keywords_the_actions_the_stakeholders_and_six_commitments(loaded, seed_text):
    kept = set(Keyword.objects.filter(workshop=loaded, kept=True).values_list("label", flat=True))
    assert kept == set(promesse.KEPT_KEYWORDS)
    assert Keyword.objects.filter(workshop=loaded, kept=False).count() == len(promesse.OTHER_KEYWORDS)
    actions = list(KeyAction.objects.filter(workshop=loaded).order_by("position").values_list("text", flat=True))
    assert len(actions) == 5 and _in_order(seed_text, actions) == sorted(_in_order(seed_text, actions))
    roles = list(Stakeholder.objects.filter(workshop=loaded).order_by("position"))
    assert [r.name for r in roles] == ["Le/la ministre", "Le/la PDG", "Le/la directeur/trice de recherche"]
    assert [(r.items.filter(kind="obstacle").count(), r.items.filter(kind="action").count()) for r in roles] == [(4, 4), (5, 3), (4, 3)]
    commitments = list(Commitment.objects.filter(workshop=loaded).order_by("created_at", "pk").values_list("text", flat=True))
    assert len(commitments) == 6
    positions = _in_order(seed_text, commitments, prefix=40)
    assert positions == sorted(positions)


def test_the_evaluation_is_in_the_report_with_its_bilan_and_the_seeds_order(loaded, seed_text):
    data = report.report_data(loaded)
    assert [part["phase"] for part in data["parts"]] == ["Évaluer la promesse", "Bilan de l'évaluation", "Ce qui va changer"]
    evaluation = data["parts"][0]["sections"]
    assert [s["title"] for s in evaluation][1] == "Évaluer la promesse : ce qui a marché"
    worked = [line["text"] for line in evaluation[1]["tables"][0]["lines"]]
    assert len(worked) == 6 and _in_order(seed_text, worked) == sorted(_in_order(seed_text, worked))
    evokes = evaluation[0]["tables"][0]["lines"]
    assert evokes[0]["axis"] == "Expériences personnelles" and evokes[-1]["axis"] == "Autres idées"
    assert "promesse tardive et encore fragile" in _plain(data["parts"][1]["syntheses"][0]["text"])
    assert {line["axis"] for line in data["parts"][2]["sections"][0]["tables"][0]["lines"]} == {
        "Technologique", "Sociétal", "Économique", "Environnemental",
    }  # fmt: skip


def test_the_promise_workshop_waits_at_its_restitution_and_loading_again_changes_nothing(loaded, client):
    assert loaded.phases.get(status=WorkshopPhase.Status.OPEN).activity == Activity.RESTITUTION
    counts = (Persona.objects.count(), Keyword.objects.count(), Commitment.objects.count(), Workshop.objects.count())
    call_command("load_demo", password="pw", without_cahier=True, stdout=open("/dev/null", "w"))
    assert (Persona.objects.count(), Keyword.objects.count(), Commitment.objects.count(), Workshop.objects.count()) == counts
    client.login(username="editeur", password="pw")
    body = client.get(reverse("promises:report", args=[loaded.pk])).content.decode()
    assert "co-croissance résiliente" in body and "Edouard De France" in body


def test_a_workshop_of_someone_else_with_the_title_is_left_alone(db):
    """The demo finds its workshops by title, date and its facilitator (their join codes are random):
    someone's own workshop of the same title is neither taken for the demo's nor reset."""
    import datetime

    from tests import factories

    mine = factories.WorkshopFactory(title=promesse.WORKSHOP["title"], date=datetime.date.fromisoformat(promesse.WORKSHOP["date"]))
    call_command("load_demo", password="pw", without_cahier=True, stdout=open("/dev/null", "w"))
    call_command("load_demo", "--reset", password="pw", without_cahier=True, stdout=open("/dev/null", "w"))
    assert Workshop.objects.get(pk=mine.pk).title == promesse.WORKSHOP["title"]
    assert not Persona.objects.filter(workshop=mine).exists()
    assert promise_demo_workshops().get().pk != mine.pk
