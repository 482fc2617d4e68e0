"""How a timer reads: "29:59" under an hour, "1 h 29 min 59 s" above; never raw seconds.

static/js/agora.js ticks the same format between polls (its `format`): keep the two alike.
"""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def clock(seconds) -> str:
    try:
        seconds = max(int(seconds), 0)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return _("%(hours)d h %(minutes)02d min %(seconds)02d s") % {"hours": hours, "minutes": minutes, "seconds": seconds}
    return f"{minutes:02d}:{seconds:02d}"
