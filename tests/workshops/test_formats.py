"""Facilitators edit formats and canvases in the app: the services, then the views."""

import re
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import CanvasFactory, FormatFactory, WorkshopFactory
from workshops import formats
from core.models import Canvas, CanvasSection
from workshops.models import Activity, Format, FormatPhase, Workshop

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
XSS = "<script>alert('x')</script>"


def sections_of(canvas):
    return list(canvas.sections.order_by("position").values_list("title", flat=True))


def phases_of(fmt):
    return list(fmt.phases.order_by("position").values_list("name", flat=True))


def snapshot():
    """Everything the editors may write, to show that a refused request wrote nothing."""
    return (
        list(Canvas.objects.order_by("pk").values()),
        list(CanvasSection.objects.order_by("pk").values()),
        list(Format.objects.order_by("pk").values()),
        list(FormatPhase.objects.order_by("pk").values()),
    )


@pytest.fixture
def canvas(facilitator):
    """Alice's canvas."""
    return CanvasFactory(name="Scénario de rupture", slug="scenario-de-rupture", owner=facilitator)


@pytest.fixture
def fmt(canvas, facilitator):
    """Alice's format, on her canvas."""
    return FormatFactory(name="Atelier ruptures", slug="atelier-ruptures", phases__canvas=canvas, owner=facilitator)


