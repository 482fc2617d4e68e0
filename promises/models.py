"""The promise workshop's artefacts: promises, personas, the keyword wall, key actions,
stakeholders and individual commitments. Each belongs to one workshop (the one that evaluates the
promise); the workshop's process (phases, tables, participants) is the `workshops` app's.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from core.models import Edition
from workshops.models import Participant, Table, Workshop

# A persona's profile and each of its steps is a paragraph: the seed's longest is about 700 characters.
PERSONA_TEXT_MAX_LENGTH = 2000
PERSONA_MAX_AGE = 130
# A key action, an obstacle, an origin or the benefits: a paragraph.
ACTION_MAX_LENGTH = 2000


def _not_blank(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(condition=~Q(**{field: ""}), name=name)


class Promise(models.Model):
    """A promise phrase. Either the one a workshop evaluates (its edition's promise, from its origin)
    or the one it produces: the retained phrase, with its alternatives and what it rests on."""

    class Kind(models.TextChoices):
        EVALUATED = "evaluated", _("Evaluated promise")
        PRODUCED = "produced", _("Produced promise")

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="promises")
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="promises")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    phrase = models.CharField(_("phrase"), max_length=300)
    # Where the evaluated phrase comes from (an earlier cycle, a report): free text.
    origin = models.TextField(_("origin"), blank=True)
    # What the produced promise rests on: the kept keywords of the wall, and its benefits (lines).
    keywords = models.ManyToManyField("Keyword", related_name="promises", blank=True)
    benefits = models.TextField(_("benefits"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("promise")
        verbose_name_plural = _("promises")
        ordering = ["workshop", "kind"]
        constraints = [
            # One promise under evaluation and one produced, per workshop.
            models.UniqueConstraint(fields=["workshop", "kind"], name="one_promise_per_workshop_and_kind"),
            _not_blank("phrase", "promise_phrase_not_empty"),
        ]

    def __str__(self):
        return self.phrase


class PromiseAlternative(models.Model):
    """A phrase the room did not retain, in the order the vote left it (1 = runner-up)."""

    promise = models.ForeignKey(Promise, on_delete=models.CASCADE, related_name="alternatives")
    position = models.PositiveIntegerField()
    phrase = models.CharField(_("phrase"), max_length=300)

    class Meta:
        ordering = ["promise", "position"]
        constraints = [
            models.UniqueConstraint(fields=["promise", "position"], name="unique_alternative_position"),
            models.CheckConstraint(condition=Q(position__gte=1), name="alternative_position_from_one"),
            _not_blank("phrase", "alternative_phrase_not_empty"),
        ]


class Persona(models.Model):
    """A persona card written by a table: who they are, then their story in numbered steps."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="personas")
    table = models.ForeignKey(Table, on_delete=models.CASCADE, related_name="personas")
    name = models.CharField(_("name"), max_length=120)
    age = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    # A CharField, so the database holds the limit too; pages show it as a textarea.
    profile = models.CharField(_("situation and traits"), max_length=PERSONA_TEXT_MAX_LENGTH, blank=True)
    keywords = models.CharField(_("keywords"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("persona")
        verbose_name_plural = _("personas")
        ordering = ["table__number", "created_at", "pk"]
        constraints = [
            _not_blank("name", "persona_name_not_empty"),
            models.CheckConstraint(condition=Q(age__lte=PERSONA_MAX_AGE), name="persona_age_human"),
        ]

    def __str__(self):
        return self.name


class PersonaStep(models.Model):
    """One paragraph of a persona's story; positions run 1, 2, 3… without gaps (the services renumber)."""

    persona = models.ForeignKey(Persona, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveIntegerField(_("position"))
    text = models.CharField(_("text"), max_length=PERSONA_TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["persona", "position"]
        constraints = [
            models.UniqueConstraint(fields=["persona", "position"], name="unique_persona_step_position"),
            models.CheckConstraint(condition=Q(position__gte=1), name="persona_step_position_from_one"),
            _not_blank("text", "persona_step_text_not_empty"),
        ]


class Keyword(models.Model):
    """A word on the workshop's keyword wall: every entry with the same key (promises.keywords) is it.

    The facilitator may rename it (`label`) or merge it into another (`merged_into`): its entries then
    count for that one. A vote may keep it (`kept`): the wall marks the kept ones.
    """

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="keywords")
    key = models.CharField(max_length=200)
    label = models.CharField(_("keyword"), max_length=80)
    merged_into = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged")
    kept = models.BooleanField(_("kept"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")
        ordering = ["workshop", "label"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "key"], name="unique_keyword_key_per_workshop"),
            models.CheckConstraint(condition=~Q(merged_into=F("id")), name="keyword_not_merged_into_itself"),
            _not_blank("key", "keyword_key_not_empty"),
            _not_blank("label", "keyword_label_not_empty"),
        ]

    def __str__(self):
        return self.label


class KeywordEntry(models.Model):
    """One participant giving one keyword, in their words: the wall counts distinct givers."""

    keyword = models.ForeignKey(Keyword, on_delete=models.CASCADE, related_name="entries")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="keyword_entries")
    text = models.CharField(_("keyword"), max_length=80)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["keyword", "participant"], name="one_entry_per_keyword_and_participant"),
        ]


class Commitment(models.Model):
    """"Je m'engage à…": a participant's own commitment, signed with their display name or anonymous."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="commitments")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="commitments")
    text = models.CharField(_("commitment"), max_length=500)
    signed = models.BooleanField(_("signed with my name"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["created_at", "pk"]
        constraints = [_not_blank("text", "commitment_text_not_empty")]

    def __str__(self):
        return self.text


class KeyAction(models.Model):
    """A key action of the produced promise, in order; with a stakeholder, one of that role's actions."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="key_actions")
    position = models.PositiveIntegerField()
    text = models.TextField(_("action"))

    class Meta:
        ordering = ["workshop", "position"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "position"], name="unique_key_action_position"),
            models.CheckConstraint(condition=Q(position__gte=1), name="key_action_position_from_one"),
            _not_blank("text", "key_action_text_not_empty"),
        ]


