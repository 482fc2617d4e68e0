"""Every CSV the project writes opens in a spreadsheet as text: no cell is read as a formula (OWASP)."""

import csv
import io

import pytest

from core.spreadsheets import csv_text, safe_cell


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x","clic")', "+33 1 23", "-2+3", "@SUM(A1)", "\tcaché", "\rretour"])
def test_a_cell_that_would_start_a_formula_is_prefixed_with_a_quote(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Signes avant-coureurs", "", "a=b", "Table 1 - Mobilité", 12, -3, 1.5, True, None])
def test_plain_text_and_numbers_are_left_as_they_are(value):
    assert safe_cell(value) == value


def test_csv_text_neutralises_every_cell_of_the_header_and_the_rows():
    text = csv_text(["id", "=bad"], [[1, "=1+1"], [-2, "@me"]])
    assert list(csv.reader(io.StringIO(text))) == [["id", "'=bad"], ["1", "'=1+1"], ["-2", "'@me"]]


def test_no_module_of_the_project_writes_csv_but_through_csv_text():
    """One writer for every CSV, so no export forgets the neutralising."""
    from django.conf import settings

    writers = []
    for app in ("core", "scenarios", "workshops", "voting", "demo", "foresight"):
        for path in (settings.BASE_DIR / app).rglob("*.py"):
            if "migrations" not in path.parts and ("csv.writer" in path.read_text() or "DictWriter" in path.read_text()):
                writers.append(str(path.relative_to(settings.BASE_DIR)))
    assert writers == ["core/spreadsheets.py"]
