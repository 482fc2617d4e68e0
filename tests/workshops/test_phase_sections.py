"""Each phase shows its own sections: a format's phase names the sections of its canvas it works on
(none: the whole canvas), a workshop copies them, and every page of the phase shows only those."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import CanvasFactory, FormatFactory, WorkshopFactory
from workshops import formats, selectors, services
from workshops.models import Contribution, FormatPhase


@pytest.fixture(autouse=True)
def services_speak_english():
    """The services' messages are asserted in English (French is the default language)."""
    with translation.override("en"):
        yield

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def alice(facilitator):
    client = Client()
    client.force_login(facilitator)
    return client


@pytest.fixture
def canvas(facilitator):
    """Alice's canvas: "Signes avant-coureurs", then "Repérer les opportunités" (two axes)."""
    return CanvasFactory(owner=facilitator)


@pytest.fixture
def fmt(canvas, facilitator):
    """Alice's format: "Comment anticiper" (the second phase) works on the opportunities only."""
    fmt = FormatFactory(phases__canvas=canvas, owner=facilitator)
    anticipate = fmt.phases.get(position=2)
    anticipate.sections.set([canvas.sections.get(slug="opportunites")])
    return fmt


def slugs(sections) -> list[str]:
    return [s.slug for s in sections]


def named(phase) -> list[str]:
    return slugs(phase.sections.order_by("position"))


def through_rows():
    return sorted(FormatPhase.sections.through.objects.values_list("formatphase_id", "canvassection_id"))


# The selector ------------------------------------------------------------------------------------


def test_a_phase_naming_no_section_works_on_the_whole_canvas(fmt, django_assert_num_queries):
    develop, anticipate = fmt.phases.get(position=1), fmt.phases.get(position=2)
    with django_assert_num_queries(1):
        assert slugs(selectors.phase_sections(develop)) == ["signes-avant-coureurs", "opportunites"]
    assert slugs(selectors.phase_sections(anticipate)) == ["opportunites"]
    assert selectors.phase_sections(fmt.phases.get(position=3)) == []  # the vote: no canvas


# A workshop copies them --------------------------------------------------------------------------


def test_a_workshop_copies_the_sections_of_its_formats_phases(fmt, facilitator):
    workshop = WorkshopFactory(format=fmt, facilitator=facilitator)
    assert [named(p) for p in workshop.phases.order_by("position")] == [[], ["opportunites"], []]
    # Editing the format afterwards leaves the workshop as it was created.
    formats.phase_update(
        format=fmt, phase_id=fmt.phases.get(position=2).pk, name="Comment anticiper", activity="postits",
        canvas=fmt.phases.get(position=2).canvas, duration_minutes=20, sections=[],
    )
    assert named(workshop.phases.get(position=2)) == ["opportunites"]


def test_duplicating_a_format_copies_its_phases_sections(fmt, facilitator):
    copy = formats.format_duplicate(format=fmt, name="Ma version", owner=facilitator)
    assert [named(p) for p in copy.phases.order_by("position")] == [[], ["opportunites"], []]


# The format editor's services --------------------------------------------------------------------


def test_a_phase_is_given_sections_of_its_canvas(fmt, canvas):
    signs = canvas.sections.get(slug="signes-avant-coureurs")
    phase = formats.phase_add(format=fmt, name="Signaux", activity="postits", canvas=canvas, duration_minutes=10, sections=[signs])
    assert named(phase) == ["signes-avant-coureurs"]
    formats.phase_update(format=fmt, phase_id=phase.pk, name="Signaux", activity="postits", canvas=canvas, sections=[])
    assert named(phase) == []


def test_a_section_of_another_canvas_is_refused_and_nothing_is_written(fmt, canvas, facilitator):
    foreign = CanvasFactory(name="Atelier promesse", owner=facilitator).sections.first()
    before = (list(FormatPhase.objects.order_by("pk").values()), through_rows())
    with pytest.raises(ValidationError) as refused:
        formats.phase_add(format=fmt, name="Mélange", activity="postits", canvas=canvas, sections=[foreign])
    assert "not a section of the canvas" in str(refused.value.message_dict["sections"])
    with pytest.raises(ValidationError):
        formats.phase_update(
            format=fmt, phase_id=fmt.phases.get(position=2).pk, name="Comment anticiper", activity="postits",
            canvas=canvas, sections=[canvas.sections.first(), foreign],
        )
    with pytest.raises(ValidationError) as refused:
        formats.phase_add(format=fmt, name="Vote", activity="vote", canvas=None, sections=[foreign])
    assert "Choose a canvas" in str(refused.value)
    assert (list(FormatPhase.objects.order_by("pk").values()), through_rows()) == before


def test_a_section_a_phase_works_on_cannot_be_removed_from_its_canvas(fmt, canvas):
    """Dropped silently, it would leave the phase naming nothing: the whole canvas."""
    with pytest.raises(ValidationError, match="take it out of their sections"):
        formats.section_delete(canvas=canvas, section_id=canvas.sections.get(slug="opportunites").pk)
    formats.section_delete(canvas=canvas, section_id=canvas.sections.get(slug="signes-avant-coureurs").pk)
    assert slugs(canvas.sections.all()) == ["opportunites"]


