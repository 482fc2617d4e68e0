from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.models import Edition
from scenarios.models import Scenario

from . import services
from .models import Format, Table, Workshop


class JoinCodeForm(forms.Form):
    code = forms.CharField(label=_("Workshop code"), max_length=Workshop._meta.get_field("join_code").max_length, widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off", "autofocus": True}))


class JoinForm(forms.Form):
    display_name = forms.CharField(label=_("Your display name"), max_length=services.DISPLAY_NAME_MAX_LENGTH, widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "nickname"}))
    table = forms.ModelChoiceField(label=_("Your table"), queryset=Table.objects.none(), required=False, empty_label=_("I'll choose later"))

    def __init__(self, *args, workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["table"].queryset = workshop.tables.select_related("scenario").order_by("number")
        self.fields["table"].label_from_instance = lambda t: t.label


class TableChoiceForm(forms.Form):
    table = forms.ModelChoiceField(label=_("Table"), queryset=Table.objects.none(), required=False, empty_label=_("No table"))

    def __init__(self, *args, workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["table"].queryset = workshop.tables.order_by("number")
        self.fields["table"].label_from_instance = lambda t: t.label


class WorkshopSettingsForm(forms.Form):
    allow_self_plus_one = forms.BooleanField(label=_("Participants may +1 their own post-its"), required=False)


class ContributionForm(forms.Form):
    section = forms.IntegerField(widget=forms.HiddenInput)
    axis = forms.CharField(label=_("Axis"), required=False, max_length=services.AXIS_MAX_LENGTH)
    text = forms.CharField(
        label=_("Your post-it"),
        max_length=settings.CONTRIBUTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("A post-it cannot be empty."), "max_length": _("A post-it has at most %(limit_value)d characters (this one has %(show_value)d).")},
    )


class WorkshopCreateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=services.WORKSHOP_TITLE_MAX_LENGTH)
    edition = forms.ModelChoiceField(label=_("Edition"), queryset=Edition.objects.all())
    format = forms.ModelChoiceField(label=_("Format"), queryset=Format.objects.all())
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=_("Place"), max_length=services.WORKSHOP_PLACE_MAX_LENGTH, required=False)
    table_count = forms.IntegerField(label=_("Number of tables"), min_value=0, max_value=50, initial=7)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the formats this facilitator may use: theirs, shared with them, the seed's.
        self.fields["format"].queryset = Format.objects.usable_by(user).order_by("name", "pk")


class TableForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=services.TABLE_NAME_MAX_LENGTH, required=False)
    scenario = forms.ModelChoiceField(label=_("Scenario"), queryset=Scenario.objects.none(), required=False, empty_label=_("No scenario"))
    capacity = forms.IntegerField(label=_("Capacity"), min_value=1, max_value=200, initial=15)

    def __init__(self, *args, workshop, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scenario"].queryset = Scenario.objects.filter(edition_id=workshop.edition_id).order_by("title")

