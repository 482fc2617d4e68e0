"""The workshop's record as files: JSON (everything, with a version), Markdown, CSV of post-its.

The round trip compares the JSON's counts with the database; the views are refused to anyone but
the workshop's facilitators (and editors once it is closed), and their queries do not grow with the room.
"""

import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import translation

from tests import factories
from tests.voting.factories import make_ballot, option_ids
from voting import record
from voting import services as voting_services
from voting.models import BallotPaper
from workshops import services
from workshops.aggregation import phase_aggregate
from workshops.models import Activity, Contribution, PlusOne, TableOutputLine, TableSynthesis, Workshop, WorkshopPhase

pytestmark = pytest.mark.django_db

# Session, user, workshop, then a fixed number of reads per kind of row and per ballot, one for the
# registered record parts to learn this workshop has none (the promise report), and the audit trail.
QUERY_BOUND = 22


def build_room(workshop, *, tables: int, per_table: int) -> dict:
    """A room that went through everything: post-its, +1s, a group, a merge, a hidden post-it,
    outputs, a synthesis per table, an approval ballot everyone voted in."""
    for _ in range(workshop.tables.count(), tables):
        services.table_create(workshop=workshop)
    people = []
    for table in workshop.tables.order_by("number"):
        for seat in range(per_table):
            people.append(factories.ParticipantFactory(workshop=workshop, table=table, display_name=f"T{table.number}-{seat}"))
    first = workshop.phases.get(position=1)
    section = first.canvas.sections.order_by("position").first()
    postits = [
        services.contribution_post(participant=p, section_id=section.pk, text=f"Signe {p.display_name}\nsur deux lignes")
        for p in people
    ]
    by_table = {}
    for person, postit in zip(people, postits):
        by_table.setdefault(person.table_id, []).append((person, postit))
    for seated in by_table.values():
        scribe = services.participant_set_scribe(participant=seated[0][0], is_scribe=True)
        # Everyone +1s the table's first post-it (but its author).
        for person, _ in seated[1:]:
            services.contribution_plus_one(participant=person, contribution_id=seated[0][1].pk)
        services.contribution_group(scribe=scribe, contribution_ids=[seated[1][1].pk, seated[2][1].pk], label="Mobilité")
        services.contribution_merge(scribe=scribe, target_id=seated[3][1].pk, source_id=seated[4][1].pk)
        services.contribution_set_hidden(scribe=scribe, contribution_id=seated[5][1].pk, hidden=True)
    services.phase_close(phase=first)
    phase_aggregate(phase_id=first.pk)
    synthesis = workshop.phases.get(position=3)
    WorkshopPhase.objects.filter(pk=synthesis.pk).update(activity=Activity.SYNTHESIS)
    services.phase_open(phase=WorkshopPhase.objects.get(pk=synthesis.pk))
    for seated in by_table.values():
        services.synthesis_save(scribe=seated[0][0], text=f"Synthèse de {seated[0][0].table.label}")
    ballot = make_ballot(workshop, "approval", labels=("=HYPERLINK(\"http://x\")", "La fin du salariat"), anonymous=False)
    a, b = option_ids(ballot)
    for person in people:
        voting_services.vote_cast(participant=person, ballot_id=ballot.pk, choices=[a])
    return {"people": people, "postits": postits, "ballot": ballot}


@pytest.fixture
def room(live_workshop):
    return build_room(live_workshop, tables=2, per_table=6)


def test_the_json_record_counts_what_the_database_holds(live_workshop, room):
    data = record.record_data(live_workshop)
    assert (data["kind"], data["version"]) == ("agora.workshop-record", 1)
    assert len(data["postits"]) == Contribution.objects.filter(workshop=live_workshop).count() == 12
    assert sum(p["plus_ones"] for p in data["postits"]) == PlusOne.objects.count() == 10
    lines = [line for output in data["outputs"] for line in output["lines"]]
    assert len(lines) == TableOutputLine.objects.filter(output__phase__workshop=live_workshop).count() > 0
    assert len(data["syntheses"]) == TableSynthesis.objects.count() == 2
    assert sum(len(b["papers"]) for b in data["ballots"]) == BallotPaper.objects.count() == 12
    assert len(data["participants"]) == 12 and len(data["tables"]) == 2 and len(data["phases"]) == 3


