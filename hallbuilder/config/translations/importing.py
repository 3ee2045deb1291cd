"""Import a filled-in translation table: checked whole, then written into hall.yaml and the showcases at once.

Every row is checked first (rows.py), then the texts are written and each changed file is checked by the
loader before any is replaced (writing.py). An empty cell changes nothing: an import never removes a text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hallbuilder.config.load import config_file
from hallbuilder.config.project import load_project
from hallbuilder.config.translations.rows import plan_changes, read_sheet
from hallbuilder.config.translations.table import project_files, translation_table
from hallbuilder.config.translations.writing import apply_changes, check_candidates, replace_all


@dataclass(frozen=True)
class Change:
    """One text that the import writes: `old` is "" when the language had no text yet."""

    file: str
    key: str
    language: str
    old: str
    new: str


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
