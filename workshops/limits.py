"""Rate limits: how often one participant may post, +1, vote or change table, and one client guess a code.

Counted with django-ratelimit in Django's cache: Redis when REDIS_URL is set, so every web process
(gunicorn workers, several machines) counts the same requests; the embedded default's in-memory
cache is enough for its single `serve_room` process. Each count is one atomic `incr` in a fixed
window of the rate's period; the rates are settings (`AGORA_RATE_LIMITS`), "N/period" as
django-ratelimit reads them ("30/m", "20/10m").

A Redis that does not answer lets the request through (RATELIMIT_FAIL_OPEN): losing a post-it to
an outage is worse than a minute without limits.

Views refuse a request over its limit with 429 and `Retry-After` (workshops.views.common.limited,
the API through DRF's Throttled), before anything is written.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

# What the person is told, by action: what they did too often, and how long to wait ("42 s", "3 min").
MESSAGES = {
    "post": lambda wait: _("You are posting very fast: wait %(wait)s before your next post-it.") % {"wait": wait},
    "plus_one": lambda wait: _("Too many +1s in a short time: wait %(wait)s and try again.") % {"wait": wait},
    "vote": lambda wait: _("Too many votes in a short time: wait %(wait)s and try again.") % {"wait": wait},
    "table": lambda wait: _("You changed table many times in a short time: wait %(wait)s and try again.") % {"wait": wait},
    "join_code": lambda wait: _("Too many wrong codes from this device: wait %(wait)s before trying another code.") % {"wait": wait},
}


def wait_words(seconds: int) -> str:
    """A wait as a person reads it: seconds up to a minute and a half, then whole minutes (rounded up)."""
    if seconds <= 90:
        return _("%(seconds)d s") % {"seconds": seconds}
    return _("%(minutes)d min") % {"minutes": -(-seconds // 60)}


class Limited(Exception):
    """Over the limit of `action`: `retry_after` seconds until the next window."""

    def __init__(self, action: str, retry_after: int):
        self.action = action
        self.retry_after = max(1, int(retry_after))
        super().__init__(action, self.retry_after)

    @property
    def message(self) -> str:
        return MESSAGES[self.action](wait_words(self.retry_after))


def rate_of(action: str) -> str | None:
    """The rate of `action` from settings; None (or a missing entry) is no limit."""
    return getattr(settings, "AGORA_RATE_LIMITS", {}).get(action)


def _usage(action: str, who, *, increment: bool):
    rate = rate_of(action)
    if not rate:
        return None
    if isinstance(who, str):
        return get_usage(None, group=f"agora.{action}", key=lambda _group, _request: who, rate=rate, increment=increment)
    # A request: its client's address, as django-ratelimit reads it (RATELIMIT_IP_META_KEY behind a
    # proxy; an IPv6 address by its /64, which one device can roam in).
    return get_usage(who, group=f"agora.{action}", key="ip", rate=rate, increment=increment)


def spend(action: str, who) -> None:
    """Count one `action` by `who` (participant_key(...), or a request for its client's address);
    raise Limited when it is past the rate."""
    usage = _usage(action, who, increment=True)
    if usage and usage["count"] > usage["limit"] + _allowance(action, who):
        raise Limited(action, usage["time_left"])


def check(action: str, who) -> None:
    """Raise Limited if `who` has already used up the rate of `action`, without counting this request."""
    usage = _usage(action, who, increment=False)
    if usage and usage["count"] >= usage["limit"] + _allowance(action, who):
        raise Limited(action, usage["time_left"])


# A venue puts a whole room behind one address (its NAT): a few dozen typos among a thousand people
# must not lock the room out of joining. Each participant who joined from an address adds this many
# wrong codes to its allowance; a guesser, who joins nothing, keeps the bare rate.
WRONG_CODES_PER_JOIN = 2


def joined_from(request) -> None:
    """Count a participant who joined from this request's address (in the wrong codes' window)."""
    _joins(request, increment=True)


def _allowance(action: str, who) -> int:
    if action != "join_code" or isinstance(who, str):
        return 0
    return WRONG_CODES_PER_JOIN * _joins(who, increment=False)


def _joins(request, *, increment: bool) -> int:
    rate = rate_of("join_code")
    if not rate:
        return 0
    period = rate.split("/", 1)[1]
    # The same period as the wrong codes'; the count is only read, never a limit of its own.
    usage = get_usage(request, group="agora.joined", key="ip", rate=f"1000000/{period}", increment=increment)
    return usage["count"] if usage else 0


def participant_key(participant) -> str:
    return f"participant:{participant.pk}"