def without_tokens(page: str) -> str:
    """A page without its CSRF tokens, which change on every request."""
    return re.sub(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+', r"\1", page)


def give(obj, user):
    """Hand a factory's (ownerless) format or canvas to a user."""
    type(obj).objects.filter(pk=obj.pk).update(owner=user)
    obj.refresh_from_db()
    return obj


@pytest.fixture(autouse=True)
def services_speak_english():
    """Service messages read in English here; each view request picks its own language."""
    with translation.override("en"):
        yield


@pytest.fixture
def alice(client, facilitator):
    client.force_login(facilitator)
    return client


# Services: canvases ------------------------------------------------------------------------------


def test_a_new_canvas_gets_a_slug_from_its_name_and_a_suffix_when_taken():
    first = formats.canvas_create(owner=None, name="Atelier Promesse", description="")
    second = formats.canvas_create(owner=None, name="Atelier promesse")
    third = formats.canvas_create(owner=None, name="atelier   PROMESSE ")
    assert (first.slug, second.slug, third.slug) == ("atelier-promesse", "atelier-promesse-2", "atelier-promesse-3")
    assert third.name == "atelier PROMESSE"


def test_a_name_without_letters_still_gets_a_slug():
    assert formats.canvas_create(owner=None, name="???").slug == "canvas"
    assert formats.format_create(owner=None, name="!!!").slug == "format"


def test_a_long_name_gives_a_slug_that_fits():
    name = "Comment anticiper la rupture pour une entreprise et un acteur public " * 2
    first, second = formats.format_create(owner=None, name=name), formats.format_create(owner=None, name=name)
    assert len(first.slug) <= 50 and len(second.slug) <= 50 and second.slug.endswith("-2")


@pytest.mark.parametrize(
    "name, description, field",
    [("", "", "name"), ("   ", "", "name"), ("x" * 201, "", "name"), ("Ok", "d" * 2001, "description")],
)
def test_a_canvas_needs_a_name_of_sensible_length(name, description, field):
    with pytest.raises(ValidationError) as error:
        formats.canvas_create(owner=None, name=name, description=description)
    assert field in error.value.message_dict
    assert Canvas.objects.count() == 0


def test_sections_are_added_at_the_end_with_unique_slugs(canvas):
    section = formats.section_add(
        canvas=canvas, title="Signes avant-coureurs", prompt="Ce qui se voit déjà", axes="Pour une entreprise,  Pour un acteur public ,"
    )
    assert section.position == 3
    assert section.slug == "signes-avant-coureurs-2"
    assert section.axes == ["Pour une entreprise", "Pour un acteur public"]


@pytest.mark.parametrize(
    "axes, message",
    [
        (",".join(f"Axe {n}" for n in range(9)), "at most 8 axes"),
        ("a" * 101, "at most 100 characters"),
        ("Technologie, Sociétal, technologie", "listed twice"),
    ],
)
def test_bad_axes_are_refused(canvas, axes, message):
    before = snapshot()
    with pytest.raises(ValidationError) as error:
        formats.section_add(canvas=canvas, title="Ce qui va changer", axes=axes)
    assert message in " ".join(error.value.message_dict["axes"])
    assert snapshot() == before


def test_eight_axes_of_100_characters_are_fine(canvas):
    axes = [f"{n}" + "x" * 99 for n in range(8)]
    assert formats.section_add(canvas=canvas, title="Large", axes=axes).axes == axes


def test_parse_axes_splits_on_commas_and_drops_blanks():
    assert formats.parse_axes(" Technologie ,, Sociétal,Économique , ") == ["Technologie", "Sociétal", "Économique"]
    assert formats.parse_axes("") == []


def test_moving_a_section_swaps_it_with_its_neighbour(canvas):
    formats.section_add(canvas=canvas, title="Raisons de douter")
    first, second, third = canvas.sections.order_by("position")
    formats.section_move(canvas=canvas, section_id=third.pk, direction="up")
    assert sections_of(canvas) == [first.title, third.title, second.title]
    formats.section_move(canvas=canvas, section_id=first.pk, direction="down")
    assert sections_of(canvas) == [third.title, first.title, second.title]
    assert sorted(canvas.sections.values_list("position", flat=True)) == [1, 2, 3]


def test_moving_the_first_section_up_changes_nothing(canvas):
    first = canvas.sections.order_by("position").first()
    before = snapshot()
    formats.section_move(canvas=canvas, section_id=first.pk, direction="up")
    assert snapshot() == before


def test_a_section_of_another_canvas_cannot_be_moved_or_edited(canvas):
    foreign = CanvasFactory().sections.first()
    with pytest.raises(ValidationError):
        formats.section_move(canvas=canvas, section_id=foreign.pk, direction="up")
    with pytest.raises(ValidationError):
        formats.section_update(canvas=canvas, section_id=foreign.pk, title="Volé")
    with pytest.raises(ValidationError):
        formats.section_delete(canvas=canvas, section_id=foreign.pk)


def test_duplicating_a_canvas_copies_its_sections(canvas):
    copy = formats.canvas_duplicate(owner=None, canvas=canvas, name="Scénario de rupture 2026")
    assert copy.pk != canvas.pk and copy.slug == "scenario-de-rupture-2026"
    assert list(copy.sections.values_list("position", "slug", "title", "axes")) == list(
        canvas.sections.values_list("position", "slug", "title", "axes")
    )
    assert canvas.sections.count() == 2


def test_a_canvas_used_by_a_format_or_a_workshop_cannot_be_deleted(canvas, fmt, facilitator):
    with pytest.raises(ValidationError, match="Atelier ruptures"):
        formats.canvas_delete(canvas=canvas, user=facilitator)
    WorkshopFactory(format=fmt, title="Ruptures au Cnam", facilitator=facilitator)
    with pytest.raises(ValidationError, match="Ruptures au Cnam"):
        formats.canvas_delete(canvas=canvas, user=facilitator)
    assert Canvas.objects.filter(pk=canvas.pk).exists()


def test_an_unused_canvas_is_deleted_with_its_sections(canvas, facilitator):
    formats.canvas_delete(canvas=canvas, user=facilitator)
    assert not Canvas.objects.exists() and not CanvasSection.objects.exists()


def frozen_canvas_writes(canvas):
    """Each way a canvas's sections change, as a call to its service."""
    first, second = canvas.sections.order_by("position")
    return {
        "add": lambda: formats.section_add(canvas=canvas, title="Raisons de douter"),
        "update": lambda: formats.section_update(canvas=canvas, section_id=second.pk, title="Opportunités", axes=second.axes),
        "delete": lambda: formats.section_delete(canvas=canvas, section_id=second.pk),
        "move": lambda: formats.section_move(canvas=canvas, section_id=second.pk, direction="up"),
    }


@pytest.mark.parametrize("status", [Workshop.Status.LIVE, Workshop.Status.CLOSED])
@pytest.mark.parametrize("write", ["add", "update", "delete", "move"])
def test_no_section_changes_under_a_live_or_closed_workshop(live_workshop, status, write):
    Workshop.objects.filter(pk=live_workshop.pk).update(status=status)
    canvas = live_workshop.phases.get(position=1).canvas
    live_workshop.refresh_from_db()
    version, before = live_workshop.stage_version, snapshot()
    with pytest.raises(ValidationError, match="A live or closed workshop runs on this canvas"):
        frozen_canvas_writes(canvas)[write]()
    live_workshop.refresh_from_db()
    assert snapshot() == before and live_workshop.stage_version == version


@pytest.mark.parametrize("write", ["add", "update", "delete", "move"])
def test_a_draft_workshop_follows_its_canvas_until_it_starts(canvas, fmt, write):
    draft = WorkshopFactory(format=fmt)
    before = (list(CanvasSection.objects.order_by("pk").values()), draft.stage_version)
    frozen_canvas_writes(canvas)[write]()
    draft.refresh_from_db()
    assert list(CanvasSection.objects.order_by("pk").values()) != before[0]
    assert draft.stage_version > before[1]  # its control room shows the new canvas


def test_renaming_a_canvas_a_live_workshop_runs_on_is_fine(live_workshop):
    # Participants never see a canvas's name, only its sections.
    canvas = live_workshop.phases.get(position=1).canvas
    formats.canvas_update(canvas=canvas, name="Rupture (2012)", description="La version de l'atelier")
    canvas.refresh_from_db()
    assert canvas.name == "Rupture (2012)"


def test_a_section_developed_scenarios_use_keeps_its_axes_and_cannot_be_removed(canvas, scenario_factory):
    from scenarios.models import SectionEntry

    section = canvas.sections.get(position=2)
    SectionEntry.objects.create(scenario=scenario_factory(), section=section, axis="Pour un acteur public", text="Réguler")
    with pytest.raises(ValidationError) as error:
        formats.section_update(canvas=canvas, section_id=section.pk, title=section.title, axes=["Pour une entreprise"])
    assert "Pour un acteur public" in error.value.message_dict["axes"][0]
    with pytest.raises(ValidationError, match="Developed scenarios already use it"):
        formats.section_delete(canvas=canvas, section_id=section.pk)
    # Adding an axis, or dropping one nobody used, is fine.
    formats.section_update(
        canvas=canvas, section_id=section.pk, title=section.title, axes=["Pour un acteur public", "Pour un citoyen"]
    )
    section.refresh_from_db()
    assert section.axes == ["Pour un acteur public", "Pour un citoyen"]


def test_a_section_developed_scenarios_use_without_axis_cannot_get_axes(canvas, scenario_factory):
    from scenarios.models import SectionEntry

    section = canvas.sections.get(position=1)
    SectionEntry.objects.create(scenario=scenario_factory(), section=section, text="Des signes")
    with pytest.raises(ValidationError, match="without an axis"):
        formats.section_update(canvas=canvas, section_id=section.pk, title="Signes", axes=["Oui", "Non"])


@pytest.mark.django_db(transaction=True)
def test_a_section_change_waits_for_a_workshop_going_live_then_is_refused(canvas, fmt):
    """Forced interleaving: the workshop goes live (its row locked, as phase_open does) while a
    section is being added. The service waits for the workshop row, then sees it live."""
    draft = WorkshopFactory(format=fmt)
    outcome = []

    def add_a_section():
        try:
            formats.section_add(canvas=canvas, title="Trop tard")
            outcome.append("added")
        except ValidationError as error:
            outcome.append(error)
        finally:
            connection.close()

    with transaction.atomic():
        Workshop.objects.select_for_update().get(pk=draft.pk)
        Workshop.objects.filter(pk=draft.pk).update(status=Workshop.Status.LIVE)
        writer = threading.Thread(target=add_a_section)
        writer.start()
        writer.join(timeout=1)
        assert writer.is_alive(), "the section service must wait for the workshop row"
    writer.join(timeout=10)
    assert len(outcome) == 1 and isinstance(outcome[0], ValidationError)
    assert not canvas.sections.filter(title="Trop tard").exists()


def test_the_admin_keeps_the_sections_of_a_canvas_in_use(rf, live_workshop, user_factory):
    from django.contrib import admin as django_admin

    from workshops.admin import CanvasSectionInline

    request = rf.get("/admin/")
    request.user = user_factory(username="root", is_superuser=True, is_staff=True)
    inline = CanvasSectionInline(Canvas, django_admin.site)
    frozen = live_workshop.phases.get(position=1).canvas
    free = CanvasFactory()
    for may in (inline.has_add_permission, inline.has_change_permission, inline.has_delete_permission):
        assert not may(request, frozen) and may(request, free)


# Services: formats -------------------------------------------------------------------------------


def test_duplicating_a_format_copies_its_phases(fmt):
    copy = formats.format_duplicate(owner=None, format=fmt, name="Atelier ruptures (court)")
    assert copy.slug == "atelier-ruptures-court"
    assert list(copy.phases.values_list("position", "name", "activity", "canvas", "duration_seconds")) == list(
        fmt.phases.values_list("position", "name", "activity", "canvas", "duration_seconds")
    )


def test_phases_are_added_at_the_end_with_the_timer_in_minutes(fmt, canvas):
    phase = formats.phase_add(format=fmt, name="Restitution", activity=Activity.SYNTHESIS, duration_minutes=20)
    assert (phase.position, phase.duration_seconds, phase.canvas) == (4, 1200, None)
    phase = formats.phase_add(format=fmt, name="Encore", activity=Activity.VOTE, canvas=canvas, duration_minutes=0)
    assert phase.canvas == canvas


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"name": ""}, "name"),
        ({"name": "n" * 201}, "name"),
        ({"activity": "dance"}, "activity"),
        ({"activity": Activity.POSTITS, "canvas": None}, "canvas"),
        ({"duration_minutes": -1}, "duration_minutes"),
        ({"duration_minutes": 601}, "duration_minutes"),
        ({"duration_minutes": "soon"}, "duration_minutes"),
    ],
)
def test_bad_phases_are_refused(fmt, canvas, changes, field):
    before = snapshot()
    data = {"name": "Développement", "activity": Activity.POSTITS, "canvas": canvas, "duration_minutes": 30} | changes
    with pytest.raises(ValidationError) as error:
        formats.phase_add(format=fmt, **data)
    assert field in error.value.message_dict
    with pytest.raises(ValidationError):
        formats.phase_update(format=fmt, phase_id=fmt.phases.first().pk, **data)
    assert snapshot() == before


