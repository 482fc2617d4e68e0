import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from workshops import services
from workshops.models import TableSynthesis

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def scribe(live_workshop, participant_factory):
    table = live_workshop.tables.get(number=1)
    return services.participant_set_scribe(participant=participant_factory(workshop=live_workshop, table=table), is_scribe=True)


def test_the_scribe_writes_the_tables_synthesis_and_saving_again_replaces_it(synthesis_phase, scribe):
    services.synthesis_save(scribe=scribe, text="Le partage devient la norme.")
    services.synthesis_save(scribe=scribe, text="Le partage devient la norme, sous conditions.")
    synthesis = TableSynthesis.objects.get()
    assert (synthesis.text, synthesis.table, synthesis.phase) == ("Le partage devient la norme, sous conditions.", scribe.table, synthesis_phase)


def test_only_a_scribe_writes_a_synthesis(synthesis_phase, live_workshop, participant_factory):
    with pytest.raises(ValidationError):
        services.synthesis_save(scribe=participant_factory(workshop=live_workshop), text="Moi aussi")
    assert TableSynthesis.objects.count() == 0


def test_a_synthesis_waits_for_a_synthesis_phase(live_workshop, scribe):
    with pytest.raises(ValidationError):
        services.synthesis_save(scribe=scribe, text="Trop tôt")
    assert TableSynthesis.objects.count() == 0


def test_an_over_long_synthesis_is_refused(synthesis_phase, scribe):
    with pytest.raises(ValidationError):
        services.synthesis_save(scribe=scribe, text="x" * 5001)
    assert TableSynthesis.objects.count() == 0


def test_the_table_sees_the_synthesis_escaped_on_its_canvas(client, join_as, synthesis_phase, scribe, live_workshop, participant_factory):
    services.synthesis_save(scribe=scribe, text="<script>alert(1)</script> Louer plutôt que posséder")
    join_as(client, participant_factory(workshop=live_workshop, table=scribe.table))
    page = client.get(reverse("workshops:canvas", args=["QN2012"])).content.decode()
    assert "Louer plutôt que posséder" in page
    assert "<script>alert(1)</script>" not in page


def test_another_table_does_not_see_it(client, join_as, synthesis_phase, scribe, live_workshop, participant_factory):
    services.synthesis_save(scribe=scribe, text="Propre à la table 1")
    join_as(client, participant_factory(workshop=live_workshop, table=live_workshop.tables.get(number=2)))
    assert "Propre à la table 1" not in client.get(reverse("workshops:canvas", args=["QN2012"])).content.decode()


def test_the_scribe_saves_from_the_scribe_board(client, join_as, synthesis_phase, scribe):
    join_as(client, scribe)
    response = client.post(reverse("workshops:scribe_synthesis", args=["QN2012"]), {"text": "Synthèse"}, **HTMX)
    assert response.status_code == 200
    assert TableSynthesis.objects.get().text == "Synthèse"


def test_a_plain_participant_cannot_post_a_synthesis(client, join_as, synthesis_phase, live_workshop, participant_factory):
    join_as(client, participant_factory(workshop=live_workshop))
    assert client.post(reverse("workshops:scribe_synthesis", args=["QN2012"]), {"text": "x"}).status_code == 403
    assert TableSynthesis.objects.count() == 0


def test_the_projector_shows_every_tables_synthesis(client, facilitator, synthesis_phase, scribe, live_workshop):
    services.synthesis_save(scribe=scribe, text="Ce que retient la table 1")
    client.force_login(facilitator)
    page = client.get(reverse("workshops:projector", args=[live_workshop.pk])).content.decode()
    assert "Ce que retient la table 1" in page
