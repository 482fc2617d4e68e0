"""The keyword wall's key: case, accents, punctuation and plurals do not count; words stay apart."""

import pytest

from promises.keywords import keyword_key, keyword_label, singular


@pytest.mark.parametrize(
    "spellings",
    [
        ["Résilience", "resilience", "résiliences", "RÉSILIENCE", "  résilience  "],
        ["Bien-être", "bien être", "BIEN ÊTRE"],
        ["réseau", "réseaux"],
        ["journal", "journaux"],
        ["donnée", "Données"],
        ["jeu", "jeux"],
        ["Économie circulaire", "economies circulaires"],
        ["cœur", "coeur"],
    ],
)
def test_spellings_of_one_keyword_share_a_key(spellings):
    assert len({keyword_key(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    "first, second",
    [
        ("CDI", "CDD"),
        ("bus", "bu"),  # short words keep their last letter
        ("stress", "stres"),
        ("open data", "big data"),
        ("énergie", "énergique"),
    ],
)
def test_different_words_stay_apart(first, second):
    assert keyword_key(first) != keyword_key(second)


@pytest.mark.parametrize("text", ["", "   ", "!!!", "—", None])
def test_a_keyword_without_letter_or_digit_has_no_key(text):
    assert keyword_key(text) == ""


def test_french_plurals_in_ies_stay_french():
    assert keyword_key("énergies") == keyword_key("énergie")


def test_only_words_longer_than_three_letters_lose_a_plural():
    assert singular("cds") == "cds"
    assert singular("idées") == "idée"


def test_the_label_is_the_persons_words_with_spaces_tidied():
    assert keyword_label("  Co-croissance   résiliente ") == "Co-croissance résiliente"
