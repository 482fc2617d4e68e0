"""The voting methods, one class each: its settings, the validation of a paper, its tally, its templates.

Every place that depends on the method asks the registry (`method_of`): the ballot form's settings
(services.ballot_prepare), the checks of a new ballot (services.ballot_create), the validation of a
paper (services.clean_choices), the tally and its bars (selectors.ballot_tally), the participant's
card and the help text (templates/voting/methods/<value>.html). Adding a method is adding a class
here, its value in models.Method and its template; tests/voting/test_methods.py checks they agree.

This module reads no database: it works on Ballot instances and on the papers the selectors read.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import tallies

if TYPE_CHECKING:
    from .models import Ballot, BallotOption

# Settings every method shares (bias controls and the "retain" outcome).
COMMON_SETTINGS = ("retain_count", "shuffle_options", "hide_results", "forbid_own", "anonymous")
SCALE_MAX_WIDTH = 10  # a scale of more than 11 values is a form, not a vote
VALUE_BOUND = 100  # the database's check on Allocation.value and the forms' limits

Paper = Mapping[int, int]  # {option_id: value} as parsed, blanks left out
PaperRows = list[tuple[int, int, "int | None"]]  # [(option_id, value, rank)] as stored


@dataclass
class Row:
    """One option's line in a tally."""

    option: BallotOption
    score: float  # what orders the options and sizes the bar
    display: str  # the score as shown
    fraction: float = 0.0  # bar length, 0..1
    detail: str = ""
    voters: list = field(default_factory=list)  # display names, for named ballots

    @property
    def bar_width(self) -> str:
        # An SVG attribute, not a style (CSP): formatted with a dot whatever the locale.
        return f"{100 * self.fraction:.1f}"


class VotingMethod(ABC):
    """What a method decides; subclasses set `value`, `settings`, `defaults`, write `clean_paper` and
    `tally_rows`, and override the other hooks where they differ."""

    value: ClassVar[str]
    # The Ballot fields this method reads, and what each is when the facilitator leaves it blank.
    settings: ClassVar[tuple[str, ...]] = ()
    defaults: ClassVar[Mapping[str, object]] = {}
    min_options: ClassVar[int] = 1
    # A ranking's outcome follows its Schulze order; every other method's, its scores.
    decided_by_schulze: ClassVar[bool] = False
    # Whether the bars show each option's detail (a scale's distribution).
    shows_detail: ClassVar[bool] = False
    # Whether the card shows a counter above the options (dots left, options picked): the "counter" partial.
    has_counter: ClassVar[bool] = False

    # --- templates: voting/methods/<value>.html, with the partials "help", "option" (and "counter") ----

    @property
    def template(self) -> str:
        return f"voting/methods/{self.value}.html"

    @property
    def help_template(self) -> str:
        return f"{self.template}#help"

    @property
    def counter_template(self) -> str | None:
        return f"{self.template}#counter" if self.has_counter else None

    @property
    def option_template(self) -> str:
        return f"{self.template}#option"

    # --- settings -------------------------------------------------------------------------------

    def settings_from(self, data: Mapping) -> dict:
        """This method's settings out of a form's cleaned data (which has every method's): blanks take the default."""
        chosen = {}
        for name in self.settings:
            value = data.get(name)
            chosen[name] = self.defaults.get(name) if value is None else value
        return chosen

    def complete(self, ballot: Ballot) -> None:
        """Fill in settings that follow from others, before they are checked."""

    def check_settings(self, ballot: Ballot, option_count: int) -> dict[str, str]:
        """Field → message for each setting this method refuses (the option count is known)."""
        return {}

    def too_few_options_message(self) -> str:
        n = self.min_options
        return ngettext("This method needs at least %(n)d option.", "This method needs at least %(n)d options.", n) % {"n": n}

    # --- a paper ----------------------------------------------------------------------------------

    def form_choices(self, data) -> dict | list:
        """A paper out of the participant's form (a QueryDict), in a shape `pairs` reads."""
        return {key[1:]: data.get(key) for key in data if key.startswith("o") and key[1:].lstrip("-").isdigit()}

    def pairs(self, choices) -> list[tuple]:
        """A paper as sent, as (option id, value) pairs still unchecked: {option_id: value} for every method."""
        if not isinstance(choices, Mapping):
            raise ValidationError(_("A vote is a set of choices per option."))
        return list(choices.items())

    @abstractmethod
    def clean_paper(self, ballot: Ballot, paper: Paper, option_count: int) -> PaperRows:
        """Check a parsed paper against this method's rules: the rows to store, or a ValidationError."""

    def card_context(self, ballot: Ballot, shown: Mapping) -> dict:
        """What the participant's card shows beside the options (a budget, a count of picks)."""
        return {}

    # --- tally ------------------------------------------------------------------------------------

    @abstractmethod
    def tally_rows(self, ballot: Ballot, options: Sequence, papers: Sequence[Paper], rankings: Sequence) -> list[Row]:
        """One Row per option, in option order: its score, how it is shown, its detail."""

    def tally_extra(self, options: Sequence, rankings: Sequence) -> dict:
        """Attributes of the Tally beyond its rows (a ranking's Condorcet winner and Schulze order)."""
        return {}

    def size_bars(self, ballot: Ballot, rows: list[Row]) -> None:
        """Bars relative to the best score."""
        top = max((row.score for row in rows), default=0)
        for row in rows:
            row.fraction = row.score / top if top else 0.0

    def outcome_scores(self, tally) -> dict:
        """What decides a retain ballot: option id → score, higher first."""
        return tally.scores()


