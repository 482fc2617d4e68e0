"""The cahier's drafting, by hand: plain data in, Markdown and provenance out (no database)."""

import dataclasses

import pytest
from django.utils import translation
from markdown_it import MarkdownIt

from cahiers.drafting import (
    EditionInput,
    EntryInput,
    Kind,
    LineInput,
    MapInput,
    MapPointInput,
    OtherScenario,
    PostitSnapshot,
    Provenance,
    ScaleInput,
    ScenarioInput,
    SectionSpec,
    SIMILARITY_THRESHOLD,
    TimelineInput,
    draft_cartography_chapter,
    draft_edition,
    draft_others_chapter,
    draft_promise_chapter,
    draft_scenario_chapter,
    escape_markdown,
    merge_lines,
    near_duplicates,
    similarity,
)

SECTIONS = (
    SectionSpec("tendances-motrices", "Principales tendances motrices"),
    SectionSpec("souhaitable", "Ce scénario est-il souhaitable ?", ("Oui", "Non")),
    SectionSpec("opportunites", "Comment anticiper la rupture ? Repérer les opportunités", ("Pour une entreprise", "Pour un acteur public")),
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def postit(text, table="Table 1", workshop="Atelier"):
    return PostitSnapshot(text=text, table=table, workshop=workshop)


def line(text, *, section="tendances-motrices", axis="", plus_ones=0, votes=0, table="Table 1", workshop="Atelier", group=""):
    return LineInput(
        section=section, axis=axis, text=text, plus_ones=plus_ones, votes=votes, group_label=group,
        table=table, workshop=workshop, sources=(postit(text, table, workshop),),
    )  # fmt: skip


def scenario(lines=(), entries=(), **changes):
    base = ScenarioInput(
        slug="cdi-c-est-fini",
        title="CDI c'est fini !",
        summary="Le CDI cesse d'être la norme.",
        narrative="Le CDI n'a plus la cote.\n\nChacun devient responsable de son employabilité.",
        timeline=(TimelineInput(2017, "La Défense", "Bataille rangée."), TimelineInput(2013, "", "Moins de 60 % de CDI.")),
        lines=tuple(lines),
        entries=tuple(entries),
    )
    return dataclasses.replace(base, **changes)


def texts(lines):
    return [line.text for line in lines]


# Near duplicates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("La crise économique et écologique", "la crise ECOLOGIQUE et economique !"),
        ("Les réseaux sociaux professionnels", "réseau social professionnel"),
        ("Le développement du télétravail", "Développement du teletravail"),
        ("Montée du stress et des pathologies au travail", "La montée du stress, des pathologies au travail."),
        # One word added to four: still the same line (4/5 ≥ the threshold).
        ("Multiplication des espaces de coworking partagés", "Multiplication des espaces de coworking partagés en ville"),
        # A typo in a long word.
        ("Généralisation de la flexisécurité", "Généralisation de la flexisecurite"),
        ("Généralisation de la flexisécurité", "Généralisation de la flexicurité"),
    ],
)
def test_near_duplicates_are_one_line_whatever_the_case_accents_punctuation_and_small_words(a, b):
    assert near_duplicates(a, b)
    assert near_duplicates(b, a)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Plus de CDI", "Plus de CDD"),
        # However long the line, a word instead of another is another idea.
        (
            "Plus de CDI pour les jeunes diplômés des grandes écoles de commerce en région",
            "Plus de CDD pour les jeunes diplômés des grandes écoles de commerce en région",
        ),
        ("Le scénario est souhaitable pour tous", "Le scénario n'est pas souhaitable pour tous"),
        ("Crise en 2015", "Crise en 2016"),
        ("Montée du stress", "Montée du stress au travail"),  # 2 of 3 words: below the threshold
        ("Développer le télétravail", "Interdire le télétravail"),
    ],
)
def test_different_ideas_stay_two_lines(a, b):
    assert not near_duplicates(a, b)
    assert not near_duplicates(b, a)


