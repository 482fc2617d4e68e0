"""Which post-its of one table and section say the same thing: pure Python, no database.

Exact and near duplicates (same axis, similar normalised text) become one cluster. Post-its are
taken in the order they were posted; each joins the first earlier cluster it is similar to, else
starts one. The decision for a pair is `similar`, unchanged since the quadratic version; what
changed is which pairs are asked: only clusters that share a word (or a word one typo away) and
have as many meaningful words, found through an inverted index, then filtered by length and by
rapidfuzz's C implementation before difflib decides. Both filters are necessary conditions of
`similar`, so they drop no pair it would merge; the index drops only pairs in which every
meaningful word is two typos apart or more (three for a one-word post-it; see `_block_keys`).
"""

from __future__ import annotations

import difflib
import functools
import time
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz


class _Folding(dict):
    """str.translate's table for `normalise`: accents (combining marks) dropped, anything neither
    letter nor digit a space. Filled on first sight of each character, so the loop runs in C."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = "" if unicodedata.combining(char) else char if char.isalnum() else " "
        self[code] = folded
        return folded


_FOLDING = _Folding()


def normalise(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: what makes two post-its 'the same'."""
    return " ".join(unicodedata.normalize("NFKD", text.lower()).translate(_FOLDING).split())


# Small words whose absence changes nothing; any other word added or removed is a different idea.
FILLERS = frozenset("le la les l de des du d un une et a au aux en the a an of and to".split())
TYPO_MIN_LENGTH = 4
TYPO_RATIO = 0.75


def _is_typo(a: str, b: str) -> bool:
    """Two words a slip of the keyboard apart; never numbers, never short words (pas/non, CDI/CDD)."""
    if a.isdigit() or b.isdigit() or min(len(a), len(b)) < TYPO_MIN_LENGTH:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= TYPO_RATIO


def similar(a: str, b: str, threshold: float) -> bool:
    """Same normalised text, or the same words but for typos and filler words.

    Character similarity alone merges opposites ("Plus de CDI" / "Plus de CDD",
    "Souhaitable : oui" / "non"), so the words that differ must each be a typo.
    """
    if a == b:
        return True
    if difflib.SequenceMatcher(None, a, b).ratio() < threshold:
        return False
    words_a, words_b = a.split(), b.split()
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, words_a, words_b).get_opcodes():
        left, right = words_a[i1:i2], words_b[j1:j2]
        if tag == "equal":
            continue
        if tag == "replace" and len(left) == len(right):
            if all(_is_typo(x, y) for x, y in zip(left, right)):
                continue
            return False
        if not set(left + right) <= FILLERS:
            return False
    return True


def content_words(key: str) -> list[str]:
    """The words of a normalised text that are not fillers.

    `similar` pairs them one to one: a differing run of words is either words of equal number,
    each a typo of the other (typos are at least TYPO_MIN_LENGTH long, every filler is shorter),
    or fillers only. So two similar texts have as many content words, each equal or a typo.
    """
    return [word for word in key.split() if word not in FILLERS]


NO_CONTENT = "\0"  # the block of texts made of fillers only (or of nothing once normalised)
NO_CONTENT_KEYS = frozenset((NO_CONTENT,))


@functools.lru_cache(maxsize=1 << 16)  # a room's vocabulary is small: most words come back many times
def _block_keys(word: str, deletions: int = 1) -> frozenset[str]:
    """The word and, when it may be a typo, every way of deleting up to `deletions` of its letters.

    Two words one substitution, insertion, deletion or swap of neighbours apart share one of these
    with one deletion (the deletion-neighbourhood of symmetric-delete spell checkers); two typos of
    one word share one with two. A post-it of several words is also found through any word it
    shares exactly, so only a pair in which every word is two typos apart or more is never compared.
    """
    if len(word) < TYPO_MIN_LENGTH or word.isdigit():
        return frozenset((word,))
    keys = {word}
    for _ in range(deletions):
        keys |= {k[:i] + k[i + 1 :] for k in keys for i in range(len(k))}
    return frozenset(keys)


@dataclass(frozen=True, slots=True)
class PostIt:
    """What clustering needs of a post-it, read once from the database (workshops.aggregation)."""

    id: int
    order: Hashable  # posting order: (created_at, id)
    axis: str
    text: str
    plus_ones: int
    group_label: str = ""