class ChoiceCountMixin:
    """Approval and ranking: a number of options to pick, from min_choices to max_choices (all when blank)."""

    settings = ("min_choices", "max_choices")
    defaults = {"min_choices": 1, "max_choices": None}

    def check_settings(self, ballot: Ballot, option_count: int) -> dict[str, str]:
        top = ballot.max_choices if ballot.max_choices is not None else option_count
        if ballot.max_choices is not None and not 1 <= ballot.max_choices <= option_count:
            return {"max_choices": _("The maximum must be between 1 and the number of options (%(n)d).") % {"n": option_count}}
        if ballot.min_choices > top:
            return {"min_choices": _("The minimum cannot exceed the maximum.")}
        return {}

    @staticmethod
    def bounds(ballot: Ballot, option_count: int) -> tuple[int, int]:
        top = ballot.max_choices if ballot.max_choices is not None else option_count
        return max(ballot.min_choices, 1), top


class Dots(VotingMethod):
    """Dot voting: spread a budget of dots, at most max_per_option on one option."""

    value = "dots"
    settings = ("budget", "max_per_option")
    defaults = {"budget": 5, "max_per_option": 3}
    has_counter = True

    def check_settings(self, ballot, option_count):
        if ballot.budget is None or ballot.budget < 1:
            return {"budget": _("Give each participant at least one dot.")}
        if ballot.budget > VALUE_BOUND:
            return {"budget": _("Give each participant at most %(n)d dots.") % {"n": VALUE_BOUND}}
        if ballot.max_per_option is None or not 1 <= ballot.max_per_option <= ballot.budget:
            return {"max_per_option": _("The maximum on one option must be between 1 and the budget.")}
        return {}

    def clean_paper(self, ballot, paper, option_count):
        placed = {k: v for k, v in paper.items() if v != 0}
        if any(v < 0 for v in placed.values()):
            raise ValidationError(_("Dots cannot be negative."))
        if any(v > ballot.max_per_option for v in placed.values()):
            raise ValidationError(_("At most %(k)d dots on one option.") % {"k": ballot.max_per_option})
        used = sum(placed.values())
        if used > ballot.budget:
            raise ValidationError(_("You placed %(used)d dots but have only %(budget)d.") % {"used": used, "budget": ballot.budget})
        if used == 0:
            raise ValidationError(_("Place at least one dot."))
        return [(k, v, None) for k, v in placed.items()]

    def card_context(self, ballot, shown):
        used = 0
        for value in shown.values():
            try:
                used += max(int(value), 0)
            except (TypeError, ValueError):
                pass
        return {"used": used, "remaining": ballot.budget - used}

    def tally_rows(self, ballot, options, papers, rankings):
        scores = tallies.dot_totals([o.pk for o in options], papers)
        return [Row(o, scores[o.pk], str(scores[o.pk])) for o in options]