def test_the_threshold_sits_between_one_word_added_to_three_and_one_added_to_four():
    assert similarity("stress travail bureau", "stress travail bureau ville") == 0.75 < SIMILARITY_THRESHOLD
    assert similarity("stress travail bureau open", "stress travail bureau open ville") == 0.8 >= SIMILARITY_THRESHOLD
    assert similarity("CDI", "CDD") == 0.0


# Merging and ranking ----------------------------------------------------------------------------


def test_lines_of_two_tables_merge_keeping_the_best_ranked_wording_and_every_post_it():
    lines = [
        line("La crise économique et écologique", plus_ones=1, table="Table 1", workshop="Atelier A"),
        line("Crise ecologique et economique !", plus_ones=4, table="Table 3", workshop="Atelier B"),
        line("L'individualisation des parcours", plus_ones=2, table="Table 3", workshop="Atelier B"),
    ]
    merged = merge_lines(lines)
    assert texts(merged) == ["Crise ecologique et economique !", "L'individualisation des parcours"]
    first = merged[0]
    assert first.plus_ones == 5
    assert first.provenance == (
        Provenance(Kind.POSTIT, "Crise ecologique et economique !", "Table 3", "Atelier B"),
        Provenance(Kind.POSTIT, "La crise économique et écologique", "Table 1", "Atelier A"),
    )


def test_lines_rank_by_plus_ones_then_votes_then_first_appearance():
    lines = [
        line("Alpha premier", plus_ones=1, votes=0),
        line("Bravo deuxième", plus_ones=1, votes=3),
        line("Charlie troisième", plus_ones=2, votes=0),
        line("Delta quatrième", plus_ones=1, votes=0),
    ]
    assert texts(merge_lines(lines)) == ["Charlie troisième", "Bravo deuxième", "Alpha premier", "Delta quatrième"]


def test_merged_lines_rank_by_their_added_support():
    lines = [
        line("Le télétravail progresse", plus_ones=3),
        line("Les monnaies locales", plus_ones=2),
        line("Les monnaies locales !", plus_ones=2, table="Table 2"),
    ]
    merged = merge_lines(lines)
    assert texts(merged) == ["Les monnaies locales", "Le télétravail progresse"]
    assert merged[0].plus_ones == 4


def test_lines_of_two_axes_never_merge():
    lines = [line("Une réponse à la crise", section="souhaitable", axis="Oui"), line("Une réponse à la crise", section="souhaitable", axis="Non")]
    assert [(l.axis, l.text) for l in merge_lines(lines)] == [("Oui", "Une réponse à la crise"), ("Non", "Une réponse à la crise")]


def test_the_librarys_entries_follow_the_tables_lines_and_one_that_repeats_a_line_joins_its_provenance():
    lines = [line("Le développement des monnaies alternatives", plus_ones=1)]
    entries = [EntryInput("tendances-motrices", "", "Développement des monnaies alternatives."), EntryInput("tendances-motrices", "", "La crise.")]
    merged = merge_lines(lines, entries)
    assert texts(merged) == ["Le développement des monnaies alternatives", "La crise."]
    assert merged[0].provenance[-1] == Provenance(Kind.LIBRARY, "Développement des monnaies alternatives.")
    assert merged[1].provenance == (Provenance(Kind.LIBRARY, "La crise."),)


def test_a_scribes_group_label_leads_its_line():
    (merged,) = merge_lines([line("Le CDI n'est plus la norme", group="Les cadres du travail explosent")])
    assert merged.text == "Les cadres du travail explosent — Le CDI n'est plus la norme"


def test_drafting_is_deterministic_whatever_the_order_of_equal_lines():
    lines = [line(f"Idée numéro {word}", plus_ones=n % 3) for n, word in enumerate("un deux trois quatre cinq six sept".split())]
    first = draft_scenario_chapter(scenario(lines), SECTIONS)
    again = draft_scenario_chapter(scenario(list(lines)), SECTIONS)
    assert first == again
    # Ties are broken by first appearance: the input's order, not the text.
    tied = texts(merge_lines([line("Zoulou"), line("Alpha")]))
    assert tied == ["Zoulou", "Alpha"]


# Chapters -------------------------------------------------------------------------------------


