"""The account's API tokens page (/accounts/tokens/): list, create (the secret shown once), revoke."""

from datetime import datetime, time

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import tokens
from .forms import ApiTokenForm
from .guards import staff_permission


@never_cache  # the page that shows a new secret must not stay in any cache
@staff_permission("core.manage_api_tokens")
def api_tokens(request):
    form = ApiTokenForm(request.POST or None)
    created = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            day = form.cleaned_data["expires_on"]
            expires_at = timezone.make_aware(datetime.combine(day, time.min)) if day else None
            created = tokens.token_create(
                user=request.user, name=form.cleaned_data["name"], scope=form.cleaned_data["scope"], expires_at=expires_at
            )
            form = ApiTokenForm()
        else:
            status = 422
    context = {"form": form, "created": created, "tokens": tokens.tokens_of(request.user), "now": timezone.now()}
    return render(request, "core/api_tokens.html", context, status=status)


@require_POST
@staff_permission("core.manage_api_tokens")
def api_token_revoke(request, token_id):
    try:
        token = tokens.token_revoke(user=request.user, token_id=token_id)
    except ValidationError:
        raise Http404 from None  # another's token, or none: the same answer
    messages.success(request, _("The token “%(name)s” is revoked: it no longer opens the API.") % {"name": token.name})
    return redirect("core:api_tokens")