# The format editor's form ------------------------------------------------------------------------


def phase_data(prefix="new", **changes):
    data = {"name": "Signaux", "activity": "postits", "duration_minutes": 20} | changes
    return {f"{prefix}-{key}": value for key, value in data.items()}


def test_the_editor_offers_each_canvas_sections_and_saves_the_chosen_ones(alice, fmt, canvas):
    phase = fmt.phases.get(position=2)
    page = alice.get(reverse("workshops:phase_edit", args=[fmt.pk, phase.pk]), **HTMX).content.decode()
    assert f'data-canvas="{canvas.pk}"' in page
    opportunities = canvas.sections.get(slug="opportunites")
    assert f'value="{opportunities.pk}"' in page
    signs = canvas.sections.get(slug="signes-avant-coureurs")
    response = alice.post(
        reverse("workshops:phase_edit", args=[fmt.pk, phase.pk]),
        phase_data("edit", name="Comment anticiper", canvas=canvas.pk, sections=[signs.pk, opportunities.pk]),
        **HTMX,
    )
    assert response.status_code == 200
    assert named(phase) == ["signes-avant-coureurs", "opportunites"]
    assert "2 sections" in alice.get(reverse("workshops:format_edit", args=[fmt.pk])).content.decode()


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_the_editor_refuses_a_section_of_another_canvas_with_a_clear_error(alice, fmt, canvas, facilitator, headers, settings):
    alice.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    other = CanvasFactory(name="Atelier promesse", owner=facilitator)
    foreign = other.sections.get(slug="signes-avant-coureurs")
    before = (list(FormatPhase.objects.order_by("pk").values()), through_rows())
    response = alice.post(
        reverse("workshops:phase_add", args=[fmt.pk]), phase_data(canvas=canvas.pk, sections=[foreign.pk]), **headers
    )
    assert response.status_code == 422
    assert "“Signes avant-coureurs” is not a section of the canvas “Scénario de rupture”" in response.content.decode()
    phase = fmt.phases.get(position=2)
    response = alice.post(
        reverse("workshops:phase_edit", args=[fmt.pk, phase.pk]),
        phase_data("edit", canvas=canvas.pk, sections=[foreign.pk]),
        **headers,
    )
    assert response.status_code == 422 and "is not a section of the canvas" in response.content.decode()
    # An id that is no section at all, or junk: the form's own refusal.
    response = alice.post(reverse("workshops:phase_add", args=[fmt.pk]), phase_data(canvas=canvas.pk, sections=["999999", "x"]), **headers)
    assert response.status_code == 422 and "Select a valid choice" in response.content.decode()
    assert (list(FormatPhase.objects.order_by("pk").values()), through_rows()) == before


# Every page of the phase shows only its sections -------------------------------------------------


@pytest.fixture
def room(fmt, facilitator, participant_factory):
    """A workshop of `fmt` in its anticipation phase, Amina seated at table 1."""
    workshop = WorkshopFactory(format=fmt, facilitator=facilitator, join_code="ANTIC1")
    services.phase_open(phase=workshop.phases.get(position=2))
    participant_factory(workshop=workshop, table=workshop.tables.get(number=1), display_name="Amina")
    return workshop


def test_the_board_the_projector_and_the_post_service_keep_to_the_phases_sections(room):
    phase = room.phases.get(position=2)
    amina = room.participants.get()
    assert slugs(b.section for b in selectors.table_board(phase=phase, table_id=amina.table_id)) == ["opportunites"]
    opportunities = phase.canvas.sections.get(slug="opportunites")
    signs = phase.canvas.sections.get(slug="signes-avant-coureurs")
    services.contribution_post(participant=amina, section_id=opportunities.pk, text="Ouvrir ses locaux", axis="Pour une entreprise")
    with pytest.raises(ValidationError, match="not part of the open phase"):
        services.contribution_post(participant=amina, section_id=signs.pk, text="Hors sujet ici")
    assert list(Contribution.objects.values_list("text", flat=True)) == ["Ouvrir ses locaux"]
    [column, _other] = selectors.room_board(workshop=room, phase=phase)
    assert slugs(b.section for b in column.sections) == ["opportunites"]


def test_the_participants_page_shows_only_the_phases_sections(room, join_as, alice):
    amina = room.participants.get()
    client = join_as(Client(), amina)
    page = client.get(reverse("workshops:canvas", args=[room.join_code])).content.decode()
    opportunities, signs = (room.phases.get(position=2).canvas.sections.get(slug=s) for s in ("opportunites", "signes-avant-coureurs"))
    assert f'id="section-{opportunities.pk}"' in page and f'id="section-{signs.pk}"' not in page
    assert alice.get(reverse("workshops:projector", args=[room.pk])).status_code == 200


def test_the_record_lists_each_phases_own_sections(room, alice):
    data = json.loads(alice.get(reverse("voting:export_record", args=[room.pk, "json"])).content)
    by_name = {p["name"]: [s["slug"] for s in p["sections"]] for p in data["phases"]}
    assert by_name == {"Développer le scénario": ["signes-avant-coureurs", "opportunites"], "Comment anticiper": ["opportunites"], "Vote": []}