def test_a_scenario_chapter_has_its_narrative_timeline_then_every_canvas_section_in_order():
    chapter = draft_scenario_chapter(
        scenario(
            [
                line("Le modèle de l'entreprise-armée est dépassé", section="souhaitable", axis="Oui", plus_ones=2),
                line("Un scénario élitiste", section="souhaitable", axis="Non", plus_ones=5),
                line("Adapter les effectifs à la demande", section="opportunites", axis="Pour une entreprise"),
            ]
        ),
        SECTIONS,
    )
    assert chapter.key == "scenario-cdi-c-est-fini"
    assert chapter.title == "CDI c'est fini !"
    assert [s.key for s in chapter.sections] == ["narrative", "timeline", "canvas-tendances-motrices", "canvas-souhaitable", "canvas-opportunites"]
    assert [s.heading for s in chapter.sections][2:] == [spec.heading for spec in SECTIONS]
    narrative, timeline, empty, desirable, opportunities = chapter.sections
    assert narrative.markdown == "Le CDI n'a plus la cote.\n\nChacun devient responsable de son employabilité."
    # Dated steps in year order.
    assert timeline.markdown == "- **2013** — Moins de 60 % de CDI.\n- **2017** — *La Défense*. Bataille rangée."
    assert empty.markdown == "" and empty.lines == ()
    # Oui before Non as the canvas has them, whatever their support.
    assert desirable.markdown == "### Oui\n\n- Le modèle de l'entreprise-armée est dépassé\n\n### Non\n\n- Un scénario élitiste"
    assert opportunities.markdown == "### Pour une entreprise\n\n- Adapter les effectifs à la demande"


def test_a_line_of_a_section_the_canvas_no_longer_has_is_kept_in_a_section_of_its_own():
    chapter = draft_scenario_chapter(scenario([line("Une idée", section="ancienne-section")]), SECTIONS)
    assert chapter.sections[-1].key == "canvas-ancienne-section"
    assert texts(chapter.sections[-1].lines) == ["Une idée"]


REPORT = {
    "workshop": {"id": 42, "title": "Atelier promesse", "date": "2012-10-24", "place": "Paris"},
    "evaluated": {"phrase": "Le numérique, c'est vert", "origin": "Une promesse de 2008."},
    "parts": [
        {
            "phase": "Évaluer la promesse",
            "activity": "postits",
            "sections": [
                {
                    "title": "Ce qui a marché",
                    "axes": [],
                    "tables": [
                        {"table": "Table 1", "lines": [{"axis": "", "text": "La dématérialisation", "plus_ones": 1}]},
                        {"table": "Table 2", "lines": [{"axis": "", "text": "la dématérialisation !", "plus_ones": 2}]},
                    ],
                }
            ],
        },
        {"phase": "Bilan", "activity": "synthesis", "syntheses": [{"table": "Table 1", "text": "Un bilan mitigé."}]},
    ],
    "personas": [
        {"table": "Table 1", "name": "Bruno", "age": 30, "profile": "Vit en Haute-Savoie.", "keywords": "mobilité", "steps": ["Il se lève.", "Il part."]}
    ],
    "keywords": [{"label": "sobriété", "givers": 3, "kept": True, "merged": []}, {"label": "vitesse", "givers": 1, "kept": False, "merged": []}],
    "promise": {"phrase": "Le numérique sobre", "alternatives": ["Le numérique utile"], "benefits": ["Moins d'énergie"], "keywords": ["sobriété"]},
    "key_actions": ["Mesurer", "Réduire"],
    "stakeholders": [{"name": "Le/la ministre", "obstacles": ["Le budget"], "actions": ["Légiférer"]}],
    "commitments": [{"text": "Éteindre ma box", "signed_by": None}, {"text": "Réparer", "signed_by": "Alice"}],
}


