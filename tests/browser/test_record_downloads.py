"""The control room's links download the workshop's record, before and after closing; the page stays accessible."""

import csv
import io
import json

import pytest
from playwright.sync_api import expect

from tests.voting.test_record import build_room
from workshops import services
from workshops.models import Contribution, Workshop

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# By the link's address: their French wording comes with the catalogs, regenerated at the merge.
LINKS = {"json": ".json", "md": ".md", "csv": "-postits.csv"}


def download(page, fmt):
    with page.expect_download() as info:
        page.locator(f".record-downloads a[href$='record.{fmt}']").click()
    got = info.value
    with open(got.path(), encoding="utf-8") as file:
        return got.suggested_filename, file.read()


def test_the_control_room_downloads_the_record_in_each_format_before_and_after_closing(
    login, facilitator, live_workshop, axe_clean, screenshot
):
    build_room(live_workshop, tables=2, per_table=6)
    page = login(facilitator, f"/facilitate/{live_workshop.pk}/")
    expect(page.locator(".record-downloads")).to_be_visible()
    axe_clean(page, "control room with the record's downloads")
    stem = f"{live_workshop.date.isoformat()}"

    files = {}
    for name, suffix in LINKS.items():
        filename, content = download(page, name)
        assert filename.endswith(stem + suffix), filename
        files[suffix] = content
    data = json.loads(files[".json"])
    assert len(data["postits"]) == Contribution.objects.filter(workshop=live_workshop).count() == 12
    assert files[".md"].startswith(f"# {live_workshop.title}")
    assert len(list(csv.DictReader(io.StringIO(files["-postits.csv"])))) == 12
    for width, height in ((1366, 768), (390, 844), (1920, 1080)):
        page.set_viewport_size({"width": width, "height": height})
        screenshot(page, f"record-downloads-control-{width}")

    # After closing, the development phase's outputs are still in the record.
    services.workshop_close(workshop=Workshop.objects.get(pk=live_workshop.pk))
    page.set_viewport_size({"width": 1280, "height": 800})
    page.reload()
    axe_clean(page, "closed workshop's control room")
    _, content = download(page, "json")
    closed = json.loads(content)
    assert closed["workshop"]["status"] == "closed"
    assert any(output["lines"] for output in closed["outputs"] if output["phase_id"] == data["phases"][0]["id"])
    screenshot(page, "record-downloads-closed-1366")


def test_an_editor_finds_the_closed_workshops_record_on_the_records_page(login, editor, live_workshop, axe_clean, screenshot):
    build_room(live_workshop, tables=2, per_table=6)
    services.workshop_close(workshop=Workshop.objects.get(pk=live_workshop.pk))
    page = login(editor, "/")
    page.locator(".topnav a[href='/facilitate/records/']").click()
    card = page.locator(".workshop-card", has_text=live_workshop.title)
    expect(card).to_be_visible()
    axe_clean(page, "workshop records, as an editor")
    for width, height in ((1366, 768), (390, 844), (1920, 1080)):
        page.set_viewport_size({"width": width, "height": height})
        screenshot(page, f"record-downloads-records-{width}")
    _, content = download(page, "md")
    assert content.startswith(f"# {live_workshop.title}")
    assert "Synthèse de Table 1" in content
