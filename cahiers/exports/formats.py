"""The export formats: one entry each, mapping a key to its renderer.

A renderer takes the cahier, the version of its text ("published" or "working") and a
`progress(done, total)` callback, and returns the bytes with their content type and file name.
It reads what it needs (`document.export_document` for the cahier's text) and never writes: the
task stores its result. Adding a format (the edition's JSON, say) is one `register(...)` call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Rendered:
    content: bytes
    content_type: str
    filename: str


class ExportUnavailable(Exception):
    """The format cannot be made on this machine (a system library is missing): said, not a crash."""


@dataclass(frozen=True)
class ExportFormat:
    key: str
    label: str
    render: Callable[..., Rendered]  # (cahier, version, progress) -> Rendered
    # Whether anyone may download its export of a published cahier's published text (the cahier's
    # own text), or the editors only (the whole edition's data: participants' names, votes).
    public: bool = True


FORMATS: dict[str, ExportFormat] = {}


def register(export_format: ExportFormat) -> None:
    FORMATS[export_format.key] = export_format


def get(key: str) -> ExportFormat | None:
    return FORMATS.get(key)


def filename(cahier, version: str, extension: str) -> str:
    """"cahier-d-enjeux-2012-2013.pdf"; the working text says so in its name."""
    stem = slugify(cahier.title)[:80] or f"cahier-{cahier.pk}"
    return f"{stem}{'-working' if version == 'working' else ''}.{extension}"


def _markdown(cahier, version, progress):
    from .markdown_export import render

    return render(cahier, version, progress)


def _pdf(cahier, version, progress):
    from .pdf import render

    return render(cahier, version, progress)


def _edition_json(cahier, _version, progress):
    """The whole edition, not the cahier's text alone: either version gives the same document."""
    from ..exchange import export_edition_bytes

    progress(0, 1)
    content = export_edition_bytes(cahier.edition)
    progress(1, 1)
    stem = slugify(cahier.edition.slug)[:80] or f"edition-{cahier.edition_id}"
    return Rendered(content, "application/json", f"{stem}.json")


register(ExportFormat("pdf", _("PDF"), _pdf))
register(ExportFormat("markdown", _("Markdown"), _markdown))
register(ExportFormat("json", _("JSON of the whole edition"), _edition_json, public=False))
