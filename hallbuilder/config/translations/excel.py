"""The translation table as an Excel workbook (openpyxl): header frozen, missing texts highlighted, readable widths.

Every cell is written as text (a text starting with '=' stays a text, never a formula); reading refuses formulas
and a file that is not a workbook, or that would unpack into an absurd size (an .xlsx is a zip).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from hallbuilder.config.translations.sheets import (
    FIXED_COLUMNS,
    MAX_UNPACKED_BYTES,
    SAVE_AS,
    Sheet,
    cells,
    header,
    read_limited,
)
from hallbuilder.config.translations.table import TranslationTable
from hallbuilder.errors import ConfigError

SHEET_TITLE = "Translations"
MISSING_FILL = "FFF2CC"  # light yellow: a text still to write
WIDTHS = {"key": 42, "file": 30, "line": 7, "missing": 14}
TEXT_WIDTH = 48


def write_xlsx(table: TranslationTable, target: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE
    names = header(table)
    sheet.append(names)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    missing = PatternFill("solid", start_color=MISSING_FILL, end_color=MISSING_FILL)
    wrap = Alignment(wrap_text=True, vertical="top")
    for values in cells(table):
        sheet.append(values)
        for cell, name in zip(sheet[sheet.max_row], names, strict=True):
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl takes a text starting with '=' for a formula
            cell.alignment = wrap
            if name in table.languages and not str(cell.value or "").strip():
                cell.fill = missing
    for index, name in enumerate(names, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(name, TEXT_WIDTH)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.save(target)


def unpacked_size(path: Path) -> int:
    try:
        with zipfile.ZipFile(path) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise ConfigError(f"{path.name}: not an Excel workbook, or a damaged one; {SAVE_AS}") from None


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(path: Path) -> Sheet:
    from openpyxl import load_workbook

    read_limited(path)
    if unpacked_size(path) > MAX_UNPACKED_BYTES:
        raise ConfigError(f"{path.name}: the workbook unpacks into far too much data; {SAVE_AS}")
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds (KeyError, ValueError, XML errors) for a damaged file
        raise ConfigError(f"{path.name}: not an Excel workbook, or a damaged one; {SAVE_AS}") from None
    try:
        sheet = book[SHEET_TITLE] if SHEET_TITLE in book.sheetnames else book.worksheets[0]
        rows = list(sheet.iter_rows())
    finally:
        book.close()
    if not rows:
        raise ConfigError(f"{path.name}: the sheet is empty; export the table again and fill that in")
    problems, numbered = [], []
    for number, row in enumerate(rows[1:], start=2):
        for cell in row:
            if getattr(cell, "data_type", None) == "f":
                problems.append(
                    f"{path.name} row {number}, cell {cell.coordinate}: a formula; type the text itself"
                )
        values = [cell_text(cell.value) for cell in row]
        if any(value.strip() for value in values):
            numbered.append((number, values))
    if problems:
        raise ConfigError(f"{path.name}: {len(problems)} formula(s)", problems=problems)
    names = [cell_text(cell.value).strip() for cell in rows[0]]
    while names and not names[-1] and len(names) > len(FIXED_COLUMNS):
        names.pop()
    return Sheet(path.name, names, numbered)
