"""The discovery phase: participants read and search the scenarios on offer, the projector lists them."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import ScenarioFactory, TagFactory, TimelineEventFactory
from workshops import services
from workshops.models import Activity, WorkshopPhase

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def discovery(live_workshop):
    """QN2012 with a discovery phase open over two scenarios of its edition (and one of another)."""
    education = ScenarioFactory(edition=live_workshop.edition, title="Éducation, de l'implosion à la reconstruction", narrative="Les élèves apprennent hors de l'école.")
    education.tags.set([TagFactory(name="éducation")])
    TimelineEventFactory(scenario=education, year=2014, title="Le grand décrochage", text="Un tiers des lycéens suit ses cours en ligne.")
    ScenarioFactory(edition=live_workshop.edition, title="CDI c'est fini !", narrative="Chacun devient indépendant.")
    ScenarioFactory(title="Un scénario d'une autre édition")
    phase = WorkshopPhase.objects.create(workshop=live_workshop, position=0, name="Découverte", activity=Activity.DISCOVER)
    services.phase_open(phase=phase)
    return live_workshop


@pytest.fixture
def alice_client(facilitator):
    client = Client()
    client.force_login(facilitator)
    return client


@pytest.fixture
def standing(discovery, participant_factory, join_as):
    """A participant who has not picked a table yet: the discovery needs none."""
    return join_as(Client(), participant_factory(workshop=discovery, table=None, display_name="Daniel"))


def test_a_participant_reads_the_editions_scenarios_with_their_story_timeline_and_tags(standing, discovery, django_assert_max_num_queries):
    url = reverse("workshops:canvas", args=[discovery.join_code])
    with django_assert_max_num_queries(14):
        page = standing.get(url).content.decode()
    assert page.count('class="discover-scenario card"') == 2
    assert "Éducation, de l&#x27;implosion à la reconstruction" in page
    assert "Les élèves apprennent hors de l&#x27;école." in page and "Le grand décrochage" in page and "éducation" in page
    assert "autre édition" not in page
    assert "Choose your table" not in page and "Choisissez votre table" not in page


def test_a_search_narrows_the_list_ignoring_accents(standing, discovery):
    url = reverse("workshops:discover", args=[discovery.join_code])
    fragment = standing.get(url, {"q": "education"}, **HTMX)
    assert fragment.status_code == 200
    html = fragment.content.decode()
    assert html.startswith('\n<div id="discover-list">') or html.lstrip().startswith('<div id="discover-list">')
    assert html.count('class="discover-scenario card"') == 1 and "CDI" not in html
    # Without JavaScript the same search is the whole page, the words kept in the box.
    page = standing.get(url, {"q": "CDI"}).content.decode()
    assert page.count('class="discover-scenario card"') == 1 and 'value="CDI"' in page
    none = standing.get(url, {"q": "robots martiens"}, **HTMX).content.decode()
    assert 'class="discover-scenario card"' not in none and 'class="notice"' in none


def test_an_oversized_search_is_refused_in_words(standing, discovery):
    url = reverse("workshops:discover", args=[discovery.join_code])
    response = standing.get(url, {"q": "x" * 201}, **HTMX)
    assert response.status_code == 422 and response.headers["HX-Retarget"] == "#flash"
    assert standing.get(url, {"q": "x" * 201}).status_code == 302


def test_once_the_discovery_is_over_a_search_says_so_and_the_page_follows(standing, discovery):
    services.phase_open(phase=discovery.phases.get(position=1))
    url = reverse("workshops:discover", args=[discovery.join_code])
    response = standing.get(url, {"q": "cdi"}, **HTMX)
    assert response.status_code == 409 and response.headers["HX-Retarget"] == "#flash"
    assert standing.get(url).status_code == 302


def test_only_participants_of_the_workshop_discover_its_scenarios(discovery, alice_client):
    url = reverse("workshops:discover", args=[discovery.join_code])
    response = Client().get(url)
    assert response.status_code == 302 and "/join/" in response.url
    assert alice_client.get(url).status_code == 302  # the facilitator is no participant: the join page


def test_the_projector_lists_the_scenario_titles(discovery, alice_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):
        page = alice_client.get(reverse("workshops:projector", args=[discovery.pk])).content.decode()
    assert 'class="discover-titles"' in page
    assert "CDI c&#x27;est fini !" in page and "autre édition" not in page


@pytest.mark.parametrize("q", ["\x00", "%", "' OR 1=1 --", "<script>alert(1)</script>", "é" * 200])
def test_hostile_searches_answer_an_empty_list_never_an_error(standing, discovery, q):
    response = standing.get(reverse("workshops:discover", args=[discovery.join_code]), {"q": q}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="discover-scenario card"' not in html and "<script>alert" not in html
