"""Honest display names: what a name typed in a room may contain, and when two names look alike.

Pure: no database, no Django model. `workshops.services` calls it under the workshop's row lock.

- `normalise(text)` gives the name as it is stored: NFKC (a fullwidth "Ａlice" is "Alice", a ligature
  "ﬁ" is "fi"), runs of whitespace made one space, the ends trimmed.
- `invisible_characters(text)` lists what a name may not carry: control, format (zero-width space,
  joiners, the bidirectional overrides and isolates), private-use and surrogate characters, and
  line or paragraph separators (Unicode categories Cc, Cf, Co, Cs, Zl, Zp). They show as nothing,
  or reorder what follows them, so one name could pass for another.
- `skeleton(text)` is what a name looks like: each character replaced by the representative of its
  group of confusables (Unicode's confusables.txt, as the confusable-homoglyphs package ships it:
  Cyrillic "А" and Latin "A", "ⅼ" and "l"…), after the Unicode TR39 skeleton (NFD, map, NFD), as
  written and casefolded. Two names with a skeleton in common are the same name to the eye.
"""

from __future__ import annotations

import functools
import unicodedata

from confusable_homoglyphs.confusables import confusables_data

# Unicode general categories that render as nothing or change how the text around them is drawn.
REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp"})
# Tabs and line breaks (a paste from a spreadsheet) are ordinary spaces: normalise() makes them one.
ORDINARY_WHITESPACE = frozenset("\t\n\r\x0b\x0c")
# Marks the package adds around right-to-left homoglyphs so that its JSON displays well: not part of them.
_DISPLAY_MARKS = "\u200e\u200f"


def normalise(text: str) -> str:
    """NFKC, whitespace runs made one space (tabs and newlines included), ends trimmed."""
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def invisible_characters(text: str) -> list[str]:
    """The characters of `text` a display name refuses, each once, as "U+200B ZERO WIDTH SPACE"."""
    found = []
    for character in dict.fromkeys(text):
        if unicodedata.category(character) in REFUSED_CATEGORIES and character not in ORDINARY_WHITESPACE:
            name = unicodedata.name(character, "")
            found.append(f"U+{ord(character):04X} {name}".strip())
    return found


def has_visible_character(text: str) -> bool:
    """False for a name made only of spaces and invisible characters."""
    return any(not c.isspace() and unicodedata.category(c) not in REFUSED_CATEGORIES for c in text)


@functools.cache
def _representatives() -> dict[str, str]:
    """Each confusable character -> the smallest character of its group (ASCII where the group has one)."""
    mapping: dict[str, str] = {}
    for character, homoglyphs in confusables_data.items():
        group = {character} | {h["c"].strip(_DISPLAY_MARKS) for h in homoglyphs}
        # Multi-character look-alikes ("rn" for "m") cannot be swapped one character at a time: left out.
        group = {g for g in group if len(g) == 1}
        if not group:
            continue
        representative = min(group)
        for member in group:
            mapping[member] = min(representative, mapping.get(member, representative))
    return mapping


def skeleton(text: str) -> str:
    """What `text` looks like (TR39's skeleton: NFD, each character to its group's representative, NFD)."""
    representatives = _representatives()
    decomposed = unicodedata.normalize("NFD", normalise(text))
    return unicodedata.normalize("NFD", "".join(representatives.get(c, c) for c in decomposed))


@functools.lru_cache(maxsize=65_536)
def skeletons(text: str) -> frozenset[str]:
    """The name's looks as written and casefolded: "PauI" passes for "Paul" as written (I and l),
    "ALICE" for "alice" once casefolded (names are unique whatever their case)."""
    return frozenset({skeleton(text), skeleton(skeleton(text).casefold()), skeleton(normalise(text).casefold())})


def confusable_with(name: str, others) -> str | None:
    """The first of `others` a reader could take for `name` (a skeleton in common), or None.

    Every join compares its name with the whole room's: each name's skeletons are kept (a few
    hundred bytes each, 65,536 names at most), so a join computes only its own, not a thousand."""
    target = skeletons(name)
    return next((other for other in others if target & skeletons(other)), None)
