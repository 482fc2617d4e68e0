"""The accessibility check itself: axe-core runs under our pages' CSP and does report a fault."""

import pytest

from tests.browser.conftest import axe_report, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_axe_runs_under_the_pages_csp_and_reports_an_image_without_a_text_alternative(new_page):
    page = new_page(None)
    response = page.goto("/w/join/")
    # The page is checked under its real policy: same-origin scripts only, no inline script.
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert axe_violations(page) == []

    page.evaluate("document.querySelector('main').append(document.createElement('img'))")
    violations = axe_violations(page)
    assert [v["id"] for v in violations] == ["image-alt"]
    report = axe_report(violations)
    assert report.startswith("- image-alt (critical): Images must have alternative text")
    assert "\n    img: Element does not have an alt attribute\n      <img>" in report
