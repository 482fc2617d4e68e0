"""workshops.aggregation, in-process: how a table's post-its become the lines of its output."""

import pytest

from workshops import services
from workshops.aggregation import normalise, phase_aggregate
from workshops.models import TableOutput, TableOutputLine

pytestmark = pytest.mark.django_db

PERMIS = "Les jeunes ne passent plus le permis de conduire"
LOCATION = "Essor des plateformes de location entre particuliers"
IMPRIMANTES = "Les imprimantes 3D entrent dans les foyers"
KILOMETRES = "Les constructeurs automobiles vendent des kilomètres"


@pytest.fixture
def phase(live_workshop):
    return live_workshop.phases.order_by("position").first()


@pytest.fixture
def sections(phase):
    """The plain section, then the one with axes ["Pour une entreprise", "Pour un acteur public"]."""
    return list(phase.canvas.sections.order_by("position"))


@pytest.fixture
def table_mates(live_workshop, participant_factory):
    """Four people at table 1."""
    return [participant_factory(workshop=live_workshop) for _ in range(4)]


@pytest.fixture
def post(contribution_factory):
    def post_it(author, text, section=None, axis=""):
        return contribution_factory(participant=author, text=text, section=section, axis=axis)

    return post_it


def plus_one(postit, *fans):
    for fan in fans:
        services.contribution_plus_one(participant=fan, contribution_id=postit.pk)


def lines_of(phase, section):
    output = TableOutput.objects.get(phase=phase, section=section)
    return list(output.lines.order_by("position"))


def source_ids(line):
    return set(line.sources.values_list("pk", flat=True))


def snapshot(phase):
    """Everything a reader of the outputs sees, without database ids of the lines themselves."""
    return [
        (line.output.table_id, line.output.section_id, line.position, line.axis, line.text, line.plus_ones, sorted(source_ids(line)))
        for line in TableOutputLine.objects.filter(output__phase=phase).select_related("output").order_by(
            "output__table__number", "output__section__position", "position"
        )
    ]


def test_normalise_drops_case_accents_and_punctuation():
    assert normalise("  Posséder, c'est DÉPASSÉ !  ") == "posseder c est depasse"


def test_lines_are_ordered_by_plus_ones(phase, sections, table_mates, post):
    author, *fans = table_mates
    few = post(author, LOCATION)
    most = post(author, IMPRIMANTES)
    none = post(author, KILOMETRES)
    plus_one(most, *fans)
    plus_one(few, fans[0])

    phase_aggregate(phase_id=phase.pk)

    lines = lines_of(phase, sections[0])
    assert [(line.position, line.text, line.plus_ones) for line in lines] == [
        (1, IMPRIMANTES, 3),
        (2, LOCATION, 1),
        (3, KILOMETRES, 0),
    ]
    assert [source_ids(line) for line in lines] == [{most.pk}, {few.pk}, {none.pk}]


def test_ties_keep_the_order_of_posting(phase, sections, table_mates, post):
    author = table_mates[0]
    post(author, LOCATION)
    post(author, IMPRIMANTES)

    phase_aggregate(phase_id=phase.pk)

    assert [line.text for line in lines_of(phase, sections[0])] == [LOCATION, IMPRIMANTES]


def test_exact_duplicates_become_one_line_linked_to_every_postit(phase, sections, table_mates, post):
    first = post(table_mates[0], PERMIS)
    second = post(table_mates[1], PERMIS)
    other = post(table_mates[2], LOCATION)
    plus_one(second, table_mates[3])

    written = phase_aggregate(phase_id=phase.pk)

    assert written == 2
    lines = lines_of(phase, sections[0])
    assert [line.text for line in lines] == [PERMIS, LOCATION]
    assert source_ids(lines[0]) == {first.pk, second.pk}
    assert lines[0].plus_ones == 1
    assert source_ids(lines[1]) == {other.pk}


