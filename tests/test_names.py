"""Honest display names (core/names.py, pure): normalised, nothing invisible, look-alikes found."""

import pytest

from core import names

ZWSP = "\u200b"
RLO = "\u202e"
CYRILLIC_A = "\u0410"


def test_a_name_is_normalised_nfkc_with_single_spaces():
    assert names.normalise("  \uff21lice\t Martin\n") == "Alice Martin"  # fullwidth A, a tab, a newline
    assert names.normalise("\ufb01lo") == "filo"  # the ligature fi
    assert names.normalise("Ame\u0301lie") == "Amélie"  # composed


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(f"Al{ZWSP}ice", ["U+200B ZERO WIDTH SPACE"], id="zero-width space"),
        pytest.param(f"{RLO}ecilA", ["U+202E RIGHT-TO-LEFT OVERRIDE"], id="right-to-left override"),
        pytest.param("Bob\u2066", ["U+2066 LEFT-TO-RIGHT ISOLATE"], id="bidi isolate"),
        pytest.param("Bob\x07", ["U+0007"], id="control"),
        pytest.param("Bob\u2028Marley", ["U+2028 LINE SEPARATOR"], id="line separator"),
        pytest.param("Bob\ue000", ["U+E000"], id="private use"),
        pytest.param("Alice", [], id="plain"),
        pytest.param("Alice\tMartin\r\n", [], id="tabs and line breaks are spaces"),
        pytest.param("Zoë Ñúñez-Łukasz 李", [], id="accents and other scripts are fine"),
    ],
)
def test_invisible_and_control_characters_are_found(text, expected):
    assert names.invisible_characters(text) == expected


def test_a_name_of_invisible_characters_only_has_nothing_visible():
    assert not names.has_visible_character(f"{ZWSP}\u200d \u2060{RLO}")
    assert names.has_visible_character(f"{ZWSP}A")


@pytest.mark.parametrize(
    "name, other",
    [
        pytest.param(f"{CYRILLIC_A}lice", "Alice", id="Cyrillic A"),
        pytest.param("alice", "Alice", id="case"),
        pytest.param("\u0430lice", "ALICE", id="Cyrillic small a, casefolded"),
        pytest.param("PauI", "Paul", id="capital I for small l"),
        pytest.param("\u216clice", "Llice", id="Roman numeral fifty"),
        pytest.param("\uff21lice", "Alice", id="fullwidth"),
    ],
)
def test_look_alike_names_are_found(name, other):
    assert names.confusable_with(name, ["Bruno", other]) == other


@pytest.mark.parametrize(
    "name, other",
    [
        pytest.param("Amélie", "Amelie", id="an accent is another name"),
        pytest.param("Alice", "Alicia", id="another name"),
        pytest.param("Chloé", "Chloe", id="French names differ by their accents"),
    ],
)
def test_different_names_are_not_look_alikes(name, other):
    assert names.confusable_with(name, [other]) is None
