"""CSV exports that spreadsheets cannot turn into formulas: cells starting with = + - @ are quoted."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n")


def cell(value: object) -> object:
    """Numbers stay numbers; text that a spreadsheet would evaluate gets a leading apostrophe."""
    if isinstance(value, str) and value.lstrip(" ").startswith(DANGEROUS):
        return "'" + value
    return value


def to_csv(header: list[str], rows: Iterable[Iterable[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return "\ufeff" + buffer.getvalue()  # BOM: Excel then reads Chinese text as UTF-8
