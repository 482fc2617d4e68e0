"""Ballots over options (scenarios, post-its or typed labels), one ballot paper per participant."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .methods import VotingMethod, method_of


class Method(models.TextChoices):
    # Each value has its class in methods.py (settings, paper, tally, templates).
    DOTS = "dots", _("Dot voting")
    APPROVAL = "approval", _("Approval")
    RANKING = "ranking", _("Ranking")
    SCALE = "scale", _("Scale")
    YESNO = "yesno", _("Yes / no")


class BallotQuerySet(models.QuerySet):
    def for_participant(self, participant):
        """The one place that says which ballots a participant sees: their workshop's, room-wide or their table's."""
        return self.filter(workshop_id=participant.workshop_id).exclude(status=Ballot.Status.DRAFT).filter(
            Q(table__isnull=True) | Q(table_id=participant.table_id)
        )


class Ballot(models.Model):
    class Status(models.TextChoices):
        # A context of their own: "Open" is also a button elsewhere ("Ouvrir"), a status here ("Ouvert").
        DRAFT = "draft", pgettext_lazy("ballot status", "Draft")
        OPEN = "open", pgettext_lazy("ballot status", "Open")
        CLOSED = "closed", pgettext_lazy("ballot status", "Closed")

    workshop = models.ForeignKey("workshops.Workshop", on_delete=models.CASCADE, related_name="ballots")
    phase = models.ForeignKey(
        "workshops.WorkshopPhase", on_delete=models.SET_NULL, null=True, blank=True, related_name="ballots"
    )
    # A ballot for one table only; the whole room when empty.
    table = models.ForeignKey("workshops.Table", on_delete=models.CASCADE, null=True, blank=True, related_name="ballots")
    title = models.CharField(_("title"), max_length=200)
    question = models.TextField(_("question"), blank=True)
    method = models.CharField(_("method"), max_length=10, choices=Method.choices)

    # Method settings: dots (budget, max per option), approval (min/max choices), scale (min/max value).
    budget = models.PositiveSmallIntegerField(_("dots per participant"), default=5)
    max_per_option = models.PositiveSmallIntegerField(_("max dots on one option"), default=3)
    min_choices = models.PositiveSmallIntegerField(_("minimum choices"), default=1)
    max_choices = models.PositiveSmallIntegerField(_("maximum choices"), null=True, blank=True)
    scale_min = models.SmallIntegerField(_("scale minimum"), default=1)
    scale_max = models.SmallIntegerField(_("scale maximum"), default=5)
    scale_min_label = models.CharField(_("label of the minimum"), max_length=60, blank=True)
    scale_max_label = models.CharField(_("label of the maximum"), max_length=60, blank=True)
    # A "retain" ballot: closing it retains the top N scenarios and opens table assignment.
    retain_count = models.PositiveSmallIntegerField(_("scenarios to retain"), null=True, blank=True)

    # Bias controls.
    shuffle_options = models.BooleanField(_("random order per participant"), default=True)
    hide_results = models.BooleanField(_("hide results until revealed"), default=True)
    forbid_own = models.BooleanField(_("no vote for one's own post-it"), default=True)
    anonymous = models.BooleanField(_("anonymous results"), default=True)

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    revealed = models.BooleanField(_("results revealed"), default=False)
    # Closing a retain ballot with a tie on the boundary waits for the facilitator to settle it.
    outcome_pending = models.BooleanField(default=False)
    assignment_open = models.BooleanField(_("table assignment open"), default=False)
    # Bumped by every vote and state change: the projector's poll answers 204 while it is unchanged.
    version = models.PositiveBigIntegerField(default=1)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BallotQuerySet.as_manager()

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ["workshop", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(budget__gte=1), name="ballot_budget_positive"),
            models.CheckConstraint(
                condition=Q(max_per_option__gte=1) & Q(max_per_option__lte=F("budget")), name="ballot_max_per_option_in_budget"
            ),
            models.CheckConstraint(
                condition=Q(max_choices__isnull=True) | Q(max_choices__gte=F("min_choices")),
                name="ballot_min_choices_le_max",
            ),
            models.CheckConstraint(condition=Q(scale_min__lt=F("scale_max")), name="ballot_scale_min_lt_max"),
            models.CheckConstraint(
                condition=Q(retain_count__isnull=True) | Q(retain_count__gte=1), name="ballot_retain_count_positive"
            ),
            models.CheckConstraint(condition=Q(revealed=False) | ~Q(status="draft"), name="ballot_draft_not_revealed"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def voting_method(self) -> VotingMethod:
        """The method's class: what its settings mean, how a paper is checked and counted, which templates show it."""
        return method_of(self.method)

    @property
    def results_visible(self) -> bool:
        """Whether participants and the projector see the tally (turnout is always shown)."""
        return self.revealed or not self.hide_results

    @property
    def scale_values(self) -> list[int]:
        return list(range(self.scale_min, self.scale_max + 1))


