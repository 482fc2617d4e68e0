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


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def render(text: str) -> str:
    """Sanitised HTML for `text` (Markdown)."""
    return _clean(_renderer.render(text or ""))


def render_blocks(text: str) -> list[str]:
    """The sanitised HTML of each top-level block of `text` (a paragraph, a list, a heading, a quote…),
    in order: the reader's page anchors each one, and a comment names one by its index here."""
    env: dict = {}
    tokens = _renderer.parse(text or "", env)
    blocks, current = [], []
    for token in tokens:
        current.append(token)
        # A top-level block ends where its closing token (or a self-contained one: a fence, a rule) is.
        if token.level == 0 and token.nesting <= 0:
            html = _clean(_renderer.renderer.render(current, _renderer.options, env)).strip()
            if html:
                blocks.append(html)
            current = []
    return blocks


# What a chapter's figure (the map drawn by voting.map_drawing) is made of: nothing else survives.
FIGURE_TAGS = {"svg", "g", "line", "circle", "text", "title"}
_SHAPE = {"class", "stroke", "stroke-dasharray", "fill"}
_TEXT = {"class", "x", "y", "text-anchor", "dominant-baseline", "transform", "font-family", "font-size", "font-weight", "fill"}
FIGURE_ATTRIBUTES = {
    "svg": {"xmlns", "class", "viewBox", "role", "aria-label"},
    "g": {"class"},
    "line": {"x1", "y1", "x2", "y2"} | _SHAPE,
    "circle": {"cx", "cy", "r"} | _SHAPE,
    "text": _TEXT,
    "title": set(),
}


def figure(svg: str) -> str:
    """A chapter's figure, safe to include in a page as it is.

    The drafting worker alone writes it, from numbers and escaped titles; passing it through an
    allow-list of the SVG it draws all the same means that a figure altered in the database (or a
    bug) can bring no script, event handler, link or style into a page, the PDF or an export.
    """
    if not svg:
        return ""
    return nh3.clean(svg, tags=FIGURE_TAGS, attributes=FIGURE_ATTRIBUTES, link_rel=None, strip_comments=True)
