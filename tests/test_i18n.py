"""French is the default UI language: every catalog entry is translated and compiled, and the switch to English works."""

import gettext
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

FRENCH_CATALOGS = sorted(settings.BASE_DIR.glob("*/locale/fr/LC_MESSAGES/django.po")) + [
    settings.BASE_DIR / "locale" / "fr" / "LC_MESSAGES" / "django.po"
]
ALL_CATALOGS = sorted(settings.BASE_DIR.glob("*/locale/*/LC_MESSAGES/django.po")) + sorted(
    (settings.BASE_DIR / "locale").glob("*/LC_MESSAGES/django.po")
)


def relative(path: Path) -> str:
    return str(path.relative_to(settings.BASE_DIR))


def test_every_app_with_ui_strings_has_a_french_catalog():
    assert {relative(p).split("/")[0] for p in FRENCH_CATALOGS} >= {"locale", "workshops", "scenarios", "voting"}


@pytest.mark.parametrize("po", FRENCH_CATALOGS, ids=relative)
def test_every_french_string_is_translated_and_none_is_fuzzy(po):
    catalog = polib.pofile(str(po))
    assert catalog.metadata["Language"] == "fr"
    assert catalog.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"
    assert len(catalog) > 0
    assert [e.msgid for e in catalog.fuzzy_entries()] == []
    assert [e.msgid for e in catalog.untranslated_entries()] == []


@pytest.mark.parametrize("po", ALL_CATALOGS, ids=relative)
def test_the_committed_mo_file_matches_its_po_file(po):
    """The .mo files are committed (no gettext on a fresh machine): a .po edited without compiling fails here."""
    with open(po.with_suffix(".mo"), "rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    for entry in polib.pofile(str(po)).translated_entries():
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            for index, text in entry.msgstr_plural.items():
                assert compiled.get((key, int(index))) == text, entry.msgid
        else:
            assert compiled.get(key) == entry.msgstr, entry.msgid


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
@pytest.mark.django_db
def test_the_scenario_library_and_the_ballots_page_are_in_french_by_default(client, facilitator, live_workshop):
    client.force_login(facilitator)
    library = client.get(reverse("scenarios:library")).content.decode()
    ballots = client.get(reverse("voting:ballots", kwargs={"workshop_pk": live_workshop.pk})).content.decode()
    assert "Nouveau scénario" in library and "New scenario" not in library
    assert "Préparer un scrutin" in ballots and "Prepare a ballot" not in ballots


@pytest.mark.django_db
def test_the_scenario_library_and_the_ballots_page_are_in_english_once_chosen(english, facilitator, live_workshop):
    english.force_login(facilitator)
    library = english.get(reverse("scenarios:library")).content.decode()
    ballots = english.get(reverse("voting:ballots", kwargs={"workshop_pk": live_workshop.pk})).content.decode()
    assert "New scenario" in library and "Nouveau scénario" not in library
    assert "Prepare a ballot" in ballots and "Préparer un scrutin" not in ballots
