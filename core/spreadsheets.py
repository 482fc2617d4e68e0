"""CSV that a spreadsheet opens as text: every CSV the project writes goes through `csv_text`.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula by
Excel, LibreOffice and Google Sheets (`=HYPERLINK(…)` becomes a live link, `=cmd|…` worse). Post-its,
ballot options (which can come from post-its) and display names are typed by participants, so
OWASP's advice is followed for every cell: such a cell is prefixed with a single quote, which the
spreadsheet shows as text and does not evaluate. Numbers are written as numbers (a negative score
stays a number: it is ours, not typed by anyone).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value a CSV cell may hold: text that would start a formula gets a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(header: Sequence, rows: Iterable[Sequence]) -> str:
    """A CSV document (header, then rows), every text cell neutralised by `safe_cell`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()
