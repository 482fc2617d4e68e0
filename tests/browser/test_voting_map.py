"""The map of scenarios in a real browser: two closed scale ballots place each scenario; the SVG downloads."""

import re

import pytest
from playwright.sync_api import expect

from tests.voting.factories import make_ballot
from voting import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCENARIOS = ["Posséder, c'est dépassé", "La fin du salariat", "Tous fabricants", "L'école hors les murs"]
# Per scenario: (plausibility 1..5, desirability -2..+2) of each of three participants.
VOTES = {
    "Posséder, c'est dépassé": [(5, 2), (4, 1), (5, 2)],
    "La fin du salariat": [(2, -2), (1, -1), (2, -2)],
    "Tous fabricants": [(4, -1), (3, -2), (5, -1)],
    "L'école hors les murs": [(1, 2), (2, 1), (2, 2)],
}


@pytest.fixture
def workshop(facilitator, scenario_factory, participant_factory):
    from tests.factories import WorkshopFactory

    workshop = WorkshopFactory(facilitator=facilitator, join_code="QN2012", title="Atelier des ruptures")
    for title in SCENARIOS:
        scenario_factory(edition=workshop.edition, title=title)
    options = services.options_from_scenarios(workshop=workshop)
    plausible = make_ballot(workshop, "scale", options=options, scale_min=1, scale_max=5, scale_min_label="improbable", scale_max_label="très plausible")
    plausible.title = "Plausibilité"
    plausible.save(update_fields=["title"])
    desirable = make_ballot(workshop, "scale", options=options, scale_min=-2, scale_max=2, scale_min_label="à éviter", scale_max_label="souhaitable")
    desirable.title = "Désirabilité"
    desirable.save(update_fields=["title"])
    people = [participant_factory(workshop=workshop, display_name=name) for name in ["Amina", "Bruno", "Chloé"]]
    for index, person in enumerate(people):
        for ballot, axis in ((plausible, 0), (desirable, 1)):
            by_label = dict(ballot.options.values_list("label", "pk"))
            services.vote_cast(participant=person, ballot_id=ballot.pk, choices={by_label[t]: VOTES[t][index][axis] for t in SCENARIOS})
    for ballot in (plausible, desirable):
        services.ballot_close(ballot=ballot)
    return workshop


def mean(values):
    return sum(values) / len(values)


def test_the_facilitator_sees_each_scenario_on_the_map_and_downloads_the_svg(login, workshop, facilitator, screenshot, axe_clean):
    page = login(facilitator, f"/facilitate/{workshop.pk}/ballots/")
    axe_clean(page, "ballots-index")
    page.click("a[href$='/ballots/map/']")
    expect(page.locator("h1")).to_have_text("Cartographie des scénarios")

    svg = page.locator("figure svg.vote-map")
    expect(svg).to_be_visible()
    expect(svg.locator("circle.dot")).to_have_count(len(SCENARIOS))
    labels = svg.locator("g.map-point text.map-label").all_text_contents()
    assert sorted(labels) == sorted(SCENARIOS)
    # Each dot sits at its means: 1..5 across 70..890, -2..+2 from 570 (bottom) to 70 (top).
    for title, votes in VOTES.items():
        x = 70 + (mean([v[0] for v in votes]) - 1) / 4 * 820
        y = 570 - (mean([v[1] for v in votes]) + 2) / 4 * 500
        point = svg.locator("g.map-point", has_text=title)
        circle = point.locator("circle.dot")
        assert float(circle.get_attribute("cx")) == pytest.approx(x, abs=0.06), title
        assert float(circle.get_attribute("cy")) == pytest.approx(y, abs=0.06), title
        expect(circle.locator("title")).to_contain_text(title)
    expect(svg.locator("text.axis-label")).to_have_text(["Plausibilité →", "Désirabilité →"])
    expect(svg.locator("text.tick")).to_have_text(["1", "2", "3", "4", "5", "\u22122", "\u22121", "0", "1", "2"])
    # Every label is drawn inside the picture, not cut off at its edges.
    box = svg.bounding_box()
    for text in svg.locator("g.map-point text").all():
        label = text.bounding_box()
        assert box["x"] <= label["x"] and label["x"] + label["width"] <= box["x"] + box["width"], text.text_content()
        assert box["y"] <= label["y"], text.text_content()
    screenshot(page, "voting-map")
    axe_clean(page, "voting-map")

    link = page.locator("a", has_text="Télécharger le SVG")
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert re.search(r'filename="cartographie-\d+\.svg"', response.headers["content-disposition"])
    body = response.text()
    assert body.startswith("<svg") and 'xmlns="http://www.w3.org/2000/svg"' in body
    assert body.count('class="dot"') == len(SCENARIOS) and "La fin du salariat" in body and "<style>" in body


def label_boxes(page):
    """Each title's box as the browser drew it (getBBox, in the SVG's units)."""
    return page.locator("svg.vote-map").evaluate(
        "svg => [...svg.querySelectorAll('text.map-label')].map(t => { const b = t.getBBox(); return [t.textContent, b.x, b.y, b.width, b.height]; })"
    )


def overlaps(a, b):
    return a[1] < b[1] + b[3] and b[1] < a[1] + a[3] and a[2] < b[2] + b[4] and b[2] < a[2] + a[4]


@pytest.fixture
def demo_map(facilitator):
    """The demo's 19 scenarios voted on two scales by a room whose opinions bunch together."""
    import random

    from django.core.management import call_command

    from demo.seed.load import ruptures_demo_workshops

    call_command("load_demo", without_cahier=True, stdout=open("/dev/null", "w"))
    workshop = ruptures_demo_workshops().get()
    workshop.facilitators.add(facilitator)
    ballots = []
    for title, low, high in (("Plausibilité", 1, 5), ("Désirabilité", -2, 2)):
        ballot = make_ballot(workshop, "scale", options=services.options_from_scenarios(workshop=workshop), scale_min=low, scale_max=high)
        ballot.title = title
        ballot.save(update_fields=["title"])
        ballots.append(ballot)
    rng = random.Random(19)
    people = list(workshop.participants.order_by("pk")[:5])
    for person in people:
        for ballot in ballots:
            ids = list(ballot.options.values_list("pk", flat=True))
            # Three values only: the means bunch, as they do in a real room.
            services.vote_cast(participant=person, ballot_id=ballot.pk, choices={i: rng.choice([ballot.scale_min + 1, ballot.scale_max - 1, ballot.scale_max]) for i in ids})
    for ballot in ballots:
        services.ballot_close(ballot=ballot)
    return workshop, ballots


def test_the_19_demo_scenarios_titles_never_overlap_on_the_map_and_the_retained_are_in_capitals(demo_map, login, facilitator, screenshot, axe_clean):
    workshop, (x_ballot, y_ballot) = demo_map
    page = login(facilitator, f"/facilitate/{workshop.pk}/ballots/map/?x={x_ballot.pk}&y={y_ballot.pk}")
    svg = page.locator("figure svg.vote-map")
    expect(svg.locator("circle.dot")).to_have_count(19)
    boxes = label_boxes(page)
    assert len(boxes) == 19
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not overlaps(a, b), f"{a[0]} overlaps {b[0]}"
    retained = svg.locator("g.map-point.retained text.map-label").all_text_contents()
    assert len(retained) == 7 and all(t == t.upper() for t in retained)
    assert "POSSÉDER, C'EST DÉPASSÉ" in retained
    page.set_viewport_size({"width": 1920, "height": 1080})
    screenshot(page, "voting-map-demo-1920")
    axe_clean(page, "map of the 19 demo scenarios")
