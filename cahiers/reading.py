"""The reader's reads: the published cahiers, a cahier's contents, a chapter with its text and comments.

Readers read each section's live revision (what the publication pinned). An editor previewing a
cahier not published yet reads the latest revisions instead (`preview`). Every read here is a
bounded number of queries, whatever the number of chapters, sections or comments.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.html import strip_tags
from django.utils.text import Truncator

from . import markdown, selectors
from .exports import formats as export_formats
from .models import Cahier, Chapter, Comment, Revision, Section, Status

EXCERPT_WORDS = 8


def published_cahiers():
    """Every published cahier, the newest first, with its edition."""
    return Cahier.objects.filter(status=Status.PUBLISHED).select_related("edition").order_by("-published_at", "pk")


def cahier_by_slug(slug: str) -> Cahier | None:
    """The cahier of the edition with this slug (published or not: the caller asks the rule)."""
    return Cahier.objects.select_related("edition").filter(edition__slug=slug).first()


def _text_field(preview: bool) -> str:
    return "latest_revision" if preview else "live_revision"


def readable_chapters(cahier: Cahier, *, preview: bool) -> list[Chapter]:
    """The cahier's chapters that have something to read, in order (one query)."""
    readable = Q(**{f"sections__{_text_field(preview)}__isnull": False})
    return list(
        cahier.chapters.annotate(readable_sections=Count("sections", filter=readable))
        .filter(readable_sections__gt=0)
        .order_by("position")
    )


def contents(chapters: list[Chapter], *, preview: bool) -> dict[int, list[Section]]:
    """The headings of the chapters' readable sections, by chapter id (the table of contents: one query)."""
    sections = (
        Section.objects.filter(chapter__in=chapters, **{f"{_text_field(preview)}__isnull": False})
        .only("pk", "chapter_id", "heading", "position")
        .order_by("position")
    )
    by_chapter: dict[int, list[Section]] = {chapter.pk: [] for chapter in chapters}
    for section in sections:
        by_chapter[section.chapter_id].append(section)
    return by_chapter


@dataclass(frozen=True)
class Paragraph:
    index: int
    html: str  # rendered and sanitised
    excerpt: str  # its first words, as plain text (the paragraph picker of the comment form)


@dataclass
class ReadSection:
    section: Section
    revision: Revision
    paragraphs: list[Paragraph]
    comments: list[Comment] = field(default_factory=list)

    @property
    def pk(self) -> int:
        return self.section.pk


def _paragraphs(text: str) -> list[Paragraph]:
    return [
        Paragraph(index=i, html=html, excerpt=Truncator(strip_tags(html)).words(EXCERPT_WORDS, truncate="…"))
        for i, html in enumerate(markdown.render_blocks(text))
    ]


def chapter_text(chapter: Chapter, *, preview: bool) -> list[ReadSection]:
    """The chapter's readable sections in order, each with its text in paragraphs (one query)."""
    text_field = _text_field(preview)
    sections = (
        Section.objects.filter(chapter=chapter, **{f"{text_field}__isnull": False})
        .select_related(text_field)
        .order_by("position")
    )
    read = []
    for section in sections:
        revision = getattr(section, text_field)
        read.append(ReadSection(section=section, revision=revision, paragraphs=_paragraphs(revision.text)))
    return read


def attach_comments(sections: list[ReadSection], *, user, moderator: bool) -> None:
    """Each section's comments that `user` may see, oldest first (one query for them all)."""
    by_section = {read.pk: read for read in sections}
    if not by_section:
        return
    comments = (
        Comment.objects.visible_to(user, moderator=moderator)
        .filter(section_id__in=by_section)
        .select_related("author", "hidden_by")
        .order_by("created_at", "pk")
    )
    for comment in comments:
        by_section[comment.section_id].comments.append(comment)


@dataclass(frozen=True)
class Download:
    label: str
    format: str
    size: int


def public_downloads(cahier: Cahier) -> list[Download]:
    """The published text's latest finished export in each public format (one query a format)."""
    downloads = []
    for export_format in export_formats.FORMATS.values():
        run = selectors.latest_public_export(cahier, export_format.key) if export_format.public else None
        if run is not None:
            downloads.append(Download(label=str(export_format.label), format=export_format.key, size=run.size))
    return downloads


def whole_text(cahier: Cahier, *, preview: bool) -> list[tuple[Chapter, list[tuple[Section, Revision]]]]:
    """Every readable chapter with its readable sections and their text, in order (two queries): the open data."""
    chapters = readable_chapters(cahier, preview=preview)
    text_field = _text_field(preview)
    sections = (
        Section.objects.filter(chapter__in=chapters, **{f"{text_field}__isnull": False})
        .select_related(text_field)
        .order_by("position")
    )
    by_chapter: dict[int, list[tuple[Section, Revision]]] = {chapter.pk: [] for chapter in chapters}
    for section in sections:
        by_chapter[section.chapter_id].append((section, getattr(section, text_field)))
    return [(chapter, by_chapter[chapter.pk]) for chapter in chapters]
