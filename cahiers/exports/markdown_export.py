"""The whole cahier as one Markdown document (title, contents, chapters, sections).

The sections' Markdown is kept as the editors wrote it, except what could carry raw HTML or a
script into whatever renders the file next: outside code, a `<` that does not open a safe
autolink becomes `&lt;` (so `<script>` or `<img onerror=…>` are text, and the raw tag is nowhere
in the file), a link or a reference to a
scheme cahiers/markdown.py would drop (`javascript:`…) loses its link, images become links (the
site shows none), and headings move down under the chapter's. A fence left open is closed, so
one section never swallows the next.
"""

from __future__ import annotations

import re

from django.utils import formats, translation
from django.utils.translation import gettext as _

from ..drafting import escape_markdown
from ..markdown import ALLOWED_SCHEMES
from .document import export_document
from .formats import Rendered, filename

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
_SAFE_AUTOLINK = re.compile(r"<(?=(?:https?|mailto):[^\s<>]*>)", re.IGNORECASE)
_LT = re.compile(r"<")
_LINK_TARGET = re.compile(r"\]\(\s*<?\s*([A-Za-z][A-Za-z0-9+.\-]*)\s*:")
_REFERENCE = re.compile(r"^( {0,3})\[([^\]]+)\]:\s*<?\s*([A-Za-z][A-Za-z0-9+.\-]*)\s*:")
_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=\s|$)")
HEADING_SHIFT = 3  # a section's own "#" sits under the section's heading (###)


def _unsafe(scheme: str) -> bool:
    return scheme.lower() not in ALLOWED_SCHEMES


def _inline(text: str) -> str:
    """Text outside code: raw HTML escaped, unsafe links unlinked, images as links."""
    text = _LT.sub(lambda m: "<" if _SAFE_AUTOLINK.match(text, m.start()) else "&lt;", text)
    text = _LINK_TARGET.sub(lambda m: m.group(0).replace("](", "]\\(", 1) if _unsafe(m.group(1)) else m.group(0), text)
    return text.replace("![", r"\![")


def _line(line: str) -> str:
    if (m := _REFERENCE.match(line)) and _unsafe(m.group(3)):
        line = f"{m.group(1)}\\[{line[len(m.group(1)) + 1:]}"
    if m := _HEADING.match(line):
        line = f"{m.group(1)}{'#' * min(6, len(m.group(2)) + HEADING_SHIFT)}{line[m.end():]}"
    parts, last = [], 0
    for span in _CODE_SPAN.finditer(line):
        parts += [_inline(line[last:span.start()]), span.group(0)]
        last = span.end()
    parts.append(_inline(line[last:]))
    return "".join(parts)


def safe_markdown(text: str) -> str:
    """A section's Markdown, safe to hand to any Markdown renderer (see the module's docstring)."""
    out, fence = [], None
    for line in (text or "").replace("\x00", "").splitlines():
        m = _FENCE.match(line)
        if fence is not None:
            out.append(line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence) and not line.strip()[len(m.group(1)):].strip():
                fence = None
            continue
        if m:
            fence = m.group(1)
            out.append(line)
            continue
        out.append(_line(line))
    if fence is not None:
        out.append(fence)
    return "\n".join(out).strip()


def document_markdown(doc, progress=None) -> str:
    date = formats.date_format(doc.date, "DATE_FORMAT")
    if doc.published:
        when = _("Published on %(date)s") % {"date": date}
    else:
        when = _("Working text of %(date)s, not published") % {"date": date}
    blocks = [f"# {escape_markdown(doc.title)}", f"*{escape_markdown(doc.edition)}* — {escape_markdown(when)}"]
    if doc.chapters:
        contents = "\n".join(f"{i}. {escape_markdown(c.title)}" for i, c in enumerate(doc.chapters, 1))
        blocks += [f"## {_('Contents')}", contents]
    for done, chapter in enumerate(doc.chapters, 1):
        blocks.append(f"## {escape_markdown(chapter.title)}")
        for section in chapter.sections:
            blocks.append(f"### {escape_markdown(section.heading)}")
            if text := safe_markdown(section.text):
                blocks.append(text)
        if progress is not None:
            progress(done, len(doc.chapters))
    return "\n\n".join(blocks) + "\n"


def render(cahier, version, progress) -> Rendered:
    with translation.override(translation.get_language() or "fr"):
        doc = export_document(cahier, version)
        progress(0, len(doc.chapters))
        text = document_markdown(doc, progress)
    return Rendered(text.encode("utf-8"), "text/markdown; charset=utf-8", filename(cahier, version, "md"))
