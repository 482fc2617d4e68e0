"""The forms of the promise workshop's pages: their limits are the services' constants."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import services


class PersonaForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=services.PERSONA_NAME_MAX_LENGTH)
    age = forms.IntegerField(label=_("Age"), required=False, min_value=0, max_value=services.PERSONA_MAX_AGE)
    profile = forms.CharField(
        label=_("Situation and traits"),
        max_length=services.PERSONA_TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    keywords = forms.CharField(label=_("Keywords"), max_length=services.PERSONA_KEYWORDS_MAX_LENGTH, required=False)


class StepForm(forms.Form):
    text = forms.CharField(
        label=_("Step"), max_length=services.PERSONA_TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )


class KeywordForm(forms.Form):
    text = forms.CharField(label=_("Your keyword"), max_length=services.KEYWORD_MAX_LENGTH)


class RenameKeywordForm(forms.Form):
    label = forms.CharField(label=_("New wording"), max_length=services.KEYWORD_MAX_LENGTH)


class CommitmentForm(forms.Form):
    text = forms.CharField(
        label=_("I commit to…"), max_length=services.COMMITMENT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )
    signed = forms.BooleanField(label=_("Sign it with my name (otherwise: anonymous)"), required=False, initial=True)
