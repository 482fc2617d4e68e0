"""Markdown to safe HTML, for the editor's preview and the reader's pages (pure).

markdown-it-py renders CommonMark with raw HTML off (a `<script>` typed in a section is shown as
text); nh3 then keeps only an allow-list of tags and attributes, so that whatever the renderer
lets through (a `javascript:` link, an event handler) never reaches a page.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "hr", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}

_renderer = MarkdownIt("commonmark", {"html": False})


def render(text: str) -> str:
    """Sanitised HTML for `text` (Markdown)."""
    html = _renderer.render(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
