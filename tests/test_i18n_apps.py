"""The per-app French catalogs of scenarios and voting: every message translated, none fuzzy, the .mo compiled."""

import ast
import gettext
from pathlib import Path

import pytest
from django.conf import settings

APP_CATALOGS = [settings.BASE_DIR / app / "locale" / "fr" / "LC_MESSAGES" / "django.po" for app in ("scenarios", "voting")]


def po_entries(path: Path) -> list[dict]:
    """Each entry as {"fuzzy", "msgid", "plural", "msgstr": {index: text}}; comments and obsolete (#~) lines skipped."""
    entries, entry, field = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if not line:
            if entry is not None and entry["msgid"] is not None:
                entries.append(entry)
            entry, field = None, None
            continue
        entry = entry or {"fuzzy": False, "msgid": None, "plural": None, "msgstr": {}}
        if line.startswith("#,"):
            entry["fuzzy"] |= "fuzzy" in [flag.strip() for flag in line[2:].split(",")]
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):  # a continuation line
            if field[0] == "msgstr":
                entry["msgstr"][field[1]] += ast.literal_eval(line)
            else:
                entry[field[0]] += ast.literal_eval(line)
        else:
            keyword, _, rest = line.partition(" ")
            if keyword.startswith("msgstr"):
                field = ("msgstr", int(keyword[7:-1]) if "[" in keyword else 0)
                entry["msgstr"][field[1]] = ast.literal_eval(rest)
            else:
                field = ({"msgid": "msgid", "msgid_plural": "plural"}[keyword], None)
                entry[field[0]] = ast.literal_eval(rest)
    return entries


@pytest.mark.parametrize("po", APP_CATALOGS, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_every_message_of_the_app_catalog_is_translated_and_none_is_fuzzy(po):
    header, *messages = po_entries(po)
    assert header["msgid"] == "" and not header["fuzzy"]
    assert "Language: fr\n" in header["msgstr"][0]
    assert "Plural-Forms: nplurals=2; plural=(n > 1);\n" in header["msgstr"][0]
    assert messages, f"{po} has no messages"
    assert [m["msgid"] for m in messages if m["fuzzy"]] == []
    assert [m["msgid"] for m in messages if not m["msgstr"] or not all(m["msgstr"].values())] == []
    assert [m["msgid"] for m in messages if m["plural"] is not None and sorted(m["msgstr"]) != [0, 1]] == []


@pytest.mark.parametrize("po", APP_CATALOGS, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_the_app_catalog_is_compiled(po):
    with open(po.with_suffix(".mo"), "rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog
    for message in po_entries(po)[1:]:
        if message["plural"] is None:
            assert catalog.get(message["msgid"]) == message["msgstr"][0], message["msgid"]
        else:
            for index, text in message["msgstr"].items():
                assert catalog.get((message["msgid"], index)) == text, message["msgid"]
