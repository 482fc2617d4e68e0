from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.models import Edition
from scenarios.models import Scenario

from . import selectors, services
from .models import Format, Table, Workshop


class JoinCodeForm(forms.Form):
    code = forms.CharField(label=_("Workshop code"), max_length=Workshop._meta.get_field("join_code").max_length, widget=forms.TextInput(attrs={"autocapitalize": "characters", "autocomplete": "off", "autofocus": True}))


def seat_label(table) -> str:
    """A table in a picker, with its seats: 'Table 2 — 3 seats left', 'Table 1 — full'."""
    if table.seats_left <= 0:
        return _("%(table)s — full") % {"table": table.label}
    return ngettext("%(table)s — %(n)d seat left", "%(table)s — %(n)d seats left", table.seats_left) % {
        "table": table.label,
        "n": table.seats_left,
    }


class SeatSelect(forms.Select):
    """A table picker whose full tables cannot be picked (but for one's own seat); the server checks again."""

    own_table_id = None

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        table = getattr(value, "instance", None)
        if table is not None and table.seats_left <= 0 and table.pk != self.own_table_id:
            option["attrs"]["disabled"] = True
        return option


class ListedChoices(forms.models.ModelChoiceIterator):
    """A workshop's few tables read by one ordinary query: Django's default iterates the queryset
    through a server-side cursor on PostgreSQL (DECLARE, FETCH, CLOSE: three round trips), on
    every join page and every canvas page of the room."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for table in list(self.queryset):
            yield self.choice(table)


class TableChoiceField(forms.ModelChoiceField):
    iterator = ListedChoices


class TablePickerForm(forms.Form):
    """Picking one's own table: each table says its seats left, the full ones cannot be picked."""

    def __init__(self, *args, workshop, own_table_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["table"]
        field.queryset = selectors.tables_with_seats(workshop_id=workshop.pk)
        field.label_from_instance = seat_label
        field.widget.own_table_id = own_table_id


class JoinForm(TablePickerForm):
    display_name = forms.CharField(label=_("Your display name"), max_length=services.DISPLAY_NAME_MAX_LENGTH, widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "nickname"}))
    table = TableChoiceField(label=_("Your table"), queryset=Table.objects.none(), required=False, empty_label=_("I'll choose later"), widget=SeatSelect)


class TableChoiceForm(TablePickerForm):
    table = TableChoiceField(label=_("Table"), queryset=Table.objects.none(), required=False, empty_label=_("No table"), widget=SeatSelect)


# A cap above this is no cap: the largest room Agora is built for is a few hundred people.
MAX_PARTICIPANTS_CAP = 10_000


class WorkshopSettingsForm(forms.Form):
    allow_self_plus_one = forms.BooleanField(label=_("Participants may +1 their own post-its"), required=False)
    max_participants = forms.IntegerField(
        label=_("Most participants"),
        help_text=_("Empty: no limit."),
        required=False,
        min_value=1,
        max_value=MAX_PARTICIPANTS_CAP,
    )


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

