"""Small template helpers of the editor's pages."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.guards import allows
from core.rules import Visitor

from ..markdown import figure as safe_figure
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


@register.filter
def may(user, perm: str) -> bool:
    """The access part of a named rule, asked directly: unlike `{% has_perm %}`, a refusal does not
    fall through to Django's ModelBackend and its two permission queries (the menu of every page)."""
    return allows(perm, Visitor(user=user))


@register.filter
def figure(svg: str) -> str:
    """A chapter's figure (`Chapter.figure`, the map's SVG) for a page: through the figure allow-list."""
    return mark_safe(safe_figure(svg))  # noqa: S308 - cleaned by nh3 just before


@register.filter
def export_format_label(key: str) -> str:
    from ..exports.formats import get

    export_format = get(key)
    return str(export_format.label) if export_format else key


@register.filter
def any_active(runs) -> bool:
    return any(run.active for run in runs)
