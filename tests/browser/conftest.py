import pytest
from playwright.sync_api import expect


@pytest.fixture
def join(new_page):
    """A participant at their own laptop: the join flow by code, a name and a table, then the canvas."""

    def join_as(name, table_label="Table 1", code="qn2012", workshop_title=None):
        page = new_page("/w/join/")
        page.fill("input[name=code]", code)
        page.click("main form button[type=submit]")
        if workshop_title:
            expect(page.locator("h1")).to_have_text(workshop_title)
        page.fill("input[name=display_name]", name)
        page.select_option("select[name=table]", label=table_label)
        page.click("main form button[type=submit]")
        expect(page.locator("h1.who")).to_contain_text(name)
        return page

    return join_as
