"""Small template helpers of the editor's pages."""

from django import template
from django.utils.translation import gettext as _

from ..models import Status
from ..services import TRANSITIONS

register = template.Library()

MOVE_LABELS = {
    Status.DRAFT: lambda: _("Back to draft"),
    Status.IN_REVIEW: lambda: _("Send to review"),
    Status.PUBLISHED: lambda: _("Mark as published"),
}


@register.filter
def status_moves(status: str) -> list[tuple[str, str]]:
    """The workflow's next steps from `status`: (status, button label)."""
    return [(value, MOVE_LABELS[value]()) for value in Status.values if value in TRANSITIONS.get(status, ())]


@register.filter
def get_item(mapping, key):
    return mapping.get(key, 0)
