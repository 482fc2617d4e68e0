import re

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect


def pick_table(page, label):
    """Choose a table in a picker by its name: each option also says its seats ("Table 1 — 15 seats left")."""
    options = page.locator("select[name=table] option").filter(has_text=re.compile("^" + re.escape(label) + "( —|$)"))
    page.select_option("select[name=table]", value=options.first.get_attribute("value"))


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
        pick_table(page, table_label)
        page.click("main form button[type=submit]")
        expect(page.locator("h1.who")).to_contain_text(name)
        return page

    return join_as


# axe-core comes inside the axe-playwright-python wheel (axe_playwright_python/axe.min.js): a test-only
# dependency, nothing fetched at run time and nothing copied into static/.
from axe_playwright_python.base import AXE_SCRIPT  # noqa: E402

# Every impact fails, minor included: a page a person touches has no known accessibility fault.
# Rules switched off, each for a reason that is not "we have not fixed it yet":
AXE_DISABLED_RULES: dict[str, str] = {}


def axe_violations(page, context=None):
    """Run axe-core on the page as it is now and return its violations.

    Our pages' CSP allows only same-origin <script src> (no inline script), so `add_script_tag(content=...)`
    would be blocked. `page.evaluate` is not: Playwright runs it through the DevTools protocol, outside
    the page's CSP, so axe is injected without `bypass_csp` and the page is checked under its real policy.
    """
    page.evaluate(AXE_SCRIPT)
    options = {
        "resultTypes": ["violations"],
        "rules": {rule: {"enabled": False} for rule in AXE_DISABLED_RULES},
    }
    run = "([context, options]) => axe.run(context || document, options)"
    try:
        return page.evaluate(run, [context, options])["violations"]
    except PlaywrightError:
        # A live page swaps its fragment every 2 s (htmx polling): a node axe was reading may be
        # gone mid-run. The next run sees the new fragment whole.
        return page.evaluate(run, [context, options])["violations"]


def axe_report(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            # The summary reads "Fix any of the following:" then one line per way out: the first is enough.
            fixes = node["failureSummary"].splitlines()
            lines.append(f"    {' '.join(map(str, node['target']))}: {(fixes[1:] or fixes)[0].strip()}")
            lines.append(f"      {node['html'][:160]}")
    return "\n".join(lines)


@pytest.fixture
def axe_clean():
    """Check the page under test with axe-core (WCAG 2.x A/AA and best practices): fail with the rule,
    its impact, the elements' selectors and what to do, for every violation of any impact."""

    def check(page, label, context=None):
        violations = axe_violations(page, context)
        assert not violations, f"axe-core on {label} ({page.url}):\n{axe_report(violations)}"

    return check