def test_moving_phases_keeps_positions_unique(fmt):
    first, second, third = fmt.phases.order_by("position")
    formats.phase_move(format=fmt, phase_id=third.pk, direction="up")
    formats.phase_move(format=fmt, phase_id=third.pk, direction="up")
    assert phases_of(fmt) == [third.name, first.name, second.name]
    assert sorted(fmt.phases.values_list("position", flat=True)) == [1, 2, 3]
    with pytest.raises(ValidationError):
        formats.phase_move(format=fmt, phase_id=third.pk, direction="sideways")


def test_a_format_a_workshop_was_created_from_cannot_be_deleted(fmt, facilitator):
    WorkshopFactory(format=fmt, title="Ruptures au Cnam", facilitator=facilitator)
    with pytest.raises(ValidationError, match="Ruptures au Cnam"):
        formats.format_delete(format=fmt, user=facilitator)
    assert Format.objects.filter(pk=fmt.pk).exists()


def test_an_unused_format_is_deleted_with_its_phases(fmt, facilitator):
    formats.format_delete(format=fmt, user=facilitator)
    assert not Format.objects.exists() and not FormatPhase.objects.exists()


def test_editing_a_format_leaves_existing_workshops_alone(fmt):
    workshop = WorkshopFactory(format=fmt)
    phase = fmt.phases.first()
    formats.phase_update(format=fmt, phase_id=phase.pk, name="Renommée", activity=phase.activity, canvas=phase.canvas, duration_minutes=5)
    assert "Renommée" not in workshop.phases.values_list("name", flat=True)


# Views: access -----------------------------------------------------------------------------------


def all_urls(fmt, canvas):
    phase, section = fmt.phases.first(), canvas.sections.first()
    return [
        ("get", reverse("workshops:formats")),
        ("post", reverse("workshops:format_new")),
        ("post", reverse("workshops:canvas_new")),
        ("get", reverse("workshops:format_edit", args=[fmt.pk])),
        ("post", reverse("workshops:format_edit", args=[fmt.pk])),
        ("get", reverse("workshops:format_duplicate", args=[fmt.pk])),
        ("post", reverse("workshops:format_delete", args=[fmt.pk])),
        ("post", reverse("workshops:phase_add", args=[fmt.pk])),
        ("get", reverse("workshops:phase_edit", args=[fmt.pk, phase.pk])),
        ("post", reverse("workshops:phase_delete", args=[fmt.pk, phase.pk])),
        ("post", reverse("workshops:phase_move", args=[fmt.pk, phase.pk, "down"])),
        ("get", reverse("workshops:canvas_edit", args=[canvas.pk])),
        ("post", reverse("workshops:canvas_duplicate", args=[canvas.pk])),
        ("post", reverse("workshops:canvas_delete", args=[canvas.pk])),
        ("post", reverse("workshops:section_add", args=[canvas.pk])),
        ("post", reverse("workshops:section_edit", args=[canvas.pk, section.pk])),
        ("post", reverse("workshops:section_delete", args=[canvas.pk, section.pk])),
        ("post", reverse("workshops:section_move", args=[canvas.pk, section.pk, "down"])),
    ]


def test_anonymous_visitors_are_sent_to_the_login_page(client, fmt, canvas):
    before = snapshot()
    for method, url in all_urls(fmt, canvas):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    assert snapshot() == before


def test_an_expired_session_sends_htmx_to_the_login_page(client, canvas):
    response = client.post(reverse("workshops:section_add", args=[canvas.pk]), **HTMX)
    assert response.status_code == 200 and "/login/" in response["HX-Redirect"]


def test_people_who_are_not_facilitators_get_a_403(client, outsider, editor, fmt, canvas):
    before = snapshot()
    for user in (outsider, editor):
        client.force_login(user)
        for method, url in all_urls(fmt, canvas):
            assert getattr(client, method)(url, {"name": "Piraté", "new-title": "Piraté"}).status_code == 403, url
    assert snapshot() == before


