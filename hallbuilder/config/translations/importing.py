"""Import a filled-in translation table: checked whole, then written into hall.yaml and the showcases at once.

Every row is checked first (columns, files, keys, texts) and every problem names its row; then the texts are
written through the comment-keeping round-trip parser, each changed file is checked by the loader, and only
when all of them load are they replaced (atomically, one by one; the previous versions are kept as
.<name>.bak). An empty cell changes nothing: a translation is never removed by an import.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import LiteralScalarString, ScalarString

from hallbuilder.config.edit import round_trip_parser
from hallbuilder.config.fields import LANGUAGE, control_character
from hallbuilder.config.load import CONFIG_NAME, config_file
from hallbuilder.config.problems import did_you_mean
from hallbuilder.config.project import load_hall, load_project
from hallbuilder.config.showcase import check_showcase, read_showcase_files, rooms_of
from hallbuilder.config.source import read_yaml
from hallbuilder.config.translations.excel import read_xlsx
from hallbuilder.config.translations.sheets import FIXED_COLUMNS, MISSING_COLUMN, Sheet, read_csv
from hallbuilder.config.translations.table import (
    LANGUAGE_KEYED,
    TextFile,
    TextRow,
    project_files,
    translation_table,
)
from hallbuilder.errors import ConfigError

EXPORT_AGAIN = "export the table again (`hallbuilder translations export`) and copy your texts into it"


@dataclass(frozen=True)
class Change:
    """One text that the import writes: `old` is "" when the language had no text yet."""

    file: str
    key: str
    language: str
    old: str
    new: str


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


def same_style(old: Any, new: str) -> str:
    """The new text quoted as the old one was (staff's quotes stay)."""
    return type(old)(new) if isinstance(old, ScalarString) else new


def position(mapping: dict, code: str, languages: list[str]) -> int:
    before = languages[: languages.index(code)]
    return len([key for key in mapping if key in before])


def text_map(texts: dict[str, str]) -> CommentedMap:
    """A new map of texts: on one line `{zh-CN: …, en: …}`, or one language a line when a text has line breaks."""
    if not any("\n" in str(text) for text in texts.values()):
        mapping = CommentedMap(texts)
        mapping.fa.set_flow_style()
        return mapping
    return CommentedMap(
        (code, LiteralScalarString(str(text)) if "\n" in str(text) else text) for code, text in texts.items()
    )


def set_texts(parent: Any, name: str, changed: dict[str, str], languages: list[str]) -> None:
    """Write a text's new languages: into its map, or turn a single text into a map of languages."""
    current = parent[name]
    if not isinstance(current, dict):
        merged = {languages[0]: current} | changed
        if list(merged) == [languages[0]]:
            parent[name] = same_style(current, merged[languages[0]])
            return
        parent[name] = text_map({code: merged[code] for code in languages if code in merged})
        return
    block = not current.fa.flow_style()
    for code, text in changed.items():
        value = LiteralScalarString(text) if block and "\n" in text else text
        if code in current:
            current[code] = same_style(current[code], text) if value is text else value
        else:
            current.insert(position(current, code, languages), code, value)


def set_transcripts(narration: Any, changed: dict[str, str], languages: list[str]) -> None:
    transcript = LANGUAGE_KEYED["narration"]
    for code, text in changed.items():
        entry = narration.get(code)
        if isinstance(entry, dict):
            entry[transcript] = same_style(entry.get(transcript), text)
        else:
            entry = CommentedMap({transcript: text})
            entry.fa.set_flow_style()
            narration.insert(position(narration, code, languages), code, entry)


def parent_of(document: Any, row: TextRow) -> Any:
    node = document
    for part in row.path[:-1]:
        node = node[part]
    return node


def apply_changes(files: list[TextFile], planned: list, languages: list[str]) -> dict[str, str]:
    """The changed files' new texts (name -> YAML text); `files`' documents are changed in place."""
    by_name = {item.name: item for item in files}
    for row, changed in planned:
        parent = parent_of(by_name[row.file].document, row)
        if row.kind == "transcript":
            set_transcripts(parent[row.path[-1]], changed, languages)
        else:
            set_texts(parent, row.path[-1], changed, languages)
    written = {}
    for name in dict.fromkeys(row.file for row, _ in planned):
        item, buffer = by_name[name], io.StringIO()
        round_trip_parser(item.text).dump(item.document, buffer)
        written[name] = buffer.getvalue()
    return written


def check_candidates(project_dir: Path, files: list[TextFile], written: dict[str, str]) -> dict[Path, Path]:
    """Write each new text beside its file and check it with the loader; the candidates by the file they replace."""
    candidates = {}
    try:
        for item in files:
            if item.name in written:
                candidate = item.path.with_name(f".{item.path.stem}-translations.yaml")
                candidate.write_text(written[item.name], "utf-8")
                candidates[item.path] = candidate
        problems = candidate_problems(project_dir, files, candidates)
    except BaseException:
        remove(candidates.values())
        raise
    if problems:
        remove(candidates.values())
        raise ConfigError("the imported texts would not load; nothing was changed", problems=problems)
    return candidates


def candidate_problems(project_dir: Path, files: list[TextFile], candidates: dict[Path, Path]) -> list[str]:
    problems: list[str] = []
    hall_path = project_dir / CONFIG_NAME
    try:
        config = load_hall(candidates.get(hall_path, hall_path))
    except ConfigError as error:
        return error.lines()
    hall_scenes = [scene["id"] for scene in config.scenes]
    rooms = rooms_of(read_showcase_files(project_dir))
    for item in files[1:]:
        if item.path not in candidates:
            continue
        folder = item.path.parent
        others = [ident for other, ids in rooms.items() if other != folder for ident in ids]
        try:
            source = read_yaml(candidates[item.path], item.name)
        except ConfigError as error:
            problems += error.lines()
            continue
        _, found = check_showcase(
            folder, source, config.languages, hall_scenes, [other.name for other in rooms], others, {}
        )
        problems += found
    return problems


def remove(paths) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def replace_all(candidates: dict[Path, Path]) -> None:
    for target, candidate in candidates.items():
        target.with_name(f".{target.name}.bak").write_bytes(target.read_bytes())
        os.replace(candidate, target)


def import_translations(project: Path, table_file: Path, dry_run: bool = False) -> list[Change]:
    """Import `table_file` (.csv or .xlsx) into the project; return the texts it changed (or would, `dry_run`)."""
    project_dir = config_file(Path(project)).parent
    load_project(project_dir)  # a project with problems is fixed first: its texts cannot be placed safely
    sheet = read_sheet(Path(table_file))
    files = project_files(project_dir)
    languages = translation_table(project_dir, files).languages
    planned = plan_changes(project_dir, sheet, files)
    changes = [
        Change(row.file, row.key, code, row.texts.get(code, ""), text)
        for row, changed in planned
        for code, text in changed.items()
    ]
    if dry_run or not planned:
        return changes
    written = apply_changes(files, planned, languages)
    replace_all(check_candidates(project_dir, files, written))
    return changes
