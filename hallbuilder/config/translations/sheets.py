"""The translation table as a file a translator opens: CSV (UTF-8 with a BOM, so Excel shows Chinese) or Excel.

Both have the same columns: key, file, line, one per hall language, missing. Reading gives back the header and
the rows as texts, with each row's number as a spreadsheet shows it (the header is row 1); what the cells mean
is checked in importing.py.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from hallbuilder.config.translations.table import TranslationTable
from hallbuilder.errors import ConfigError

FIXED_COLUMNS = ("key", "file", "line")
MISSING_COLUMN = "missing"
MAX_FILE_BYTES = 20_000_000
MAX_UNPACKED_BYTES = 200_000_000  # an .xlsx is a zip: refuse one that would unpack into more than this
# a cell starting with one of these is a formula to Excel; CSV cells get a leading ' that the import takes off
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
SAVE_AS = "save it as 'CSV UTF-8' or as an Excel workbook (.xlsx) and import that"


@dataclass
class Sheet:
    """What a translation file holds: its header, and (row number, cells) for every row that is not empty."""

    name: str
    header: list[str]
    rows: list[tuple[int, list[str]]]


def header(table: TranslationTable) -> list[str]:
    return [*FIXED_COLUMNS, *table.languages, MISSING_COLUMN]


def cells(table: TranslationTable) -> list[list[str | int]]:
    return [
        [
            row.key,
            row.file,
            row.line or "",
            *(row.texts.get(code, "") for code in table.languages),
            " ".join(row.missing(table.languages)),
        ]
        for row in table.rows
    ]


def protect(text: str | int) -> str | int:
    return f"'{text}" if isinstance(text, str) and text.startswith(FORMULA_STARTS) else text


def unprotect(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def write_csv(table: TranslationTable, target: Path) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(table))
    writer.writerows([[protect(cell) for cell in row] for row in cells(table)])
    target.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")


def read_csv(path: Path) -> Sheet:
    data = read_limited(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path.name}: not UTF-8 text; in Excel, {SAVE_AS}") from None
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text)))
    except csv.Error as error:
        raise ConfigError(f"{path.name}: not a CSV file ({error}); {SAVE_AS}") from None
    if not rows:
        raise ConfigError(f"{path.name}: the file is empty; export the table again and fill that in")
    numbered = [(number, [unprotect(cell) for cell in row]) for number, row in enumerate(rows[1:], start=2)]
    return Sheet(path.name, [cell.strip() for cell in rows[0]], [item for item in numbered if any(item[1])])


def delimiter(text: str) -> str:
    """',' as the export writes; ';' or a tab when a spreadsheet saved it so (Excel does in some regions)."""
    first = text.split("\n", 1)[0]
    for candidate in (",", ";", "\t"):
        if candidate in first:
            return candidate
    return ","


def read_limited(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError:
        raise ConfigError(f"{path}: file not found") from None
    if size > MAX_FILE_BYTES:
        raise ConfigError(
            f"{path.name}: {size / 1e6:.0f} MB is far too large for a translation table "
            f"(at most {MAX_FILE_BYTES / 1e6:.0f} MB); export the table again and fill that in"
        )
    return path.read_bytes()
