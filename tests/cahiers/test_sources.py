"""The cahier drafted from the demo edition: its workshops' outputs read by the selector, then drafted."""

import html
import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from markdown_it import MarkdownIt

from cahiers.drafting import Kind, draft_edition
from cahiers.sources import edition_draft_input
from demo.seed import promesse
from demo.seed import questions_numeriques as seed
from demo.seed.load import demo_load
from tests.factories import WorkshopFactory
from voting.models import Allocation, Ballot, BallotOption, BallotPaper, Method
from workshops.aggregation import phase_aggregate
from workshops.models import Contribution, Participant, PlusOne, TableOutputLine, Workshop

SEED = Path("/work/shared/seeds/cahier-enjeux-2012-2013.txt")
# What reading the demo edition may cost, whatever its number of lines and post-its: the
# selector's dozen, plus the promise workshop's report.
MAX_QUERIES = 40

pytestmark = pytest.mark.django_db


def _plain(text: str) -> str:
    text = text.replace("’", "'").replace("*", "")
    return " ".join(text.split()).casefold()


@pytest.fixture(scope="module")
def seed_headings():
    if not SEED.exists():
        pytest.skip("the seed document is not on this machine")
    return {_plain(line.lstrip("#")) for line in SEED.read_text(encoding="utf-8").splitlines() if line.startswith("#")}


class Room:
    """The demo's rupture workshop, where its tables post and +1 post-its on their scenarios."""

    def __init__(self, workshop: Workshop):
        self.workshop = workshop
        self.tables = {t.scenario.slug: t for t in workshop.tables.select_related("scenario") if t.scenario}
        self.people = {}
        self.phases = {p.name: p for p in workshop.phases.all()}

    def person(self, table, n):
        key = (table.pk, n)
        if key not in self.people:
            self.people[key] = Participant.objects.create(workshop=table.workshop, table=table, display_name=f"P{table.pk}-{n}")
        return self.people[key]

    def post(self, slug, section, text, *, axis="", plus_ones=0, phase="Développement du scénario", table=None):
        table = table or self.tables[slug]
        phase = table.workshop.phases.get(name=phase)
        postit = Contribution.objects.create(
            workshop=table.workshop, phase=phase, table=table, participant=self.person(table, 0),
            section=phase.canvas.sections.get(slug=section), axis=axis, text=text, plus_ones=plus_ones,
        )  # fmt: skip
        for n in range(1, plus_ones + 1):
            PlusOne.objects.create(contribution=postit, participant=self.person(table, n))
        return postit

    @staticmethod
    def aggregate(workshop):
        for phase in workshop.phases.filter(activity="postits"):
            phase_aggregate(phase_id=phase.pk)


@pytest.fixture
def demo(db):
    result = demo_load(password="pw")
    room = Room(result.workshop)
    cdi = "cdi-c-est-fini"
    room.post(cdi, "tendances-motrices", "La flexibilité voulue par les entreprises", plus_ones=1)
    room.post(cdi, "tendances-motrices", "Plus de CDI", plus_ones=2)
    room.post(cdi, "tendances-motrices", "Plus de CDD", plus_ones=1)
    room.post(cdi, "souhaitable", "# <script>alert(1)</script> [x](javascript:alert(1))", axis="Oui")
    room.post(cdi, "opportunites", "Des équipes qui se recomposent vite", axis=seed.COMPANY, phase="Comment anticiper la rupture ?")
    room.post("posseder-c-est-depasse", "signes-avant-coureurs", "Les fab labs de quartier", plus_ones=3)
    Room.aggregate(result.workshop)

    # A second workshop of the edition, where a table also worked on "CDI c'est fini !".
    other = WorkshopFactory(edition=result.workshop.edition, format=result.workshop.format, title="Atelier de Lyon", table_count=1)
    table = other.tables.get()
    table.scenario = room.tables[cdi].scenario
    table.save(update_fields=["scenario"])
    room.post(cdi, "tendances-motrices", "la flexibilite VOULUE par les entreprises !", plus_ones=2, table=table)
    Room.aggregate(other)
    room.edition = result.workshop.edition
    room.promise_workshop = result.promise_workshop
    return room


