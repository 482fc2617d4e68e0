"""How many post-its one laptop may post in a minute.

A person types a post-it in seconds; a laptop that posts dozens a minute is a script (or a stuck
key), and each of its post-its would re-render its whole table's boards. Past the allowance
(settings.POSTITS_PER_MINUTE), a post is refused with a 429 and writes nothing; the count is kept
in the cache (Redis when REDIS_URL is set, so every web process agrees), per participant and
calendar minute: cheap, and a minute later the laptop posts again.
"""

from time import time as clock

from django.conf import settings
from django.core.cache import cache

WINDOW = 60  # seconds


def _key(participant_id: int, now: float) -> str:
    return f"agora:posts:{participant_id}:{int(now // WINDOW)}"


def allow_post(participant_id: int) -> bool:
    """Count one post of this participant; False once past this minute's allowance."""
    key = _key(participant_id, clock())
    cache.add(key, 0, WINDOW * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW * 2)
        count = 1
    return count <= settings.POSTITS_PER_MINUTE
