"""The keyword wall's key: when two keywords are the same word for the room.

Pure functions, no Django. Two keywords merge when their keys are equal: case, accents, punctuation
and spacing do not count, nor a plural ending ("Résilience", "resilience", "résiliences" are one
key). Acronyms stay apart ("CDI" and "CDD"), and short words keep their last letter ("bus", "gaz"):
a plural is only taken off a word of more than three letters.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_A_LETTER = re.compile(r"[^0-9a-z]+")


def _strip_accents(text: str) -> str:
    # NFKD splits "é" into "e" and a combining accent; "œ" and "æ" have no decomposition.
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")


def singular(word: str) -> str:
    """The word without its regular plural ending.

French first: "énergies" is "énergie" plus "s", so English "-ies" is not turned into "-y" (that would
split "énergie" from "énergies").
"""
    if len(word) <= 3:
        return word
    if word.endswith("eaux"):  # réseaux, bureaux
        return word[:-1]
    if word.endswith("aux"):  # journaux -> journal
        return word[:-3] + "al"
    if word.endswith("x") and word[-2] in "eu":  # jeux, feux, bijoux
        return word[:-1]
    if word.endswith("s") and not word.endswith("ss"):  # résiliences; not "stress"
        return word[:-1]
    return word


def keyword_key(text: str) -> str:
    """The key a keyword is merged on; empty when the text has no letter or digit."""
    words = _NOT_A_LETTER.split(_strip_accents((text or "").casefold()))
    return " ".join(singular(w) for w in words if w)


def keyword_label(text: str) -> str:
    """How a keyword is written on the wall: the person's words, spaces tidied."""
    return " ".join((text or "").split())