def test_the_json_record_keeps_groups_merges_hidden_flags_sources_and_display_names(live_workshop, room):
    data = record.record_data(live_workshop)
    by_id = {p["id"]: p for p in data["postits"]}
    first_table = [p for p in room["postits"] if p.table.number == 1]
    assert by_id[first_table[1].pk]["group"] == "Mobilité"
    assert by_id[first_table[4].pk]["merged_into"] == first_table[3].pk
    assert by_id[first_table[5].pk]["hidden"] is True
    assert by_id[first_table[0].pk]["author"] == "T1-0"
    assert by_id[first_table[0].pk]["text"] == "Signe T1-0\nsur deux lignes"
    # Every visible post-it is the source of some output line; a hidden one of none.
    sources = {s for output in data["outputs"] for line in output["lines"] for s in line["sources"]}
    assert first_table[0].pk in sources and first_table[5].pk not in sources
    groups = {line["group"] for output in data["outputs"] for line in output["lines"]}
    assert groups == {"Mobilité", ""}
    assert {p["display_name"] for p in data["participants"]} == {p.display_name for p in room["people"]}
    (ballot,) = data["ballots"]
    assert ballot["papers"][0]["voter"] in {p.display_name for p in room["people"]}
    assert ballot["options"][0]["label"].startswith("=HYPERLINK")  # JSON keeps the text as typed
    # Nothing about sessions or the join code.
    assert live_workshop.join_code not in json.dumps(data)


def test_the_markdown_reads_table_by_table_phase_by_phase_section_by_section(live_workshop, room):
    with translation.override("en"):
        text = record.record_markdown(record.record_data(live_workshop))
    assert text.startswith(f"# {live_workshop.title}\n")
    table1, table2 = text.index("## Table 1"), text.index("## Table 2")
    assert table1 < text.index("### Développer le scénario", table1) < text.index("#### Signes avant-coureurs", table1) < table2
    assert "Signe T1-0  \n  sur deux lignes" in text
    # The scribe's group label is on the output's line, before its text.
    assert "**Mobilité** — Signe T1-1  \n  sur deux lignes" in text
    assert "Synthèse de Table 1" in text[table1:table2]
    assert "## Ballots" in text and "La fin du salariat" in text
    # Codes read as words: the phase's activity and status, the ballot's method.
    assert "1. Développer le scénario (Post-its, Closed)" in text and "Approval · Open" in text


def test_the_postits_csv_has_one_row_per_postit_and_neutralises_formulas(live_workshop, room, participant_factory):
    phase = live_workshop.phases.get(position=2)
    WorkshopPhase.objects.filter(workshop=live_workshop).exclude(pk=phase.pk).update(status=WorkshopPhase.Status.CLOSED)
    Workshop.objects.filter(pk=live_workshop.pk).update(status=Workshop.Status.LIVE)
    services.phase_open(phase=WorkshopPhase.objects.get(pk=phase.pk))
    evil = participant_factory(workshop=live_workshop, display_name="@evil")
    services.contribution_post(participant=evil, section_id=phase.canvas.sections.first().pk, text='=HYPERLINK("http://x","clic")')
    rows = list(csv.DictReader(io.StringIO(record.record_postits_csv(live_workshop))))
    assert len(rows) == Contribution.objects.filter(workshop=live_workshop).count() == 13
    last = rows[-1] if rows[-1]["author"] == "'@evil" else next(r for r in rows if r["author"] == "'@evil")
    assert last["text"] == "'=HYPERLINK(\"http://x\",\"clic\")"
    merged = next(r for r in rows if r["merged_into"])
    assert merged["table_number"] == "1" and merged["section"] == "Signes avant-coureurs"
    assert any(r["group"] == "Mobilité" for r in rows) and any(r["hidden"] == "True" for r in rows)


def url(workshop, fmt):
    return reverse("voting:export_record", kwargs={"workshop_pk": workshop.pk, "fmt": fmt})


