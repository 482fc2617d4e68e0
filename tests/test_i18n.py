"""French is the default UI language: every catalog entry is translated, and the switch to English works."""

import ast
import gettext
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

CATALOGS = [
    settings.BASE_DIR / "locale" / "fr" / "LC_MESSAGES" / "django.po",
    settings.BASE_DIR / "workshops" / "locale" / "fr" / "LC_MESSAGES" / "django.po",
]


def parse_po(path: Path) -> list[dict]:
    """The entries of a .po file: {"flags", "msgid", "msgid_plural", "msgstr": {index: text}}; obsolete (#~) ones skipped."""
    entries, entry, field = [], None, None

    def flush():
        if entry is not None and entry["msgid"] is not None:
            entries.append(entry)

    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if not line:
            flush()
            entry, field = None, None
            continue
        if entry is None:
            entry = {"flags": set(), "msgid": None, "msgid_plural": None, "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            value = ast.literal_eval(line)  # PO strings use C escapes, which Python's literals read alike
            if field[0] == "msgstr":
                entry["msgstr"][field[1]] += value
            else:
                entry[field[0]] += value
        else:
            keyword, _, rest = line.partition(" ")
            value = ast.literal_eval(rest)
            if keyword.startswith("msgstr"):
                index = int(keyword[7:-1]) if "[" in keyword else 0
                field = ("msgstr", index)
                entry["msgstr"][index] = value
            else:
                field = (keyword, None)
                entry[keyword] = value
    return entries


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_every_french_string_is_translated_and_none_is_fuzzy(po):
    entries = parse_po(po)
    header, messages = entries[0], entries[1:]
    assert header["msgid"] == ""
    assert "fuzzy" not in header["flags"]
    assert "Language: fr\n" in header["msgstr"][0]
    assert "Plural-Forms: nplurals=2; plural=(n > 1);\n" in header["msgstr"][0]
    assert messages, f"{po} has no messages"

    fuzzy = [m["msgid"] for m in messages if "fuzzy" in m["flags"]]
    untranslated = [m["msgid"] for m in messages if not all(m["msgstr"].values())]
    forms_missing = [m["msgid"] for m in messages if m["msgid_plural"] is not None and sorted(m["msgstr"]) != [0, 1]]
    assert fuzzy == []
    assert untranslated == []
    assert forms_missing == []


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_the_committed_mo_file_matches_its_po_file(po):
    """The .mo files are committed (no gettext on a fresh machine): a .po edited without compilemessages fails here."""
    with open(po.with_suffix(".mo"), "rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog
    for message in parse_po(po)[1:]:
        if message["msgid_plural"] is None:
            assert catalog.get(message["msgid"]) == message["msgstr"][0], message["msgid"]
        else:
            for index, text in message["msgstr"].items():
                assert catalog.get((message["msgid"], index)) == text, message["msgid"]


def test_the_join_page_is_in_french_by_default(client):
    response = client.get(reverse("workshops:join"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fr">' in page
    assert "Rejoindre un atelier" in page
    assert "Join a workshop" not in page


def test_the_join_page_is_in_english_once_chosen(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("workshops:join"))
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in page
    assert "Join a workshop" in page
    assert "Rejoindre un atelier" not in page
