"""The page shell every view extends."""

from html.parser import HTMLParser

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_the_demo_in_debug_mode_does_not_load_django_htmx_debug_helper(client):
    # That helper replaces the whole page on any 4xx htmx answer; ours show refused votes in place.
    page = client.get("/").content.decode()
    assert "django_htmx/htmx-2.min.js" in page
    assert "django-htmx.js" not in page


class InlineCode(HTMLParser):
    """Finds what the CSP would block: a <script> without src, a <style>, an on* handler, a style attribute."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        names = {name for name, _value in attrs}
        if tag == "script" and "src" not in names:
            self.found.append(f"inline <script {attrs}>")
        if tag == "style":
            self.found.append("<style>")
        self.found += [f"{name}= on <{tag}>" for name in names if name == "style" or name.startswith("on")]


def inline_code(page: str) -> list[str]:
    parser = InlineCode()
    parser.feed(page)
    return parser.found


def test_the_inline_code_check_sees_scripts_with_attributes():
    # The check this replaces looked for "<script>" and missed every one of these.
    found = inline_code('<script type="module">x()</script><script nonce="n">y()</script><a onclick="z()"><style>a{}</style>')
    assert len(found) == 4
    assert inline_code('<script src="/static/js/agora.js" defer></script>') == []


def test_htmx_swaps_form_errors_and_nothing_runs_inline(client):
    page = client.get("/w/join/").content.decode()
    assert '"code": "422", "swap": true' in page
    assert inline_code(page) == []


@pytest.mark.parametrize("who", ["facilitator", "editor"])
def test_staff_pages_and_error_pages_run_nothing_inline(client, request, who, live_workshop):
    client.force_login(request.getfixturevalue(who))
    for url in ["/", "/scenarios/", "/facilitate/", f"/facilitate/{live_workshop.pk}/", "/nowhere/"]:
        assert inline_code(client.get(url).content.decode()) == [], url
