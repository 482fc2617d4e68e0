"""The cahier as a PDF, laid out by WeasyPrint from HTML and CSS paged media so that it reads like
the seed publication: a cover, a table of contents with page numbers (`target-counter`), each
scenario a chapter opening on a right-hand page, running headers (`string-set`) and page numbers
in the margins, a serif body hyphenated in French.

The sections' HTML is cahiers/markdown.py's (sanitised: no script, no handler, no image); the
cartography's SVG goes in as a data: image, never as markup of the page. WeasyPrint fetches
nothing but data: URIs (the stylesheet is inline): no network, no file of the machine.
"""

from __future__ import annotations

import base64

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .. import markdown
from ..models import Chapter
from .document import export_document
from .formats import ExportUnavailable, Rendered, filename

DEBIAN_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation"


def _weasyprint():
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: Pango or HarfBuzz not found by cffi
        raise ExportUnavailable(
            _("The PDF export needs WeasyPrint and the system libraries it uses (Debian: %(packages)s): %(error)s")
            % {"packages": DEBIAN_PACKAGES, "error": error}
        ) from error
    return weasyprint


def _fetcher(weasyprint):
    class DataOnly(weasyprint.urls.URLFetcher):
        """Only data: URIs (the figure); a link to anything else in a text is never fetched."""

        def __init__(self):
            super().__init__(allowed_protocols={"data"}, allow_redirects=False, timeout=1)

        def fetch(self, url, headers=None):
            if not url.lower().startswith("data:"):
                raise ValueError(f"not fetched: {url[:100]}")
            return super().fetch(url, headers)

    return DataOnly()


def _figure(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def document_html(doc, progress=None) -> str:
    chapters = []
    scenario_number = 0
    for done, chapter in enumerate(doc.chapters, 1):
        if chapter.kind == Chapter.Kind.SCENARIO:
            scenario_number += 1
        chapters.append({
            "anchor": f"chapter-{done}",
            "title": chapter.title,
            "kind": chapter.kind,
            "kind_label": Chapter.Kind(chapter.kind).label if chapter.kind in Chapter.Kind.values else "",
            "scenario_number": scenario_number if chapter.kind == Chapter.Kind.SCENARIO else None,
            "figure": _figure(chapter.figure) if chapter.figure else "",
            # Sanitised by nh3 (markdown.render): safe to put in the page as it is.
            "sections": [
                {"heading": s.heading, "key": s.key, "html": mark_safe(markdown.render(s.text))}  # noqa: S308
                for s in chapter.sections
            ],
        })
        if progress is not None:
            progress(done, len(doc.chapters) + 1)
    return render_to_string("cahiers/export/cahier.html", {"doc": doc, "chapters": chapters})


def render(cahier, version, progress) -> Rendered:
    weasyprint = _weasyprint()
    with translation.override(translation.get_language() or "fr"):
        doc = export_document(cahier, version)
        total = len(doc.chapters) + 1  # the last step: the layout of the pages
        progress(0, total)
        html = document_html(doc, progress)
    content = weasyprint.HTML(string=html, url_fetcher=_fetcher(weasyprint)).write_pdf()
    progress(total, total)
    return Rendered(content, "application/pdf", filename(cahier, version, "pdf"))
