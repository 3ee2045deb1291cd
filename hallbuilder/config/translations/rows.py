"""Check a filled-in table row by row before anything is written: its columns, files, keys and texts.

Every problem names its row as a spreadsheet shows it (the header is row 1), and all are reported together.
"""

from __future__ import annotations

from pathlib import Path

from hallbuilder.config.fields import LANGUAGE, control_character
from hallbuilder.config.problems import did_you_mean
from hallbuilder.config.translations.excel import read_xlsx
from hallbuilder.config.translations.sheets import FIXED_COLUMNS, MISSING_COLUMN, Sheet, read_csv
from hallbuilder.config.translations.table import TextFile, TextRow, translation_table
from hallbuilder.errors import ConfigError

EXPORT_AGAIN = "export the table again (`hallbuilder translations export`) and copy your texts into it"


def read_sheet(path: Path) -> Sheet:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_csv(path)
    if suffix == ".xlsx":
        return read_xlsx(path)
    raise ConfigError(f"{path.name}: import a .csv or an .xlsx file (the two kinds the export writes)")


def column_problems(sheet: Sheet, languages: list[str]) -> list[str]:
    """What is wrong with the header row (row 1)."""
    problems, listed = [], ", ".join(languages)
    for name in ("key", "file"):
        if name not in sheet.header:
            problems.append(f"{sheet.name} row 1: no '{name}' column; {EXPORT_AGAIN}")
    for name in sheet.header:
        if sheet.header.count(name) > 1 and name:
            problems.append(f"{sheet.name} row 1: the column '{name}' is there twice; keep one")
        elif not name or name in (*FIXED_COLUMNS, MISSING_COLUMN) or name in languages:
            continue
        elif LANGUAGE.match(name):
            problems.append(
                f"{sheet.name} row 1: column '{name}' is not a language of this hall ({listed}); remove the "
                f"column, or add {name} to hall.languages in hall.yaml first"
            )
        else:
            problems.append(
                f"{sheet.name} row 1: unknown column '{name}'{did_you_mean(name, [*FIXED_COLUMNS, *languages])}; "
                f"the columns are key, file, line, missing and the hall's languages ({listed})"
            )
    return list(dict.fromkeys(problems))


def row_problems(
    sheet: Sheet, number: int, values: list[str], known: dict[str, dict[str, TextRow]]
) -> tuple[TextRow | None, list[str]]:
    """The existing text a row fills in, or why the row cannot be imported."""
    where = f"{sheet.name} row {number}"
    if len(values) > len(sheet.header) and any(value.strip() for value in values[len(sheet.header) :]):
        return None, [
            f"{where}: more cells than the header has columns; put a text that has commas in quotes"
        ]
    cell = dict(zip(sheet.header, values, strict=False))
    key, file = cell.get("key", "").strip(), cell.get("file", "").strip()
    if not key or not file:
        return None, [f"{where}: the {'key' if not key else 'file'} cell is empty; {EXPORT_AGAIN}"]
    if file not in known:
        files = ", ".join(known)
        return None, [f"{where}: '{file}' is not a file of this hall ({files}){did_you_mean(file, known)}"]
    if key not in known[file]:
        return None, [
            f"{where}: '{key}' is not a text of {file}{did_you_mean(key, known[file])}; it was renamed or "
            f"removed since the export: {EXPORT_AGAIN}"
        ]
    problems = [
        f"{where}, column {code}: {problem}"
        for code, text in cell.items()
        if code not in (*FIXED_COLUMNS, MISSING_COLUMN) and (problem := control_character(text))
    ]
    return known[file][key], problems


def plan_changes(
    project_dir: Path, sheet: Sheet, files: list[TextFile]
) -> list[tuple[TextRow, dict[str, str]]]:
    """Every row checked: (the text, its new texts by language) for each row that changes something."""
    table = translation_table(project_dir, files)
    languages = table.languages
    problems = column_problems(sheet, languages)
    if problems:
        raise ConfigError(
            f"{sheet.name}: the columns cannot be imported; nothing was changed", problems=problems
        )
    known: dict[str, dict[str, TextRow]] = {item.name: {} for item in files}
    for row in table.rows:
        known[row.file][row.key] = row
    planned, seen = [], {}
    for number, values in sheet.rows:
        row, found = row_problems(sheet, number, values, known)
        if row is not None and (row.file, row.key) in seen:
            found.append(
                f"{sheet.name} row {number}: the same text as row {seen[row.file, row.key]}; keep one of the two"
            )
        problems += found
        if row is None or found:
            continue
        seen[row.file, row.key] = number
        cell = dict(zip(sheet.header, values, strict=False))
        new = {code: cell[code].strip() for code in languages if cell.get(code, "").strip()}
        changed = {code: text for code, text in new.items() if text != row.texts.get(code, "").strip()}
        if changed:
            planned.append((row, changed))
    if problems:
        raise ConfigError(
            f"{sheet.name}: {len(problems)} row(s) cannot be imported; nothing was changed", problems=problems
        )
    return planned
