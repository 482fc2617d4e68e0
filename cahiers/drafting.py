"""Drafting the cahier, as a pure function over plain data: no ORM, so every rule is checked by hand in tests.

What the workshops of an edition produced comes in (`EditionInput`, built by `cahiers.sources`);
a `Draft` goes out: chapters in order, each made of sections with a heading, Markdown, the lines
it was written from with their provenance, and a `source_hash` of the section's inputs. A
worker compares that hash with the one it drafted last time: the same inputs draft nothing.

The rules, as the seed cahier (Questions Numériques 2012/2013) reads:

- one chapter per developed scenario: its narrative, its dated timeline, then every canvas
  section in canvas order (sub-headings by axis: oui / non, pour une entreprise / pour un acteur
  public), each with the lines of every table that worked on the scenario, merged across tables
  and workshops (`near_duplicates`), ranked by +1s, then votes, then first appearance; then the
  library's own entries for that section;
- one chapter per promise workshop, from its report (`promises.report.report_data`);
- "other ruptures to explore": the scenarios not developed, each with its summary;
- the introduction, first, from the edition's description (editors then write it);
- the cartography, per workshop whose room placed the scenarios on two scale questions: the map
  as SVG (the chapter's `figure`, drawn by `voting.map_drawing` from numbers and escaped titles,
  the retained scenarios in capitals) and the same positions as a Markdown list, for screen
  readers and the Markdown export.

The chapters come in the seed's order: introduction, cartography, developed scenarios, other
ruptures; then the promise workshops' chapters (the seed cahier had none: they close the cahier).

Participants' text is escaped (`escape_markdown`) so that nothing they typed changes the
structure of the page: a "# title" stays text, "<script>" stays text, a link stays text.
Provenance is a snapshot (text, table, workshop), never a key: table outputs are rebuilt.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from voting.map_drawing import Axis, PlotPoint, map_svg

# Bumped when a rule below changes what a draft reads like: every section's hash changes with it,
# so the next draft rewrites them all (as draft revisions: an editor's edit is never overwritten).
DRAFTING_VERSION = 1

# Two lines whose token sets overlap this much (matched tokens / tokens of either) are one line,
# provided only one of them adds words (see `near_duplicates`). 4 shared words and 1 added: 0.8.
SIMILARITY_THRESHOLD = 0.8

# ---------------------------------------------------------------------------------------------
# Inputs


@dataclass(frozen=True)
class PostitSnapshot:
    """A post-it a line came from, as it read when drafted."""

    text: str
    table: str
    workshop: str


@dataclass(frozen=True)
class LineInput:
    """A line of a table's output on a scenario (aggregated post-its), with what the room said of it."""

    section: str  # the canvas section's slug
    axis: str
    text: str
    plus_ones: int = 0
    votes: int = 0  # what the closed ballots gave it (dots, approvals, yes, places in a ranking); 0 if none
    group_label: str = ""
    table: str = ""
    workshop: str = ""
    sources: tuple[PostitSnapshot, ...] = ()


@dataclass(frozen=True)
class EntryInput:
    """One of the library's own lines for a scenario (scenarios.SectionEntry)."""

    section: str
    axis: str
    text: str


@dataclass(frozen=True)
class SectionSpec:
    """A canvas section: the chapters' headings, in canvas order."""

    slug: str
    heading: str
    axes: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimelineInput:
    year: int
    title: str
    text: str


@dataclass(frozen=True)
class ScenarioInput:
    """A developed scenario, with every line its tables produced, in order of first appearance."""

    slug: str
    title: str
    summary: str = ""
    narrative: str = ""
    timeline: tuple[TimelineInput, ...] = ()
    lines: tuple[LineInput, ...] = ()
    entries: tuple[EntryInput, ...] = ()


@dataclass(frozen=True)
class OtherScenario:
    """A scenario not developed: "other ruptures to explore"."""

    slug: str
    title: str
    summary: str = ""