def test_the_nav_shows_formats_to_facilitators_only(client, facilitator, outsider, english):
    english.force_login(outsider)
    assert reverse("workshops:formats") not in english.get("/").content.decode()
    english.force_login(facilitator)
    page = english.get(reverse("workshops:dashboard")).content.decode()
    assert f'href="{reverse("workshops:formats")}"' in page


# Views: the formats page -------------------------------------------------------------------------


def test_the_formats_page_lists_formats_with_their_phases_and_canvases_with_their_sections(alice, english, fmt, canvas):
    page = alice.get(reverse("workshops:formats")).content.decode()
    assert "Atelier ruptures" in page and "Développer le scénario" in page and "30 min" in page
    assert "Scénario de rupture" in page and "2 sections" in page
    assert reverse("workshops:format_duplicate", args=[fmt.pk]) in page
    assert reverse("workshops:canvas_duplicate", args=[canvas.pk]) in page


def test_the_formats_page_is_in_french_by_default(alice, fmt):
    page = alice.get(reverse("workshops:formats")).content.decode()
    assert "Formats et canevas" in page and "Nouveau format" in page


def test_the_formats_page_costs_a_fixed_number_of_queries(alice, canvas, django_assert_max_num_queries):
    for n in range(6):
        FormatFactory(name=f"Format {n}", phases__canvas=canvas)
        CanvasFactory(name=f"Canevas {n}")
    with django_assert_max_num_queries(8):
        assert alice.get(reverse("workshops:formats")).status_code == 200


def test_a_facilitator_creates_a_format_and_lands_in_its_editor(alice):
    response = alice.post(reverse("workshops:format_new"), {"format-name": "Atelier prospective", "format-description": "Court"})
    created = Format.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("workshops:format_edit", args=[created.pk])
    assert (created.name, created.slug, created.description) == ("Atelier prospective", "atelier-prospective", "Court")


def test_a_facilitator_creates_a_canvas(alice):
    response = alice.post(reverse("workshops:canvas_new"), {"canvas-name": "Atelier promesse"})
    assert response.status_code == 302
    assert Canvas.objects.get().slug == "atelier-promesse"


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_a_bad_name_is_a_422_with_the_form_and_writes_nothing(alice, english, name):
    for url, prefix in ((reverse("workshops:format_new"), "format"), (reverse("workshops:canvas_new"), "canvas")):
        response = alice.post(url, {f"{prefix}-name": name})
        assert response.status_code == 422
        assert "errorlist" in response.content.decode()
    assert not Format.objects.exists() and not Canvas.objects.exists()


def test_names_are_escaped_everywhere(alice, fmt, canvas):
    alice.post(reverse("workshops:format_new"), {"format-name": XSS, "format-description": XSS})
    alice.post(reverse("workshops:canvas_edit", args=[canvas.pk]), {"name": XSS, "description": XSS})
    alice.post(reverse("workshops:section_add", args=[canvas.pk]), {"new-title": XSS, "new-prompt": XSS, "new-axes": XSS})
    alice.post(
        reverse("workshops:phase_add", args=[fmt.pk]),
        {"new-name": XSS, "new-activity": "vote", "new-duration_minutes": 5},
    )
    created = Format.objects.get(name=XSS)
    for url in (
        reverse("workshops:formats"),
        reverse("workshops:format_edit", args=[created.pk]),
        reverse("workshops:format_edit", args=[fmt.pk]),
        reverse("workshops:canvas_edit", args=[canvas.pk]),
        reverse("workshops:canvas_duplicate", args=[canvas.pk]),
        reverse("workshops:dashboard"),
    ):
        page = alice.get(url).content.decode()
        assert "<script>alert" not in page, url
        assert "&lt;script&gt;" in page, url


# Views: duplicating ------------------------------------------------------------------------------


def test_duplicating_a_format_proposes_a_name_then_opens_the_copy(alice, english, fmt):
    page = alice.get(reverse("workshops:format_duplicate", args=[fmt.pk])).content.decode()
    assert "Atelier ruptures (copy)" in page
    response = alice.post(reverse("workshops:format_duplicate", args=[fmt.pk]), {"name": "Atelier ruptures 2026"})
    copy = Format.objects.get(name="Atelier ruptures 2026")
    assert response["Location"] == reverse("workshops:format_edit", args=[copy.pk])
    assert phases_of(copy) == phases_of(fmt)


def test_duplicating_a_canvas_copies_its_sections_through_the_view(alice, canvas):
    response = alice.post(reverse("workshops:canvas_duplicate", args=[canvas.pk]), {"name": "Rupture bis"})
    copy = Canvas.objects.get(name="Rupture bis")
    assert response["Location"] == reverse("workshops:canvas_edit", args=[copy.pk])
    assert sections_of(copy) == sections_of(canvas)


def test_duplicating_without_a_name_is_a_422(alice, fmt, canvas):
    before = snapshot()
    assert alice.post(reverse("workshops:format_duplicate", args=[fmt.pk]), {"name": " "}).status_code == 422
    assert alice.post(reverse("workshops:canvas_duplicate", args=[canvas.pk]), {"name": "x" * 201}).status_code == 422
    assert snapshot() == before


def test_an_unknown_format_or_canvas_is_a_404(alice):
    assert alice.get(reverse("workshops:format_edit", args=[999999])).status_code == 404
    assert alice.get(reverse("workshops:canvas_duplicate", args=[999999])).status_code == 404
    assert alice.post(reverse("workshops:section_add", args=[999999]), {"new-title": "X"}).status_code == 404


# Views: the canvas editor ------------------------------------------------------------------------


