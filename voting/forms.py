"""Forms of the facilitator's pages; the participant's ballot paper is parsed by its method (methods.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from workshops.selectors import latest_closed_postit_phase

from . import services
from .methods import ALL_SETTINGS, COMMON_SETTINGS, METHODS
from .models import Method


class BallotForm(forms.Form):
    SOURCES = [
        ("scenarios", _("The scenarios of the edition")),
        ("postits", _("The post-its of the workshop")),
        ("outputs", _("The table outputs of the last closed post-it phase")),
        ("lines", _("Options typed below, one per line")),
    ]

    title = forms.CharField(label=_("Title"), max_length=services.TITLE_MAX_LENGTH)
    question = forms.CharField(label=_("Question"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    method = forms.ChoiceField(label=_("Method"), choices=Method.choices)
    source = forms.ChoiceField(label=_("Options"), choices=SOURCES, initial="scenarios")
    section = forms.TypedChoiceField(
        label=_("Section of the table outputs"), coerce=int, required=False, empty_value=None,
        help_text=_("Table outputs only: keep the lines of one section of the canvas."),
    )  # fmt: skip
    lines = forms.CharField(label=_("Typed options"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    table = forms.TypedChoiceField(label=_("For"), coerce=int, required=False, empty_value=None)
    # Each method's settings: a blank one takes its method's default (methods.py), shown as the initial value.
    budget = forms.IntegerField(label=_("Dots per participant"), min_value=1, max_value=100, required=False)
    max_per_option = forms.IntegerField(label=_("Max dots on one option"), min_value=1, max_value=100, required=False)
    min_choices = forms.IntegerField(label=_("Minimum choices"), min_value=0, max_value=100, required=False)
    max_choices = forms.IntegerField(label=_("Maximum choices"), min_value=1, max_value=100, required=False)
    scale_min = forms.IntegerField(label=_("Scale from"), min_value=-100, max_value=100, required=False)
    scale_max = forms.IntegerField(label=_("Scale to"), min_value=-100, max_value=100, required=False)
    scale_min_label = forms.CharField(label=_("Label of the bottom"), max_length=services.SCALE_LABEL_MAX_LENGTH, required=False)
    scale_max_label = forms.CharField(label=_("Label of the top"), max_length=services.SCALE_LABEL_MAX_LENGTH, required=False)
    retain_count = forms.IntegerField(
        label=_("Scenarios to retain"), min_value=1, max_value=100, required=False,
        help_text=_("Closing the ballot retains this many scenarios and opens table assignment."),
    )  # fmt: skip
    shuffle_options = forms.BooleanField(label=_("Random order for each participant"), required=False, initial=True)
    hide_results = forms.BooleanField(label=_("Hide results until I reveal them"), required=False, initial=True)
    forbid_own = forms.BooleanField(label=_("No vote for one's own post-it"), required=False, initial=True)
    anonymous = forms.BooleanField(label=_("Anonymous results"), required=False, initial=True)

    def __init__(self, *args, workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["table"].choices = [("", _("The whole room"))] + [(t.pk, t.label) for t in workshop.tables.all()]
        phase = latest_closed_postit_phase(workshop)
        sections = list(phase.canvas.sections.all()) if phase is not None and phase.canvas_id else []
        self.fields["section"].choices = [("", _("Every section"))] + [(s.pk, s.title) for s in sections]
        for method in METHODS.values():
            for name, value in method.defaults.items():
                if value is not None:
                    self.fields[name].initial = value

    def clean(self):
        cleaned = super().clean()
        method = METHODS.get(cleaned.get("method"))
        if method is not None:
            # The form shows every method's settings; those of the methods not chosen are not read,
            # so a value left there out of range must not block the ballot.
            for name in set(ALL_SETTINGS) - set(method.settings) - set(COMMON_SETTINGS):
                self._errors.pop(name, None)
                cleaned[name] = None
        return cleaned
