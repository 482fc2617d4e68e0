"""Nothing typed is cut: a text over its limit is refused whole, with a message, and comes back in its box."""

import html
import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.voting.factories import make_ballot
from voting import services as voting_services
from workshops import services
from workshops.models import Activity, Contribution, Participant, Table, TableSynthesis, WorkshopPhase

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
TEMPLATE_DIRS = [settings.BASE_DIR / app / "templates" for app in ("core", "workshops", "scenarios", "voting", "demo")] + [
    settings.BASE_DIR / "templates"
]

# A persona as a participant wrote one in the demo (809 characters): over a post-it's 500.
PERSONA = (
    "Léa, 34 ans, infirmière de nuit à Saint-Denis, partage sa voiture avec trois voisins depuis que le parking de "
    "l'hôpital est payant ; elle réserve son créneau sur une application de quartier, paie au kilomètre et laisse "
    "un mot sur le tableau de bord quand le réservoir est presque vide. Elle ne possède plus rien de ce qui roule, "
    "mais elle tient à son vélo, qu'elle répare elle-même dans l'atelier associatif du rez-de-chaussée. Ce qui la "
    "gêne : les jours de grève, tout le monde veut la voiture en même temps, et l'application ne sait pas arbitrer. "
    "Ce qu'elle espère : une règle simple, décidée ensemble, affichée dans le hall, et un droit de priorité pour "
    "celles et ceux qui travaillent de nuit. Ce qu'elle craint : qu'une grande plateforme rachète l'application et "
    "fasse payer l'accès au quartier. Elle rit."
)


def box_text(page: str, name: str) -> str:
    """What the page puts back in the <textarea name=...>."""
    match = re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', page, re.S)
    return html.unescape(match.group(1))


def test_the_persona_is_over_a_postits_limit():
    assert len(PERSONA) == 809 > settings.CONTRIBUTION_MAX_LENGTH


def test_no_template_asks_the_browser_to_cut_a_text():
    cutting = [
        f"{path.relative_to(settings.BASE_DIR)}"
        for directory in TEMPLATE_DIRS
        if directory.exists()
        for path in directory.rglob("*.html")
        if re.search(r"\bmaxlength=", path.read_text())
    ]
    assert cutting == []


@pytest.mark.parametrize("page", ["workshops:join", "login"])
def test_a_django_form_renders_its_limit_as_data_max_never_maxlength(client, page):
    body = client.get(reverse(page)).content.decode()
    assert "maxlength" not in body
    assert "data-max=" in body


def test_the_join_form_counts_the_display_name_against_the_services_limit(client, live_workshop):
    body = client.get(reverse("workshops:join_workshop", args=[live_workshop.join_code])).content.decode()
    tag = re.search(r'<input[^>]*name="display_name"[^>]*>', body).group(0)
    assert f'data-max="{services.DISPLAY_NAME_MAX_LENGTH}"' in tag
    assert "maxlength" not in tag


def test_the_facilitators_forms_render_no_maxlength(client, facilitator, live_workshop):
    client.force_login(facilitator)
    for url in (reverse("workshops:dashboard"), reverse("workshops:formats"), reverse("workshops:control", args=[live_workshop.pk])):
        body = client.get(url).content.decode()
        assert "maxlength" not in body, url


@pytest.mark.parametrize("text", ["x" * 20_000, PERSONA], ids=["a 20,000-character paste", "an 809-character persona"])
def test_an_over_long_postit_is_refused_whole_and_comes_back_in_its_box(client, english, join_as, live_workshop, participant_factory, text):
    participant = participant_factory(workshop=live_workshop)
    section = live_workshop.phases.get(position=1).canvas.sections.get(position=1)
    join_as(client, participant)
    response = client.post(reverse("workshops:post", args=[live_workshop.join_code]), {"section": section.pk, "text": text}, **HTMX)
    assert response.status_code == 422
    page = response.content.decode()
    assert f"A post-it has at most 500 characters (this one has {len(text)})." in html.unescape(page)
    assert box_text(page, "text") == text
    assert Contribution.objects.count() == 0


def test_a_display_name_over_its_limit_is_refused_and_kept(client, english, live_workshop):
    name = "Marie-Amélie de La Tour d'Auvergne-Lauraguais, dite la Grande Navigatrice"
    assert len(name) > services.DISPLAY_NAME_MAX_LENGTH
    response = client.post(reverse("workshops:join_workshop", args=[live_workshop.join_code]), {"display_name": name})
    assert response.status_code == 422
    page = html.unescape(response.content.decode())
    assert f"at most {services.DISPLAY_NAME_MAX_LENGTH} characters" in page
    assert f'value="{name}"' in page
    assert not Participant.objects.exists()