def test_a_promise_chapter_follows_the_report():
    chapter = draft_promise_chapter(REPORT)
    assert chapter.key == "promise-42" and chapter.kind == "promise" and chapter.title == "Atelier promesse"
    assert [s.key for s in chapter.sections] == [
        "evaluated", "part-evaluer-la-promesse", "part-bilan", "personas", "keywords", "promise", "key-actions", "stakeholders", "commitments",
    ]  # fmt: skip
    sections = {s.key: s for s in chapter.sections}
    # The two tables' lines are one line, the better supported wording kept, both tables named.
    (merged,) = sections["part-evaluer-la-promesse"].lines
    assert merged.text == "la dématérialisation !" and merged.plus_ones == 3
    assert {p.table for p in merged.provenance} == {"Table 1", "Table 2"}
    assert "Un bilan mitigé." in sections["part-bilan"].markdown
    assert "### Bruno, 30\n\nVit en Haute-Savoie.\n\n1. Il se lève.\n2. Il part." in sections["personas"].markdown
    assert "**sobriété**" in sections["keywords"].markdown and "vitesse" in sections["keywords"].markdown
    assert "« Le numérique utile »" in sections["promise"].markdown
    assert sections["key-actions"].markdown == "1. Mesurer\n2. Réduire"
    assert "### Le/la ministre" in sections["stakeholders"].markdown
    assert sections["commitments"].markdown == "- « Éteindre ma box » — anonymous\n- « Réparer » — Alice"


def test_an_empty_report_drafts_no_empty_section():
    empty = {"workshop": {"id": 1, "title": "Vide"}, "evaluated": None, "parts": [], "personas": [], "keywords": [], "promise": None,
             "key_actions": [], "stakeholders": [], "commitments": []}  # fmt: skip
    assert draft_promise_chapter(empty).sections == ()


def test_the_other_ruptures_chapter_lists_each_scenario_not_developed_with_its_summary():
    chapter = draft_others_chapter([OtherScenario("neuro-inc", "Neuro.inc", "Les neurosciences."), OtherScenario("du-calme", "Du calme !", "")])
    assert chapter.title == "2 other ruptures to explore"
    assert [(s.key, s.heading, s.markdown) for s in chapter.sections] == [
        ("scenario-neuro-inc", "Neuro.inc", "Les neurosciences."),
        ("scenario-du-calme", "Du calme !", ""),
    ]


def test_an_edition_is_drafted_chapter_by_chapter_reporting_progress():
    data = EditionInput(
        title="QN", sections=SECTIONS, developed=(scenario(),), promise_reports=(REPORT,), others=(OtherScenario("a", "A", "a"),)
    )
    seen = []
    draft = draft_edition(data, progress=lambda done, total: seen.append((done, total)))
    # The seed's order: the introduction, the developed scenarios, the other ruptures; the promise workshops close it.
    assert [c.kind for c in draft.chapters] == ["introduction", "scenario", "others", "promise"]
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


# The introduction and the map ------------------------------------------------------------------

MAP = MapInput(
    workshop_id=7,
    workshop="Atelier des ruptures",
    x=ScaleInput("Plausibilité", 1, 5),
    y=ScaleInput("Impact", 1, 5),
    points=(
        MapPointInput("Neuro.inc", 2.0, 1.5),
        MapPointInput("CDI c'est fini !", 4.34, 4.5, retained=True),
        MapPointInput("<script>alert(1)</script> & *emph*", 3.0, 3.0),
    ),
)


def test_the_introduction_comes_first_from_the_editions_description_or_empty():
    data = EditionInput(title="QN 2012", sections=SECTIONS, description="Le temps des ruptures ?\n\nUne <b>centaine</b> de personnes.")
    intro = draft_edition(data).chapters[0]
    assert (intro.key, intro.kind, intro.title) == ("introduction", "introduction", "Introduction")
    (section,) = intro.sections
    assert (section.key, section.heading) == ("introduction", "QN 2012")
    assert section.markdown == "Le temps des ruptures ?\n\nUne \\<b\\>centaine\\</b\\> de personnes."
    (empty,) = draft_edition(EditionInput(title="QN", sections=SECTIONS)).chapters[0].sections
    assert empty.markdown == "" and empty.source_hash


