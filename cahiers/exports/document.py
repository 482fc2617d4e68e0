"""The cahier as an export reads it: its chapters in order, each with its sections' text in the
version asked (the published live revisions, or the editors' latest working text), in a bounded
number of queries. Plain data: the renderers never touch the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch
from django.utils import timezone

from ..models import Cahier, Chapter, ExportRun, Section


@dataclass(frozen=True)
class ExportSection:
    heading: str
    key: str  # the drafting's key ("narrative", "timeline", "canvas-…"), blank for an editor's
    text: str  # Markdown, as typed: each renderer sanitises it


@dataclass(frozen=True)
class ExportChapter:
    title: str
    kind: str
    sections: tuple[ExportSection, ...]
    figure: str = ""  # SVG text (the cartography's map), if the chapter has one


@dataclass(frozen=True)
class ExportDocument:
    edition: str
    title: str
    version: str
    date: datetime
    chapters: tuple[ExportChapter, ...]

    @property
    def published(self) -> bool:
        return self.version == ExportRun.Version.PUBLISHED


def export_document(cahier: Cahier, version: str) -> ExportDocument:
    """The cahier in `version`: a section without text in it (never published, never written) is
    left out, and so is a chapter left with no section and no figure. Three queries."""
    pointer = "live_revision" if version == ExportRun.Version.PUBLISHED else "latest_revision"
    sections = Section.objects.select_related(pointer).filter(**{f"{pointer}__isnull": False}).order_by("position")
    chapters = Chapter.objects.filter(cahier=cahier).prefetch_related(Prefetch("sections", queryset=sections)).order_by("position")
    cahier = Cahier.objects.select_related("edition").get(pk=cahier.pk)
    rows = []
    for chapter in chapters:
        texts = tuple(
            ExportSection(heading=s.heading, key=s.key, text=getattr(s, pointer).text) for s in chapter.sections.all()
        )
        figure = getattr(chapter, "figure", "") or ""  # the cartography's SVG, once that field exists
        if texts or figure:
            rows.append(ExportChapter(title=chapter.title, kind=chapter.kind, sections=texts, figure=figure))
    published = version == ExportRun.Version.PUBLISHED and cahier.published_at
    return ExportDocument(
        edition=cahier.edition.title,
        title=cahier.title,
        version=version,
        date=cahier.published_at if published else timezone.now(),
        chapters=tuple(rows),
    )