@dataclass(frozen=True)
class MapPointInput:
    """A scenario at its mean answer on the map's two scale questions."""

    title: str
    x: float
    y: float
    retained: bool = False  # retained for development: in capitals, as the seed's map writes them


@dataclass(frozen=True)
class ScaleInput:
    """One of the map's two scale questions."""

    title: str
    minimum: int
    maximum: int


@dataclass(frozen=True)
class MapInput:
    """A workshop's map of scenarios: its two scale ballots and where they put each scenario."""

    workshop_id: int
    workshop: str
    x: ScaleInput
    y: ScaleInput
    points: tuple[MapPointInput, ...] = ()


@dataclass(frozen=True)
class EditionInput:
    title: str
    sections: tuple[SectionSpec, ...]
    developed: tuple[ScenarioInput, ...] = ()
    # promises.report.report_data of each promise workshop, in workshop order.
    promise_reports: tuple[Mapping, ...] = ()
    others: tuple[OtherScenario, ...] = ()
    description: str = ""  # the edition's: the introduction's first draft
    maps: tuple[MapInput, ...] = ()  # in workshop order


# ---------------------------------------------------------------------------------------------
# Outputs


class Kind:
    POSTIT = "postit"  # a participant's post-it (through a table's output line)
    LINE = "line"  # a table's output line that names no post-it
    LIBRARY = "library"  # the scenario library: narrative, timeline, section entries, summaries
    REPORT = "report"  # a promise workshop's report
    VOTE = "vote"  # the room's answers to scale ballots (the map)


@dataclass(frozen=True)
class Provenance:
    kind: str
    text: str
    table: str = ""
    workshop: str = ""


@dataclass(frozen=True)
class DraftLine:
    # The normalised wording: what a later draft compares to tell an editor which lines are new.
    key: str
    axis: str
    text: str  # as written, unescaped
    plus_ones: int
    votes: int
    provenance: tuple[Provenance, ...]


@dataclass(frozen=True)
class DraftSection:
    key: str  # stable within its chapter: "narrative", "timeline", "canvas-<slug>", "personas"…
    heading: str  # plain text, escaped by the template that shows it
    markdown: str  # safe to render: participants' text is escaped
    lines: tuple[DraftLine, ...]
    source_hash: str


@dataclass(frozen=True)
class DraftChapter:
    key: str  # stable across drafts: "introduction", "cartography-<workshop id>", "scenario-<slug>", "promise-<workshop id>", "other-ruptures"
    kind: str  # "introduction", "cartography", "scenario", "promise", "others"
    title: str
    sections: tuple[DraftSection, ...]
    # A figure drawn from numbers (the cartography's SVG map); its section says the same in words.
    figure: str = ""


@dataclass(frozen=True)
class Draft:
    chapters: tuple[DraftChapter, ...] = field(default_factory=tuple)


# ---------------------------------------------------------------------------------------------
# Markdown that participants' text cannot break

_ESCAPED = re.compile(r"([\\`*_\[\]<>#|~])")
_ENTITY = re.compile(r"&(?=#|[A-Za-z][A-Za-z0-9]*;)")
_LINE_START = re.compile(r"^([-+=])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")


def escape_markdown(text: str) -> str:
    """The text on one line, every character that would make Markdown structure escaped.

    Emphasis, code, links and images (their brackets), raw HTML and autolinks (<, >), headings
    (#), tables (|), strikethrough (~) and entities (&…;) are escaped anywhere; list markers,
    setext and rule lines at its start. Newlines become spaces: a line break in a post-it would
    let its next line start a heading or leave the list it is in.
    """
    text = " ".join(str(text).split())
    text = _ESCAPED.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text)
    text = _LINE_START.sub(r"\\\1", text)
    return _ORDERED.sub(r"\1\\\2", text)


def _paragraphs(text: str) -> list[str]:
    return [escape_markdown(p) for p in re.split(r"\n\s*\n", str(text or "")) if p.strip()]