# The roles the report questions by default; the facilitator edits the list.
DEFAULT_STAKEHOLDERS = (_("Minister"), _("CEO"), _("Research director"))


class Stakeholder(models.Model):
    """A role the promise is put to (a minister, a CEO…): its obstacles and its key actions."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="stakeholders")
    position = models.PositiveIntegerField()
    name = models.CharField(_("role"), max_length=120)

    class Meta:
        ordering = ["workshop", "position"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "position"], name="unique_stakeholder_position"),
            models.UniqueConstraint(models.functions.Lower("name"), "workshop", name="unique_stakeholder_name"),
            _not_blank("name", "stakeholder_name_not_empty"),
        ]

    def __str__(self):
        return self.name


class StakeholderItem(models.Model):
    class Kind(models.TextChoices):
        OBSTACLE = "obstacle", _("Obstacle")
        ACTION = "action", _("Action")

    stakeholder = models.ForeignKey(Stakeholder, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    position = models.PositiveIntegerField()
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["stakeholder", "kind", "position"]
        constraints = [
            models.UniqueConstraint(fields=["stakeholder", "kind", "position"], name="unique_stakeholder_item_position"),
            _not_blank("text", "stakeholder_item_text_not_empty"),
        ]


class PromiseBallot(models.Model):
    """A ballot of the voting app put to this workshop's use: keeping the wall's keywords, or ranking
    the drafted phrases. The ballot itself (options, papers, tally) is the voting app's; this row says
    what its outcome means here and whether it was applied."""

    class Purpose(models.TextChoices):
        KEYWORDS = "keywords", _("Keywords to keep")
        PHRASES = "phrases", _("Promise phrase")

    ballot = models.OneToOneField("voting.Ballot", on_delete=models.CASCADE, related_name="promise_use")
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="promise_ballots")
    purpose = models.CharField(max_length=10, choices=Purpose.choices)
    # Keywords: how many the vote keeps (the seed's "6 or 7").
    keep = models.PositiveSmallIntegerField(null=True, blank=True)
    # When its outcome was applied (keywords marked kept, the phrase retained); empty until then.
    applied_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["workshop", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(purpose="phrases", keep__isnull=True) | Q(purpose="keywords", keep__gte=1),
                name="promise_ballot_keep_for_keywords",
            ),
        ]


class PromiseBallotOption(models.Model):
    """What an option of a promise ballot stands for: a keyword of the wall or a drafted phrase."""

    option = models.OneToOneField("voting.BallotOption", on_delete=models.CASCADE, related_name="promise_source")
    keyword = models.ForeignKey(Keyword, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    phrase = models.ForeignKey("Phrase", on_delete=models.CASCADE, null=True, blank=True, related_name="+")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(keyword__isnull=True, phrase__isnull=False) | Q(keyword__isnull=False, phrase__isnull=True),
                name="promise_option_one_source",
            ),
        ]


class Phrase(models.Model):
    """A phrase a table drafts for the new promise: its participants propose, its scribe edits."""

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="phrases")
    table = models.ForeignKey(Table, on_delete=models.CASCADE, related_name="phrases")
    author = models.ForeignKey(Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="phrases")
    text = models.CharField(_("phrase"), max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phrase")
        verbose_name_plural = _("phrases")
        ordering = ["table__number", "created_at", "pk"]
        constraints = [_not_blank("text", "phrase_text_not_empty")]

    def __str__(self):
        return self.text