class Approval(ChoiceCountMixin, VotingMethod):
    """Approval: tick every option one approves of, between min_choices and max_choices of them."""

    value = "approval"
    has_counter = True

    def complete(self, ballot):
        # A retain ballot by approval: approving more than the places to fill would dilute the choice.
        if ballot.max_choices is None and ballot.retain_count:
            ballot.max_choices = ballot.retain_count

    def form_choices(self, data):
        # The ticked ids as sent, repeats included: a repeated choice= is refused like the API's [a, a].
        return data.getlist("choice")

    def pairs(self, choices):
        """Approval also takes the list of approved ids (the API's short form)."""
        if isinstance(choices, (list, tuple)):
            return [(item, 1) for item in choices]
        return super().pairs(choices)

    def clean_paper(self, ballot, paper, option_count):
        if any(v not in (0, 1) for v in paper.values()):
            raise ValidationError(_("An approval is yes or no."))
        picked = [k for k, v in paper.items() if v == 1]
        least, most = self.bounds(ballot, option_count)
        if len(picked) > most:
            raise ValidationError(
                ngettext("Pick at most %(n)d option (you picked %(m)d).", "Pick at most %(n)d options (you picked %(m)d).", most)
                % {"n": most, "m": len(picked)}
            )
        if len(picked) < least:
            raise ValidationError(
                ngettext("Pick at least %(n)d option (you picked %(m)d).", "Pick at least %(n)d options (you picked %(m)d).", least)
                % {"n": least, "m": len(picked)}
            )
        return [(k, 1, None) for k in picked]

    def card_context(self, ballot, shown):
        return {"picked": sum(1 for v in shown.values() if str(v) == "1")}

    def tally_rows(self, ballot, options, papers, rankings):
        scores = tallies.approval_counts([o.pk for o in options], papers)
        return [Row(o, scores[o.pk], str(scores[o.pk])) for o in options]


class Ranking(ChoiceCountMixin, VotingMethod):
    """Ranking: number one's favourites 1, 2, 3…; Borda count for the bars, Schulze order for the outcome."""

    value = "ranking"
    min_options = 2
    decided_by_schulze = True

    def too_few_options_message(self):
        return _("A ranking needs at least two options.")

    def clean_paper(self, ballot, paper, option_count):
        ranks = sorted(paper.values())
        if len(set(ranks)) != len(ranks):
            raise ValidationError(_("Each place can be given only once: your ranking repeats a place."))
        if ranks != list(range(1, len(ranks) + 1)):
            raise ValidationError(_("Number your choices 1, 2, 3… without gaps."))
        least, most = self.bounds(ballot, option_count)
        if len(ranks) > most:
            raise ValidationError(ngettext("Rank at most %(n)d option.", "Rank at most %(n)d options.", most) % {"n": most})
        if len(ranks) < least:
            raise ValidationError(ngettext("Rank at least %(n)d option.", "Rank at least %(n)d options.", least) % {"n": least})
        return [(k, v, v) for k, v in paper.items()]

    def tally_rows(self, ballot, options, papers, rankings):
        scores = tallies.borda_scores([o.pk for o in options], rankings)
        return [Row(o, scores[o.pk], str(scores[o.pk])) for o in options]

    def tally_extra(self, options, rankings):
        if not rankings:
            return {}
        ids = [o.pk for o in options]
        by_id = {o.pk: o for o in options}
        winner = tallies.condorcet_winner(ids, rankings)
        return {
            "condorcet": by_id.get(winner),
            "schulze": [[by_id[i] for i in tier] for tier in tallies.schulze_ranking(ids, rankings)],
        }

    def outcome_scores(self, tally):
        """Its Schulze tier (first tier highest), which starts with the Condorcet winner when there is one.

        Options of one tier tie; without any ranking every option is in one tier, so all of them tie.
        """
        tiers = tally.schulze or [[row.option for row in tally.rows]]
        return {option.pk: -index for index, tier in enumerate(tiers) for option in tier}