def _draft(room):
    with translation.override("en"):
        return draft_edition(edition_draft_input(edition=room.edition))


def _chapters(draft, kind):
    return [c for c in draft.chapters if c.kind == kind]


def test_the_demo_edition_drafts_seven_scenario_chapters_with_every_heading_of_the_seed_cahier(demo, seed_headings):
    draft = _draft(demo)
    scenarios = _chapters(draft, "scenario")
    assert [c.title for c in scenarios] == [s["title"] for s in seed.DEVELOPED_SCENARIOS]
    canvas = [s["title"] for s in seed.RUPTURE_CANVAS["sections"]]
    assert len(canvas) == 12
    for chapter in scenarios:
        keys = [s.key for s in chapter.sections]
        assert keys[:2] == ["narrative", "timeline"]
        assert [s.heading for s in chapter.sections[2:]] == canvas
        for section in chapter.sections[2:]:
            # "Comment anticiper la rupture ? Repérer les opportunités" is two of the seed's headings.
            for part in re.split(r"(?<=\?) ", section.heading):
                assert _plain(part) in seed_headings, part
            assert section.markdown, (chapter.title, section.heading)
        by_key = {s.key: s for s in chapter.sections}
        assert "### Oui" in by_key["canvas-souhaitable"].markdown and "### Non" in by_key["canvas-souhaitable"].markdown
        for key in ("canvas-opportunites", "canvas-menaces", "canvas-conditions-de-reussite"):
            markdown = by_key[key].markdown
            assert markdown.index(f"### {seed.COMPANY}") < markdown.index(f"### {seed.PUBLIC_ACTOR}")
        for axis in ("oui", "non", _plain(seed.COMPANY), _plain(seed.PUBLIC_ACTOR)):
            assert axis in seed_headings
        assert re.match(r"- \*\*\d{4}\*\* — ", by_key["timeline"].markdown)


# The seed's developed-scenario chapters, heading by heading (the cahier d'enjeux 2012/2013).
SEED_HEADINGS = (
    "tendances motrices",
    "signes avant-coureurs",
    "raisons de douter",
    "signaux à surveiller",
    "qui annonce",
    "qui est concerné",
    "qu'est-ce qui change",
    "ce scénario est-il souhaitable ?",
    "ce qu'il faudrait faire",
    "comment anticiper la rupture ? repérer les opportunités",
    "comment anticiper la rupture ? identifier les menaces",
    "comment anticiper la rupture ? les conditions de réussite",
)


def test_every_scenario_chapter_has_the_seeds_headings_with_their_yes_no_and_company_public_actor_parts(demo, seed_headings):
    draft = _draft(demo)
    assert len(_chapters(draft, "scenario")) == 7
    for chapter in _chapters(draft, "scenario"):
        headings = [_plain(s.heading) for s in chapter.sections]
        for wanted in SEED_HEADINGS:
            found = [h for h in headings if wanted in h]
            assert len(found) == 1, (chapter.title, wanted)
            # Each one is a heading of the seed itself (the "comment anticiper" ones are two of its headings).
            for part in re.split(r"(?<=\?) ", found[0]):
                assert _plain(part) in seed_headings, part
        by_heading = {_plain(s.heading): s.markdown for s in chapter.sections}
        desirable = next(m for h, m in by_heading.items() if "est-il souhaitable ?" in h)
        assert "### Oui" in desirable and "### Non" in desirable, chapter.title
        for wanted in SEED_HEADINGS[-3:]:
            markdown = next(m for h, m in by_heading.items() if wanted in h)
            assert f"### {seed.COMPANY}" in markdown and f"### {seed.PUBLIC_ACTOR}" in markdown, (chapter.title, wanted)
        # The scenario itself and its dated timeline come first.
        assert [s.key for s in chapter.sections[:2]] == ["narrative", "timeline"] and chapter.sections[0].markdown