@dataclass(slots=True)
class Cluster:
    axis: str
    key: str  # the normalised text of its first post-it, which every later one is compared with
    members: list[PostIt] = field(default_factory=list)
    # Who +1'd which post-it: a person who +1'd two post-its of one line counts once, as in a scribe's merge.
    fans: dict[int, set[int]] = field(default_factory=dict, repr=False)

    @property
    def stable_key(self) -> int:
        """The id of its earliest post-it: the same idea keeps its line when its output is rebuilt."""
        return self.members[0].id

    @property
    def plus_ones(self) -> int:
        if not self.fans:
            return sum(c.plus_ones for c in self.members)
        return len(set().union(*(self.fans.get(c.id, set()) for c in self.members)))

    @property
    def representative(self) -> PostIt:
        # The most supported wording, the earliest on ties.
        return min(self.members, key=lambda c: (-c.plus_ones, c.order))

    @property
    def group_label(self) -> str:
        """The scribe's label for a line: its representative's, else the first one its post-its carry."""
        labels = [self.representative.group_label] + [c.group_label for c in self.members]
        return next((label for label in labels if label), "")


def cluster_postits(
    postits: Iterable[PostIt],
    threshold: float,
    fans: dict[int, set[int]] | None = None,
    heartbeat: Callable[[], None] | None = None,
    heartbeat_seconds: float = 10.0,
) -> list[Cluster]:
    """The clusters of one table's post-its in one section, most supported first, then by posting order.

    `heartbeat` is called every `heartbeat_seconds` or so while it runs (a worker renews its claim).
    """
    fans = fans or {}
    clusters: list[Cluster] = []
    lengths: list[int] = []
    # (axis, number of content words) -> block key -> indices of the clusters filed under it, ascending
    blocks: dict[tuple[str, int], defaultdict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    first_with_key: dict[tuple[str, str], int] = {}
    cutoff = threshold * 100 - 1e-6  # rapidfuzz's 0..100 scale; the margin absorbs float rounding
    beat_at = time.monotonic() + heartbeat_seconds
    for count, postit in enumerate(sorted(postits, key=lambda p: p.order)):
        if heartbeat is not None and count % 256 == 0 and time.monotonic() >= beat_at:
            heartbeat()
            beat_at = time.monotonic() + heartbeat_seconds
        key = normalise(postit.text)
        words = content_words(key)
        # A one-word post-it has no other word to be found by: two typos of its word still meet.
        deletions = 2 if len(words) == 1 else 1
        keys = frozenset().union(*(_block_keys(word, deletions) for word in words)) or NO_CONTENT_KEYS
        shelf = blocks[(postit.axis, len(words))]
        match = _first_similar(key, keys, shelf, clusters, lengths, first_with_key.get((postit.axis, key)), threshold, cutoff)
        if match is not None:
            clusters[match].members.append(postit)
            continue
        index = len(clusters)
        clusters.append(Cluster(axis=postit.axis, key=key, members=[postit], fans=fans))
        lengths.append(len(key))
        first_with_key[(postit.axis, key)] = index
        for k in keys:
            shelf[k].append(index)
    return sorted(clusters, key=lambda cl: (-cl.plus_ones, cl.representative.order))


def _first_similar(key, keys, shelf, clusters, lengths, identical, threshold, cutoff) -> int | None:
    """The earliest cluster `key` is similar to, among those sharing a block key with it.

    `identical`: the first cluster whose text is exactly `key`, similar by definition, so only an
    earlier one could come before it.
    """
    candidates: set[int] = set()
    # Most keys were never filed: the views' intersection skips them in C.
    for k in shelf.keys() & keys:
        candidates.update(shelf[k])
    if identical is not None:
        candidates = {index for index in candidates if index < identical}
    length = len(key)
    for index in sorted(candidates):
        other = lengths[index]
        # difflib's ratio is 2·matches / total, and matches <= the shorter length: a cheap bound.
        if 2 * min(length, other) < threshold * (length + other):
            continue
        # rapidfuzz's ratio counts the longest common subsequence, never fewer matches than
        # difflib finds: below the threshold there, below it in `similar` too.
        if not fuzz.ratio(key, clusters[index].key, score_cutoff=cutoff):
            continue
        if similar(clusters[index].key, key, threshold):
            return index
    return identical