def test_adding_a_section_with_htmx_returns_the_section_list(alice, canvas):
    response = alice.post(
        reverse("workshops:section_add", args=[canvas.pk]),
        {"new-title": "Comment anticiper ?", "new-prompt": "Opportunités", "new-axes": "Pour une entreprise, Pour un acteur public"},
        **HTMX,
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert page.startswith('<section id="canvas-sections"') and "<html" not in page
    assert "Comment anticiper ?" in page
    assert canvas.sections.get(title="Comment anticiper ?").axes == ["Pour une entreprise", "Pour un acteur public"]


def test_adding_a_section_without_javascript_redirects_to_the_editor(alice, canvas):
    response = alice.post(reverse("workshops:section_add", args=[canvas.pk]), {"new-title": "Raisons de douter"})
    assert response.status_code == 302
    assert response["Location"] == reverse("workshops:canvas_edit", args=[canvas.pk]) + "#canvas-sections"
    assert sections_of(canvas)[-1] == "Raisons de douter"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"new-title": ""}, "This field is required"),
        ({"new-title": "t" * 201}, "at most 200 characters"),
        ({"new-title": "Ok", "new-prompt": "p" * 1001}, "at most 1000 characters"),
        ({"new-title": "Ok", "new-axes": ", ".join(f"Axe {n}" for n in range(9))}, "at most 8 axes"),
        ({"new-title": "Ok", "new-axes": "a" * 101}, "at most 100 characters"),
        ({"new-title": "Ok", "new-axes": "Oui, Non, oui"}, "listed twice"),
    ],
)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_bad_section_is_a_422_with_a_clear_error_and_writes_nothing(alice, english, canvas, data, message, headers):
    before = snapshot()
    response = alice.post(reverse("workshops:section_add", args=[canvas.pk]), data, **headers)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert snapshot() == before


def test_editing_a_section_shows_the_form_in_place(alice, canvas):
    section = canvas.sections.get(position=2)
    response = alice.get(reverse("workshops:section_edit", args=[canvas.pk, section.pk]), **HTMX)
    page = response.content.decode()
    assert 'name="edit-axes"' in page and 'value="Pour une entreprise, Pour un acteur public"' in page
    # Without JavaScript, the same link opens the whole editor with the form in place.
    page = alice.get(reverse("workshops:section_edit", args=[canvas.pk, section.pk])).content.decode()
    assert "<html" in page and 'name="edit-axes"' in page


def test_editing_a_section_saves_it(alice, canvas):
    section = canvas.sections.get(position=2)
    response = alice.post(
        reverse("workshops:section_edit", args=[canvas.pk, section.pk]),
        {"edit-title": "Opportunités", "edit-prompt": "", "edit-axes": "Pour une entreprise"},
        **HTMX,
    )
    assert response.status_code == 200
    section.refresh_from_db()
    assert (section.title, section.axes) == ("Opportunités", ["Pour une entreprise"])


def test_editing_a_canvas_a_live_workshop_runs_on_changes_nothing_its_participants_see(
    client, english, facilitator, live_workshop, participant_factory, join_as
):
    canvas = give(live_workshop.phases.get(position=1).canvas, facilitator)
    section = canvas.sections.get(position=2)
    laptop = join_as(Client(), participant_factory(workshop=live_workshop))
    canvas_page = reverse("workshops:canvas", args=[live_workshop.join_code])
    seen = without_tokens(laptop.get(canvas_page).content.decode())
    live_workshop.refresh_from_db()
    version, before = live_workshop.stage_version, snapshot()

    english.force_login(facilitator)
    attempts = [
        (reverse("workshops:section_add", args=[canvas.pk]), {"new-title": "Piraté"}),
        (reverse("workshops:section_edit", args=[canvas.pk, section.pk]), {"edit-title": "Piraté", "edit-prompt": "Piraté"}),
        (reverse("workshops:section_delete", args=[canvas.pk, section.pk]), {}),
        (reverse("workshops:section_move", args=[canvas.pk, section.pk, "up"]), {}),
    ]
    for url, data in attempts:
        for headers in ({}, HTMX):
            response = english.post(url, data, **headers)
            assert response.status_code == 422, url
            assert "A live or closed workshop runs on this canvas" in response.content.decode(), url

    assert snapshot() == before
    live_workshop.refresh_from_db()
    assert live_workshop.stage_version == version  # no laptop was told to re-render
    assert without_tokens(laptop.get(canvas_page).content.decode()) == seen
    assert "Piraté" not in seen and section.title in seen


def test_not_even_a_superuser_changes_the_sections_of_a_canvas_in_use(client, english, live_workshop, user_factory):
    english.force_login(user_factory(username="root", is_superuser=True, is_staff=True))
    canvas = live_workshop.phases.get(position=1).canvas
    page = english.get(reverse("workshops:canvas_edit", args=[canvas.pk])).content.decode()
    assert 'id="section-add"' not in page and "A live or closed workshop runs on this canvas" in page
    before = snapshot()
    response = english.post(reverse("workshops:section_add", args=[canvas.pk]), {"new-title": "Piraté"}, **HTMX)
    assert response.status_code == 422 and "Duplicate the canvas" in response.content.decode()
    assert snapshot() == before


def test_the_editor_of_a_canvas_in_use_shows_it_read_only_and_offers_a_duplicate(
    client, english, facilitator, live_workshop
):
    canvas = give(live_workshop.phases.get(position=1).canvas, facilitator)
    english.force_login(facilitator)
    page = english.get(reverse("workshops:canvas_edit", args=[canvas.pk])).content.decode()
    assert "A live or closed workshop runs on this canvas" in page
    assert 'id="section-add"' not in page and "fm-remove" not in page
    assert reverse("workshops:canvas_duplicate", args=[canvas.pk]) in page
    # Its name and description are still the owner's to change: participants never see them.
    assert 'id="canvas-details"' in page and 'name="name"' in page
    response = english.get(reverse("workshops:section_edit", args=[canvas.pk, canvas.sections.first().pk]), **HTMX)
    assert response.status_code == 422 and "Duplicate the canvas" in response.content.decode()


def test_removing_and_moving_sections(alice, canvas):
    first, second = canvas.sections.order_by("position")
    assert alice.post(reverse("workshops:section_move", args=[canvas.pk, second.pk, "up"]), **HTMX).status_code == 200
    assert sections_of(canvas) == [second.title, first.title]
    assert alice.post(reverse("workshops:section_delete", args=[canvas.pk, first.pk])).status_code == 302
    assert sections_of(canvas) == [second.title]


def test_a_section_of_another_canvas_is_a_404(alice, canvas):
    foreign = CanvasFactory().sections.first()
    before = snapshot()
    for url in (
        reverse("workshops:section_edit", args=[canvas.pk, foreign.pk]),
        reverse("workshops:section_delete", args=[canvas.pk, foreign.pk]),
        reverse("workshops:section_move", args=[canvas.pk, foreign.pk, "up"]),
    ):
        assert alice.post(url, {"edit-title": "Volé"}).status_code == 404, url
    assert snapshot() == before


