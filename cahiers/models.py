"""The cahier of an edition: chapters of sections, each section a chain of immutable revisions.

As wagtail's pages do, a section points at its `latest_revision` (what the editor works on) and,
once the cahier is published, at its `live_revision` (what readers read). A revision is never
changed: an edit, a restore or a worker's draft adds one (as django-reversion's `Version`, its
`provenance` is a snapshot of the post-its a line came from, not a key to rows that are rebuilt).
The writes are in services.py; the database keeps what they promise (constraints, and the
migration's composite keys: a section's pointers name revisions of that section only).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _

from core.models import Edition
from scenarios.models import Scenario

TITLE_MAX_LENGTH = 300
# A section of the seed cahier is a few pages at most: room for ten times that, not for a dump.
SECTION_TEXT_MAX_LENGTH = 100_000


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")


def _status_is_known(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=Q(status__in=Status.values), name=name)


def _not_blank(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=~Q(**{field: ""}), name=name)


class Cahier(models.Model):
    """The publication of an edition (one per edition)."""

    edition = models.OneToOneField(Edition, on_delete=models.PROTECT, related_name="cahier")
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # When the editors last replaced the display names of the edition's workshops (services.edition_anonymise).
    names_anonymised_at = models.DateTimeField(_("names anonymised at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cahier")
        verbose_name_plural = _("cahiers")
        ordering = ["edition__title"]
        constraints = [
            _not_blank("title", "cahier_title_not_empty"),
            _status_is_known("cahier_status_known"),
            # Published means a date readers can see.
            models.CheckConstraint(
                condition=~Q(status=Status.PUBLISHED) | Q(published_at__isnull=False), name="published_cahier_has_a_date"
            ),
        ]

    def __str__(self):
        return self.title


class Chapter(models.Model):
    class Kind(models.TextChoices):
        INTRODUCTION = "introduction", _("Introduction")
        SCENARIO = "scenario", _("Scenario")
        PROMISE = "promise", _("Promise")
        CARTOGRAPHY = "cartography", _("Cartography")
        OTHER_RUPTURES = "other_ruptures", _("Other ruptures to explore")
        FREE = "free", _("Free chapter")

    cahier = models.ForeignKey(Cahier, on_delete=models.CASCADE, related_name="chapters")
    position = models.PositiveIntegerField(_("position"))
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.FREE)
    # A scenario chapter develops one scenario of the edition; a re-draft finds its chapter by it.
    scenario = models.ForeignKey(Scenario, on_delete=models.SET_NULL, null=True, blank=True, related_name="chapters")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    # The drafting's key ("scenario-<slug>", "promise-<id>", "other-ruptures"): a re-draft finds
    # its chapter again by it. Blank for a chapter an editor made.
    key = models.CharField(max_length=200, blank=True, default="")
    # A figure drawn by the drafting worker from numbers and escaped titles (the cartography's SVG
    # map), never markup someone typed: pages include it as it is. Blank for most chapters.
    figure = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        ordering = ["cahier", "position"]
        constraints = [
            # Deferred: a reorder swaps positions inside one transaction.
            models.UniqueConstraint(
                fields=["cahier", "position"], name="unique_chapter_position", deferrable=models.Deferrable.DEFERRED
            ),
            models.UniqueConstraint(
                fields=["cahier", "scenario"], condition=Q(scenario__isnull=False), name="one_chapter_per_scenario"
            ),
            models.UniqueConstraint(fields=["cahier", "key"], condition=~Q(key=""), name="unique_chapter_key"),
            models.CheckConstraint(
                condition=Q(kind="scenario", scenario__isnull=False) | (~Q(kind="scenario") & Q(scenario__isnull=True)),
                name="scenario_chapter_has_its_scenario",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["introduction", "scenario", "promise", "cartography", "other_ruptures", "free"]),
                name="chapter_kind_known",
            ),
            _not_blank("title", "chapter_title_not_empty"),
            _status_is_known("chapter_status_known"),
        ]

    def __str__(self):
        return self.title


class Section(models.Model):
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField(_("position"))
    heading = models.CharField(_("heading"), max_length=TITLE_MAX_LENGTH)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    # What the editor works on, and what readers read once published (None: nothing yet).
    latest_revision = models.ForeignKey(
        "Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", db_constraint=False
    )
    live_revision = models.ForeignKey(
        "Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", db_constraint=False
    )
    # The drafting's key within its chapter ("narrative", "canvas-<slug>"…); blank for an editor's.
    key = models.CharField(max_length=200, blank=True, default="")

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["chapter", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["chapter", "position"], name="unique_section_position", deferrable=models.Deferrable.DEFERRED
            ),
            models.UniqueConstraint(fields=["chapter", "key"], condition=~Q(key=""), name="unique_section_key"),
            _not_blank("heading", "section_heading_not_empty"),
            _status_is_known("section_status_known"),
        ]

    def __str__(self):
        return self.heading


class Revision(models.Model):
    """One state of a section's text, never changed once written (a database trigger refuses it)."""

    class Reason(models.TextChoices):
        DRAFT = "draft", _("Drafted from the workshops")
        EDIT = "edit", _("Edited")
        RESTORE = "restore", _("Restored")

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="revisions")
    text = models.TextField(_("text"), blank=True)
    # None for the worker's drafts (and for a person whose account was deleted).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="cahier_revisions"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    # The hash of what a draft was made from: the same input again drafts nothing.
    source_hash = models.CharField(max_length=64, blank=True)
    # Per drafted line, the post-its it came from: [{"line", "postits": [{"text", "table", "workshop"}]}].
    provenance = models.JSONField(default=list, blank=True)
    # The revision the author had open (an edit), the one restored (a restore), the previous draft.
    based_on = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["section", "-created_at", "-pk"]
        constraints = [
            # The target of the section's composite keys (latest/live revision, same section).
            models.UniqueConstraint(fields=["id", "section"], name="revision_id_and_section"),
            models.CheckConstraint(condition=Q(reason__in=["draft", "edit", "restore"]), name="revision_reason_known"),
            # Only drafts come from a source; a draft always says which.
            models.CheckConstraint(
                condition=(Q(reason="draft") & ~Q(source_hash="")) | (~Q(reason="draft") & Q(source_hash="")),
                name="only_drafts_have_a_source_hash",
            ),
            models.CheckConstraint(condition=~Q(based_on=models.F("id")), name="revision_not_based_on_itself"),
        ]

    def __str__(self):
        return f"{self.section} · {self.created_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValueError("A revision is immutable: write a new one (cahiers.services).")
        super().save(*args, **kwargs)


