"""The live process: formats (as data), workshops, their phases, tables,
participants and post-its. Editions and canvases are the shared vocabulary in `core`."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import Canvas, CanvasSection, Edition, Owned
from core.roles import EDITORS, FACILITATORS

# Join codes avoid look-alike characters (0/O, 1/I/L) since people type them from a projector.
JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
JOIN_CODE_LENGTH = 6


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


class Activity(models.TextChoices):
    POSTITS = "postits", _("Post-its")
    VOTE = "vote", _("Vote")
    SYNTHESIS = "synthesis", _("Synthesis")
    # Nobody writes: the room reads each table's scenario, synthesis and outputs, one table at a time.
    RESTITUTION = "restitution", _("Restitution")
    # The promise workshop's activities (issue 9): their pages and data live in the `promises` app,
    # which registers each one's panel in workshops.activities (workshops never imports it).
    PERSONAS = "personas", _("Personas")
    KEYWORDS = "keywords", _("Keyword wall")
    COMMITMENTS = "commitments", _("Commitments")
    PHRASES = "phrases", _("Promise phrases")
    # Nobody writes: participants read the scenarios on offer (the edition's) before voting on them.
    # Last, so that a new phase's form still starts on post-its.
    DISCOVER = "discover", _("Discover the scenarios")


class Format(Owned):
    """A workshop format: an ordered list of phases. Data, so facilitators can add one without a deploy."""

    class Meta:
        verbose_name = _("format")
        verbose_name_plural = _("formats")
        ordering = ["name"]

class FormatPhase(models.Model):
    format = models.ForeignKey(Format, on_delete=models.CASCADE, related_name="phases")
    position = models.PositiveIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=200)
    activity = models.CharField(_("activity"), max_length=20, choices=Activity.choices)
    canvas = models.ForeignKey(Canvas, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # The sections of its canvas the phase works on; none: the whole canvas. Only sections of
    # `canvas` (workshops.formats checks it: a constraint cannot look across to the section's canvas).
    sections = models.ManyToManyField(CanvasSection, blank=True, related_name="+", verbose_name=_("sections"))
    duration_seconds = models.PositiveIntegerField(_("timer length (seconds)"), default=0)

    class Meta:
        ordering = ["format", "position"]
        constraints = [
            models.UniqueConstraint(fields=["format", "position"], name="unique_phase_position_per_format"),
        ]

    def __str__(self):
        return self.name


class WorkshopQuerySet(models.QuerySet):
    def facilitated_by(self, user):
        """The one place that says which workshops a user may run (the rule `workshops.run_workshop` asks it).

        Those they are a facilitator of, while they hold the facilitator role: taking the role back
        (grant_role) takes every workshop with it. A superuser runs them all.
        """
        if user is None or not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        # One filter() call: the user listed and the user holding the role are the same row.
        return self.filter(facilitators=user, facilitators__groups__name=FACILITATORS)

    def records_for(self, user):
        """The workshops whose record a user may download (the rule `workshops.export_workshop`):
        those they run, and every closed one for an editor, who consolidates the cahier from it."""
        if user is None or not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        run = Q(pk__in=self.facilitated_by(user).values("pk"))
        if user.groups.filter(name=EDITORS).exists():
            run |= Q(status=Workshop.Status.CLOSED)
        return self.filter(run)


class Workshop(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        LIVE = "live", _("Live")
        CLOSED = "closed", _("Closed")

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="workshops")
    format = models.ForeignKey(Format, on_delete=models.PROTECT, related_name="workshops")
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"), default=timezone.localdate)
    place = models.CharField(_("place"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    join_code = models.CharField(_("join code"), max_length=12, unique=True, default=new_join_code)
    facilitators = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="facilitated_workshops", blank=True)
    # Bumped by every write a board shows: polls compare it and answer 204 when unchanged.
    version = models.PositiveBigIntegerField(default=1)
    # Bumped only when what every participant's page is built on changes (phases, timer, tables,
    # seats, outputs): a laptop re-renders for its own table's post-its or for this, not for the room.
    stage_version = models.PositiveBigIntegerField(default=1)
    # The room's rule is to +1 other people's post-its; a facilitator may allow one's own.
    allow_self_plus_one = models.BooleanField(_("participants may +1 their own post-its"), default=False)
    # The facilitator's cap on how many people may join (None: no cap); participants_join checks it
    # under the workshop's lock, so two laptops cannot both take the last place.
    max_participants = models.PositiveIntegerField(_("most participants"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = WorkshopQuerySet.as_manager()

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["-date", "title"]

    def __str__(self):
        return self.title

    @property
    def is_joinable(self) -> bool:
        return self.status != self.Status.CLOSED


class WorkshopPhase(models.Model):
    """A phase of one workshop, copied from its format so later format edits do not change a live room."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("phase status", "Not started")
        OPEN = "open", pgettext_lazy("phase status", "Open")
        CLOSED = "closed", pgettext_lazy("phase status", "Closed")

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="phases")
    position = models.PositiveIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=200)
    activity = models.CharField(_("activity"), max_length=20, choices=Activity.choices)
    canvas = models.ForeignKey(Canvas, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # Copied from the format's phase (none: the whole canvas); read through selectors.phase_sections.
    sections = models.ManyToManyField(CanvasSection, blank=True, related_name="+", verbose_name=_("sections"))
    duration_seconds = models.PositiveIntegerField(_("timer length (seconds)"), default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Timer: seconds already run before the current start, and when it (re)started.
    timer_elapsed_seconds = models.PositiveIntegerField(default=0)
    timer_started_at = models.DateTimeField(null=True, blank=True)
    # When the table outputs were last built; older than closed_at means a worker still owes them.
    aggregated_at = models.DateTimeField(null=True, blank=True)
    # The worker building the outputs right now (workshops.aggregation): a token it claimed with a
    # conditional UPDATE and renews while it runs; a claim older than the visibility timeout is a
    # worker that died, and the next one takes the phase over.
    aggregation_claim = models.CharField(max_length=32, blank=True, default="")
    aggregation_claimed_at = models.DateTimeField(null=True, blank=True)
    # In a restitution: the index (in table-number order) of the table the projector shows.
    restitution_index = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["workshop", "position"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "position"], name="unique_phase_position_per_workshop"),
            # At most one open phase per workshop: participants always know where to post.
            models.UniqueConstraint(
                fields=["workshop"], condition=Q(status="open"), name="one_open_phase_per_workshop"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def outputs_pending(self) -> bool:
        return self.status == self.Status.CLOSED and self.activity == Activity.POSTITS and (
            self.aggregated_at is None or (self.closed_at is not None and self.aggregated_at < self.closed_at)
        )

    @property
    def timer_running(self) -> bool:
        return self.timer_started_at is not None

    def timer_remaining_seconds(self, now=None) -> int:
        elapsed = self.timer_elapsed_seconds
        if self.timer_started_at is not None:
            elapsed += int(((now or timezone.now()) - self.timer_started_at).total_seconds())
        return max(self.duration_seconds - elapsed, 0)


class Table(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="tables")
    number = models.PositiveIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    scenario = models.ForeignKey(
        "scenarios.Scenario", on_delete=models.SET_NULL, null=True, blank=True, related_name="tables"
    )
    capacity = models.PositiveIntegerField(_("capacity"), default=15)
    # Bumped by every write on this table's post-its: its participants' polls compare it.
    version = models.PositiveBigIntegerField(default=1)

    class Meta:
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        ordering = ["workshop", "number"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "number"], name="unique_table_number"),
            # Seating checks "seated < capacity": a table for no one could never be sat at.
            models.CheckConstraint(condition=Q(capacity__gte=1), name="table_capacity_at_least_one"),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return self.name or _("Table %(number)s") % {"number": self.number}


class Participant(models.Model):
    """Someone at the workshop, without an account: bound to their browser session."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="participants")
    display_name = models.CharField(_("display name"), max_length=60)
    table = models.ForeignKey(Table, on_delete=models.SET_NULL, null=True, blank=True, related_name="participants")
    is_scribe = models.BooleanField(_("scribe"), default=False)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["workshop", "display_name"]
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("display_name"), "workshop", name="unique_display_name_per_workshop"
            ),
        ]

    def __str__(self):
        return self.display_name


class ContributionQuerySet(models.QuerySet):
    def visible(self):
        """Post-its a board shows: not hidden by the scribe, not merged into another."""
        return self.filter(hidden=False, merged_into__isnull=True)


class Contribution(models.Model):
    """A post-it."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="contributions")
    phase = models.ForeignKey(WorkshopPhase, on_delete=models.CASCADE, related_name="contributions")
    table = models.ForeignKey(Table, on_delete=models.CASCADE, related_name="contributions")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="contributions")
    section = models.ForeignKey(CanvasSection, on_delete=models.PROTECT, related_name="contributions")
    axis = models.CharField(_("axis"), max_length=100, blank=True)
    text = models.TextField(_("text"))
    # Kept in step with PlusOne rows by the services, so boards sort without counting.
    plus_ones = models.PositiveIntegerField(default=0)
    group_label = models.CharField(_("group"), max_length=100, blank=True)
    hidden = models.BooleanField(default=False)
    merged_into = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ContributionQuerySet.as_manager()

    class Meta:
        verbose_name = _("post-it")
        verbose_name_plural = _("post-its")
        ordering = ["-plus_ones", "created_at"]
        indexes = [models.Index(fields=["table", "phase", "section"])]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="contribution_text_not_empty"),
            models.CheckConstraint(condition=~Q(merged_into=F("id")), name="contribution_not_merged_into_itself"),
        ]

    def __str__(self):
        # A short name for lists (the admin): the ellipsis shows it is cut; the text itself is never cut.
        return Truncator(self.text).chars(60)