def test_an_unknown_direction_is_a_404(alice, canvas, fmt):
    section, phase = canvas.sections.first(), fmt.phases.first()
    assert alice.post(reverse("workshops:section_move", args=[canvas.pk, section.pk, "sideways"])).status_code == 404
    assert alice.post(reverse("workshops:phase_move", args=[fmt.pk, phase.pk, "sideways"])).status_code == 404


def test_renaming_a_canvas_keeps_its_slug(alice, canvas):
    response = alice.post(reverse("workshops:canvas_edit", args=[canvas.pk]), {"name": "Rupture (v2)", "description": "Nouveau"})
    assert response.status_code == 302
    canvas.refresh_from_db()
    assert (canvas.name, canvas.slug, canvas.description) == ("Rupture (v2)", "scenario-de-rupture", "Nouveau")


def test_deleting_a_canvas_in_use_is_a_422_with_the_reason(alice, english, fmt, canvas):
    response = alice.post(reverse("workshops:canvas_delete", args=[canvas.pk]))
    assert response.status_code == 422
    assert "Formats use this canvas (Atelier ruptures)" in response.content.decode()
    assert Canvas.objects.filter(pk=canvas.pk).exists()


def test_deleting_an_unused_canvas(alice, canvas):
    response = alice.post(reverse("workshops:canvas_delete", args=[canvas.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("workshops:formats")
    assert not Canvas.objects.exists()


# Views: the format editor ------------------------------------------------------------------------


def phase_data(prefix="new", **changes):
    data = {"name": "Restitution", "activity": "synthesis", "canvas": "", "duration_minutes": 20} | changes
    return {f"{prefix}-{key}": value for key, value in data.items()}


def test_adding_a_phase_with_htmx_returns_the_phase_list(alice, fmt, canvas):
    response = alice.post(
        reverse("workshops:phase_add", args=[fmt.pk]),
        phase_data(name="Développer", activity="postits", canvas=canvas.pk, duration_minutes=45),
        **HTMX,
    )
    page = response.content.decode()
    assert response.status_code == 200 and page.startswith('<section id="format-phases"')
    phase = fmt.phases.get(name="Développer")
    assert (phase.position, phase.canvas, phase.duration_seconds) == (4, canvas, 2700)


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"name": ""}, "This field is required"),
        ({"name": "n" * 201}, "at most 200 characters"),
        ({"activity": "dance"}, "Select a valid choice"),
        ({"activity": "postits"}, "A post-it phase needs a canvas"),
        ({"canvas": 999999}, "Select a valid choice"),
        ({"duration_minutes": -5}, "greater than or equal to 0"),
        ({"duration_minutes": 601}, "less than or equal to 600"),
        ({"duration_minutes": "demain"}, "Enter a whole number"),
    ],
)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_bad_phase_is_a_422_with_a_clear_error_and_writes_nothing(alice, english, fmt, changes, message, headers):
    before = snapshot()
    response = alice.post(reverse("workshops:phase_add", args=[fmt.pk]), phase_data(**changes), **headers)
    assert response.status_code == 422
    assert message in response.content.decode()
    phase = fmt.phases.first()
    response = alice.post(reverse("workshops:phase_edit", args=[fmt.pk, phase.pk]), phase_data("edit", **changes), **headers)
    assert response.status_code == 422
    assert snapshot() == before


def test_editing_a_phase(alice, fmt):
    phase = fmt.phases.get(position=3)
    page = alice.get(reverse("workshops:phase_edit", args=[fmt.pk, phase.pk]), **HTMX).content.decode()
    assert 'name="edit-duration_minutes"' in page and 'value="10"' in page
    response = alice.post(reverse("workshops:phase_edit", args=[fmt.pk, phase.pk]), phase_data("edit", name="Vote final", activity="vote", duration_minutes=15))
    assert response.status_code == 302
    phase.refresh_from_db()
    assert (phase.name, phase.duration_seconds) == ("Vote final", 900)


def test_reordering_and_removing_phases(alice, fmt):
    first, second, third = fmt.phases.order_by("position")
    alice.post(reverse("workshops:phase_move", args=[fmt.pk, first.pk, "down"]), **HTMX)
    alice.post(reverse("workshops:phase_move", args=[fmt.pk, third.pk, "up"]))
    assert phases_of(fmt) == [second.name, third.name, first.name]
    alice.post(reverse("workshops:phase_delete", args=[fmt.pk, third.pk]), **HTMX)
    assert phases_of(fmt) == [second.name, first.name]


def test_a_phase_of_another_format_is_a_404(alice, fmt):
    foreign = FormatFactory().phases.first()
    before = snapshot()
    for url in (
        reverse("workshops:phase_edit", args=[fmt.pk, foreign.pk]),
        reverse("workshops:phase_delete", args=[fmt.pk, foreign.pk]),
        reverse("workshops:phase_move", args=[fmt.pk, foreign.pk, "down"]),
    ):
        assert alice.post(url, phase_data("edit")).status_code == 404, url
    assert snapshot() == before


def test_deleting_a_format_in_use_is_a_422_naming_only_the_workshops_one_runs(
    alice, english, fmt, facilitator, other_facilitator
):
    WorkshopFactory(format=fmt, title="Ruptures au Cnam", facilitator=facilitator)
    fmt.co_owners.add(other_facilitator)
    WorkshopFactory(format=fmt, title="Atelier secret de Bob", facilitator=other_facilitator)
    response = alice.post(reverse("workshops:format_delete", args=[fmt.pk]))
    page = response.content.decode()
    assert response.status_code == 422 and "Ruptures au Cnam and 1 other workshop" in page
    assert "Atelier secret de Bob" not in page
    assert Format.objects.filter(pk=fmt.pk).exists()


