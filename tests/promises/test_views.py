"""The promise workshop's pages: the participant page's panels, their writes, the facilitator's wall."""

import pytest
from django.urls import reverse

from promises import services
from promises.models import Commitment, Keyword, KeywordEntry, Persona, PersonaStep
from tests import factories
from workshops.models import Activity

HTMX = {"HTTP_HX_REQUEST": "true"}


def canvas(room):
    return reverse("workshops:canvas", args=[room.workshop.join_code])


def url(name, room, *args):
    return reverse(f"promises:{name}", args=[room.workshop.join_code, *args])


def _steps(persona):
    return list(PersonaStep.objects.filter(persona=persona).order_by("position").values_list("text", flat=True))


def test_the_table_sees_its_personas_and_only_the_scribe_gets_the_forms(client, join_as, room, django_assert_max_num_queries):
    room.open(Activity.PERSONAS)
    persona = services.persona_create(scribe=room.scribe, name="Bruno", age=52, profile="Maire")
    services.persona_step_add(scribe=room.scribe, persona_id=persona.pk, text="Il découvre le numérique")
    join_as(client, room.daniel)
    with django_assert_max_num_queries(20):
        page = client.get(canvas(room)).content.decode()
    assert "Bruno" in page and "Il découvre le numérique" in page
    assert url("step_add", room, persona.pk) not in page
    join_as(client, room.scribe)
    assert url("step_add", room, persona.pk) in client.get(canvas(room)).content.decode()
    join_as(client, room.omar)  # another table: not its personas
    assert "Bruno" not in client.get(canvas(room)).content.decode()


def test_the_scribe_writes_a_persona_without_javascript(client, join_as, room):
    room.open(Activity.PERSONAS)
    join_as(client, room.scribe)
    response = client.post(url("persona_create", room), {"name": "Bruno", "age": "52", "profile": "Maire"})
    assert response.status_code == 302
    persona = Persona.objects.get()
    for text in ("Un", "Deux", "Trois"):
        assert client.post(url("step_add", room, persona.pk), {"text": text}).status_code == 302
    third = persona.steps.get(text="Trois")
    assert client.post(url("step_move", room, third.pk, "up")).status_code == 302
    assert _steps(persona) == ["Un", "Trois", "Deux"]
    client.post(url("steps_reorder", room, persona.pk), {"step": [s.pk for s in persona.steps.order_by("-position")]})
    assert _steps(persona) == ["Deux", "Trois", "Un"]


def test_under_htmx_the_panel_comes_back_and_a_refusal_keeps_the_text(client, join_as, room):
    room.open(Activity.PERSONAS)
    join_as(client, room.scribe)
    response = client.post(url("persona_create", room), {"name": "Bruno"}, **HTMX)
    assert response.status_code == 200 and 'id="activity-panel"' in response.content.decode()
    persona = Persona.objects.get()
    response = client.post(url("step_add", room, persona.pk), {"text": "x" * 2001}, **HTMX)
    assert response.status_code == 422
    assert "x" * 2001 in response.content.decode()
    assert not persona.steps.exists()


def test_a_refused_card_without_javascript_comes_back_on_its_page(client, join_as, room):
    room.open(Activity.PERSONAS)
    join_as(client, room.scribe)
    response = client.post(url("persona_create", room), {"name": "", "profile": "Une vie"})
    assert response.status_code == 422
    assert "Une vie" in response.content.decode()
    assert not Persona.objects.exists()


def test_a_participant_who_is_not_the_scribe_is_refused(client, join_as, room):
    room.open(Activity.PERSONAS)
    join_as(client, room.daniel)
    assert client.post(url("persona_create", room), {"name": "Bruno"}).status_code == 403
    assert not Persona.objects.exists()


def test_a_step_of_another_table_is_refused_and_a_missing_one_is_404(client, join_as, room):
    room.open(Activity.PERSONAS)
    persona = services.persona_create(scribe=room.scribe, name="Bruno")
    step = services.persona_step_add(scribe=room.scribe, persona_id=persona.pk, text="Un")
    join_as(client, room.omar)
    assert client.post(url("step_update", room, step.pk), {"text": "Pris"}, **HTMX).status_code == 422
    assert client.post(url("step_update", room, 999999), {"text": "Pris"}).status_code == 404
    assert _steps(persona) == ["Un"]


