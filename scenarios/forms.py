"""Forms of the scenario library: they check the shape of the input; services decide and write."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.models import Edition

from . import selectors, services
from .models import Scenario


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field when the form has it, else on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class LibraryFilterForm(forms.Form):
    """The library's filters. Invalid values are dropped, never an error page."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    edition = forms.ModelChoiceField(
        label=_("Edition"), queryset=Edition.objects.none(), required=False, empty_label=_("All editions")
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    tag = forms.ChoiceField(label=_("Tag"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"type": "search", "placeholder": _("Title, summary, narrative…")})
        self.fields["edition"].queryset = selectors.editions_for_library()
        self.fields["status"].choices = [("", _("All statuses")), *Scenario.Status.choices]
        self.fields["tag"].choices = [("", _("All tags"))] + [(t.name, t.name) for t in selectors.tags_in_use()]

    def filters(self) -> dict:
        """The valid filters only, as keyword arguments for selectors.scenario_list."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = self.cleaned_data
        edition = data.get("edition")
        return {
            "edition_id": edition.pk if edition else None,
            "status": data.get("status") or "",
            "tag": data.get("tag") or "",
            "q": data.get("q") or "",
        }


class ScenarioForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=services.TITLE_MAX_LENGTH)
    edition = forms.ModelChoiceField(label=_("Edition"), queryset=Edition.objects.none(), empty_label=None)
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=services.SUMMARY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences shown in the library."),
    )
    narrative = forms.CharField(
        label=_("Narrative"),
        required=False,
        max_length=services.NARRATIVE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("The story of the rupture. Leave a blank line between paragraphs."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=Scenario.Status.choices, initial=Scenario.Status.PROPOSED)
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=1_000,
        help_text=_("Separated by commas, e.g. “energy, city, mobility”."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].queryset = selectors.editions_for_library()

    def clean_tags(self) -> list[str]:
        names = services.tags_parse(self.cleaned_data["tags"])
        too_long = [name for name in names if len(name) > services.TAG_MAX_LENGTH]
        if too_long:
            raise ValidationError(
                _("A tag has at most %(max)d characters."), params={"max": services.TAG_MAX_LENGTH}, code="max_length"
            )
        if len(names) > services.TAGS_MAX_COUNT:
            raise ValidationError(_("Give at most %(max)d tags."), params={"max": services.TAGS_MAX_COUNT})
        return names

    @classmethod
    def initial_for(cls, scenario: Scenario) -> dict:
        return {
            "title": scenario.title,
            "edition": scenario.edition_id,
            "summary": scenario.summary,
            "narrative": scenario.narrative,
            "status": scenario.status,
            "tags": ", ".join(tag.name for tag in scenario.tags.all()),
        }


class TimelineEventForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=services.YEAR_MIN, max_value=services.YEAR_MAX)
    title = forms.CharField(label=_("Title"), required=False, max_length=services.EVENT_TITLE_MAX_LENGTH)
    text = forms.CharField(
        label=_("What happens"),
        max_length=services.EVENT_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Scenario.Status.choices)
    # The status the person saw when they pressed the button: a stale click is refused, not applied twice.
    expected_status = forms.ChoiceField(choices=Scenario.Status.choices, required=False)