def test_a_new_format_is_at_once_offered_on_the_dashboard_and_makes_workshops(alice, edition_factory, canvas):
    alice.post(reverse("workshops:format_new"), {"format-name": "Atelier express"})
    created = Format.objects.get(name="Atelier express")
    alice.post(reverse("workshops:phase_add", args=[created.pk]), phase_data(name="Post-its", activity="postits", canvas=canvas.pk, duration_minutes=15))
    assert f'<option value="{created.pk}">Atelier express</option>' in alice.get(reverse("workshops:dashboard")).content.decode()
    edition = edition_factory()
    alice.post(
        reverse("workshops:dashboard"),
        {"title": "Express", "edition": edition.pk, "format": created.pk, "date": "2026-11-21", "table_count": 2},
    )
    workshop = Workshop.objects.get(title="Express")
    assert list(workshop.phases.values_list("name", "canvas", "duration_seconds")) == [("Post-its", canvas.pk, 900)]


# Views: who owns what ----------------------------------------------------------------------------


def write_urls(fmt, canvas):
    """Every request that changes a format or canvas, with data that would pass the forms."""
    phase, section = fmt.phases.first(), canvas.sections.first()
    return [
        (reverse("workshops:format_edit", args=[fmt.pk]), {"name": "Piraté"}),
        (reverse("workshops:format_delete", args=[fmt.pk]), {}),
        (reverse("workshops:format_share", args=[fmt.pk]), {}),
        (reverse("workshops:phase_add", args=[fmt.pk]), phase_data()),
        (reverse("workshops:phase_edit", args=[fmt.pk, phase.pk]), phase_data("edit")),
        (reverse("workshops:phase_delete", args=[fmt.pk, phase.pk]), {}),
        (reverse("workshops:phase_move", args=[fmt.pk, phase.pk, "down"]), {}),
        (reverse("workshops:canvas_edit", args=[canvas.pk]), {"name": "Piraté"}),
        (reverse("workshops:canvas_delete", args=[canvas.pk]), {}),
        (reverse("workshops:canvas_share", args=[canvas.pk]), {}),
        (reverse("workshops:section_add", args=[canvas.pk]), {"new-title": "Piraté"}),
        (reverse("workshops:section_edit", args=[canvas.pk, section.pk]), {"edit-title": "Piraté"}),
        (reverse("workshops:section_delete", args=[canvas.pk, section.pk]), {}),
        (reverse("workshops:section_move", args=[canvas.pk, section.pk, "down"]), {}),
    ]


@pytest.fixture
def bob(client, other_facilitator):
    client.force_login(other_facilitator)
    return client


def test_bob_can_neither_see_nor_change_nor_delete_alices_format_and_canvas(bob, fmt, canvas):
    before = snapshot()
    for url, data in write_urls(fmt, canvas):
        for headers in ({}, HTMX):
            assert bob.post(url, data, **headers).status_code == 403, url
    for url in (
        reverse("workshops:format_edit", args=[fmt.pk]),
        reverse("workshops:format_duplicate", args=[fmt.pk]),
        reverse("workshops:canvas_edit", args=[canvas.pk]),
        reverse("workshops:canvas_duplicate", args=[canvas.pk]),
        reverse("workshops:phase_edit", args=[fmt.pk, fmt.phases.first().pk]),
    ):
        assert bob.get(url).status_code == 403, url
    assert bob.post(reverse("workshops:format_duplicate", args=[fmt.pk]), {"name": "Copie volée"}).status_code == 403
    assert snapshot() == before
    page = bob.get(reverse("workshops:formats")).content.decode()
    assert "Atelier ruptures" not in page and "Scénario de rupture" not in page


def test_a_co_owner_edits_the_format_but_neither_deletes_nor_shares_it(bob, fmt, canvas, other_facilitator):
    fmt.co_owners.add(other_facilitator)
    canvas.co_owners.add(other_facilitator)
    assert bob.post(reverse("workshops:phase_add", args=[fmt.pk]), phase_data(name="Clôture")).status_code == 302
    assert bob.post(reverse("workshops:section_add", args=[canvas.pk]), {"new-title": "Raisons de douter"}).status_code == 302
    assert phases_of(fmt)[-1] == "Clôture" and sections_of(canvas)[-1] == "Raisons de douter"
    before = snapshot()
    for url in (
        reverse("workshops:format_delete", args=[fmt.pk]),
        reverse("workshops:format_share", args=[fmt.pk]),
        reverse("workshops:canvas_delete", args=[canvas.pk]),
        reverse("workshops:canvas_share", args=[canvas.pk]),
    ):
        assert bob.post(url).status_code == 403, url
    assert snapshot() == before and list(fmt.co_owners.all()) == [other_facilitator]
    page = bob.get(reverse("workshops:format_edit", args=[fmt.pk])).content.decode()
    assert reverse("workshops:format_delete", args=[fmt.pk]) not in page
    assert 'id="phase-add"' in page


def test_the_formats_page_lists_ones_own_the_shared_and_the_seed(alice, english, fmt, canvas, other_facilitator):
    seed = FormatFactory(name="Atelier promesse (seed)")
    bobs = FormatFactory(name="Le format privé de Bob", owner=other_facilitator)
    shared = FormatFactory(name="Le format partagé de Bob", owner=other_facilitator)
    shared.co_owners.add(fmt.owner)
    page = alice.get(reverse("workshops:formats")).content.decode()
    assert "Atelier ruptures" in page and "Atelier promesse (seed)" in page and "Le format partagé de Bob" in page
    assert "Le format privé de Bob" not in page and f"format-{bobs.pk}" not in page
    assert "Shipped with Agora" in page and "Yours" in page and "Shared by bob" in page
    # The seed is opened read-only: "View", not "Edit".
    card = page[page.index(f'id="format-{seed.pk}"'):]
    assert card.index(">View<") < card.index("</li>")


def test_a_seed_format_opens_read_only_and_its_duplicate_is_ones_own(alice, english, facilitator):
    seed_canvas = CanvasFactory(name="Scénario de rupture (seed)")
    seed = FormatFactory(name="Atelier ruptures (seed)", phases__canvas=seed_canvas)
    page = alice.get(reverse("workshops:format_edit", args=[seed.pk])).content.decode()
    assert "only its owners change it" in page and "Shipped with Agora" in page
    assert 'id="phase-add"' not in page and 'id="format-details"' not in page and "fm-remove" not in page
    assert reverse("workshops:format_delete", args=[seed.pk]) not in page
    page = alice.get(reverse("workshops:canvas_edit", args=[seed_canvas.pk])).content.decode()
    assert 'id="section-add"' not in page and "fm-remove" not in page
    before = snapshot()
    for url, data in write_urls(seed, seed_canvas):
        assert alice.post(url, data).status_code == 403, url
    assert snapshot() == before
    response = alice.post(reverse("workshops:format_duplicate", args=[seed.pk]), {"name": "Mes ruptures"})
    copy = Format.objects.get(name="Mes ruptures")
    assert response.status_code == 302 and copy.owner == facilitator and not copy.co_owners.exists()
    assert alice.post(reverse("workshops:phase_add", args=[copy.pk]), phase_data()).status_code == 302
    assert seed.owner is None and phases_of(seed) != phases_of(copy)