def test_the_keyword_wall_grows_and_refuses_bad_keywords(client, join_as, room, django_assert_max_num_queries):
    room.open(Activity.KEYWORDS)
    join_as(client, room.daniel)
    assert client.post(url("keyword_add", room), {"text": "Résilience"}).status_code == 302
    join_as(client, room.omar)
    response = client.post(url("keyword_add", room), {"text": "résiliences"}, **HTMX)
    assert response.status_code == 200
    assert KeywordEntry.objects.count() == 2 and Keyword.objects.count() == 1
    for text in ("", "x" * 300, "résilience"):
        response = client.post(url("keyword_add", room), {"text": text}, **HTMX)
        assert response.status_code == 422
    assert KeywordEntry.objects.count() == 2
    with django_assert_max_num_queries(20):
        page = client.get(canvas(room)).content.decode()
    assert "size-5" in page and "Résilience" in page


def test_the_wall_is_redrawn_by_the_live_poll_without_the_form(client, join_as, room):
    room.open(Activity.KEYWORDS)
    join_as(client, room.daniel)
    first = client.get(canvas(room))
    version = first.context["version"]
    services.keyword_add(workshop=room.workshop, participant=room.omar, text="Partage")
    live = reverse("workshops:canvas_live", args=[room.workshop.join_code])
    response = client.get(live, {"v": version, "t": room.table1.pk, "s": first.context["stage_key"]})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="keyword-wall"' in body and "Partage" in body and 'id="keyword-text"' not in body


def test_commitments_are_signed_or_anonymous(client, join_as, room):
    room.open(Activity.COMMITMENTS)
    join_as(client, room.daniel)
    client.post(url("commitment_make", room), {"text": "Je m'engage à partager", "signed": "1"})
    join_as(client, room.scribe)
    client.post(url("commitment_make", room), {"text": "Je m'engage à réparer"})
    page = client.get(canvas(room), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert [(c.text, c.signed) for c in Commitment.objects.order_by("pk")] == [
        ("Je m'engage à partager", True),
        ("Je m'engage à réparer", False),
    ]
    assert "— Daniel" in page and "— Sophie" not in page


def test_someone_of_another_workshop_cannot_commit_here(client, join_as, room):
    room.open(Activity.COMMITMENTS)
    join_as(client, factories.ParticipantFactory(display_name="Xavier"))
    response = client.post(url("commitment_make", room), {"text": "Je m'engage"})
    assert response.status_code == 302 and "/join/" in response["Location"]
    assert not Commitment.objects.exists()


def test_the_facilitator_merges_and_renames_on_the_wall_page(client, room):
    room.open(Activity.KEYWORDS)
    a = services.keyword_add(workshop=room.workshop, participant=room.daniel, text="communs")
    b = services.keyword_add(workshop=room.workshop, participant=room.omar, text="bien commun")
    page = reverse("promises:keywords", args=[room.workshop.pk])
    client.force_login(room.facilitator)
    assert client.get(page).status_code == 200
    assert client.post(page, {"action": "merge", "keyword": b.pk, "into": a.pk}).status_code == 302
    assert client.post(page, {"action": "rename", "keyword": a.pk, "label": "Bien commun"}).status_code == 302
    response = client.post(page, {"action": "rename", "keyword": a.pk, "label": "x" * 300})
    assert response.status_code == 422 and "x" * 300 in response.content.decode()
    assert client.post(page, {"action": "merge", "keyword": 999999, "into": a.pk}).status_code == 404
    assert Keyword.objects.get(pk=a.pk).label == "Bien commun"
    assert Keyword.objects.get(pk=b.pk).merged_into_id == a.pk


def test_the_wall_page_is_the_facilitators_only(client, join_as, room):
    page = reverse("promises:keywords", args=[room.workshop.pk])
    client.force_login(factories.FacilitatorFactory(username="bob"))
    assert client.get(page).status_code == 403


def test_the_control_room_links_a_keyword_phase_to_its_wall_page(client, room):
    client.force_login(room.facilitator)
    page = client.get(reverse("workshops:control", args=[room.workshop.pk])).content.decode()
    assert page.count(reverse("promises:keywords", args=[room.workshop.pk])) == 1