def test_a_map_drafts_its_chapter_after_the_introduction_with_the_svg_and_the_same_places_in_words():
    draft = draft_edition(EditionInput(title="QN", sections=SECTIONS, developed=(scenario(),), maps=(MAP,)))
    assert [c.kind for c in draft.chapters] == ["introduction", "cartography", "scenario"]
    chapter = draft.chapters[1]
    assert (chapter.key, chapter.title) == ("cartography-7", "Map of the scenarios")
    svg = chapter.figure
    assert svg.startswith("<svg") and svg.endswith("</svg>") and "<style" not in svg
    # Retained in capitals (and bold), the others as written; every title escaped.
    assert ">CDI C&#x27;EST FINI !</text>" in svg and 'font-weight="700">CDI' in svg
    assert ">Neuro.inc</text>" in svg
    assert "<script" not in svg and "&lt;script&gt;" in svg
    (section,) = chapter.sections
    assert section.key == "map" and section.heading == "The scenarios on the map"
    items = [line for line in section.markdown.splitlines() if line.startswith("- ")]
    # The retained first, in capitals; then from the top right down.
    assert items[0] == "- **CDI C'EST FINI !** — Plausibilité: 4.3 · Impact: 4.5"
    assert items[1].startswith("- \\<script\\>") and items[2].startswith("- Neuro.inc — Plausibilité: 2.0 · Impact: 1.5")
    assert "In capitals, the 1 scenario retained and developed." in section.markdown
    html = MarkdownIt("commonmark", {"html": True}).render(section.markdown)
    assert "<script" not in html
    assert {p.kind for line in section.lines for p in line.provenance} == {Kind.VOTE}


def test_an_unchanged_map_has_the_same_hash_and_a_moved_scenario_changes_it():
    first = draft_cartography_chapter(MAP)
    assert draft_cartography_chapter(MAP) == first
    moved = dataclasses.replace(MAP, points=(MAP.points[0], dataclasses.replace(MAP.points[1], y=3.0), MAP.points[2]))
    second = draft_cartography_chapter(moved)
    assert second.sections[0].source_hash != first.sections[0].source_hash and second.figure != first.figure


def test_two_workshops_maps_are_two_chapters_named_by_their_workshop():
    other = dataclasses.replace(MAP, workshop_id=8, workshop="Atelier de Lyon")
    chapters = draft_edition(EditionInput(title="QN", sections=SECTIONS, maps=(MAP, other))).chapters
    assert [c.title for c in chapters[1:]] == ["Map of the scenarios — Atelier des ruptures", "Map of the scenarios — Atelier de Lyon"]


# Source hashes --------------------------------------------------------------------------------


def _hashes(chapter):
    return {s.key: s.source_hash for s in chapter.sections}


def test_the_same_inputs_give_the_same_hashes():
    lines = [line("Une idée", plus_ones=1), line("Oui", section="souhaitable", axis="Oui")]
    assert _hashes(draft_scenario_chapter(scenario(lines), SECTIONS)) == _hashes(draft_scenario_chapter(scenario(list(lines)), SECTIONS))
    hashes = _hashes(draft_scenario_chapter(scenario(lines), SECTIONS))
    assert len(set(hashes.values())) == len(hashes)  # each section hashes what it is drafted from
    assert all(len(h) == 64 for h in hashes.values())


def test_a_changed_input_changes_the_hash_of_its_section_only():
    lines = [line("Une idée", plus_ones=1), line("Oui", section="souhaitable", axis="Oui")]
    before = _hashes(draft_scenario_chapter(scenario(lines), SECTIONS))
    more_support = [line("Une idée", plus_ones=2), lines[1]]
    after = _hashes(draft_scenario_chapter(scenario(more_support), SECTIONS))
    assert after["canvas-tendances-motrices"] != before["canvas-tendances-motrices"]
    assert {k: v for k, v in after.items() if k != "canvas-tendances-motrices"} == {
        k: v for k, v in before.items() if k != "canvas-tendances-motrices"
    }
    # A post-it's new wording, the narrative, a timeline step, a library entry: each its own section.
    reworded = [dataclasses.replace(lines[0], sources=(postit("Une idée, précisée"),)), lines[1]]
    assert _hashes(draft_scenario_chapter(scenario(reworded), SECTIONS))["canvas-tendances-motrices"] != before["canvas-tendances-motrices"]
    narrated = _hashes(draft_scenario_chapter(scenario(lines, narrative="Autre récit."), SECTIONS))
    assert narrated["narrative"] != before["narrative"] and narrated["timeline"] == before["timeline"]
    entry = [EntryInput("souhaitable", "Non", "Non merci.")]
    entered = _hashes(draft_scenario_chapter(scenario(lines, entry), SECTIONS))
    assert entered["canvas-souhaitable"] != before["canvas-souhaitable"]
    assert entered["canvas-tendances-motrices"] == before["canvas-tendances-motrices"]