def test_what_a_facilitator_creates_is_theirs(alice, facilitator, canvas):
    alice.post(reverse("workshops:format_new"), {"format-name": "Atelier express"})
    alice.post(reverse("workshops:canvas_new"), {"canvas-name": "Promesse"})
    alice.post(reverse("workshops:canvas_duplicate", args=[canvas.pk]), {"name": "Rupture bis"})
    assert {c.owner for c in Format.objects.filter(name="Atelier express")} == {facilitator}
    assert {c.owner for c in Canvas.objects.filter(name__in=["Promesse", "Rupture bis"])} == {facilitator}


def test_the_owner_names_co_owners_among_facilitators(alice, english, fmt, canvas, other_facilitator, editor, outsider):
    page = alice.get(reverse("workshops:format_edit", args=[fmt.pk])).content.decode()
    assert f'name="co_owners" value="{other_facilitator.pk}"' in page
    assert f'name="co_owners" value="{editor.pk}"' not in page and f'name="co_owners" value="{outsider.pk}"' not in page
    for url, obj in (
        (reverse("workshops:format_share", args=[fmt.pk]), fmt),
        (reverse("workshops:canvas_share", args=[canvas.pk]), canvas),
    ):
        response = alice.post(url, {"co_owners": [other_facilitator.pk]})
        assert response.status_code == 302
        assert list(obj.co_owners.all()) == [other_facilitator]
        # Nobody ticked: the co-owners lose it.
        assert alice.post(url, {}).status_code == 302
        assert not obj.co_owners.exists()


@pytest.mark.parametrize("co_owners", [["editor"], ["outsider"], ["owner"], ["999999"], ["abc"], ["\x00"]])
@pytest.mark.parametrize("with_bob", [True, False], ids=["bob-exists", "alone"])
def test_sharing_with_someone_who_is_not_another_facilitator_is_a_422(
    alice, english, fmt, facilitator, editor, outsider, co_owners, with_bob, user_factory
):
    if with_bob:
        user_factory(username="bob", roles=["facilitators"])
    ids = {"editor": editor.pk, "outsider": outsider.pk, "owner": facilitator.pk}
    before = snapshot(), list(Format.co_owners.through.objects.values())
    data = {"co_owners": [ids.get(c, c) for c in co_owners]}
    response = alice.post(reverse("workshops:format_share", args=[fmt.pk]), data)
    assert response.status_code == 422 and "errorlist" in response.content.decode()
    assert (snapshot(), list(Format.co_owners.through.objects.values())) == before


def test_the_share_service_refuses_non_facilitators(fmt, editor):
    with pytest.raises(ValidationError, match="Only other facilitators"):
        formats.format_share(format=fmt, co_owners=[editor])
    assert not fmt.co_owners.exists()


def test_the_canvas_usage_names_only_the_workshops_one_runs(
    alice, english, fmt, canvas, facilitator, other_facilitator
):
    WorkshopFactory(format=fmt, title="Ruptures au Cnam", facilitator=facilitator)
    canvas.co_owners.add(other_facilitator)
    bobs_format = FormatFactory(name="Format secret de Bob", owner=other_facilitator, phases__canvas=canvas)
    WorkshopFactory(format=bobs_format, title="Atelier secret de Bob", facilitator=other_facilitator)
    WorkshopFactory(format=bobs_format, title="Autre atelier de Bob", facilitator=other_facilitator)
    page = alice.get(reverse("workshops:canvas_edit", args=[canvas.pk])).content.decode()
    assert "Ruptures au Cnam and 2 other workshops" in page
    assert "Atelier ruptures and 1 other format" in page
    assert "secret de Bob" not in page and "Autre atelier de Bob" not in page
    # Bob, co-owner of the canvas, sees his own and counts Alice's.
    page = Client()
    page.force_login(other_facilitator)
    page.cookies["django_language"] = "en"
    html = page.get(reverse("workshops:canvas_edit", args=[canvas.pk])).content.decode()
    assert "Atelier secret de Bob, Autre atelier de Bob and 1 other workshop" in html
    assert "Ruptures au Cnam" not in html


def test_a_phase_cannot_post_into_a_canvas_one_may_not_use(alice, english, fmt, other_facilitator):
    bobs_canvas = CanvasFactory(name="Canevas privé de Bob", owner=other_facilitator)
    page = alice.get(reverse("workshops:format_edit", args=[fmt.pk])).content.decode()
    assert "Canevas privé de Bob" not in page
    before = snapshot()
    response = alice.post(reverse("workshops:phase_add", args=[fmt.pk]), phase_data(activity="postits", canvas=bobs_canvas.pk))
    assert response.status_code == 422 and "Select a valid choice" in response.content.decode()
    assert snapshot() == before


def test_a_workshop_is_created_only_from_a_format_one_may_use(alice, english, fmt, other_facilitator, edition_factory):
    seed = FormatFactory(name="Atelier promesse (seed)")
    bobs = FormatFactory(name="Le format privé de Bob", owner=other_facilitator)
    page = alice.get(reverse("workshops:dashboard")).content.decode()
    assert f'<option value="{fmt.pk}">' in page and f'<option value="{seed.pk}">' in page
    assert "Le format privé de Bob" not in page
    edition = edition_factory()
    data = {"title": "Volé", "edition": edition.pk, "format": bobs.pk, "date": "2026-11-21", "table_count": 2}
    response = alice.post(reverse("workshops:dashboard"), data)
    assert response.status_code == 422 and "Select a valid choice" in response.content.decode()
    assert not Workshop.objects.filter(title="Volé").exists()
    data["format"] = seed.pk
    assert alice.post(reverse("workshops:dashboard"), data).status_code == 302
    assert Workshop.objects.get(title="Volé").format == seed