@pytest.mark.parametrize(
    "variant",
    [
        "les jeunes ne passent plus le permis de conduire",  # case
        "Les jeunes ne passent plus le permis de conduire !!!",  # punctuation
        "Les jeunes né passent plus le pérmis de conduire",  # accents
        "Les jeunes ne pasent plus le permis de conduir",  # small typos
    ],
)
def test_near_duplicates_are_merged(phase, sections, table_mates, post, variant):
    original = post(table_mates[0], PERMIS)
    near = post(table_mates[1], variant)

    phase_aggregate(phase_id=phase.pk)

    lines = lines_of(phase, sections[0])
    assert len(lines) == 1
    assert source_ids(lines[0]) == {original.pk, near.pk}


def test_the_most_supported_wording_represents_merged_postits(phase, sections, table_mates, post):
    post(table_mates[0], PERMIS)
    preferred = post(table_mates[1], PERMIS + " !")
    plus_one(preferred, table_mates[2], table_mates[3])

    phase_aggregate(phase_id=phase.pk)

    (line,) = lines_of(phase, sections[0])
    assert line.text == PERMIS + " !"
    assert line.plus_ones == 2


def test_different_postits_are_not_merged(phase, sections, table_mates, post):
    for author, text in zip(table_mates, [PERMIS, LOCATION, IMPRIMANTES, KILOMETRES]):
        post(author, text)

    phase_aggregate(phase_id=phase.pk)

    assert len(lines_of(phase, sections[0])) == 4


def test_the_same_idea_on_different_axes_stays_apart(phase, sections, table_mates, post):
    company, public = sections[1].axes
    for_company = post(table_mates[0], LOCATION, section=sections[1], axis=company)
    for_public = post(table_mates[1], LOCATION, section=sections[1], axis=public)

    phase_aggregate(phase_id=phase.pk)

    lines = lines_of(phase, sections[1])
    assert [(line.axis, line.text) for line in lines] == [(company, LOCATION), (public, LOCATION)]
    assert [source_ids(line) for line in lines] == [{for_company.pk}, {for_public.pk}]


def test_sections_and_tables_get_outputs_of_their_own(live_workshop, phase, sections, table_mates, participant_factory, post):
    elsewhere = participant_factory(workshop=live_workshop, table=live_workshop.tables.get(number=2))
    here = post(table_mates[0], PERMIS)
    there = post(elsewhere, PERMIS)
    other_section = post(table_mates[1], PERMIS, section=sections[1], axis=sections[1].axes[0])

    phase_aggregate(phase_id=phase.pk)

    outputs = TableOutput.objects.filter(phase=phase)
    assert outputs.count() == 3
    by_place = {(o.table.number, o.section_id): [source_ids(line) for line in o.lines.all()] for o in outputs}
    assert by_place == {
        (1, sections[0].pk): [{here.pk}],
        (2, sections[0].pk): [{there.pk}],
        (1, sections[1].pk): [{other_section.pk}],
    }


def test_hidden_postits_are_left_out(phase, sections, table_mates, post):
    scribe = services.participant_set_scribe(participant=table_mates[0], is_scribe=True)
    kept = post(table_mates[1], LOCATION)
    hidden = post(table_mates[2], IMPRIMANTES)
    services.contribution_set_hidden(scribe=scribe, contribution_id=hidden.pk, hidden=True)

    phase_aggregate(phase_id=phase.pk)

    lines = lines_of(phase, sections[0])
    assert [line.text for line in lines] == [LOCATION]
    assert source_ids(lines[0]) == {kept.pk}
    assert not TableOutputLine.objects.filter(sources=hidden).exists()


def test_a_postit_merged_by_the_scribe_is_a_source_of_its_targets_line(phase, sections, table_mates, post):
    scribe = services.participant_set_scribe(participant=table_mates[0], is_scribe=True)
    target = post(table_mates[1], KILOMETRES)
    source = post(table_mates[2], "L'automobile devient un service qu'on paie à l'usage")
    plus_one(source, table_mates[3])
    services.contribution_merge(scribe=scribe, target_id=target.pk, source_id=source.pk)

    phase_aggregate(phase_id=phase.pk)

    (line,) = lines_of(phase, sections[0])
    assert line.text == KILOMETRES
    assert source_ids(line) == {target.pk, source.pk}
    assert line.plus_ones == 1  # the +1 moved over with the merge