def test_a_changed_report_changes_the_hash_of_its_part_only():
    before = _hashes(draft_promise_chapter(REPORT))
    changed = dict(REPORT, key_actions=["Mesurer", "Réduire", "Partager"])
    after = _hashes(draft_promise_chapter(changed))
    assert after["key-actions"] != before["key-actions"]
    assert {k: v for k, v in after.items() if k != "key-actions"} == {k: v for k, v in before.items() if k != "key-actions"}


# Markdown safety ------------------------------------------------------------------------------

HOSTILE = [
    "# title",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![img](http://evil.example/x.png)",
    "<http://evil.example>",
    "<img src=x onerror=alert(1)>",
    "- a list\n# and a heading",
    "1. not a list",
    "> a quote",
    "**bold** and _emphasis_ and `code`",
    "---",
    "| a | b |",
    "&lt;script&gt;",
    "text\n\n    indented code",
    "back\\slash",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_the_text_itself(text):
    # Raw HTML allowed in the renderer: the escaping alone must keep it text.
    html = MarkdownIt("commonmark", {"html": True}).render(f"- {escape_markdown(text)}")
    for tag in ("<script", "<a ", "<img", "<h1", "<h2", "<ol", "<blockquote", "<strong", "<em", "<code", "<hr", "<table", "<pre"):
        assert tag not in html, (text, html)
    assert html.startswith("<ul>\n<li>") and html.count("<li>") == 1


def test_escaped_text_reads_the_same_once_rendered():
    md = MarkdownIt("commonmark")
    assert md.render(escape_markdown("# <b>CDI</b> *c'est* fini & [x](y)")) == "<p># &lt;b&gt;CDI&lt;/b&gt; *c'est* fini &amp; [x](y)</p>\n"
    # Apostrophes, dashes inside a line, parentheses and full stops are left as they are.
    assert escape_markdown("L'État (2015) - vu.") == "L'État (2015) - vu."


def test_participants_text_is_escaped_everywhere_in_a_draft():
    hostile = "# <script>alert(1)</script> [x](javascript:alert(1))"
    chapter = draft_scenario_chapter(
        scenario(
            [line(hostile, section="souhaitable", axis="Oui", group="<b>groupe</b>"), line(hostile, section="nouvelle-section", axis="<i>axe</i>")],
            narrative=hostile,
            timeline=(TimelineInput(2015, hostile, hostile),),
        ),
        SECTIONS,
    )
    report = dict(REPORT, personas=[dict(REPORT["personas"][0], name=hostile, steps=[hostile], profile=hostile, keywords=hostile)],
                  commitments=[{"text": hostile, "signed_by": hostile}], key_actions=[hostile])  # fmt: skip
    promise = draft_promise_chapter(report)
    md = MarkdownIt("commonmark", {"html": True})
    for section in (*chapter.sections, *promise.sections):
        html = md.render(section.markdown)
        assert "<script" not in html and "<a " not in html and "<b>" not in html and "<i>" not in html, (section.key, html)
        assert "<h1" not in html and "<h2" not in html, (section.key, html)


def test_the_drafting_reads_no_database():
    """Pure, like voting.tallies: a worker may run it anywhere, a test checks it by hand."""
    import ast
    import inspect

    import cahiers.drafting

    tree = ast.parse(inspect.getsource(cahiers.drafting))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    }
    assert not {name for name in imported if name and (name.startswith("django.db") or name.endswith("models"))}