class BallotOption(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveIntegerField(_("position"))
    label = models.CharField(_("label"), max_length=300)
    scenario = models.ForeignKey("scenarios.Scenario", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    contribution = models.ForeignKey(
        "workshops.Contribution", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # A line of a table's output (aggregated post-its). A rebuild updates a line in place (its key is
    # its earliest post-it); only a line whose idea is gone is deleted, and then the link is lost
    # (SET_NULL): the label keeps the text the room voted on.
    output_line = models.ForeignKey(
        "workshops.TableOutputLine", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Outcome of a retain ballot.
    retained = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["ballot", "position"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "position"], name="unique_option_position"),
            models.UniqueConstraint(
                fields=["ballot", "scenario"], condition=Q(scenario__isnull=False), name="unique_option_scenario"
            ),
            models.UniqueConstraint(
                fields=["ballot", "contribution"], condition=Q(contribution__isnull=False), name="unique_option_contribution"
            ),
            models.UniqueConstraint(
                fields=["ballot", "output_line"], condition=Q(output_line__isnull=False), name="unique_option_output_line"
            ),
            models.CheckConstraint(
                condition=(Q(scenario__isnull=True) | Q(contribution__isnull=True))
                & (Q(scenario__isnull=True) | Q(output_line__isnull=True))
                & (Q(contribution__isnull=True) | Q(output_line__isnull=True)),
                name="option_one_source",
            ),
            models.CheckConstraint(condition=~Q(label=""), name="option_label_not_empty"),
        ]

    def __str__(self):
        return self.label


class BallotPaper(models.Model):
    """A participant's vote on one ballot: exactly one per participant, replaced while the ballot is open."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="papers")
    participant = models.ForeignKey("workshops.Participant", on_delete=models.CASCADE, related_name="ballot_papers")
    # Counts replacements: a client sends the revision it saw, so a double send is refused, not applied twice.
    revision = models.PositiveIntegerField(default=0)
    cast_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ballot paper")
        verbose_name_plural = _("ballot papers")
        constraints = [
            models.UniqueConstraint(fields=["ballot", "participant"], name="one_paper_per_participant"),
        ]


class Allocation(models.Model):
    """What a ballot paper gives one option: dots, an approval (1), a rank, a scale value, yes (1) / no (0)."""

    paper = models.ForeignKey(BallotPaper, on_delete=models.CASCADE, related_name="allocations")
    option = models.ForeignKey(BallotOption, on_delete=models.CASCADE, related_name="allocations")
    value = models.SmallIntegerField()
    # Ranking only: 1 for the favourite. Unique per paper, so a ranking cannot repeat a place.
    rank = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["paper", "option"], name="one_allocation_per_option"),
            models.UniqueConstraint(fields=["paper", "rank"], condition=Q(rank__isnull=False), name="unique_rank_per_paper"),
            models.CheckConstraint(condition=Q(rank__isnull=True) | Q(rank__gte=1), name="allocation_rank_positive"),
            models.CheckConstraint(
                condition=Q(value__gte=-100) & Q(value__lte=100), name="allocation_value_bounded"
            ),
        ]
