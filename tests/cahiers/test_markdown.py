"""The Markdown of a section, rendered and sanitised: emphasis and links stay, scripts never do."""

from html.parser import HTMLParser

import pytest

from cahiers.markdown import render

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[clic](javascript:alert(1))",
    "[clic](JaVaScRiPt:alert(1))",
    "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[clic](vbscript:msgbox(1))",
    '<a href="https://ok.example" onclick="alert(1)">x</a>',
    "<iframe src=https://evil.example></iframe>",
    "<svg onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "![x](https://evil.example/x.png\" onerror=\"alert(1))",
    "<!-- <script>alert(1)</script> -->",
    "[a](https://ok.example \"t\" onmouseover=alert(1))",
]


class Elements(HTMLParser):
    """The elements and attributes a browser would build from the HTML (text is only text)."""

    def __init__(self, html):
        super().__init__()
        self.tags, self.attributes = set(), []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes += attrs


@pytest.mark.parametrize("payload", HOSTILE)
def test_no_script_no_handler_no_dangerous_link_survives(payload):
    found = Elements(render(payload))
    assert found.tags <= {"p", "a", "em", "strong", "code"}
    for name, value in found.attributes:
        assert not name.startswith("on") and name != "style"
        if name == "href":
            assert value.split(":")[0].lower() in ("https", "http", "mailto")


def test_raw_html_is_shown_as_text_not_run():
    assert render("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"


def test_emphasis_links_lists_headings_quotes_and_code_stay():
    html = render(
        "## Tendances motrices\n\n*L'usage* prime sur **la propriété**.\n\n"
        "- un\n- deux\n\n1. premier\n\n> cité\n\n`code`\n\n[source](https://example.org/a \"titre\")"
    )
    for tag in ("<h2>", "<em>", "<strong>", "<ul>", "<ol>", "<li>", "<blockquote>", "<code>"):
        assert tag in html
    assert '<a href="https://example.org/a" title="titre" rel="noopener noreferrer nofollow">source</a>' in html


def test_a_mailto_link_stays():
    assert 'href="mailto:redaction@example.org"' in render("[écrire](mailto:redaction@example.org)")


def test_empty_text_renders_nothing():
    assert render("") == ""
