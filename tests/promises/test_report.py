"""The report: its data in the seed's order, its page, the restitution, the workshop's record."""

import json

import pytest
from django.urls import reverse

from promises import report, services
from promises.models import Keyword
from tests import factories
from voting.record import record_data
from workshops import services as workshop_services
from workshops.models import Activity, TableOutput, TableOutputLine, TableSynthesis, WorkshopPhase


@pytest.fixture
def reported(room):
    """The room's workshop with a bit of everything the report reads."""
    workshop = room.workshop
    postits = workshop.phases.filter(activity=Activity.POSTITS).order_by("position").first()
    section = postits.canvas.sections.order_by("position").first()
    output = TableOutput.objects.create(phase=postits, table=room.table1, section=section)
    TableOutputLine.objects.create(output=output, position=1, text="Le logiciel libre, vecteur de l'innovation")
    synthesis = WorkshopPhase.objects.create(workshop=workshop, position=5, name="Bilan", activity=Activity.SYNTHESIS)
    TableSynthesis.objects.create(phase=synthesis, table=room.table1, text="Une promesse tardive et encore fragile")
    services.promise_set_evaluated(workshop=workshop, phrase="Le numérique au service d'une croissance verte et durable")
    room.open(Activity.PERSONAS)
    bruno = services.persona_create(scribe=room.scribe, name="Bruno", age=30, profile="Maire d'une petite ville")
    for text in ("Open data", "BIMBY", "Agora numérique"):
        services.persona_step_add(scribe=room.scribe, persona_id=bruno.pk, text=text)
    room.open(Activity.KEYWORDS)
    services.keyword_add(workshop=workshop, participant=room.daniel, text="Résilience")
    services.keyword_add(workshop=workshop, participant=room.omar, text="Frugalité")
    services.keyword_set_kept(workshop=workshop, keyword_id=Keyword.objects.get(label="Résilience").pk, kept=True)
    services.promise_retain(workshop=workshop, phrase="Bien commun résilient", alternatives=["Alt 1", "Alt 2"], benefits="Durabilité\nBien commun")
    services.key_action_add(workshop=workshop, text="Consulter les citoyens")
    services.stakeholders_ensure_defaults(workshop=workshop)
    minister = workshop.stakeholders.order_by("position").first()
    services.stakeholder_item_add(workshop=workshop, stakeholder_id=minister.pk, kind="obstacle", text="Culture de la compétition")
    room.open(Activity.COMMITMENTS)
    services.commitment_make(workshop=workshop, participant=room.daniel, text="Je m'engage à maintenir mon cap", signed=True)
    services.commitment_make(workshop=workshop, participant=room.omar, text="Je m'engage à partager", signed=False)
    return room


def test_the_report_holds_everything_in_the_seeds_order(reported, django_assert_max_num_queries):
    with django_assert_max_num_queries(25):
        data = report.report_data(reported.workshop)
    json.dumps(data)  # plain data: a worker can read it
    assert data["evaluated"]["phrase"] == "Le numérique au service d'une croissance verte et durable"
    assert [p["activity"] for p in data["parts"]] == ["postits", "synthesis"]
    assert data["parts"][0]["sections"][0]["tables"][0]["lines"][0]["text"] == "Le logiciel libre, vecteur de l'innovation"
    assert data["parts"][1]["syntheses"][0]["text"] == "Une promesse tardive et encore fragile"
    assert data["personas"][0]["steps"] == ["Open data", "BIMBY", "Agora numérique"]
    assert [(k["label"], k["kept"]) for k in data["keywords"]] == [("Résilience", True), ("Frugalité", False)]
    assert data["promise"] == {"phrase": "Bien commun résilient", "alternatives": ["Alt 1", "Alt 2"], "benefits": ["Durabilité", "Bien commun"], "keywords": []}
    assert data["key_actions"] == ["Consulter les citoyens"]
    assert data["stakeholders"][0]["obstacles"] == ["Culture de la compétition"]
    assert data["commitments"] == [
        {"text": "Je m'engage à maintenir mon cap", "signed_by": "Daniel"},
        {"text": "Je m'engage à partager", "signed_by": None},
    ]
    markdown = "\n".join(report.report_markdown(data))
    order = ["croissance verte", "logiciel libre", "encore fragile", "Bruno", "Résilience", "Bien commun résilient", "Alt 1",
             "Consulter les citoyens", "Culture de la compétition", "maintenir mon cap"]
    positions = [markdown.index(text) for text in order]
    assert positions == sorted(positions)


def test_the_report_page_is_for_the_facilitator_and_editors(client, reported, django_assert_max_num_queries):
    url = reverse("promises:report", args=[reported.workshop.pk])
    client.force_login(reported.facilitator)
    with django_assert_max_num_queries(35):
        body = client.get(url).content.decode()
    assert "Bien commun résilient" in body and "Culture de la compétition" in body and "— Daniel" in body
    download = client.get(reverse("promises:report_markdown", args=[reported.workshop.pk]))
    assert download.status_code == 200 and "Bien commun résilient" in download.content.decode()
    assert download["Content-Disposition"].endswith('-report.md"')
    client.force_login(factories.EditorFactory())
    assert client.get(url).status_code == 200
    client.force_login(factories.FacilitatorFactory(username="bob"))
    assert client.get(url).status_code == 403


def test_the_restitution_shows_the_report(client, join_as, reported, django_assert_max_num_queries):
    phase = WorkshopPhase.objects.create(workshop=reported.workshop, position=20, name="Restitution", activity=Activity.RESTITUTION)
    workshop_services.phase_open(phase=phase)
    join_as(client, reported.daniel)
    with django_assert_max_num_queries(45):
        body = client.get(reverse("workshops:canvas", args=[reported.workshop.join_code])).content.decode()
    assert 'id="report-title"' in body and "Bien commun résilient" in body and "Alt 2" in body


def test_a_rupture_workshops_record_has_no_report(db):
    workshop = factories.WorkshopFactory()
    assert report.record_part(workshop) is None
    assert "promise_report" not in record_data(workshop)


def test_the_workshops_record_includes_the_report(client, reported):
    client.force_login(reported.facilitator)
    data = json.loads(client.get(reverse("voting:export_record", args=[reported.workshop.pk, "json"])).content)
    assert data["promise_report"]["promise"]["phrase"] == "Bien commun résilient"
    markdown = client.get(reverse("voting:export_record", args=[reported.workshop.pk, "md"])).content.decode()
    assert "Bien commun résilient" in markdown and "maintenir mon cap" in markdown
