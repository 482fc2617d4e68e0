"""The demo's cahier, drafted and published by load_demo, in a real browser: the editor's outline
and the map's section show the map of scenarios (the retained ones in capitals), readable on a
phone by scrolling the figure sideways, axe clean, at 1366, 390 and 1920 wide."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from cahiers.models import Cahier, Chapter, Section
from demo.seed import questions_numeriques as seed

from tests.browser.conftest import at_sizes as shared_at_sizes

pytestmark = [pytest.mark.browser]


def at_sizes(page, name, screenshot, axe_clean):
    def figure_picture(label):
        figure = page.locator(".ch-figure").first
        figure.scroll_into_view_if_needed()
        figure.screenshot(path=str(screenshot_dir() / f"{name}-figure-{label}.png"))

    shared_at_sizes(page, name, screenshot, axe_clean, each=figure_picture)


def screenshot_dir():
    from tests.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def test_the_editor_sees_the_map_of_scenarios_on_the_outline_and_its_section(transactional_db, login, screenshot, axe_clean):
    call_command("load_demo", password="password", stdout=open("/dev/null", "w"))
    editor = get_user_model().objects.get(username=seed.DEMO_USERS["editor"]["username"])
    cahier = Cahier.objects.get(edition__slug=seed.EDITION["slug"])

    page = login(editor, f"/cahiers/{cahier.pk}/")
    map_chapter = cahier.chapters.get(kind=Chapter.Kind.CARTOGRAPHY)
    figure = page.locator(f"#chapter-{map_chapter.pk} .ch-figure svg")
    expect(figure).to_be_visible()
    expect(figure.locator("text.map-label", has_text="CDI C'EST FINI !")).to_be_visible()
    assert figure.locator("circle.dot").count() == 19
    # The seed's order: the introduction first, then the map.
    expect(page.locator(".ch-chapter h2").nth(0)).to_contain_text("Introduction")
    expect(page.locator(".ch-chapter h2").nth(1)).to_contain_text(map_chapter.title)
    # No two titles of the map overlap, in the browser's own text metrics.
    boxes = figure.locator("text.map-label").evaluate_all(
        "els => els.map(e => { const b = e.getBBox(); return [b.x, b.y, b.width, b.height]; })"
    )
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]), (a, b)
    at_sizes(page, "cahier-outline-map", screenshot, axe_clean)

    section = Section.objects.get(chapter=map_chapter)
    page.goto(f"/cahiers/sections/{section.pk}/")
    expect(page.locator(".ch-figure svg")).to_be_visible()
    expect(page.locator("#section-text")).to_have_value(section.latest_revision.text)
    at_sizes(page, "cahier-map-section", screenshot, axe_clean)