class WorkerRun(models.Model):
    """What every worker's run on a cahier keeps: its state, its progress (done of total steps), who
    asked, and when it was queued, started, last heard of and finished, with the error if it failed.
    A run is claimed by one worker with a conditional UPDATE (services.py)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    ACTIVE = ("queued", "running")

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # Moved by every step of a running worker: a run silent for long was abandoned (its worker died).
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        abstract = True

    @property
    def active(self) -> bool:
        return self.status in self.ACTIVE


class DraftRun(WorkerRun):
    """A worker's drafting of a cahier: queued by an editor, claimed by one worker, its progress in
    chapters. At most one run per cahier is queued or running (a constraint): asking twice gives
    the same run."""

    cahier = models.ForeignKey(Cahier, on_delete=models.CASCADE, related_name="draft_runs")

    class Meta:
        verbose_name = _("drafting run")
        verbose_name_plural = _("drafting runs")
        ordering = ["cahier", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cahier"], condition=Q(status__in=["queued", "running"]), name="one_active_draft_run_per_cahier"
            ),
            models.CheckConstraint(condition=Q(status__in=["queued", "running", "done", "failed"]), name="draft_run_status_known"),
            models.CheckConstraint(condition=Q(done__lte=models.F("total")), name="draft_run_done_within_total"),
        ]

    def __str__(self):
        return f"{self.cahier} · {self.status} {self.done}/{self.total}"


# A comment is a remark, not a chapter: room for a few paragraphs.
COMMENT_MAX_LENGTH = 3000


class CommentQuerySet(models.QuerySet):
    def visible_to(self, user, *, moderator: bool = False):
        """What `user` sees: every comment not hidden, and their own hidden ones (marked so). The
        editors (`moderator`, the caller asked the rule `cahiers.moderate_comment`) see them all."""
        if moderator:
            return self
        if user is not None and user.is_authenticated:
            return self.filter(Q(hidden=False) | Q(author_id=user.pk))
        return self.filter(hidden=False)


class Comment(models.Model):
    """A signed-in reader's remark on a published section, or on one paragraph of its live text.

    The paragraph is an index into the blocks of the revision that was live when the comment was
    written (`revision`): a later republication may move the paragraphs, and the page then says the
    comment was about an earlier version. Plain text, shown escaped: no markup of it reaches a page.
    """

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="comments")
    # The live revision the reader read; kept (SET_NULL) if a revision is ever deleted with its section.
    revision = models.ForeignKey(Revision, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    paragraph = models.PositiveIntegerField(_("paragraph"), null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cahier_comments")
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    hidden = models.BooleanField(_("hidden"), default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    hidden_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["section", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="comment_text_not_empty"),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("text"), COMMENT_MAX_LENGTH), name="comment_text_within_its_limit"
            ),
            # A paragraph is a paragraph of one revision's text.
            models.CheckConstraint(
                condition=Q(paragraph__isnull=True) | Q(revision__isnull=False), name="comment_paragraph_of_a_revision"
            ),
            # Hidden says when; shown says nothing of a hiding.
            models.CheckConstraint(
                condition=(Q(hidden=True) & Q(hidden_at__isnull=False)) | (Q(hidden=False) & Q(hidden_at__isnull=True) & Q(hidden_by__isnull=True)),
                name="comment_hidden_has_a_date",
            ),
        ]

    def __str__(self):
        return f"{self.author} · {self.section} · {self.created_at:%Y-%m-%d %H:%M}"


def export_path(run: "ExportRun", filename: str) -> str:
    # A random directory: two test databases (or two instances on one disk) never share a file.
    import uuid

    return f"exports/cahier-{run.cahier_id}/{uuid.uuid4().hex}/{filename}"


class ExportRun(WorkerRun):
    """A worker's export of a cahier in one format (PDF, Markdown…: cahiers/exports/formats.py), of
    its published text or of the editors' working text. At most one run per cahier, format and
    version is queued or running (a constraint): an export asked twice at once is one task."""

    class Version(models.TextChoices):
        PUBLISHED = "published", _("Published text")
        WORKING = "working", _("Working text")

    cahier = models.ForeignKey(Cahier, on_delete=models.CASCADE, related_name="export_runs")
    # A key of the format registry; not a database choice, so that a format is added in one place.
    format = models.CharField(_("format"), max_length=20)
    version = models.CharField(_("text"), max_length=10, choices=Version.choices)
    file = models.FileField(upload_to=export_path, max_length=300, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["cahier", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cahier", "format", "version"],
                condition=Q(status__in=["queued", "running"]),
                name="one_active_export_per_cahier_format_version",
            ),
            models.CheckConstraint(condition=Q(status__in=["queued", "running", "done", "failed"]), name="export_run_status_known"),
            models.CheckConstraint(condition=Q(version__in=["published", "working"]), name="export_run_version_known"),
            models.CheckConstraint(condition=Q(done__lte=models.F("total")), name="export_run_done_within_total"),
            _not_blank("format", "export_run_format_not_empty"),
            # A finished export has its file; nothing else has one.
            models.CheckConstraint(
                condition=(Q(status="done") & ~Q(file="")) | (~Q(status="done") & Q(file="")),
                name="done_export_has_its_file",
            ),
        ]
        indexes = [models.Index(fields=["cahier", "format", "version", "status", "-finished_at"], name="export_run_latest")]

    def __str__(self):
        return f"{self.cahier} · {self.format} ({self.version}) · {self.status} {self.done}/{self.total}"

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""
