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


# Every page a browser test opens is watched: a console error, an uncaught exception or a Content
# Security Policy violation (an inline style htmx set, a script the policy blocked) fails the test.
# A test that provokes an error on purpose (a refused write, the network cut) names it with
# `@pytest.mark.console_allows(r"regex", ...)`; nothing else may appear.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", function (event) {
  window.__agoraReportViolation([event.violatedDirective, event.blockedURI, event.sourceFile + ":" + event.lineNumber, event.sample].join(" | "));
});
"""


# Chromium logs every 4xx answer as "Failed to load resource". A 422 (a form with its errors) and a 409
# (the current state after a conflict) are answers the page swaps in on purpose (README, "Statuses"):
# not faults. Any other status, a network error or a script's error counts.
SWAPPED_ANSWER = re.compile(r"^Failed to load resource: the server responded with a status of (409|422) ")


def watch_page(page, problems):
    def on_console(msg):
        if msg.type == "error" and not SWAPPED_ANSWER.search(msg.text):
            problems.append(f"console error on {page.url}: {msg.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"uncaught exception on {page.url}: {error}"))


def watch_context(context, problems):
    context.expose_binding("__agoraReportViolation", lambda source, text: problems.append(f"CSP violation on {source['page'].url}: {text}"))
    context.add_init_script(CSP_LISTENER)
    context.on("page", lambda page: watch_page(page, problems))


@pytest.fixture
def console_problems():
    """What the watched pages reported so far (a test may look, e.g. to assert one error it provoked)."""
    return []


@pytest.fixture
def new_page(new_page, console_problems, request):
    """The shared `new_page`, watched for console errors and CSP violations (checked when the test ends)."""
    allowed = [re.compile(p) for marker in request.node.iter_markers("console_allows") for p in marker.args]

    def open_page(path="/", locale="fr-FR"):
        page = new_page(None, locale)
        watch_context(page.context, console_problems)
        watch_page(page, console_problems)
        if path is not None:
            page.goto(path)
        return page

    yield open_page
    unexpected = [p for p in console_problems if not any(a.search(p) for a in allowed)]
    assert not unexpected, "The browser reported:\n" + "\n".join(unexpected)


# A laptop, a phone, a projector: the sizes every page is looked at.
THREE_SIZES = {"laptop": (1366, 768), "phone": (390, 844), "wide": (1920, 1080)}


def at_sizes(page, name, screenshot, axe_clean, sizes=THREE_SIZES, each=None):
    """A screenshot and an axe check of the page at each size (`each(label)` first, if given);
    nothing may scroll sideways. The page is left at the laptop's size."""
    for label, (width, height) in sizes.items():
        page.set_viewport_size({"width": width, "height": height})
        if each is not None:
            each(label)
        screenshot(page, f"{name}-{label}")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{name} scrolls sideways at {width}"
        axe_clean(page, f"{name} at {width}")
    page.set_viewport_size({"width": 1366, "height": 768})