def test_running_twice_gives_identical_lines(phase, sections, table_mates, post):
    author, *fans = table_mates
    plus_one(post(author, PERMIS), *fans[:2])
    post(fans[0], PERMIS + ".")
    post(fans[1], LOCATION, section=sections[1], axis=sections[1].axes[1])
    plus_one(post(author, IMPRIMANTES), fans[2])

    phase_aggregate(phase_id=phase.pk)
    first = snapshot(phase)
    phase_aggregate(phase_id=phase.pk)

    assert snapshot(phase) == first
    assert TableOutput.objects.filter(phase=phase).count() == 2
    assert TableOutputLine.objects.filter(output__phase=phase).count() == 3


def test_aggregation_bumps_the_workshop_version(live_workshop, phase, table_mates, post):
    post(table_mates[0], PERMIS)
    live_workshop.refresh_from_db()
    version = live_workshop.version

    phase_aggregate(phase_id=phase.pk)

    live_workshop.refresh_from_db()
    assert live_workshop.version > version


def test_closing_the_phase_aggregates_it_after_commit(phase, sections, table_mates, post, django_capture_on_commit_callbacks):
    postit = post(table_mates[0], PERMIS)

    with django_capture_on_commit_callbacks(execute=True):
        services.phase_close(phase=phase)
        assert not TableOutput.objects.filter(phase=phase).exists()  # not before the commit

    (line,) = lines_of(phase, sections[0])
    assert source_ids(line) == {postit.pk}


@pytest.mark.parametrize(
    "one,other",
    [
        ("Plus de voitures en ville", "Pas de voitures en ville"),
        ("Souhaitable : oui", "Souhaitable : non"),
        ("Plus de CDI", "Plus de CDD"),
        ("Le permis à 16 ans", "Le permis à 18 ans"),
        ("Les jeunes louent", "Les jeunes ne louent pas"),
    ],
)
def test_postits_that_say_the_opposite_are_not_merged(phase, sections, table_mates, post, one, other):
    post(table_mates[0], one)
    post(table_mates[1], other)

    phase_aggregate(phase_id=phase.pk)

    assert len(lines_of(phase, sections[0])) == 2


def test_a_person_who_plus_oned_two_merged_postits_counts_once(phase, sections, table_mates, post):
    original = post(table_mates[0], PERMIS)
    duplicate = post(table_mates[1], PERMIS.lower())
    plus_one(original, table_mates[2], table_mates[3])
    plus_one(duplicate, table_mates[2])

    phase_aggregate(phase_id=phase.pk)

    (line,) = lines_of(phase, sections[0])
    assert line.plus_ones == 2


def test_a_line_carries_the_scribes_group_label_of_its_post_its(phase, sections, table_mates, post):
    scribe = services.participant_set_scribe(participant=table_mates[0], is_scribe=True)
    grouped = post(table_mates[1], PERMIS)
    plus_one(grouped, table_mates[2])
    loose = post(table_mates[2], IMPRIMANTES)
    services.contribution_group(scribe=scribe, contribution_ids=[grouped.pk], label="Mobilité")

    phase_aggregate(phase_id=phase.pk)

    assert [(line.text, line.group_label) for line in lines_of(phase, sections[0])] == [(PERMIS, "Mobilité"), (IMPRIMANTES, "")]
    assert loose.group_label == ""


def test_a_new_group_label_rebuilds_the_line(phase, sections, table_mates, post):
    scribe = services.participant_set_scribe(participant=table_mates[0], is_scribe=True)
    postit = post(table_mates[1], PERMIS)
    phase_aggregate(phase_id=phase.pk)
    services.contribution_group(scribe=scribe, contribution_ids=[postit.pk], label="Jeunesse")

    phase_aggregate(phase_id=phase.pk)

    assert [line.group_label for line in lines_of(phase, sections[0])] == ["Jeunesse"]
