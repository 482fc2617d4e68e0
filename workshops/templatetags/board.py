"""Template helpers of the live board, rendered for every post-it of a table."""

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, reverse

register = template.Library()


@register.filter
def plus_one_path(contribution_id, join_code) -> str:
    """The +1 URL of a post-it. The same as {% url 'workshops:plus_one' code pk %}, which a board of
    a hundred post-its called twice each: reversing was a fifth of the page's time."""
    return f"{_plus_one_prefix(join_code, get_script_prefix())}{int(contribution_id)}/"


@lru_cache(maxsize=1024)
def _plus_one_prefix(join_code, script_prefix) -> str:
    # script_prefix is in the key only to tell deployments under another path apart.
    url = reverse("workshops:plus_one", args=[join_code, 1])
    return url.removesuffix("1/")