@pytest.mark.parametrize(
    "fmt, content_type, suffix",
    [("json", "application/json", ".json"), ("md", "text/markdown", ".md"), ("csv", "text/csv", "-postits.csv")],
)
def test_the_facilitator_downloads_each_format_as_an_attachment(client, facilitator, live_workshop, room, fmt, content_type, suffix):
    client.force_login(facilitator)
    response = client.get(url(live_workshop, fmt))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    expected = f'attachment; filename="{record.record_filename(live_workshop, "", "x")[:-2]}{suffix}"'
    assert response["Content-Disposition"] == expected
    assert live_workshop.date.isoformat() in expected


def test_an_unknown_format_is_a_404(client, facilitator, live_workshop):
    client.force_login(facilitator)
    assert client.get(url(live_workshop, "xlsx")).status_code == 404


def test_a_facilitator_of_another_workshop_an_outsider_and_a_participant_are_refused(
    client, live_workshop, other_facilitator, outsider, editor, join_as, participant_factory
):
    for user in (other_facilitator, outsider, editor):  # the editor: the workshop is not closed yet
        client.force_login(user)
        assert client.get(url(live_workshop, "json")).status_code == 403
    client.logout()
    join_as(client, participant_factory(workshop=live_workshop, display_name="Daniel"))
    response = client.get(url(live_workshop, "json"))
    assert response.status_code == 302 and "/login" in response["Location"]


def test_the_export_of_a_workshop_that_does_not_exist_is_a_404(client, facilitator):
    client.force_login(facilitator)
    assert client.get(reverse("voting:export_record", kwargs={"workshop_pk": 999999, "fmt": "json"})).status_code == 404


def test_after_closing_the_facilitator_and_the_editors_download_the_record(client, facilitator, editor, live_workshop, room):
    services.workshop_close(workshop=Workshop.objects.get(pk=live_workshop.pk))
    for user in (facilitator, editor):
        client.force_login(user)
        response = client.get(url(live_workshop, "json"))
        assert response.status_code == 200
        data = json.loads(response.content)
        assert data["workshop"]["status"] == "closed" and len(data["outputs"]) > 0


def test_the_control_room_links_to_each_format(client, facilitator, live_workshop):
    client.force_login(facilitator)
    page = client.get(reverse("workshops:control", args=[live_workshop.pk])).content.decode()
    for fmt in ("json", "md", "csv"):
        assert url(live_workshop, fmt) in page


@pytest.mark.parametrize("fmt", ["json", "md", "csv"])
def test_the_record_of_seven_tables_of_fifteen_takes_a_bounded_number_of_queries(
    client, facilitator, live_workshop, django_assert_max_num_queries, fmt
):
    build_room(live_workshop, tables=7, per_table=15)
    client.force_login(facilitator)
    with django_assert_max_num_queries(QUERY_BOUND):
        assert client.get(url(live_workshop, fmt)).status_code == 200


def test_the_records_page_lists_what_each_person_may_download_and_the_rule_agrees(
    client, facilitator, other_facilitator, editor, live_workshop
):
    closed = factories.WorkshopFactory(facilitator=other_facilitator, title="Atelier clos")
    services.workshop_close(workshop=closed)
    draft = factories.WorkshopFactory(facilitator=other_facilitator, title="Atelier à venir")
    expected = {facilitator: {live_workshop}, other_facilitator: {closed, draft}, editor: {closed}}
    for user, workshops in expected.items():
        assert set(Workshop.objects.records_for(user)) == workshops
        for workshop in Workshop.objects.all():
            assert user.has_perm("workshops.export_workshop", workshop) == (workshop in workshops)
        client.force_login(user)
        page = client.get(reverse("voting:records")).content.decode()
        for workshop in Workshop.objects.all():
            assert (url(workshop, "json") in page) == (workshop in workshops)


def test_the_records_page_is_for_staff_only(client, outsider):
    client.force_login(outsider)
    assert client.get(reverse("voting:records")).status_code == 403
    client.logout()
    assert client.get(reverse("voting:records")).status_code == 302