class PlusOne(models.Model):
    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="plus_one_set")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="plus_ones")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["contribution", "participant"], name="one_plus_one_per_participant"),
        ]


class Merge(models.Model):
    """A scribe's merge of one post-it into another, as it was done, so that it can be undone exactly.

    The source's +1s that moved to the target are named by their rows (they keep their ids and
    times); those of people who had +1'd both are deleted by the merge and kept here as
    (participant, time) pairs; post-its merged into the source earlier followed it to the target.
    Undoing it puts every one of them back and deletes this row.
    """

    # One live merge per post-it: a merged post-it is merged nowhere else until it is undone.
    source = models.OneToOneField(Contribution, on_delete=models.CASCADE, related_name="merge")
    target = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="merges_received")
    moved_plus_ones = models.JSONField(default=list)
    removed_plus_ones = models.JSONField(default=list)
    followers = models.JSONField(default=list)
    merged_by = models.ForeignKey(Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("merge")
        verbose_name_plural = _("merges")
        constraints = [models.CheckConstraint(condition=~Q(source=F("target")), name="merge_not_into_itself")]


class TableOutput(models.Model):
    """What a table produced for one section in one phase, aggregated by a worker."""

    phase = models.ForeignKey(WorkshopPhase, on_delete=models.CASCADE, related_name="outputs")
    table = models.ForeignKey(Table, on_delete=models.CASCADE, related_name="outputs")
    section = models.ForeignKey(CanvasSection, on_delete=models.PROTECT, related_name="+")
    generated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["table", "section__position"]
        constraints = [
            models.UniqueConstraint(fields=["phase", "table", "section"], name="one_output_per_table_section"),
        ]


class TableOutputLine(models.Model):
    output = models.ForeignKey(TableOutput, on_delete=models.CASCADE, related_name="lines")
    # The id of the earliest post-it of the line's cluster: a rebuild rewrites the line with the same
    # key in place, so a ballot option made from it keeps it. Empty on lines made by hand.
    key = models.PositiveBigIntegerField(null=True, blank=True)
    position = models.PositiveIntegerField()
    axis = models.CharField(max_length=100, blank=True)
    # The scribe's group label of the line's post-its (the representative's, or the one its post-its share).
    group_label = models.CharField(max_length=100, blank=True)
    text = models.TextField()
    plus_ones = models.PositiveIntegerField(default=0)
    sources = models.ManyToManyField(Contribution, related_name="output_lines")

    class Meta:
        ordering = ["output", "position"]
        constraints = [
            models.UniqueConstraint(fields=["output", "position"], name="unique_output_line_position"),
            models.UniqueConstraint(fields=["output", "key"], condition=Q(key__isnull=False), name="unique_output_line_key"),
        ]


class TableSynthesis(models.Model):
    """What a table's scribe writes in a synthesis phase, from the table's post-its and output."""

    phase = models.ForeignKey(WorkshopPhase, on_delete=models.CASCADE, related_name="syntheses")
    table = models.ForeignKey(Table, on_delete=models.CASCADE, related_name="syntheses")
    text = models.TextField(_("synthesis"), blank=True)
    written_by = models.ForeignKey(Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("table synthesis")
        verbose_name_plural = _("table syntheses")
        ordering = ["table__number"]
        constraints = [models.UniqueConstraint(fields=["phase", "table"], name="one_synthesis_per_table_and_phase")]


class WriteReceipt(models.Model):
    """A write a participant's laptop sent with an idempotency key, and the answer it got.

    Committed in the same transaction as the write itself (workshops.idempotency), so a write and
    its receipt exist together or not at all: a retry of the same key is answered from here and
    writes nothing again. Kept for a retry window, then pruned (workshops.tasks.prune_write_receipts).
    """

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64)
    # sha256 of the method, path and the body fields that matter: the same key with another body is refused.
    fingerprint = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField()
    content = models.BinaryField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("write receipt")
        verbose_name_plural = _("write receipts")
        constraints = [models.UniqueConstraint(fields=["participant", "key"], name="one_receipt_per_participant_key")]

    def __str__(self):
        return f"{self.participant_id}:{self.key} → {self.status_code}"


class AuditEntry(models.Model):
    """One act of power over a workshop or a format, as it was done: who, when, what, on what, before/after.

    Written by the service that acts, inside its transaction (workshops.audit.audit_record), so an
    act and its entry exist together or not at all. Append-only: the app never changes or deletes
    one (save() refuses an existing row, delete() refuses), and a PostgreSQL trigger refuses any
    UPDATE (migration `0018`). The actor and the target are snapshots (ids and names, no foreign
    key) so that a participant removed or a format deleted later leaves the entry as it was; the
    entries of a workshop go only with the workshop itself (the demo's reset deletes it whole).
    A format's entries have no workshop: formats belong to no room.
    """

    class Action(models.TextChoices):
        # Stable codes: the export carries them; the labels are translated when shown.
        POSTIT_HIDDEN = "postit.hidden", _("Post-it hidden")
        POSTIT_SHOWN = "postit.shown", _("Post-it shown again")
        POSTITS_GROUPED = "postits.grouped", _("Post-its grouped")
        POSTITS_UNGROUPED = "postits.ungrouped", _("Post-its ungrouped")
        POSTIT_MERGED = "postit.merged", _("Post-it merged into another")
        POSTIT_UNMERGED = "postit.unmerged", _("Merge undone")
        PHASE_OPENED = "phase.opened", _("Phase opened")
        PHASE_CLOSED = "phase.closed", _("Phase closed")
        WORKSHOP_CLOSED = "workshop.closed", _("Workshop closed")
        WORKSHOP_SETTINGS = "workshop.settings", _("Room rules changed")
        TABLE_CHANGED = "table.changed", _("Table changed")
        PARTICIPANT_SEATED = "participant.seated", _("Participant moved or made scribe")
        # For the facilitator's removal of a participant (issue 12, item 2), which records through audit_record.
        PARTICIPANT_REMOVED = "participant.removed", _("Participant removed")
        BALLOT_OPENED = "ballot.opened", _("Ballot opened")
        BALLOT_CLOSED = "ballot.closed", _("Ballot closed")
        BALLOT_REVEALED = "ballot.revealed", _("Ballot results revealed")
        BALLOT_HIDDEN = "ballot.hidden", _("Ballot results hidden again")
        BALLOT_TIE_SETTLED = "ballot.tie_settled", _("Ballot tie settled")
        KEYWORD_KEPT = "keyword.kept", _("Keyword kept")
        KEYWORD_DROPPED = "keyword.dropped", _("Keyword dropped")
        PROMISE_RETAINED = "promise.retained", _("Promise phrase retained")
        FORMAT_CHANGED = "format.changed", _("Format renamed or described")
        FORMAT_SHARED = "format.shared", _("Format co-owners changed")
        FORMAT_DELETED = "format.deleted", _("Format deleted")
        FORMAT_PHASE_ADDED = "format.phase_added", _("Format phase added")
        FORMAT_PHASE_CHANGED = "format.phase_changed", _("Format phase changed")
        FORMAT_PHASE_REMOVED = "format.phase_removed", _("Format phase removed")
        FORMAT_PHASE_MOVED = "format.phase_moved", _("Format phase moved")

    class Target(models.TextChoices):
        POSTIT = "postit", _("post-it")
        PHASE = "phase", _("phase")
        WORKSHOP = "workshop", _("workshop")
        TABLE = "table", _("table")
        PARTICIPANT = "participant", _("participant")
        BALLOT = "ballot", _("ballot")
        KEYWORD = "keyword", _("keyword")
        PROMISE = "promise", _("promise")
        FORMAT = "format", _("format")
        FORMAT_PHASE = "format_phase", _("format phase")

    class ActorKind(models.TextChoices):
        USER = "user", _("staff account")
        PARTICIPANT = "participant", _("participant")
        SYSTEM = "system", _("Agora")

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, null=True, blank=True, related_name="audit_entries")
    # A format's entries (no workshop): the format's id, kept as a number so the entry outlives it.
    format_id = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=40, choices=Action.choices)
    actor_kind = models.CharField(max_length=12, choices=ActorKind.choices)
    actor_user_id = models.PositiveBigIntegerField(null=True, blank=True)
    actor_participant_id = models.PositiveBigIntegerField(null=True, blank=True)
    # The name as it was then: a username, or the display name the room saw.
    actor_name = models.CharField(max_length=150, blank=True)
    target_type = models.CharField(max_length=20, choices=Target.choices)
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    # A short text to recognise the target by (a post-it's first words, a ballot's title); the whole
    # text, where it matters, is in `before`/`after`.
    target_label = models.CharField(max_length=200, blank=True)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["workshop", "-at", "-id"], name="audit_entry_workshop_at")]
        constraints = [
            models.CheckConstraint(
                condition=Q(workshop__isnull=False) | Q(format_id__isnull=False), name="audit_entry_has_a_subject"
            ),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.action} {self.actor_name}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValueError("An audit entry is never changed once written.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("An audit entry is never deleted: it goes only with its workshop.")
