"""Writes that survive venue Wi-Fi: a write sent twice is stored once and answered twice alike.

A participant's laptop (static/js/writes.js) makes a key for each write it means (a post-it, a
+1, a vote, a synthesis, a table change, a scribe's hide/group/merge) and sends it with every
retry of that write, in the `Idempotency-Key` header (or the `idempotency_key` form field). The
first request with a key inserts a `WriteReceipt` (UNIQUE participant + key) *before* it writes,
runs the view and stores its answer in the receipt; receipt and write commit in one transaction,
so either both exist or neither does. A retry whose answer was lost on the way back finds the
receipt and gets the same answer, without writing again.

Lock order: the receipt's key comes before everything in workshops.services' order (level 0). A
second request with the same key waits on that key in PostgreSQL's unique index until the first
commits (then it replays the first's answer) or rolls back (then it writes as the first). It
holds nothing while it waits, so it cannot be part of a deadlock.

Bad input: a key of another shape, or none (a page from before this module), is a write without
a key, as before. The same key with another body (method, path and fields) is refused with a 409
and writes nothing: the key belongs to its first write. Keys are scoped per participant (so per
workshop): another participant's key is just a new key of theirs.

What is stored: answers below 500 (a 422 form with its errors is an answer too), but a 429 (a
rate limit's "not now", workshops.limits). A 500 or an
exception rolls the write and its receipt back together; the retry then runs again.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from functools import wraps

from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .models import Participant, WriteReceipt

HEADER = "Idempotency-Key"
FIELD = "idempotency_key"
# A UUID from crypto.randomUUID() fits; anything else is treated as no key at all.
KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{8,64}")
# Long enough for a laptop that lost the venue Wi-Fi over lunch to come back and retry.
RETRY_WINDOW = datetime.timedelta(hours=24)
# Fields that are not the write's content: the CSRF token changes with the session, the key is the key.
IGNORED_FIELDS = frozenset({"csrfmiddlewaretoken", FIELD})
# The answer's headers a replay needs: what it is, where it redirects, how htmx swaps it.
REPLAYED_HEADERS = (
    "Content-Type",
    "Location",
    "HX-Redirect",
    "HX-Refresh",
    "HX-Location",
    "HX-Push-Url",
    "HX-Replace-Url",
    "HX-Retarget",
    "HX-Reswap",
    "HX-Reselect",
    "HX-Trigger",
    "HX-Trigger-After-Swap",
    "HX-Trigger-After-Settle",
)
# Tells writes.js that the answer is a refusal of the key, to show it instead of swapping it.
CONFLICT_HEADER = "Agora-Write-Conflict"


def key_of(request) -> str | None:
    """The request's idempotency key, or None when it has none or one of another shape."""
    if request.method != "POST":
        return None
    key = request.headers.get(HEADER) or request.POST.get(FIELD)
    if not isinstance(key, str) or not key or not KEY_PATTERN.fullmatch(key):
        return None
    return key


def fingerprint(request, data) -> str:
    """sha256 of the method, the path and the body's fields (a form's or a JSON body's)."""
    if hasattr(data, "lists"):
        fields = sorted((name, value) for name, values in data.lists() if name not in IGNORED_FIELDS for value in values)
        body = json.dumps(fields, ensure_ascii=False)
    else:
        body = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(f"{request.method}\n{request.path}\n{body}".encode()).hexdigest()


class Receipt:
    """How one kind of view stores and replays its answers (pages: rendered bytes; the API: its data)."""

    def content(self, response) -> tuple[bytes, dict]:
        if hasattr(response, "render") and not response.is_rendered:
            response.render()  # a TemplateResponse: its bytes are what the retry must get
        headers = {name: response[name] for name in REPLAYED_HEADERS if response.has_header(name)}
        return bytes(response.content), headers

    def replay(self, receipt: WriteReceipt):
        response = HttpResponse(bytes(receipt.content), status=receipt.status_code)
        for name, value in receipt.headers.items():
            response[name] = value
        return response

    def conflict(self, request):
        message = _(
            "This write was already sent with different content; nothing was saved. "
            "Reload the page and send it again."
        )
        if request.htmx:
            response = HttpResponse(message, status=409, content_type="text/plain; charset=utf-8")
            response["HX-Reswap"] = "none"
        else:
            back = request.headers.get("Referer", "")
            if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
                back = "/"
            response = render(request, "workshops/write_conflict.html", {"message": message, "back": back}, status=409)
        response[CONFLICT_HEADER] = "1"
        return response


PAGE = Receipt()


def run_once(request, *, participant: Participant, data, handler, kind: Receipt = PAGE):
    """Answer `handler()` for this write, or the answer its key already got.

    `data` is the body the key must keep (request.POST for pages, request.data for the API).
    Locks the receipt's (participant, key) before whatever `handler` locks.
    """
    key = key_of(request)
    if key is None:
        return handler()
    sent = fingerprint(request, data)
    with transaction.atomic():
        try:
            with transaction.atomic():
                receipt = WriteReceipt.objects.create(participant=participant, key=key, fingerprint=sent, status_code=0)
        except IntegrityError:
            receipt = None
        if receipt is not None:
            response = handler()
            if response.status_code >= 500 or response.status_code == 429:
                # Nothing of a failed write is kept, its receipt included: the retry runs it again.
                # A 429 (workshops.limits) is "not now", no answer to keep: the retry after Retry-After writes.
                transaction.set_rollback(True)
                return response
            receipt.content, receipt.headers = kind.content(response)
            receipt.status_code = response.status_code
            receipt.save(update_fields=["content", "headers", "status_code"])
            return response
    # The key's first request committed while this one waited on it: its answer is this one's.
    earlier = WriteReceipt.objects.filter(participant=participant, key=key).first()
    if earlier is None:
        # Pruned in between (a retry more than RETRY_WINDOW late): nothing to replay, a write as from an old page.
        return handler()
    if earlier.fingerprint != sent:
        return kind.conflict(request)
    return kind.replay(earlier)


def idempotent(view):
    """For a participant's page view (below `participant_permission`, which gives it `participant`)."""

    @wraps(view)
    def wrapper(request, *args, participant, **kwargs):
        def handler():
            return view(request, *args, participant=participant, **kwargs)

        if request.method != "POST":
            return handler()
        return run_once(request, participant=participant, data=request.POST, handler=handler)

    return wrapper


def write_receipts_prune(*, now: datetime.datetime | None = None) -> int:
    """Delete the receipts older than the retry window; how many went. Locks only those rows."""
    cutoff = (now or timezone.now()) - RETRY_WINDOW
    deleted, _by_model = WriteReceipt.objects.filter(created_at__lt=cutoff).delete()
    return deleted