@pytest.fixture
def scribe_in_synthesis(live_workshop, participant_factory):
    phase = live_workshop.phases.get(position=3)
    WorkshopPhase.objects.filter(pk=phase.pk).update(activity=Activity.SYNTHESIS)
    phase.refresh_from_db()
    services.phase_open(phase=phase)
    table = live_workshop.tables.get(number=1)
    return services.participant_set_scribe(participant=participant_factory(workshop=live_workshop, table=table), is_scribe=True)


@pytest.mark.parametrize("headers", [HTMX, {}], ids=["htmx", "without javascript"])
def test_an_over_long_synthesis_is_refused_and_the_scribe_keeps_the_text(client, english, join_as, scribe_in_synthesis, live_workshop, headers):
    text = "Le partage devient la norme. " * 200
    assert len(text.strip()) > services.SYNTHESIS_MAX_LENGTH
    join_as(client, scribe_in_synthesis)
    response = client.post(reverse("workshops:scribe_synthesis", args=[live_workshop.join_code]), {"text": text}, **headers)
    assert response.status_code == 422
    page = response.content.decode()
    assert "A synthesis has at most 5000 characters" in html.unescape(page)
    assert box_text(page, "text") == text
    assert not TableSynthesis.objects.exists()


def test_an_over_long_group_label_is_refused_and_kept_in_its_sections_box(client, english, join_as, live_workshop, participant_factory, contribution_factory):
    table = live_workshop.tables.get(number=1)
    scribe = services.participant_set_scribe(participant=participant_factory(workshop=live_workshop, table=table), is_scribe=True)
    note = contribution_factory(participant=scribe)
    label = "Mobilité partagée " * 7
    join_as(client, scribe)
    response = client.post(
        reverse("workshops:scribe_group", args=[live_workshop.join_code]),
        {"contributions": [note.pk], "label": label, "section": note.section_id},
        **HTMX,
    )
    assert response.status_code == 422
    page = html.unescape(response.content.decode())
    assert f"at most {services.GROUP_LABEL_MAX_LENGTH} characters" in page
    assert f'value="{label}"' in page
    note.refresh_from_db()
    assert note.group_label == ""


def test_a_table_name_over_its_limit_is_refused_not_cut(live_workshop):
    table = live_workshop.tables.get(number=1)
    with pytest.raises(ValidationError) as refused:
        services.table_update(table=table, name="N" * (services.TABLE_NAME_MAX_LENGTH + 1))
    assert "name" in refused.value.message_dict
    with pytest.raises(ValidationError):
        services.table_create(workshop=live_workshop, name="N" * (services.TABLE_NAME_MAX_LENGTH + 1))
    assert Table.objects.get(pk=table.pk).name == ""


def test_a_ballot_title_over_its_limit_is_refused_not_cut(live_workshop):
    with pytest.raises(ValidationError) as refused:
        voting_services.ballot_create(
            workshop=live_workshop, title="T" * 201, method="approval", options=voting_services.options_from_lines("A\nB")
        )
    assert "title" in refused.value.message_dict


def test_a_long_postit_becomes_an_option_cut_at_a_word_with_its_full_text_on_the_vote_page(client, join_as, live_workshop, participant_factory, contribution_factory):
    participant = participant_factory(workshop=live_workshop)
    text = " ".join(PERSONA.split())[:480].rsplit(" ", 1)[0]
    contribution_factory(participant=participant, text=text)
    (option,) = voting_services.options_from_contributions(workshop=live_workshop)
    label = option["label"]
    assert len(label) <= voting_services.LABEL_MAX_LENGTH
    assert label.endswith("…")
    assert text.startswith(label[:-1]) and text[len(label) - 1] == " "  # cut between two words
    ballot = make_ballot(live_workshop, "approval", options=[option, {"label": "Autre chose"}])
    join_as(client, participant)
    page = html.unescape(client.get(reverse("voting:cast", args=[live_workshop.join_code])).content.decode())
    assert label in page and text in page
    assert ballot.options.filter(label=label).exists()


@pytest.mark.parametrize("which", ["rename", "add"])
def test_a_table_name_over_its_limit_comes_back_in_the_control_rooms_box(client, english, facilitator, live_workshop, which):
    table = live_workshop.tables.get(number=1)
    name = "Table des ruptures de la mobilité partagée " * 5
    assert len(name) > services.TABLE_NAME_MAX_LENGTH
    client.force_login(facilitator)
    url = (
        reverse("workshops:edit_table", args=[live_workshop.pk, table.pk])
        if which == "rename"
        else reverse("workshops:add_table", args=[live_workshop.pk])
    )
    response = client.post(url, {"name": name, "capacity": 15})
    assert response.status_code == 422
    page = html.unescape(response.content.decode())
    assert f"at most {services.TABLE_NAME_MAX_LENGTH} characters" in page
    assert f'value="{name}"' in page
    assert live_workshop.tables.count() == 2 and Table.objects.get(pk=table.pk).name == ""