# ---------------------------------------------------------------------------------------------
# Near duplicates

# Articles, prepositions and conjunctions (French and English): their absence changes nothing.
# Negations are not among them: "souhaitable" and "pas souhaitable" are two lines.
STOPWORDS = frozenset(
    """
    le la les l un une des du de d au aux a en et ou dans sur pour par avec ce cet cette ces
    qui que qu son sa ses leur leurs se s y est sont
    the an of and or to in on for by with at is are be this that these those its their it
    """.split()
)
NEGATIONS = frozenset("ne n pas non ni sans jamais aucun aucune rien not no nor never without none".split())
TYPO_MIN_LENGTH = 5


def normalise(text: str) -> str:
    """Case folded, accents stripped, punctuation as spaces, single spaces."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    letters = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.split())


def _stem(word: str) -> str:
    # A plural is the same idea: "entreprises" / "entreprise", "réseaux" / "réseau".
    if len(word) > 3 and not word.isdigit() and word[-1] in "sx":
        return word[:-1]
    return word


def tokens(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in normalise(text).split() if w not in STOPWORDS)


@functools.lru_cache(maxsize=1 << 16)
def _same_word(a: str, b: str) -> bool:
    """The same word, or one a slip of the keyboard away; never numbers or short words (CDI / CDD).

    Cached, and the matcher's cheap upper bounds first: an edition's drafting compares the same
    words hundreds of thousands of times (the demo's took seconds without them)."""
    if a == b:
        return True
    if min(len(a), len(b)) < TYPO_MIN_LENGTH or any(c.isdigit() for c in a + b):
        return False
    if 2 * min(len(a), len(b)) / (len(a) + len(b)) < 0.8:  # the ratio's bound when every letter of the shorter matches
        return False
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.real_quick_ratio() >= 0.8 and matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8


def _match(a: frozenset[str], b: frozenset[str]) -> tuple[int, set[str], set[str]]:
    """How many words of a find one in b (each used once), and those left over on each side."""
    left, right = sorted(a - b), sorted(b - a)
    matched = len(a & b)
    unused = list(right)
    unmatched_left = set()
    for word in left:
        found = next((other for other in unused if _same_word(word, other)), None)
        if found is None:
            unmatched_left.add(word)
        else:
            unused.remove(found)
            matched += 1
    return matched, unmatched_left, set(unused)


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' word sets, typos forgiven: 1.0 for the same idea."""
    ta, tb = tokens(a), tokens(b)
    if not ta and not tb:
        return 1.0 if normalise(a) == normalise(b) else 0.0
    matched, only_a, only_b = _match(ta, tb)
    return matched / (len(ta) + len(tb) - matched)


def near_duplicates(a: str, b: str, threshold: float = SIMILARITY_THRESHOLD) -> bool:
    """Whether two lines say the same thing, so the cahier lists them once.

    The word sets must be nearly the same (`similarity` ≥ threshold), and what differs must be
    words one line adds, never a word each line has instead of the other's: "Plus de CDI" and
    "Plus de CDD" differ by a substitution, so they stay two lines however long they are. A
    negation added ("pas souhaitable") keeps them apart too.
    """
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return normalise(a) == normalise(b)
    # At best every word of the shorter line matches one of the longer's: a bound that spares
    # comparing the words of lines of very different lengths.
    if min(len(ta), len(tb)) / max(len(ta), len(tb)) < threshold:
        return False
    matched, only_a, only_b = _match(ta, tb)
    if only_a and only_b:
        return False
    if (only_a | only_b) & NEGATIONS:
        return False
    return matched / (len(ta) + len(tb) - matched) >= threshold


@dataclass
class _Cluster:
    axis: str
    members: list[tuple[int, LineInput]]  # (first appearance, line), best ranked first

    @property
    def lead(self) -> LineInput:
        return self.members[0][1]

    @property
    def plus_ones(self) -> int:
        return sum(line.plus_ones for _order, line in self.members)

    @property
    def votes(self) -> int:
        return sum(line.votes for _order, line in self.members)

    @property
    def first(self) -> int:
        return min(order for order, _line in self.members)


def _rank_key(order: int, line: LineInput) -> tuple:
    return (-line.plus_ones, -line.votes, order)


def _provenance_of(line: LineInput) -> list[Provenance]:
    if line.sources:
        return [Provenance(Kind.POSTIT, s.text, s.table, s.workshop) for s in line.sources]
    return [Provenance(Kind.LINE, line.text, line.table, line.workshop)]


def merge_lines(lines: Sequence[LineInput], entries: Sequence[EntryInput] = (), threshold: float = SIMILARITY_THRESHOLD) -> list[DraftLine]:
    """The lines of one section, near-duplicates merged, ranked; then the library's entries.

    Lines are taken best first (+1s, votes, first appearance), so a merged line keeps the wording
    of its best-ranked member; it adds up their +1s and votes and keeps all their provenance.
    Lines of two axes (oui / non) never merge. A library entry that repeats a line joins that
    line's provenance; the others follow the tables' lines, in the library's order.
    """
    clusters: list[_Cluster] = []
    for order, line in sorted(enumerate(lines), key=lambda pair: _rank_key(*pair)):
        match = next(
            (c for c in clusters if c.axis == line.axis and near_duplicates(c.lead.text, line.text, threshold)), None
        )
        if match is None:
            clusters.append(_Cluster(axis=line.axis, members=[(order, line)]))
        else:
            match.members.append((order, line))
    clusters.sort(key=lambda c: (-c.plus_ones, -c.votes, c.first))

    provenance: list[list[Provenance]] = []
    for cluster in clusters:
        seen: list[Provenance] = []
        for _order, line in cluster.members:
            for item in _provenance_of(line):
                if item not in seen:
                    seen.append(item)
        provenance.append(seen)

    extra: list[DraftLine] = []
    for entry in entries:
        index = next(
            (i for i, c in enumerate(clusters) if c.axis == entry.axis and near_duplicates(c.lead.text, entry.text, threshold)),
            None,
        )
        item = Provenance(Kind.LIBRARY, entry.text)
        if index is not None:
            if item not in provenance[index]:
                provenance[index].append(item)
            continue
        if any(line.axis == entry.axis and near_duplicates(line.text, entry.text, threshold) for line in extra):
            continue
        extra.append(DraftLine(normalise(entry.text), entry.axis, entry.text, 0, 0, (item,)))

    drafted = []
    for cluster, items in zip(clusters, provenance):
        lead = cluster.lead
        label = lead.group_label or next((line.group_label for _o, line in cluster.members if line.group_label), "")
        text = f"{label} — {lead.text}" if label else lead.text
        drafted.append(DraftLine(normalise(lead.text), cluster.axis, text, cluster.plus_ones, cluster.votes, tuple(items)))
    return drafted + extra


# ---------------------------------------------------------------------------------------------
# Sections and chapters


def source_hash(*parts) -> str:
    """A stable hash of what a section is drafted from (dataclasses, dicts, lists, strings)."""

    def plain(value):
        if hasattr(value, "__dataclass_fields__"):
            return asdict(value)
        raise TypeError(f"not hashable as drafting input: {type(value).__name__}")

    payload = json.dumps([DRAFTING_VERSION, *parts], default=plain, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _line_markdown(line: DraftLine) -> str:
    return f"- {escape_markdown(line.text)}"


def _axis_order(lines: Iterable[DraftLine], axes: Sequence[str]) -> list[str]:
    """Lines without an axis first, then the canvas's axes in order, then any other axis as found."""
    found = []
    for line in lines:
        if line.axis not in found:
            found.append(line.axis)
    ordered = [""] if "" in found else []
    ordered += [axis for axis in axes if axis in found]
    return ordered + [axis for axis in found if axis not in ordered]


def _lines_markdown(lines: Sequence[DraftLine], axes: Sequence[str], level: int = 3) -> str:
    blocks = []
    for axis in _axis_order(lines, axes):
        items = [_line_markdown(line) for line in lines if line.axis == axis]
        if axis:
            blocks.append(f"{'#' * level} {escape_markdown(axis)}")
        blocks.append("\n".join(items))
    return "\n\n".join(blocks)


def _section(key: str, heading: str, markdown: str, lines: Sequence[DraftLine], *inputs) -> DraftSection:
    return DraftSection(
        key=key, heading=heading, markdown=markdown.strip(), lines=tuple(lines), source_hash=source_hash(key, heading, *inputs)
    )


def _library(text: str) -> Provenance:
    return Provenance(Kind.LIBRARY, text)


def _narrative_section(scenario: ScenarioInput) -> DraftSection:
    paragraphs = [p for p in re.split(r"\n\s*\n", scenario.narrative or "") if p.strip()]
    lines = [DraftLine(normalise(p), "", p.strip(), 0, 0, (_library(p.strip()),)) for p in paragraphs]
    return _section("narrative", _("The scenario"), "\n\n".join(_paragraphs(scenario.narrative)), lines, scenario.narrative)


def _timeline_line(event: TimelineInput) -> str:
    """"- **2015** — *Title*. Text", as the seed's dated steps read."""
    title, text = event.title.strip(), event.text.strip()
    if not title:
        return f"- **{event.year}** — {escape_markdown(text)}"
    stop = "" if title.endswith((".", "!", "?", "…")) else "."
    return f"- **{event.year}** — *{escape_markdown(title)}*{stop} {escape_markdown(text)}".rstrip()


def _timeline_section(scenario: ScenarioInput) -> DraftSection:
    events = sorted(scenario.timeline, key=lambda e: e.year)  # stable: same-year events keep their order
    lines = [
        DraftLine(normalise(f"{e.year} {e.title} {e.text}"), "", " — ".join(p for p in (str(e.year), e.title, e.text) if p), 0, 0, (_library(e.text),))
        for e in events
    ]
    markdown = "\n".join(_timeline_line(e) for e in events)
    return _section("timeline", _("Timeline"), markdown, lines, events)


def draft_scenario_chapter(scenario: ScenarioInput, sections: Sequence[SectionSpec], threshold: float = SIMILARITY_THRESHOLD) -> DraftChapter:
    """A developed scenario's chapter: narrative, timeline, then every canvas section in order."""
    drafted = [_narrative_section(scenario), _timeline_section(scenario)]
    known = {spec.slug for spec in sections}
    # A line of a section the canvas no longer has (renamed, deleted) is not lost: it gets its own section.
    specs = list(sections)
    for item in (*scenario.lines, *scenario.entries):
        if item.section not in known:
            known.add(item.section)
            specs.append(SectionSpec(slug=item.section, heading=item.section))
    for spec in specs:
        lines_in = [line for line in scenario.lines if line.section == spec.slug]
        entries_in = [entry for entry in scenario.entries if entry.section == spec.slug]
        lines = merge_lines(lines_in, entries_in, threshold)
        drafted.append(
            _section(
                f"canvas-{spec.slug}", spec.heading, _lines_markdown(lines, spec.axes), lines, spec, lines_in, entries_in, threshold
            )
        )
    return DraftChapter(key=f"scenario-{scenario.slug}", kind="scenario", title=scenario.title, sections=tuple(drafted))


def _report_line(text: str, *, table: str = "", workshop: str = "", axis: str = "", plus_ones: int = 0) -> DraftLine:
    return DraftLine(normalise(text), axis, text, plus_ones, 0, (Provenance(Kind.REPORT, text, table, workshop),))


def _promise_part(part: Mapping, workshop: str, threshold: float) -> tuple[str, list[DraftLine]]:
    blocks: list[str] = []
    drafted: list[DraftLine] = []
    for section in part.get("sections", []):
        lines_in = [
            LineInput(
                section=section["title"], axis=line.get("axis", ""), text=line["text"], plus_ones=line.get("plus_ones", 0),
                table=table["table"], workshop=workshop,
            )
            for table in section.get("tables", [])
            for line in table.get("lines", [])
        ]  # fmt: skip
        lines = [
            DraftLine(
                line.key, line.axis, line.text, line.plus_ones, line.votes,
                tuple(Provenance(Kind.REPORT, p.text, p.table, p.workshop) for p in line.provenance),
            )
            for line in merge_lines(lines_in, (), threshold)
        ]  # fmt: skip
        blocks.append(f"### {escape_markdown(section['title'])}")
        blocks.append(_lines_markdown(lines, section.get("axes", []), level=4))
        drafted += lines
    for synthesis in part.get("syntheses", []):
        blocks.append(f"**{escape_markdown(_('Bilan'))}** ({escape_markdown(synthesis['table'])})")
        blocks += _paragraphs(synthesis["text"])
        drafted.append(_report_line(synthesis["text"], table=synthesis["table"], workshop=workshop))
    return "\n\n".join(blocks), drafted


def _persona_markdown(persona: Mapping) -> str:
    age = f", {persona['age']}" if persona.get("age") is not None else ""
    blocks = [f"### {escape_markdown(persona['name'])}{age}"]
    if persona.get("profile"):
        blocks += _paragraphs(persona["profile"])
    if persona.get("steps"):
        blocks.append("\n".join(f"{n}. {escape_markdown(step)}" for n, step in enumerate(persona["steps"], start=1)))
    if persona.get("keywords"):
        blocks.append(f"*{escape_markdown(_('Keywords'))}* : {escape_markdown(persona['keywords'])}")
    return "\n\n".join(blocks)


def draft_promise_chapter(report: Mapping, threshold: float = SIMILARITY_THRESHOLD) -> DraftChapter:
    """A promise workshop's chapter from its report (promises.report.report_data), in the seed's order.

    Sections nobody wrote anything in are left out; each other one is hashed with the part of the
    report it is drafted from.
    """
    workshop = report["workshop"]["title"]
    sections: list[DraftSection] = []

    evaluated = report.get("evaluated")
    if evaluated:
        blocks = [f"**{escape_markdown(_('The promise under evaluation'))}** : « {escape_markdown(evaluated['phrase'])} »"]
        blocks += _paragraphs(evaluated.get("origin", ""))
        lines = [_report_line(evaluated["phrase"], workshop=workshop)]
        sections.append(_section("evaluated", _("The promise under evaluation"), "\n\n".join(blocks), lines, evaluated))

    used: set[str] = set()
    for part in report.get("parts", []):
        key = base = f"part-{slugify(part['phase']) or 'phase'}"
        n = 1
        while key in used:
            n += 1
            key = f"{base}-{n}"
        used.add(key)
        markdown, lines = _promise_part(part, workshop, threshold)
        sections.append(_section(key, part["phase"], markdown, lines, part, threshold))

    personas = report.get("personas") or []
    if personas:
        lines = [
            _report_line(f"{p['name']} — " + " / ".join(p.get("steps", [])), table=p.get("table", ""), workshop=workshop)
            for p in personas
        ]
        markdown = "\n\n".join(_persona_markdown(p) for p in personas)
        sections.append(_section("personas", _("Personas"), markdown, lines, personas))

    keywords = report.get("keywords") or []
    if keywords:
        kept = [k["label"] for k in keywords if k.get("kept")]
        others = [k["label"] for k in keywords if not k.get("kept")]
        blocks = []
        if kept:
            blocks.append(f"**{escape_markdown(_('Kept'))}** : " + ", ".join(f"**{escape_markdown(k)}**" for k in kept))
        if others:
            blocks.append(f"{escape_markdown(_('Other keywords'))} : " + ", ".join(escape_markdown(k) for k in others))
        lines = [_report_line(k["label"], workshop=workshop, plus_ones=k.get("givers", 0)) for k in keywords]
        sections.append(_section("keywords", _("Keywords"), "\n\n".join(blocks), lines, keywords))

    promise = report.get("promise")
    if promise:
        blocks = [f"**{escape_markdown(_('The retained phrase'))}** : « {escape_markdown(promise['phrase'])} »"]
        if promise.get("alternatives"):
            blocks.append(f"**{escape_markdown(_('Alternative phrases'))}**")
            blocks.append("\n".join(f"- « {escape_markdown(a)} »" for a in promise["alternatives"]))
        if promise.get("benefits"):
            blocks.append(f"**{escape_markdown(_('Benefits'))}**")
            blocks.append("\n".join(f"- {escape_markdown(b)}" for b in promise["benefits"]))
        lines = [_report_line(text, workshop=workshop) for text in [promise["phrase"], *promise.get("alternatives", [])]]
        sections.append(_section("promise", _("The promise"), "\n\n".join(blocks), lines, promise))

    actions = report.get("key_actions") or []
    if actions:
        markdown = "\n".join(f"{n}. {escape_markdown(a)}" for n, a in enumerate(actions, start=1))
        sections.append(_section("key-actions", _("Key actions"), markdown, [_report_line(a, workshop=workshop) for a in actions], actions))

    stakeholders = report.get("stakeholders") or []
    if stakeholders:
        blocks, lines = [], []
        for s in stakeholders:
            blocks.append(f"### {escape_markdown(s['name'])}")
            for label, items in ((_("Obstacles"), s.get("obstacles", [])), (_("Key actions"), s.get("actions", []))):
                if items:
                    blocks.append(f"*{escape_markdown(label)}*")
                    blocks.append("\n".join(f"- {escape_markdown(i)}" for i in items))
                    lines += [_report_line(i, axis=s["name"], workshop=workshop) for i in items]
        sections.append(_section("stakeholders", _("What they should do"), "\n\n".join(blocks), lines, stakeholders))

    commitments = report.get("commitments") or []
    if commitments:
        markdown = "\n".join(
            f"- « {escape_markdown(c['text'])} » — {escape_markdown(c.get('signed_by') or _('anonymous'))}" for c in commitments
        )
        lines = [_report_line(c["text"], workshop=workshop) for c in commitments]
        sections.append(_section("commitments", _("Individual commitments"), markdown, lines, commitments))

    return DraftChapter(key=f"promise-{report['workshop']['id']}", kind="promise", title=workshop, sections=tuple(sections))


def draft_others_chapter(others: Sequence[OtherScenario]) -> DraftChapter:
    """"Other ruptures to explore": a section per scenario not developed, with its summary."""
    sections = []
    for scenario in others:
        lines = [DraftLine(normalise(scenario.summary), "", scenario.summary, 0, 0, (_library(scenario.summary),))] if scenario.summary.strip() else []
        sections.append(_section(f"scenario-{scenario.slug}", scenario.title, "\n\n".join(_paragraphs(scenario.summary)), lines, scenario))
    count = len(others)
    title = ngettext("%(count)d other rupture to explore", "%(count)d other ruptures to explore", count) % {"count": count}
    return DraftChapter(key="other-ruptures", kind="others", title=title, sections=tuple(sections))


def draft_introduction_chapter(data: EditionInput) -> DraftChapter:
    """The introduction: the edition's description as a first draft (empty without one), for the
    editors to write. Their edit is a revision a re-draft never covers."""
    lines = [DraftLine(normalise(p), "", p.strip(), 0, 0, (_library(p.strip()),)) for p in re.split(r"\n\s*\n", data.description or "") if p.strip()]
    section = _section("introduction", data.title, "\n\n".join(_paragraphs(data.description)), lines, data.description)
    return DraftChapter(key="introduction", kind="introduction", title=_("Introduction"), sections=(section,))


def _value(value: float) -> str:
    # One decimal, as a reader says it: "3,4" in French, "3.4" in English.
    return formats.number_format(round(value, 1), 1)


def draft_cartography_chapter(data: MapInput, *, several: bool = False) -> DraftChapter:
    """A workshop's map: the SVG figure, and a section listing each scenario's place in words.

    Retained scenarios come first, in capitals as on the map, then the others; each group from the
    top right (most on both questions) down. The hash covers the points and the questions, so an
    unchanged map drafts nothing.
    """
    x_axis = Axis(title=data.x.title, minimum=data.x.minimum, maximum=data.x.maximum)
    y_axis = Axis(title=data.y.title, minimum=data.y.minimum, maximum=data.y.maximum)
    plots = [PlotPoint(label=p.title, x=p.x, y=p.y, retained=p.retained) for p in data.points]
    figure = map_svg(points=plots, x_axis=x_axis, y_axis=y_axis, standalone=False)
    ordered = sorted(data.points, key=lambda p: (not p.retained, -(p.x + p.y), p.title))
    retained = sum(1 for p in data.points if p.retained)
    blocks = [
        escape_markdown(
            _("Each scenario at its mean answer to two questions: “%(x)s” (horizontal, from %(xmin)s to %(xmax)s) and “%(y)s” (vertical, from %(ymin)s to %(ymax)s).")
            % {"x": data.x.title, "xmin": data.x.minimum, "xmax": data.x.maximum, "y": data.y.title, "ymin": data.y.minimum, "ymax": data.y.maximum}
        )
    ]
    if retained:
        blocks.append(
            escape_markdown(
                ngettext("In capitals, the %(count)d scenario retained and developed.", "In capitals, the %(count)d scenarios retained and developed.", retained)
                % {"count": retained}
            )
        )
    items = []
    lines = []
    for point in ordered:
        # The whole title (the map may cut a long one), in capitals when retained, as on the map.
        title = f"**{escape_markdown(point.title.upper())}**" if point.retained else escape_markdown(point.title)
        where = _("%(x)s: %(xv)s · %(y)s: %(yv)s") % {"x": data.x.title, "xv": _value(point.x), "y": data.y.title, "yv": _value(point.y)}
        items.append(f"- {title} — {escape_markdown(where)}")
        lines.append(DraftLine(normalise(point.title), "", f"{point.title} — {where}", 0, 0, (Provenance(Kind.VOTE, point.title, "", data.workshop),)))
    blocks.append("\n".join(items))
    title = _("Map of the scenarios")
    if several:
        title = f"{title} — {data.workshop}"
    section = _section("map", _("The scenarios on the map"), "\n\n".join(blocks), lines, data.workshop, data.x, data.y, data.points)
    return DraftChapter(key=f"cartography-{data.workshop_id}", kind="cartography", title=title, sections=(section,), figure=figure)


def draft_edition(data: EditionInput, progress: Callable[[int, int], None] | None = None, threshold: float = SIMILARITY_THRESHOLD) -> Draft:
    """The whole cahier, in the seed's order: the introduction, the maps, the developed scenarios'
    chapters, the other ruptures, then the promise workshops'.

    `progress(done, total)` is called after each chapter, for a worker to report how far it is.
    """
    several = len(data.maps) > 1
    jobs: list[Callable[[], DraftChapter]] = [
        lambda: draft_introduction_chapter(data),
        *(lambda m=m: draft_cartography_chapter(m, several=several) for m in data.maps),
        *(lambda s=s: draft_scenario_chapter(s, data.sections, threshold) for s in data.developed),
    ]
    if data.others:
        jobs.append(lambda: draft_others_chapter(data.others))
    jobs += [lambda r=r: draft_promise_chapter(r, threshold) for r in data.promise_reports]
    chapters = []
    for done, job in enumerate(jobs, start=1):
        chapters.append(job())
        if progress is not None:
            progress(done, len(jobs))
    return Draft(chapters=tuple(chapters))
