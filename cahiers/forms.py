"""The editor's forms: they check shape and size; the services check everything else under lock."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import SECTION_TEXT_MAX_LENGTH, TITLE_MAX_LENGTH, Chapter, ExportRun, Status


class SectionForm(forms.Form):
    # strip=False: leading spaces are Markdown (an indented code block), not noise.
    text = forms.CharField(
        label=_("Text (Markdown)"), required=False, strip=False, max_length=SECTION_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 18}),
    )
    # The revision the editor opened: a save over a newer one is a conflict (409).
    based_on = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


class PreviewForm(forms.Form):
    text = forms.CharField(required=False, strip=False, max_length=SECTION_TEXT_MAX_LENGTH)


class CahierCreateForm(forms.Form):
    edition = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH)


# Scenario chapters are drafted from the edition's scenarios; the editors add the others by hand.
HAND_MADE_KINDS = [(value, label) for value, label in Chapter.Kind.choices if value != Chapter.Kind.SCENARIO]


class ChapterCreateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH)
    kind = forms.ChoiceField(label=_("Kind"), choices=HAND_MADE_KINDS, initial=Chapter.Kind.FREE)


class SectionCreateForm(forms.Form):
    heading = forms.CharField(label=_("Heading"), max_length=TITLE_MAX_LENGTH)


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Status.choices)


class RestoreForm(forms.Form):
    revision = forms.IntegerField(min_value=1)


class CommentForm(forms.Form):
    """A reader's comment: its shape only (comments.comment_clean_text says what is wrong with a text)."""

    text = forms.CharField(label=_("Your comment"), required=False, strip=False)
    # An index into the section's paragraphs; empty: the whole section.
    paragraph = forms.IntegerField(required=False, min_value=0, max_value=2**31 - 1)


class ExportForm(forms.Form):
    """Which export: a format of the registry (read when the form is made: one registered later
    is offered at once) and which text."""

    format = forms.ChoiceField(label=_("Format"))
    version = forms.ChoiceField(label=_("Text"), choices=ExportRun.Version.choices, initial=ExportRun.Version.PUBLISHED)

    def __init__(self, *args, **kwargs):
        from .exports.formats import FORMATS

        super().__init__(*args, **kwargs)
        self.fields["format"].choices = [(f.key, f.label) for f in FORMATS.values()]


class ImportForm(forms.Form):
    # The size is checked by the view against EDITION_IMPORT_MAX_BYTES before the file is read.
    file = forms.FileField(
        label=_("Edition file (JSON)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
        error_messages={"required": _("Choose the edition's JSON file to import."), "empty": _("This file is empty.")},
    )