def test_the_demo_edition_drafts_its_introduction_first_and_its_map_after_it(demo):
    draft = _draft(demo)
    assert [c.kind for c in draft.chapters] == ["introduction", "cartography", *["scenario"] * 7, "others", "promise"]
    (intro,) = draft.chapters[0].sections
    assert intro.markdown.startswith("Le temps des ruptures ?")
    chapter = draft.chapters[1]
    assert chapter.key == f"cartography-{demo.workshop.pk}" and chapter.title == "Map of the scenarios"
    svg = chapter.figure
    titles = [s["title"] for s in seed.DEVELOPED_SCENARIOS]
    labels = [html.unescape(label) for label in re.findall(r'<text class="map-label"[^>]*>([^<]*)</text>', svg)]
    assert len(re.findall(r'<circle class="dot"', svg)) == 19
    # The 7 retained in capitals (cut like the map cuts a long title), the 12 others as written.
    capitals = [label for label in labels if label == label.upper()]
    assert len(capitals) == 7 and all(any(t.upper().startswith(c.rstrip("…")) for t in titles) for c in capitals)
    others = [s["title"] for s in seed.OTHER_SCENARIOS]
    lower = [label for label in labels if label != label.upper()]
    assert len(lower) == 12 and all(any(t.startswith(label.rstrip("…")) for t in others) for label in lower)
    (section,) = chapter.sections
    items = [line for line in section.markdown.splitlines() if line.startswith("- ")]
    assert len(items) == 19 and all(items[n].startswith("- **") for n in range(7)) and not items[7].startswith("- **")
    assert "Plausibilité" in items[0] and "Impact" in items[0]


def test_an_open_scale_ballot_draws_no_map_yet(demo):
    Ballot.objects.filter(workshop=demo.workshop, method=Method.SCALE, title="Impact").update(status=Ballot.Status.OPEN)
    assert _chapters(_draft(demo), "cartography") == []


def test_the_promise_workshop_has_its_chapter_with_bruno_and_edouard(demo):
    (chapter,) = _chapters(_draft(demo), "promise")
    assert chapter.title == promesse.WORKSHOP["title"]
    personas = next(s for s in chapter.sections if s.key == "personas")
    assert "### Bruno, 30" in personas.markdown and "### Edouard De France, 35" in personas.markdown
    assert "\n1. " in personas.markdown
    keys = [s.key for s in chapter.sections]
    for key in ("evaluated", "personas", "keywords", "promise", "key-actions", "stakeholders", "commitments"):
        assert key in keys


def test_the_twelve_other_ruptures_have_their_chapter(demo):
    (chapter,) = _chapters(_draft(demo), "others")
    assert [s.heading for s in chapter.sections] == [s["title"] for s in seed.OTHER_SCENARIOS]
    assert len(chapter.sections) == 12
    assert all(s.markdown for s in chapter.sections)


def test_lines_merge_across_tables_and_workshops_keeping_every_post_it_as_a_snapshot(demo):
    chapter = next(c for c in _draft(demo).chapters if c.key == "scenario-cdi-c-est-fini")
    section = next(s for s in chapter.sections if s.key == "canvas-tendances-motrices")
    # The room's lines first (by +1s), the library's own entries after them.
    assert [line.text for line in section.lines[:3]] == [
        "la flexibilite VOULUE par les entreprises !",
        "Plus de CDI",
        "Plus de CDD",
    ]
    flexibility = section.lines[0]
    assert flexibility.plus_ones == 3
    assert {(p.kind, p.text, p.workshop) for p in flexibility.provenance} == {
        (Kind.POSTIT, "La flexibilité voulue par les entreprises", seed.DEMO_WORKSHOP["title"]),
        (Kind.POSTIT, "la flexibilite VOULUE par les entreprises !", "Atelier de Lyon"),
    }
    assert {p.table for p in flexibility.provenance} == {"CDI c'est fini !", "Table 1"}
    library = [line for line in section.lines if line.provenance[0].kind == Kind.LIBRARY]
    assert [line.text for line in library] == seed.DEVELOPED_SCENARIOS[2]["sections"]["tendances-motrices"]
    assert section.markdown.startswith("- la flexibilite VOULUE par les entreprises !\n- Plus de CDI\n- Plus de CDD\n")