class Scale(VotingMethod):
    """A scale question per option (e.g. desirability from 1 to 5): mean and distribution."""

    value = "scale"
    settings = ("scale_min", "scale_max", "scale_min_label", "scale_max_label")
    defaults = {"scale_min": 1, "scale_max": 5, "scale_min_label": "", "scale_max_label": ""}
    shows_detail = True

    def check_settings(self, ballot, option_count):
        low, high = ballot.scale_min, ballot.scale_max
        if low is None or high is None or low >= high:
            return {"scale_max": _("The top of the scale must be above its bottom.")}
        if high - low > SCALE_MAX_WIDTH or abs(low) > VALUE_BOUND or abs(high) > VALUE_BOUND:
            return {"scale_max": _("A scale has at most %(n)d steps.") % {"n": SCALE_MAX_WIDTH + 1}}
        return {}

    def clean_paper(self, ballot, paper, option_count):
        if any(not ballot.scale_min <= v <= ballot.scale_max for v in paper.values()):
            raise ValidationError(_("Answer between %(min)d and %(max)d.") % {"min": ballot.scale_min, "max": ballot.scale_max})
        if not paper:
            raise ValidationError(_("Answer at least one question."))
        return [(k, v, None) for k, v in paper.items()]

    def tally_rows(self, ballot, options, papers, rankings):
        results = tallies.scale_results([o.pk for o in options], papers, ballot.scale_values)
        rows = []
        for o in options:
            result = results[o.pk]
            mean = result.mean
            if mean is None:
                display = "–"
            elif ballot.scale_min < 0:
                display = f"{mean:+.2f}"
            else:
                display = f"{mean:.2f}"
            detail = " · ".join(f"{v}: {n}" for v, n in result.distribution.items())
            # Unanswered options sort last whatever the scale.
            rows.append(Row(o, mean if mean is not None else float("-inf"), display, detail=detail))
        return rows

    def size_bars(self, ballot, rows):
        """Bars from the bottom of the scale, so a mean of 1 on a 1–5 scale is an empty bar."""
        span = ballot.scale_max - ballot.scale_min
        for row in rows:
            row.fraction = (row.score - ballot.scale_min) / span if row.score != float("-inf") else 0.0


class YesNo(VotingMethod):
    """A yes/no question per option."""

    value = "yesno"

    def clean_paper(self, ballot, paper, option_count):
        if any(v not in (0, 1) for v in paper.values()):
            raise ValidationError(_("Answer yes or no."))
        if not paper:
            raise ValidationError(_("Answer at least one question."))
        return [(k, v, None) for k, v in paper.items()]

    def tally_rows(self, ballot, options, papers, rankings):
        counts = tallies.yes_no_counts([o.pk for o in options], papers)
        rows = []
        for o in options:
            yes, no = counts[o.pk]
            rows.append(Row(o, yes, f"{yes} / {yes + no}", detail=f"{yes}·{no}"))
        return rows


METHODS: dict[str, VotingMethod] = {cls.value: cls() for cls in (Dots, Approval, Ranking, Scale, YesNo)}
# Every method's settings: what services.ballot_create accepts besides the common ones.
ALL_SETTINGS = tuple(dict.fromkeys(name for method in METHODS.values() for name in method.settings)) + COMMON_SETTINGS


def method_of(value: str) -> VotingMethod:
    """The method class behind a Method value; a KeyError for an unknown one (the model's choices prevent it)."""
    return METHODS[value]
