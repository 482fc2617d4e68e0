"""Exports say where each option came from: a scenario, a post-it, a line of a table's output, or typed."""

import csv
import io

import pytest
from django.urls import reverse

from tests.voting.factories import make_ballot
from voting import exports, services
from workshops.models import TableOutput, TableOutputLine
from workshops.services import phase_close

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed_ballot(live_workshop, scenario_factory, contribution_factory, participant_factory):
    """One option of each source: a scenario, a post-it, a table output line, a typed label."""
    scenario = scenario_factory(edition=live_workshop.edition, title="Posséder, c'est dépassé")
    postit = contribution_factory(participant=participant_factory(workshop=live_workshop), text="Tout se loue")
    phase = live_workshop.phases.order_by("position").first()
    phase_close(phase=phase)
    section = phase.canvas.sections.order_by("position").first()
    table = live_workshop.tables.order_by("number").first()
    output = TableOutput.objects.create(phase=phase, table=table, section=section)
    line = TableOutputLine.objects.create(output=output, position=1, text="Les jeunes ne passent plus le permis")
    ballot = make_ballot(
        live_workshop, "approval",
        options=[
            {"label": scenario.title, "scenario": scenario},
            {"label": postit.text, "contribution": postit},
            {"label": "Table 1 · Les jeunes ne passent plus le permis", "output_line": line},
            {"label": "Une idée tapée"},
        ],
    )  # fmt: skip
    return {"ballot": ballot, "scenario": scenario, "postit": postit, "line": line, "table": table, "section": section}


def url(name, workshop, ballot=None, **kwargs):
    kw = {"workshop_pk": workshop.pk, **kwargs}
    if ballot is not None:
        kw["ballot_pk"] = ballot.pk
    return reverse(f"voting:{name}", kwargs=kw)


def test_the_json_export_gives_the_source_of_each_option(mixed_ballot):
    m = mixed_ballot
    sources = {o["label"]: o["source"] for o in exports.ballot_data(m["ballot"])["options"]}
    assert sources == {
        "Posséder, c'est dépassé": {"kind": "scenario", "id": m["scenario"].pk, "slug": m["scenario"].slug},
        "Tout se loue": {"kind": "postit", "id": m["postit"].pk},
        "Table 1 · Les jeunes ne passent plus le permis": {
            "kind": "output_line", "id": m["line"].pk,
            "table_id": m["table"].pk, "table": m["table"].label,
            "section_id": m["section"].pk, "section": m["section"].title,
        },
        "Une idée tapée": {"kind": "typed"},
    }  # fmt: skip


def test_the_csv_export_gives_the_source_of_each_option(mixed_ballot):
    m = mixed_ballot
    rows = {r["option"]: r for r in csv.DictReader(io.StringIO(exports.ballot_csv(m["ballot"])))}
    scenario = rows["Posséder, c'est dépassé"]
    assert (scenario["source"], scenario["source_id"], scenario["scenario"]) == ("scenario", str(m["scenario"].pk), m["scenario"].slug)
    postit = rows["Tout se loue"]
    assert (postit["source"], postit["source_id"], postit["source_table"]) == ("postit", str(m["postit"].pk), "")
    line = rows["Table 1 · Les jeunes ne passent plus le permis"]
    assert (line["source"], line["source_id"], line["source_table"], line["source_section"]) == (
        "output_line", str(m["line"].pk), m["table"].label, m["section"].title,
    )  # fmt: skip
    typed = rows["Une idée tapée"]
    assert (typed["source"], typed["source_id"], typed["source_table"], typed["source_section"]) == ("typed", "", "", "")


def test_the_workshop_exports_carry_the_sources_too(client, live_workshop, facilitator, mixed_ballot):
    client.force_login(facilitator)
    data = client.get(url("export_workshop", live_workshop, fmt="json")).json()
    assert [o["source"]["kind"] for o in data["ballots"][0]["options"]] == ["scenario", "postit", "output_line", "typed"]
    rows = list(csv.DictReader(io.StringIO(client.get(url("export_workshop", live_workshop, fmt="csv")).content.decode())))
    assert [r["source"] for r in rows] == ["scenario", "postit", "output_line", "typed"]
    one = client.get(url("export_ballot", live_workshop, mixed_ballot["ballot"], fmt="json")).json()
    assert one["options"][2]["source"]["section"] == mixed_ballot["section"].title


def test_the_export_reads_the_sources_in_a_fixed_number_of_queries(mixed_ballot, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        exports.ballot_csv(mixed_ballot["ballot"])


def test_a_formula_typed_as_an_option_comes_out_of_the_ballot_csv_as_text(live_workshop):
    ballot = make_ballot(live_workshop, "approval", labels=('=HYPERLINK("http://evil","clic")', "+33 créer", "Sans danger"))
    rows = list(csv.DictReader(io.StringIO(exports.ballot_csv(ballot))))
    assert [r["option"] for r in rows] == ["'=HYPERLINK(\"http://evil\",\"clic\")", "'+33 créer", "Sans danger"]
    assert list(csv.DictReader(io.StringIO(exports.workshop_csv([ballot]))))[0]["option"].startswith("'=")