def test_a_participants_markup_is_text_in_the_draft(demo):
    chapter = next(c for c in _draft(demo).chapters if c.key == "scenario-cdi-c-est-fini")
    section = next(s for s in chapter.sections if s.key == "canvas-souhaitable")
    html = MarkdownIt("commonmark", {"html": True}).render(section.markdown)
    assert "&lt;script&gt;" in html and "<script" not in html and "<a " not in html and "<h1" not in html


def test_a_closed_ballots_votes_rank_the_lines(demo):
    # Tied on +1s once CDD has a second one: the votes decide.
    table = demo.tables["cdi-c-est-fini"]
    PlusOne.objects.create(contribution=Contribution.objects.get(text="Plus de CDD"), participant=demo.person(table, 2))
    Contribution.objects.filter(text="Plus de CDD").update(plus_ones=2)
    Room.aggregate(demo.workshop)
    cdi, cdd = (
        TableOutputLine.objects.get(text=text, output__phase__workshop=demo.workshop) for text in ("Plus de CDI", "Plus de CDD")
    )
    ballot = Ballot.objects.create(workshop=demo.workshop, title="Tendances", method=Method.DOTS, status=Ballot.Status.CLOSED, budget=5)
    on_cdd = BallotOption.objects.create(ballot=ballot, position=1, label=cdd.text, output_line=cdd)
    on_cdi = BallotOption.objects.create(ballot=ballot, position=2, label=cdi.text, output_line=cdi)
    paper = BallotPaper.objects.create(ballot=ballot, participant=demo.person(table, 1))
    Allocation.objects.create(paper=paper, option=on_cdd, value=3)
    Allocation.objects.create(paper=paper, option=on_cdi, value=1)
    # A ballot still open counts nothing yet.
    open_ballot = Ballot.objects.create(workshop=demo.workshop, title="Encore ouvert", method=Method.DOTS, status=Ballot.Status.OPEN, budget=5)
    on_cdi_open = BallotOption.objects.create(ballot=open_ballot, position=1, label=cdi.text, output_line=cdi)
    Allocation.objects.create(paper=BallotPaper.objects.create(ballot=open_ballot, participant=demo.person(table, 1)), option=on_cdi_open, value=5)

    chapter = next(c for c in _draft(demo).chapters if c.key == "scenario-cdi-c-est-fini")
    section = next(s for s in chapter.sections if s.key == "canvas-tendances-motrices")
    votes = {line.text: line.votes for line in section.lines[:3]}
    assert votes == {"la flexibilite VOULUE par les entreprises !": 0, "Plus de CDD": 3, "Plus de CDI": 1}
    assert [line.text for line in section.lines[1:3]] == ["Plus de CDD", "Plus de CDI"]


def test_the_same_edition_drafts_the_same_hashes_and_a_new_post_it_changes_its_section_only(demo):
    first = _draft(demo)
    assert _draft(demo) == first
    demo.post("cdi-c-est-fini", "signaux-a-surveiller", "La progression du portage salarial")
    Room.aggregate(demo.workshop)
    second = _draft(demo)
    changed = {
        (c.key, s.key)
        for c, c2 in zip(first.chapters, second.chapters)
        for s, s2 in zip(c.sections, c2.sections)
        if s.source_hash != s2.source_hash
    }
    assert changed == {("scenario-cdi-c-est-fini", "canvas-signaux-a-surveiller")}


def test_reading_an_edition_costs_the_same_queries_whatever_its_number_of_lines(demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_QUERIES):
        edition_draft_input(edition=demo.edition)
    with CaptureQueriesContext(connection) as before:
        edition_draft_input(edition=demo.edition)
    for slug, table in demo.tables.items():
        for n in range(5):
            demo.post(slug, "raisons-de-douter", f"Une raison de douter numéro {n} pour {slug}", plus_ones=n % 2)
    Room.aggregate(demo.workshop)
    with CaptureQueriesContext(connection) as after:
        data = edition_draft_input(edition=demo.edition)
    assert sum(len(s.lines) for s in data.developed) >= 35 + 7
    assert len(after.captured_queries) == len(before.captured_queries)
