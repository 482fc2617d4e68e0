"""Guards shared by every app's pages: each asks one named rule (the apps' rules.py).

`staff_permission(perm)` guards a staff page with no object (the dashboard, the scenario library):
an anonymous visitor goes to the login page (the whole page, under htmx), anyone else the rule
refuses gets PermissionDenied (403). The workshop and participant guards are in workshops/guards.py.
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import resolve_url
from django_htmx.http import HttpResponseClientRedirect

from .rules import Visitor, access


def allows(perm: str, actor, target=None) -> bool:
    """Whether the access part of `perm` lets `actor` act on `target`."""
    return access(perm).test(actor, target)


def to_login(request):
    if request.htmx:
        # A session that expired mid-page: send the whole page to the login form,
        # rather than letting htmx swap the login form into a fragment.
        back_to = request.htmx.current_url_abs_path or request.get_full_path()
        return HttpResponseClientRedirect(f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': back_to})}")
    return redirect_to_login(request.get_full_path())


def staff_permission(perm: str, message: str | None = None):
    """A staff page with no object: login first, then the rule (403)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return to_login(request)
            if not allows(perm, Visitor(user=request.user)):
                raise PermissionDenied(message if message is not None else "")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
